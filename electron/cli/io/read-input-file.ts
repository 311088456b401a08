/**
 * Reading a file the user names as input (import): its size checked before it is read, and
 * a failure reported by its code only — never with the content, which holds token values.
 */
import { readFileSync, statSync } from 'node:fs';
import { AppError } from '../../../shared/errors';

/** The bytes of `file`, or BAD_INPUT ("… is larger than N MiB", "Cannot read … (ENOENT)"). */
export function readInputFile(file: string, maxBytes: number): Buffer {
  if (file === '-') {
    throw new AppError('BAD_INPUT', 'import reads a file; standard input ("-") is not supported (it carries the password).');
  }
  try {
    if (statSync(file).size > maxBytes) throw new AppError('BAD_INPUT', `${file} is larger than ${maxBytes / 1024 / 1024} MiB.`);
    return readFileSync(file);
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('BAD_INPUT', `Cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
}
