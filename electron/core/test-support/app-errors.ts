/** Test helper: what a call fails with, as the user would see it. */
import { isAppError } from '../../../shared/errors';

/**
 * Runs `work` (a function or a promise) and returns the AppError it fails with, as
 * `{ code, message }`, or `{ code: 'no error' }` when it succeeds. Anything thrown that is
 * not an AppError (a crash) is re-thrown, so the test fails loudly.
 */
export async function errorOf(work: Promise<unknown> | (() => unknown)): Promise<{ code: string; message: string }> {
  try {
    await (typeof work === 'function' ? work() : work);
  } catch (e) {
    if (isAppError(e)) return { code: e.code, message: e.message };
    throw e;
  }
  return { code: 'no error', message: '' };
}

/** The code of `errorOf(work)`. */
export async function codeOf(work: Promise<unknown> | (() => unknown)): Promise<string> {
  return (await errorOf(work)).code;
}
