/**
 * Which reminders have fired, so each fires once across restarts. A small JSON file beside the
 * vault, readable while the vault is locked. Its keys hold a token id and an expiry date
 * (`id|YYYY-MM-DD|days`, or an ISO instant for an expiry a platform reported): not secret — the vault already keeps ids and expiry dates in
 * plaintext for exactly this, so reminders can fire while it is locked. No name, account,
 * client or platform is ever written here.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { systemClock, type Clock } from '../ports';
import { parseExpiry } from '../../../shared/domain/expiry';
import { parseReminderKey } from './schedule';

/** The scheduler's memory of fired reminders. */
export interface FiredReminderStore {
  /** Whether the reminder with this key has fired. */
  has(key: string): boolean;
  /** Records keys as fired, durably where the store can; the scheduler calls it BEFORE notifying. */
  add(keys: readonly string[]): void;
}

/** Keys are kept this long after their expiry date: past it no reminder can fire for them. */
export const FIRED_KEEP_DAYS = 30;

const FILE_VERSION = 1;
// Thousands of tokens × 10 reminders fit easily; anything larger is not ours.
const MAX_FILE_BYTES = 1024 * 1024;
const DAY_MS = 86_400_000;

const fileSchema = z.object({ version: z.literal(FILE_VERSION), fired: z.array(z.string()) });

/**
 * The fired set in a JSON file. Never throws: a missing, unreadable or corrupt file starts
 * empty and is rewritten (the worst case is a reminder shown again, never a crash), and a
 * failed write is reported to `onError` and retried on the next add — the keys stay fired in
 * memory, so this run still never repeats one. Writes are atomic (temp file, fsync, rename)
 * and the file is 0600.
 */
export class FileFiredStore implements FiredReminderStore {
  private readonly keys = new Set<string>();
  private readonly clock: Clock;
  private readonly onError: (e: unknown) => void;
  /** A save failed: the next add writes even when it brings nothing new. */
  private dirty = false;

  constructor(
    private readonly path: string,
    opts: { clock?: Clock; onError?: (e: unknown) => void } = {},
  ) {
    this.clock = opts.clock ?? systemClock;
    this.onError = opts.onError ?? (() => {});
    const loaded = this.load();
    const pruned = this.prune();
    if (!loaded || pruned) this.save();
  }

  has(key: string): boolean {
    return this.keys.has(key);
  }

  add(keys: readonly string[]): void {
    let changed = false;
    for (const k of keys) {
      if (!this.keys.has(k)) {
        this.keys.add(k);
        changed = true;
      }
    }
    if (this.prune()) changed = true;
    if (changed || this.dirty) this.save();
  }

  /** The keys held, sorted (tests, diagnostics). */
  list(): string[] {
    return [...this.keys].sort();
  }

  /** Reads the file; false when it was missing or had to be discarded (so it gets rewritten). */
  private load(): boolean {
    let text: string;
    try {
      if (statSync(this.path).size > MAX_FILE_BYTES) return false;
      text = readFileSync(this.path, 'utf8');
    } catch {
      return false; // missing or unreadable: start empty
    }
    let parsed: z.infer<typeof fileSchema>;
    try {
      const r = fileSchema.safeParse(JSON.parse(text));
      if (!r.success) return false;
      parsed = r.data;
    } catch {
      return false;
    }
    let clean = true;
    for (const k of parsed.fired) {
      if (parseReminderKey(k)) this.keys.add(k);
      else clean = false; // drop the damaged entry, keep the rest
    }
    return clean;
  }

  /** Drops keys whose expiry is more than FIRED_KEEP_DAYS ago; true when any went. */
  private prune(): boolean {
    const now = this.clock.now();
    const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
    let removed = false;
    for (const k of this.keys) {
      const parsed = parseReminderKey(k);
      if (!parsed || expiryMs(parsed.expiry) + FIRED_KEEP_DAYS * DAY_MS < today) {
        this.keys.delete(k);
        removed = true;
      }
    }
    return removed;
  }

  private save(): void {
    const tmp = `${this.path}.${process.pid}.tmp`;
    const text = `${JSON.stringify({ version: FILE_VERSION, fired: this.list() })}\n`;
    try {
      mkdirSync(dirname(this.path), { recursive: true, mode: 0o700 });
      rmSync(tmp, { force: true }); // a leftover temp file would keep its old mode
      const fd = openSync(tmp, 'wx', 0o600);
      try {
        writeSync(fd, text);
        fsyncSync(fd); // "fired" must reach the disk before the notification is shown
      } finally {
        closeSync(fd);
      }
      renameSync(tmp, this.path); // atomic: the old set or the new, never half
      this.dirty = false;
    } catch (e) {
      try {
        rmSync(tmp, { force: true });
      } catch {
        // the write already failed; a stray temp file is harmless and replaced next time
      }
      this.dirty = true;
      this.onError(e);
    }
  }
}

/** An expiry's day or instant in ms (parseReminderKey only returns readable ones). */
function expiryMs(expiry: string): number {
  const p = parseExpiry(expiry);
  return p === null ? Number.NEGATIVE_INFINITY : p.kind === 'day' ? p.day : p.at;
}
