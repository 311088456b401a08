/**
 * Rotating a vault token through its platform's API. The new value replaces the old one in one
 * transaction, with the new expiry the platform reported. The rules around it:
 *
 *  - The expiry: platforms whose rotation takes one (GitLab) keep the stored expiry unless the
 *    user chose a date; the preset computes and sends it (presets/gitlab-rotate).
 *  - The connector answers with an outcome (types.ts RotateOutcome), never a throw; one that
 *    stored nothing becomes the user's error in one place (./rotation-failure).
 *  - No answer (`unconfirmed`: timeout, cut connection, 5xx): the token is marked
 *    "rotation unconfirmed" with what to do, and ROTATION_UNCONFIRMED is thrown. Rotating it
 *    again is refused before any request until a check shows the old value still works (the
 *    vault clears the mark then): on GitLab, rotating with a value that was rotated away
 *    revokes the new token too (see ./rotation-unconfirmed).
 *  - Rotated but not stored: the new value leaves in RotationNotSaved, never lost
 *    (./rotation-recovery).
 */
import { AppError } from '../../../shared/errors';
import { calendarDayStart } from '../../../shared/domain/expiry';
import type { TokenView } from '../../../shared/domain/token';
import { tokenPageFor } from '../../../shared/domain/token-pages';
import type { Vault } from '../vault/vault';
import { bind, mustSignIn, signInNeeded, type Bound, type OperationExtra, type PlatformOpsOptions } from './token-ops';
import { rotationFailure, runRotation, type FailureRecorder } from './rotation-failure';
import { RotationNotSaved } from './rotation-recovery';
import type { ConnectorInput, ExpiryCapped, RotateOperation } from './types';

/** What a rotation is asked for: the platform inputs (password…) and, optionally, the new expiry (YYYY-MM-DD). */
export type RotateExtra = OperationExtra & { readonly expiresAt?: string };

/** Options beyond the network's: the user's zone and clock, for the default expiry (tests pin them). */
export interface RotateOpsOptions extends PlatformOpsOptions {
  readonly timeZone?: string;
  readonly now?: () => Date;
}

/** What a rotation did. */
export interface RotateResult {
  readonly view: TokenView;
  /** The platform refused the asked expiry as beyond its maximum lifetime; the rotation used the maximum. */
  readonly expiryCapped: ExpiryCapped | null;
}

/** Why this token cannot be rotated as asked, whatever the account gives; null when it can. */
function refusalOf(b: Bound, expiresAt: string | undefined): AppError | null {
  if (b.wrongFormat) return new AppError('PLATFORM_MISMATCH', `Not rotated: ${b.blocked ?? ''}. Correct the token's platform first.`);
  const name = b.preset?.name ?? 'This platform';
  const rotate = b.preset?.rotate;
  if (!rotate) return new AppError('BAD_INPUT', `${name} cannot rotate tokens through its API: create a new token on its page, then edit this one.`);
  if (b.blocked !== null || !b.input) return new AppError('BAD_INPUT', `Cannot rotate: ${b.blocked ?? 'no connection'}.`);
  // Sending the old value to the rotate endpoint again is what GitLab's reuse detection punishes.
  const mark = b.view.rotationUnconfirmed;
  if (mark !== null) {
    return new AppError(
      'ROTATION_UNCONFIRMED',
      `Not rotated: the rotation of “${b.view.name}” on ${mark.at.slice(0, 10)} was never confirmed. ${mark.reason} Once a check says the old value works, rotate again.`,
    );
  }
  if (expiresAt !== undefined && rotate.takesExpiry !== true) {
    return new AppError('BAD_INPUT', `${name} does not let a rotation choose the new token's expiry: rotate without one.`);
  }
  if (expiresAt !== undefined && calendarDayStart(expiresAt) === null) return new AppError('BAD_INPUT', 'The new expiry must be a date that exists, written YYYY-MM-DD.');
  return null;
}

/**
 * Why rotating this token as asked would be refused before anything is sent, or null: for a
 * caller that asks the user to confirm (and for the account password) only when it can go.
 * Sends nothing.
 */
export function rotationRefusal(vault: Vault, idOrPrefix: string, expiresAt?: string): AppError | null {
  return refusalOf(bind(vault, idOrPrefix, undefined, {}), expiresAt);
}

/**
 * Rotates a token through the platform's API; the new value replaces the old in one
 * transaction, with the expiry the platform reported for it.
 */
export async function rotateToken(vault: Vault, idOrPrefix: string, extra?: RotateExtra, opts: RotateOpsOptions = {}): Promise<RotateResult> {
  const { expiresAt, ...platformExtra } = extra ?? {};
  const b = bind(vault, idOrPrefix, Object.keys(platformExtra).length > 0 ? platformExtra : undefined, opts);
  const refused = refusalOf(b, expiresAt);
  if (refused !== null) throw refused;
  const rotate = b.preset?.rotate as RotateOperation;
  const input = b.input as ConnectorInput;
  const name = b.preset?.name ?? 'This platform';
  if (rotate.needsPassword && !extra?.password) throw new AppError('BAD_INPUT', `${name} needs your account password to rotate a token (used once, never stored).`);
  if (mustSignIn(rotate, b.view, extra)) throw signInNeeded(name, 'rotate', 'it has expired');
  const v = b.view;
  const outcome = await runRotation(rotate, input, {
    ...(expiresAt !== undefined ? { expiresOn: expiresAt } : {}),
    stored: { expiry: v.expiry, expirySource: v.expirySource, expiryRaw: v.expiryRaw, neverExpires: v.neverExpires },
    ...(opts.timeZone !== undefined ? { timeZone: opts.timeZone } : {}),
    ...(opts.now !== undefined ? { now: opts.now() } : {}),
  });
  if (outcome.result !== 'rotated') {
    const recorder: FailureRecorder = {
      markUnconfirmed: (guidance) => vault.results.markRotationUnconfirmed(v.id, guidance),
      recordFailure: (reason) => vault.results.recordCheck(v.id, { result: 'unknown', reason }),
    };
    const pageUrl = tokenPageFor(v.platform, v.baseUrl)?.url ?? null;
    throw rotationFailure(outcome, { platform: name, tokenName: v.name, pageUrl, reuseRevokes: v.platform === 'gitlab' }, recorder);
  }
  try {
    return { view: vault.results.rotate(v.id, outcome.newValue, outcome.expiry), expiryCapped: outcome.expiryCapped ?? null };
  } catch (e) {
    // The old value is dead already: the new one leaves with the error, for the caller to keep.
    throw new RotationNotSaved(v.id, outcome.newValue, outcome.expiry, name, e);
  }
}
