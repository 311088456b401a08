/**
 * YesWeHack (seed 000, PLATFORMS.md). PATs authenticate with `X-AUTH-TOKEN: <pat>` on
 * api.yeswehack.com (not apps.yeswehack.com) and may only call `/programs/*` and `/reports/*`,
 * so there is no who-am-i: a check reads one program the token is scoped to, whose slug the
 * user stores with the account (`extra.programSlug`).
 *
 * Status mapping (decided here; YesWeHack documents no error codes, so all of it is inferred
 * from HTTP's meaning and the seed):
 *   200 + JSON object → active. The program read tells nothing about roles or expiry, and
 *         YesWeHack reports no expiry through the API: none is claimed.
 *   401 → invalid (or expired/revoked when the body says so): the token was not accepted.
 *   403 → unknown: the token was read, but this program is refused — a mistyped slug, a program
 *         outside the token's list, or a membership that ended (the seed: the PAT is then
 *         revoked). Only the first two are common and they say nothing about the token, so the
 *         check makes no verdict and says to check the slug (PLATFORMS.md pitfalls).
 *   404 → unknown: the program slug is probably wrong, which says nothing about the token.
 *   429 / 5xx / network → unknown.
 */
import { PRESET_TOKEN_PATTERNS } from '../../../../shared/domain/detect-patterns';
import type { CheckOutcome, ConnectorInput, PlatformPreset } from '../types';
import { commonStatusOutcome, guarded, isRecord, rateLimitedOutcome, rejectedOutcome, UNEXPECTED_OUTCOME } from '../http';

/** Program slugs as YesWeHack shows them in URLs: letters, digits, '-' and '_'. */
const SLUG = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;

async function check(input: ConnectorInput): Promise<CheckOutcome> {
  const slug = input.extra?.programSlug?.trim();
  if (slug === undefined || slug === '') return { result: 'unknown', reason: 'needs a program slug to check' };
  if (!SLUG.test(slug)) return { result: 'unknown', reason: 'program slug is not valid' };
  return guarded(async () => {
    const res = await input.http.request({ method: 'GET', path: `/programs/${encodeURIComponent(slug)}` });
    const limited = rateLimitedOutcome(res);
    if (limited !== null) return limited;
    if (res.status === 401) return rejectedOutcome(res, '401 Unauthorized');
    if (res.status === 403) return { result: 'unknown', reason: `403: program ${slug} refused (mistyped, or not one of this token's programs?); the token itself was not judged` };
    if (res.status === 404) return { result: 'unknown', reason: `program ${slug} not found (check the slug)` };
    const common = commonStatusOutcome(res);
    if (common !== null) return common;
    return isRecord(res.json) ? { result: 'active' } : UNEXPECTED_OUTCOME;
  });
}

export const yeswehackPreset: PlatformPreset = {
  id: 'yeswehack',
  name: 'YesWeHack',
  defaultBaseUrl: 'https://api.yeswehack.com',
  auth: { kind: 'header', name: 'X-AUTH-TOKEN' },
  tokenPattern: PRESET_TOKEN_PATTERNS.yeswehack,
  tokenPageUrl: 'https://yeswehack.com/',
  scopeVocabulary: ['Business Unit Owner', 'Business Unit Manager', 'Program Manager', 'Read access', 'Write access'],
  expiry: 'optional',
  platformRemindsDaysBefore: 7,
  notes: [
    'Use the API host api.yeswehack.com with a PAT, not apps.yeswehack.com.',
    'A PAT may only call /programs/* and /reports/*; there is no who-am-i, so a check reads one program the token is scoped to (store its slug).',
    'Only Business Unit Owners, Business Unit Managers and Program Managers can create PATs; a PAT carries a role, a list of programs and an access type.',
    'Access type names "Read access" / "Write access" (unverified): the help page says only that a PAT can "access or modify data".',
    'YesWeHack reminds 7 days before a PAT expires (when an expiry is set).',
    'A PAT is revoked automatically when your membership of its program or business unit ends.',
    'Revoke in the web app: [USERNAME] menu › MyYesWeHack tools › Personal access tokens (exact page URL unverified; the app opens yeswehack.com).',
    'API actions made with a PAT show in the audit log with the PAT used.',
    'A 403 is reported as unknown, not invalid: the stored program slug may be mistyped or outside the token’s programs (or the membership ended); check the slug on the token page.',
    'YesWeHack does not report a PAT’s expiry through the API: keep the date you set when creating it.',
    'Token format undocumented: not detected from its shape.',
  ],
  check,
};
