/**
 * YesWeHack (seed 000, PLATFORMS.md). PATs authenticate with `X-AUTH-TOKEN: <pat>` on
 * api.yeswehack.com (not apps.yeswehack.com) and may only call `/programs/*` and `/reports/*`,
 * so there is no who-am-i: a check reads one program the token is scoped to, whose slug the
 * user stores with the account (`extra.programSlug`).
 *
 * Status mapping (decided here; YesWeHack documents no error codes):
 *   200 + JSON object → active. The program read tells nothing about roles or expiry.
 *   401 → invalid (or expired/revoked when the body says so).
 *   403 → invalid, "not allowed for this program": the seed says a PAT is revoked automatically
 *         when the program/BU membership ends, and the slug is one the token was scoped to — but
 *         a wrong slug also gives 403, so we do not claim `revoked`.
 *   404 → unknown: the program slug is probably wrong, which says nothing about the token.
 *   429 / 5xx / network → unknown.
 */
import { PRESET_TOKEN_PATTERNS } from '../../../../shared/domain/detect-patterns';
import type { CheckOutcome, ConnectorInput, PlatformPreset } from '../types';
import { commonStatusOutcome, guarded, rateLimitedOutcome, isRecord, rejectedOutcome, UNEXPECTED } from './seed-common';

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
    if (res.status === 403) return rejectedOutcome(res, `403: not allowed for program ${slug}`);
    if (res.status === 404) return { result: 'unknown', reason: `program ${slug} not found (check the slug)` };
    const common = commonStatusOutcome(res);
    if (common !== null) return common;
    return isRecord(res.json) ? { result: 'active' } : UNEXPECTED;
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
    'A 403 is reported as invalid for this program: the token was revoked with the membership, or the stored slug is not in its scope.',
    'Token format undocumented: not detected from its shape.',
  ],
  check,
};
