import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fixedClock, tempDir } from '../test-support/temp-vault';
import { FileFiredStore } from './fired-store';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('patvault-fired-')));
afterEach(() => cleanup());

const clock = fixedClock('2026-11-20T10:00:00Z');
const file = () => join(dir, 'reminders-fired.json');
const onDisk = () => JSON.parse(readFileSync(file(), 'utf8')) as { version: number; fired: string[] };

describe('FileFiredStore', () => {
  it('keeps fired keys across instances (a restart)', () => {
    const a = new FileFiredStore(file(), { clock });
    a.add(['ab12|2026-12-01|7']);
    const b = new FileFiredStore(file(), { clock });
    expect(b.has('ab12|2026-12-01|7')).toBe(true);
    expect(b.has('ab12|2026-12-01|1')).toBe(false);
    expect(onDisk()).toEqual({ version: 1, fired: ['ab12|2026-12-01|7'] });
  });

  it.skipIf(process.platform === 'win32')('writes the file 0600, through a temp file that does not stay behind', () => {
    new FileFiredStore(file(), { clock }).add(['ab12|2026-12-01|7']);
    expect(statSync(file()).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['reminders-fired.json']);
  });

  it('a missing file starts empty and is written', () => {
    const s = new FileFiredStore(file(), { clock });
    expect(s.list()).toEqual([]);
    expect(onDisk()).toEqual({ version: 1, fired: [] });
  });

  it.each([
    ['not JSON', '{"version": 1, "fired": ['],
    ['the wrong shape', '{"version": 1, "fired": "ab12|2026-12-01|7"}'],
    ['a future version', '{"version": 2, "fired": []}'],
    ['binary junk', '\u0000\u0001\u00ff'],
  ])('a corrupt file (%s) starts empty and is rewritten, never a crash', (_what, text) => {
    writeFileSync(file(), text);
    const s = new FileFiredStore(file(), { clock });
    expect(s.list()).toEqual([]);
    expect(onDisk()).toEqual({ version: 1, fired: [] });
  });

  it('drops damaged entries and keeps the good ones', () => {
    writeFileSync(file(), JSON.stringify({ version: 1, fired: ['ab12|2026-12-01|7', 'garbage', 'cd34|2026-02-31|1'] }));
    const s = new FileFiredStore(file(), { clock });
    expect(s.list()).toEqual(['ab12|2026-12-01|7']);
    expect(onDisk().fired).toEqual(['ab12|2026-12-01|7']);
  });

  it('prunes keys once their expiry date is more than 30 days past', () => {
    const c = fixedClock('2026-11-20T10:00:00Z');
    writeFileSync(
      file(),
      JSON.stringify({ version: 1, fired: ['old1|2026-10-20|1', 'keep|2026-10-21|1', 'next|2026-12-01|7'] }),
    );
    const s = new FileFiredStore(file(), { clock: c });
    expect(s.list()).toEqual(['keep|2026-10-21|1', 'next|2026-12-01|7']);
    c.set('2026-11-21T10:00:00Z');
    s.add(['new1|2027-01-01|7']);
    expect(onDisk().fired).toEqual(['new1|2027-01-01|7', 'next|2026-12-01|7']);
  });

  it('a write that fails is reported, not thrown; the keys stay fired in memory and are written later', () => {
    const onError = vi.fn();
    mkdirSync(file()); // a directory where the file should be: rename fails
    const s = new FileFiredStore(file(), { clock, onError });
    expect(() => s.add(['ab12|2026-12-01|7'])).not.toThrow();
    expect(onError).toHaveBeenCalled();
    expect(s.has('ab12|2026-12-01|7')).toBe(true);
    expect(readdirSync(dir)).toEqual(['reminders-fired.json']); // no temp file left behind
  });

  it('does not rewrite the file when nothing changed', () => {
    const s = new FileFiredStore(file(), { clock });
    s.add(['ab12|2026-12-01|7']);
    const inode = statSync(file()).ino; // every write renames a new file into place
    s.add(['ab12|2026-12-01|7']);
    expect(statSync(file()).ino).toBe(inode);
    s.add(['ab12|2026-12-01|1']);
    expect(statSync(file()).ino).not.toBe(inode);
  });
});
