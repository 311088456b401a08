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
import { HttpFailure } from './types';
import { failureReason } from './http/outcomes';

/** Thrown by a preset's rotate when nobody can say whether the rotation happened. Its message names no value. */
export class RotationUnconfirmed extends Error {
  constructor(readonly why: string) {
    super(`no answer to the rotation request (${why}): the platform may or may not have rotated the token`);
    this.name = 'RotationUnconfirmed';
  }
}

/** True for a failure after which the request may have reached the platform. */
export function mayHaveArrived(e: unknown): e is HttpFailure {
  return e instanceof HttpFailure && e.mayHaveArrived;
}

/** The RotationUnconfirmed for a request failure that may have arrived, else null. */
export function unconfirmedFrom(e: unknown): RotationUnconfirmed | null {
  return mayHaveArrived(e) ? new RotationUnconfirmed(failureReason(e)) : null;
}
