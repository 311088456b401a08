/**
 * A rotation that did not happen, or may not have: the one place where a connector's `failed` or
 * `unconfirmed` outcome becomes what the user reads (an AppError for the app and the CLI) and
 * what the token keeps of it. Connectors only describe what happened (types.ts RotateOutcome);
 * the wording the user sees is decided here, so every platform's failure reads the same way.
 */
import { AppError } from '../../../shared/errors';
import { failureReason } from './http';
import { unconfirmedFrom } from './rotation-unconfirmed';
import type { ConnectorInput, RotateOperation, RotateOptions, RotateOutcome } from './types';

/** An outcome that stored nothing: the old value is what the vault still holds. */
export type NotRotated = Exclude<RotateOutcome, { readonly result: 'rotated' }>;

/**
 * Runs a connector's rotation. The contract is that it resolves to an outcome; a throw anyway (a
 * bug) is one too, worded from the failure's kind only (its message could quote a secret), and
 * `unconfirmed` when the request may have reached the platform.
 */
export async function runRotation(op: RotateOperation, input: ConnectorInput, options: RotateOptions): Promise<RotateOutcome> {
  try {
    return await op.run(input, options);
  } catch (e) {
    return unconfirmedFrom(e) ?? { result: 'failed', reason: failureReason(e) };
  }
}

/**
 * What to do after a rotation nobody can confirm, stored with the token and shown with it. Kept
 * short: the vault caps a reason at 500 characters. `reuseRevokes`: the platform revokes the
 * new token too when the old value is used to rotate again (GitLab, ./rotation-unconfirmed).
 */
export function unconfirmedGuidance(platform: string, why: string, pageUrl: string | null, reuseRevokes: boolean): string {
  const where = pageUrl ?? `${platform}'s token page`;
  const reuse = reuseRevokes ? ` (${platform} would revoke the new token too)` : '';
  return (
    `No answer to the rotation (${why}): ${platform} may have rotated it, and then the old value is dead and the new one was lost. ` +
    `Do not rotate again with the old value${reuse}. Look at ${where}, or run Check: if the old value still works, nothing was rotated.`
  );
}

/** The token a rotation was asked for, and where its platform's token page is. */
export interface RotationTarget {
  /** The platform's name, as the user knows it ("GitLab"). */
  readonly platform: string;
  /** The token's own name in the vault. */
  readonly tokenName: string;
  readonly pageUrl: string | null;
  /** Rotating again with the old value would revoke the new token too (GitLab). */
  readonly reuseRevokes: boolean;
}

/** Where the token keeps what happened; each may throw (the vault locked meanwhile). */
export interface FailureRecorder {
  /** Marks the token "rotation unconfirmed" with this guidance: another rotation is refused until a check. */
  markUnconfirmed(guidance: string): void;
  /** Stores an `unknown` check result with this reason: the token's state says the rotation failed. */
  recordFailure(reason: string): void;
}

/**
 * Keeps what the token must remember of a rotation that did not happen, and returns the error
 * the user reads. `failed` with `fallback: 'sign-in'` records nothing: nothing changed on the
 * platform, and the caller asks for the account login and tries again.
 */
export function rotationFailure(outcome: NotRotated, target: RotationTarget, recorder: FailureRecorder): AppError {
  const { platform } = target;
  if (outcome.result === 'unconfirmed') {
    const guidance = unconfirmedGuidance(platform, outcome.reason, target.pageUrl, target.reuseRevokes);
    let unmarked = '';
    try {
      recorder.markUnconfirmed(guidance);
    } catch {
      // Locked or busy meanwhile: nothing guards the token now but the user, so say so.
      unmarked = ' (PAT Vault could not record this on the token: remember it yourself.)';
    }
    return new AppError('ROTATION_UNCONFIRMED', `“${target.tokenName}”: ${guidance}${unmarked}`);
  }
  // The token could not, the account can: ask for its login (nothing changed on the platform).
  if (outcome.fallback === 'sign-in') return new AppError('NEEDS_SIGN_IN', `${platform} did not rotate the token: ${outcome.reason}`);
  recorder.recordFailure(`rotate failed: ${outcome.reason}`.slice(0, 300));
  return new AppError('BAD_INPUT', `${platform} did not rotate the token: ${outcome.reason}`);
}
