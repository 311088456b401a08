/**
 * Reading a file the user names as input (import, --notes-file): the core's bounded reader (a plain file,
 * size checked before it is read, failures by code only — never the content, which holds
 * token values), plus the CLI's own rule that "-" is not a file here.
 */
import { AppError } from '../../../shared/errors';
import { readFileLimited } from '../../core/files/read-limited';

/** The bytes of `file`, or BAD_INPUT ("… is not a file", "… is larger than N MiB", "Cannot read … (ENOENT)"). */
export function readInputFile(file: string, maxBytes: number, what = 'import reads a file'): Buffer {
  if (file === '-') {
    throw new AppError('BAD_INPUT', `${what}; standard input ("-") is not supported (it carries the password).`);
  }
  return readFileLimited(file, maxBytes);
}
