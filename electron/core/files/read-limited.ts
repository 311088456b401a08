/**
 * Reading a file the user picked (an import): checked to be a plain file of bounded size
 * before any byte is read — a FIFO or a device would block, a huge file would fill memory —
 * and a failure reported by its code only, never with the content (it holds token values).
 */
import { readFileSync, statSync } from 'node:fs';
import { AppError } from '../../../shared/errors';

const mib = (n: number): string => `${Math.round((n / (1024 * 1024)) * 10) / 10} MiB`;

/** The bytes of `file`, or BAD_INPUT ("… is not a file", "… is larger than N MiB", "Cannot read … (ENOENT)"). */
export function readFileLimited(file: string, maxBytes: number): Buffer {
  try {
    const st = statSync(file);
    if (!st.isFile()) throw new AppError('BAD_INPUT', `${file} is not a file.`);
    if (st.size > maxBytes) throw new AppError('BAD_INPUT', `${file} is larger than ${mib(maxBytes)}.`);
    return readFileSync(file);
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('BAD_INPUT', `Cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
}
