/**
 * Writing a file the user asked for (a backup, an export) all or nothing: to a temporary file
 * beside the target (mode 0600), flushed to disk, then moved into place. A crash or a full
 * disk leaves the old file or the new one, never half of one.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../../../shared/errors';

const fsCode = (e: unknown): string => (e as NodeJS.ErrnoException).code ?? 'error';

/** Makes a rename or link durable (POSIX: fsync the folder; elsewhere not needed or possible). */
function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Windows cannot open a folder for fsync; its renames are journaled by NTFS.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Puts `bytes` at `file` through a temporary file in the same folder: all or nothing, never
 * a half-written file, and readable by the owner only (0600: a backup or an inventory is
 * nobody else's business). Without `overwrite`, an existing file is never replaced (checked
 * atomically with a hard link where the file system has them).
 */
export function writeFileAtomically(file: string, bytes: Buffer, overwrite: boolean): void {
  const tmp = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number;
  try {
    fd = openSync(tmp, 'wx', 0o600);
  } catch (e) {
    throw new AppError('BAD_INPUT', `Cannot write ${file} (${fsCode(e)}): check the folder and its permissions.`);
  }
  try {
    try {
      for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off, bytes.length - off);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (overwrite) renameSync(tmp, file);
    else {
      try {
        linkSync(tmp, file);
      } catch (e) {
        const code = fsCode(e);
        if (code === 'EEXIST') throw new AppError('BAD_INPUT', `${file} already exists; not overwriting it.`);
        if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'ENOSYS') throw e;
        // No hard links here (FAT, some network shares): check, then rename.
        if (statSync(file, { throwIfNoEntry: false })) throw new AppError('BAD_INPUT', `${file} already exists; not overwriting it.`);
        renameSync(tmp, file);
      }
    }
    syncFolder(dirname(file));
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('BAD_INPUT', `Cannot write ${file} (${fsCode(e)}). Nothing was written.`);
  } finally {
    rmSync(tmp, { force: true });
  }
}
