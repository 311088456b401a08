/**
 * Real backup files for the restore and merge tests, written the way a user writes one: a
 * vault of their own (another session, as on another laptop), seeded through the channels,
 * then `backup.create` into the path given. `damage` flips one byte, as a bad disk would.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { startBackend, type Backend } from './backend';
import { seed, type SeedOptions } from './seed';

/** What goes into the backup: a vault seeded as `SeedOptions` say, then `change`d. */
export interface BackupSpec extends Pick<SeedOptions, 'tokens' | 'customPlatforms'> {
  /** The backup password. */
  readonly password: string;
  /**
   * Starts the other vault from a backup of `from` (the same tokens, same ids: the same
   * vault on another machine), instead of an empty one.
   */
  readonly from?: Backend;
  /** Changes made on the other machine before it was backed up. */
  readonly change?: (other: Backend, idOf: (name: string) => string) => Promise<void>;
}

/** Writes a backup file at `path` as `spec` says. */
export async function writeBackupFile(path: string, spec: BackupSpec): Promise<void> {
  const other = startBackend();
  try {
    if (spec.from !== undefined) {
      other.dialogs.openPath = `${path}.source`;
      await backUp(spec.from, other.dialogs.openPath, spec.password);
      const file = await other.call('backup.choose', {});
      if (file === null) throw new Error('the source backup was not chosen');
      await other.call('backup.restoreNew', { fileId: file.fileId, password: spec.password, newPassword: spec.password });
    } else {
      await seed(other, { unlocked: true, ...(spec.customPlatforms ? { customPlatforms: spec.customPlatforms } : {}) });
    }
    const names = new Map((await other.call('tokens.list', {})).map((t) => [t.name, t.id]));
    for (const [i, t] of (spec.tokens ?? []).entries()) {
      const added = await other.call('tokens.add', { platform: 'github', account: 'acme', token: `backup-value-${i}`, ...t });
      names.set(t.name, added.id);
    }
    await spec.change?.(other, (name) => names.get(name) ?? '');
    await backUp(other, path, spec.password);
  } finally {
    await other.dispose();
  }
}

/** Backs `backend`'s unlocked vault up to `path`. */
async function backUp(backend: Backend, path: string, password: string): Promise<void> {
  const before = backend.dialogs.savePath;
  backend.dialogs.savePath = path;
  try {
    const r = await backend.call('backup.create', { password });
    if (!r.saved) throw new Error('the backup was not saved');
  } finally {
    backend.dialogs.savePath = before;
  }
}

/** Flips one byte in the middle of the file. */
export function damage(path: string): void {
  const bytes = readFileSync(path);
  const at = Math.floor(bytes.length / 2);
  bytes[at] = (bytes[at] ?? 0) ^ 0xff;
  writeFileSync(path, bytes);
}
