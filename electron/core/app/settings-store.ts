/**
 * User settings in a small JSON file beside the vault (not secret: auto-lock minutes, clipboard
 * and reveal timeouts, theme), so they apply before unlock. A missing or unreadable file means
 * defaults; an unreadable one is kept aside as settings.json.bad rather than overwritten.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { describeZodError } from '../../../shared/domain/token-input';
import { settingsSchema } from '../../../shared/ipc/schemas';

/** The settings. */
export type Settings = z.output<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  autoLockMinutes: 10,
  clipboardClearSeconds: 30,
  revealSeconds: 30,
  theme: 'system',
};

/** Reads and writes the settings file. */
export class SettingsStore {
  private cached: Settings | null = null;

  constructor(private readonly path: string) {}

  /** Current settings (defaults for anything missing). */
  get(): Settings {
    if (this.cached) return this.cached;
    let loaded: Settings = DEFAULT_SETTINGS;
    if (existsSync(this.path)) {
      try {
        const raw = JSON.parse(readFileSync(this.path, 'utf8')) as unknown;
        const r = settingsSchema.partial().safeParse(raw);
        if (!r.success) throw new Error('invalid');
        loaded = { ...DEFAULT_SETTINGS, ...stripUndefined(r.data) };
      } catch {
        renameSync(this.path, `${this.path}.bad`);
      }
    }
    this.cached = loaded;
    return loaded;
  }

  /** Applies a change after validating it; returns the new settings. */
  set(patch: unknown): Settings {
    const r = settingsSchema.partial().strict().safeParse(patch);
    if (!r.success) throw new AppError('BAD_INPUT', describeZodError(r.error, 'settings: '));
    const next = { ...this.get(), ...stripUndefined(r.data) };
    mkdirSync(dirname(this.path), { recursive: true, mode: 0o700 });
    const tmp = `${this.path}.${process.pid}.tmp`;
    writeFileSync(tmp, `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600 });
    renameSync(tmp, this.path); // atomic: a crash leaves the old file or the new, never half
    this.cached = next;
    return next;
  }
}

function stripUndefined<T extends object>(o: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as never;
}
