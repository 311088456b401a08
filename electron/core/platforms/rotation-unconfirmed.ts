/**
 * A rotation whose request went out but whose answer never came back (timeout, connection cut,
 * a gateway's 5xx): the platform may have rotated the token — the old value dead, the new one
 * lost in transit — or not. Neither can be assumed, and the request must not be sent again: on
 * GitLab, rotating with a value that was already rotated away is taken as token theft and
 * revokes the whole token family, the new token included ("Automatic reuse detection",
 * gitlabhq/gitlabhq doc/api/personal_access_tokens.md; lib/gitlab/auth/auth_finders.rb
 * `revoke_token_family`, which fires only for a request to `…/rotate`, so a plain check with
 * the old value is safe and tells which happened).
 */
import { failureReason } from './http';
import { HttpFailure, type RotateOutcome } from './types';

/** Nobody can say whether the rotation happened. `why` names no value ("timeout", "server error 502"). */
export function unconfirmed(why: string): RotateOutcome {
  return { result: 'unconfirmed', reason: why };
}

/** True for a failure after which the request may have reached the platform. */
export function mayHaveArrived(e: unknown): e is HttpFailure {
  return e instanceof HttpFailure && e.mayHaveArrived;
}

/** `unconfirmed` for a request failure that may have arrived, else null (it certainly did not rotate). */
export function unconfirmedFrom(e: unknown): RotateOutcome | null {
  return mayHaveArrived(e) ? unconfirmed(failureReason(e)) : null;
}
