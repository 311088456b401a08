/**
 * The only module that touches `window.api` (what the preload exposes). Features call these
 * functions, never `window.api` directly, so tests can inject a fake api.
 */
import type { Channel, EventName, EventPayload, Request, Response } from '../../../shared/ipc/contract';
import type { PatVaultApi } from '../../../shared/ipc/api';

/** An error the UI shows: the stable code scripts match, and the human message people read. */
export class UiError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = 'UiError';
    this.code = code;
  }
}

/** Code used when the page runs without a preload (plain browser, a test without a fake). */
export const NO_API = 'NO_API';

function api(): PatVaultApi {
  const a = window.api;
  if (a === undefined) {
    throw new UiError(NO_API, 'The app backend is not available (window.api is missing). Start PAT Vault from its launcher.');
  }
  return a;
}

/** The app version from the preload, or undefined when running without it. */
export function appVersion(): string | undefined {
  return window.api?.version;
}

/** Calls one contract channel; resolves to its value, or rejects with a UiError. */
export async function call<C extends Channel>(channel: C, request: Request<C>): Promise<Response<C>> {
  const envelope = await api().invoke(channel, request);
  if (!envelope.ok) throw new UiError(envelope.error.code, envelope.error.message);
  return envelope.value;
}

/** Subscribes to an event from main; returns the unsubscribe function (a no-op without an api). */
export function onEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  const a = window.api;
  if (a === undefined) return () => undefined;
  return a.on(event, listener);
}

/** Turns anything caught into a UiError, keeping unknown errors' text out of the UI. */
export function toUiError(e: unknown): UiError {
  if (e instanceof UiError) return e;
  return new UiError('INTERNAL', 'Something went wrong talking to the app. Nothing was changed.');
}
