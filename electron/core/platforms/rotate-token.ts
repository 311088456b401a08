/**
 * Rotating a vault token through its platform's API. The new value replaces the old one in one
 * transaction, with the new expiry the platform reported. The rules around it:
 *
 *  - The expiry: platforms whose rotation takes one (GitLab) keep the stored expiry unless the
 *    user chose a date; the preset computes and sends it (presets/gitlab-rotate).
 *  - No answer (RotationUnconfirmed: timeout, cut connection, 5xx): the token is marked
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
import { RotationNotSaved } from './rotation-recovery';
import { RotationUnconfirmed } from './rotation-unconfirmed';
import { NeedsFallback, type ConnectorInput, type RotateOperation, type RotateOutcome } from './types';

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
  readonly expiryCapped: NonNullable<RotateOutcome['expiryCapped']> | null;
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
  let outcome: RotateOutcome;
  try {
    outcome = await rotate.run(input, {
      ...(expiresAt !== undefined ? { expiresOn: expiresAt } : {}),
      stored: { expiry: v.expiry, expirySource: v.expirySource, expiryRaw: v.expiryRaw, neverExpires: v.neverExpires },
      ...(opts.timeZone !== undefined ? { timeZone: opts.timeZone } : {}),
      ...(opts.now !== undefined ? { now: opts.now() } : {}),
    });
  } catch (e) {
    if (e instanceof RotationUnconfirmed) {
      const guidance = unconfirmedGuidance(name, e.why, tokenPageFor(v.platform, v.baseUrl)?.url ?? null, v.platform === 'gitlab');
      let unmarked = '';
      try {
        vault.results.markRotationUnconfirmed(v.id, guidance);
      } catch {
        // Locked or busy meanwhile: nothing guards the token now but the user, so say so.
        unmarked = ' (PAT Vault could not record this on the token: remember it yourself.)';
      }
      throw new AppError('ROTATION_UNCONFIRMED', `“${v.name}”: ${guidance}${unmarked}`);
    }
    // The token could not, the account can: ask for its login (nothing changed on the platform).
    if (e instanceof NeedsFallback && e.fallback === 'sign-in') throw new AppError('NEEDS_SIGN_IN', `${name} did not rotate the token: ${e.message}`);
    const why = e instanceof Error ? e.message : 'request failed';
    vault.results.recordCheck(v.id, { result: 'unknown', reason: `rotate failed: ${why}`.slice(0, 300) });
    throw new AppError('BAD_INPUT', `${name} did not rotate the token: ${why}`);
  }
  try {
    return { view: vault.results.rotate(v.id, outcome.newValue, outcome.expiry), expiryCapped: outcome.expiryCapped ?? null };
  } catch (e) {
    // The old value is dead already: the new one leaves with the error, for the caller to keep.
    throw new RotationNotSaved(v.id, outcome.newValue, outcome.expiry, name, e);
  }
}
