/**
 * User settings in a small JSON file beside the vault (not secret: auto-lock minutes, clipboard
 * and reveal timeouts, theme, reminder days and hour, whether notifications name a token), so
 * they apply before unlock. A missing or unreadable file means defaults; an unreadable one is
 * kept aside as settings.json.bad rather than overwritten. Both hosts read it: the app through
 * `SettingsStore`, the CLI through `peekSettings` (it never writes the file).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { DEFAULT_REMINDER_POLICY, type ReminderPolicy } from '../../../shared/domain/reminder-policy';
import { describeZodError } from '../../../shared/domain/token-input';
import { settingsSchema } from '../../../shared/ipc/schemas';

/** The settings (their schema is shared with the IPC contract and the settings dialog). */
export type Settings = z.output<typeof settingsSchema>;

/** The settings before the user changes any. */
export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  autoLockMinutes: 10,
  clipboardClearSeconds: 30,
  revealSeconds: 30,
  theme: 'system',
  reminderDays: [7, 1],
  reminderHour: 9,
  nameTokensInNotifications: false,
});

/** The settings file that belongs to a vault: beside it (the app keeps both in its user data folder). */
export function settingsPathFor(vaultPath: string): string {
  return join(dirname(vaultPath), 'settings.json');
}

/**
 * The settings in `path` without touching the file (the CLI reads the app's reminder policy):
 * defaults when it is missing or unreadable — the app moves a bad file aside on its next start.
 */
export function peekSettings(path: string): Readonly<Settings> {
  try {
    const r = settingsSchema.partial().safeParse(JSON.parse(readFileSync(path, 'utf8')) as unknown);
    return r.success ? Object.freeze({ ...DEFAULT_SETTINGS, ...stripUndefined(r.data) }) : DEFAULT_SETTINGS;
  } catch {
    return DEFAULT_SETTINGS;
  }
}

/** The reminder policy the settings give (days before expiry, hour), the default for anything missing. */
export function reminderPolicyFrom(settings: { reminderDays?: readonly number[]; reminderHour?: number }): ReminderPolicy {
  return { days: settings.reminderDays ?? DEFAULT_REMINDER_POLICY.days, hour: settings.reminderHour ?? DEFAULT_REMINDER_POLICY.hour };
}

/** Reads and writes the settings file. */
export class SettingsStore {
  private cached: Settings | null = null;

  constructor(private readonly path: string) {}

  /** Current settings (defaults for anything missing). Frozen: change them with `set`. */
  get(): Readonly<Settings> {
    if (this.cached) return this.cached;
    let loaded: Settings = DEFAULT_SETTINGS;
    if (existsSync(this.path)) {
      try {
        const raw = JSON.parse(readFileSync(this.path, 'utf8')) as unknown;
        const r = settingsSchema.partial().safeParse(raw);
        if (!r.success) throw new Error('invalid');
        loaded = Object.freeze({ ...DEFAULT_SETTINGS, ...stripUndefined(r.data) });
      } catch {
        try {
          renameSync(this.path, `${this.path}.bad`);
        } catch {
          // Cannot move it aside (read-only folder): defaults still apply; set() will report.
        }
      }
    }
    this.cached = loaded;
    return loaded;
  }

  /** Applies a change after validating it; returns the new settings. */
  set(patch: unknown): Readonly<Settings> {
    const r = settingsSchema.partial().strict().safeParse(patch);
    if (!r.success) throw new AppError('BAD_INPUT', describeZodError(r.error, 'settings: '));
    const next = Object.freeze({ ...this.get(), ...stripUndefined(r.data) });
    const tmp = `${this.path}.${process.pid}.tmp`;
    try {
      mkdirSync(dirname(this.path), { recursive: true, mode: 0o700 });
      writeFileSync(tmp, `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600 });
      renameSync(tmp, this.path); // atomic: a crash leaves the old file or the new, never half
    } catch (e) {
      rmSync(tmp, { force: true });
      throw new AppError('BAD_INPUT', `Cannot save the settings to ${this.path}: check the folder's permissions.`, { cause: e });
    }
    this.cached = next;
    return next;
  }
}

function stripUndefined<T extends object>(o: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as never;
}
