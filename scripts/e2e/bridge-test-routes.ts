/**
 * The bridge's `/test/*` endpoints: what the page must never reach (the bridge token guards
 * them, checked by the caller before this runs), for tests to look behind the app and to play
 * the parts of the system — the file dialog, the clock, the notification centre, the badge.
 *
 *   GET  /test/clipboard             what was copied and cleared
 *   GET  /test/events                every event the service emitted
 *   POST /test/dialog {path}         the answer of the next file dialog (a path, or null: cancel)
 *   GET  /test/dialogs               the dialogs opened so far [{kind, title, defaultName}]
 *   POST /test/clock {now}           sets the clock (ISO; null: the system's again), then re-evaluates reminders
 *   GET  /test/notifications         reminders shown [{title, body}]           (reminders on)
 *   POST /test/notifications/click {index}  clicks one (emits reminders.openToken) (reminders on)
 *   GET  /test/badge                 {count}: the last badge count, null before any (reminders on)
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { AppService } from '../../electron/core/app/app-service';
import type { QueuedFileDialogs, RecordingClipboard, RecordingNotifier, SettableClock } from './bridge-doubles';
import { readJson, send, sendJson } from './bridge-http';

/** What the routes read and drive. */
export interface TestRouteState {
  readonly service: AppService;
  readonly clipboard: RecordingClipboard;
  readonly events: readonly unknown[];
  readonly dialogs: QueuedFileDialogs;
  readonly clock: SettableClock;
  /** Null when the bridge runs without reminders. */
  readonly reminders: { readonly notifier: RecordingNotifier; readonly badges: readonly number[] } | null;
}

const REMINDER_ROUTES = new Set(['GET /test/notifications', 'POST /test/notifications/click', 'GET /test/badge']);

const dialogBody = z.strictObject({ path: z.string().min(1).nullable() });
const clockBody = z.strictObject({ now: z.iso.datetime({ offset: true }).nullable() });
const clickBody = z.strictObject({ index: z.number().int().min(0) });

/** Parses a JSON body with `schema`, or answers 400 and returns undefined. */
async function body<S extends z.ZodType>(req: IncomingMessage, res: ServerResponse, schema: S): Promise<z.output<S> | undefined> {
  const r = schema.safeParse(await readJson(req));
  if (r.success) return r.data;
  send(res, 400, 'bad body');
  return undefined;
}

/** Answers one /test/* request (the token was already checked). */
export async function handleTestRoute(req: IncomingMessage, res: ServerResponse, path: string, s: TestRouteState): Promise<void> {
  const route = `${req.method ?? 'GET'} ${path}`;
  switch (route) {
    case 'GET /test/clipboard':
      return sendJson(res, s.clipboard.snapshot());
    case 'GET /test/events':
      return sendJson(res, s.events);
    case 'POST /test/dialog': {
      const b = await body(req, res, dialogBody);
      if (b === undefined) return;
      s.dialogs.enqueue(b.path);
      return sendJson(res, { queued: true });
    }
    case 'GET /test/dialogs':
      return sendJson(res, s.dialogs.calls);
    case 'POST /test/clock': {
      const b = await body(req, res, clockBody);
      if (b === undefined) return;
      s.clock.set(b.now === null ? null : new Date(b.now));
      s.service.pokeReminders();
      return sendJson(res, { now: s.clock.now().toISOString() });
    }
  }
  if (!REMINDER_ROUTES.has(route)) return send(res, 404, 'not found');
  const r = s.reminders;
  if (r === null) return send(res, 404, 'reminders are off: start the bridge with { reminders: true }');
  switch (route) {
    case 'GET /test/notifications':
      return sendJson(res, r.notifier.list());
    case 'POST /test/notifications/click': {
      const b = await body(req, res, clickBody);
      if (b === undefined) return;
      return r.notifier.click(b.index) ? sendJson(res, { clicked: true }) : send(res, 404, 'no such notification');
    }
    case 'GET /test/badge':
      return sendJson(res, { count: r.badges.at(-1) ?? null });
    default:
      return send(res, 404, 'not found');
  }
}
