/**
 * A hand-written twin of the zod `bucketContent` schema, for the one hot path: unlock checks
 * ~10,000 decrypted overviews, where zod's per-object parse was most of the time. It accepts
 * exactly what the schema accepts (a property test holds the two together) and returns the
 * parsed JSON itself rather than a copy.
 */
import { PLATFORM_IDS } from '../../../shared/domain/platform-ids';
import { isExpiry } from '../../../shared/domain/expiry';
import { CHECK_RESULTS, VERDICT_RESULTS } from '../../../shared/domain/status';
import { YWH_ACCESS, YWH_ROLES, YWH_SCOPES } from '../../../shared/domain/yeswehack';
import { accountItem, platformItem, tokenItem, type BucketContent } from './record-codec';

const ID = /^[0-9a-f]{32}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TAG22 = /^[A-Za-z0-9_-]{22}$/;
const PLATFORMS = new Set<string>(PLATFORM_IDS);
const RESULTS = new Set<string>(CHECK_RESULTS);
const VERDICTS = new Set<string>(VERDICT_RESULTS);
const YWH_ROLE_SET = new Set<string>(YWH_ROLES);
const YWH_SCOPE_SET = new Set<string>(YWH_SCOPES);
const YWH_ACCESS_SET = new Set<string>(YWH_ACCESS);
/** The keys a record must have and may have, read from its schema (never listed twice). */
function keysOf(schema: { readonly shape: Readonly<Record<string, { isOptional(): boolean }>> }): [required: string[], optional: string[]] {
  const entries = Object.entries(schema.shape);
  return [entries.filter(([, s]) => !s.isOptional()).map(([k]) => k), entries.filter(([, s]) => s.isOptional()).map(([k]) => k)];
}
const [ACCOUNT_KEYS, ACCOUNT_OPTIONAL] = keysOf(accountItem);
const [TOKEN_KEYS, TOKEN_OPTIONAL] = keysOf(tokenItem);

type Obj = Record<string, unknown>;

const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const str = (x: unknown): x is string => typeof x === 'string';
const strOrNull = (x: unknown): boolean => x === null || typeof x === 'string';
const timestamp = (x: unknown): boolean => typeof x === 'string' && x.length >= 1 && x.length <= 40;
const instant = (x: unknown): boolean => typeof x === 'string' && x.length > 10 && isExpiry(x);

/** True when `o` has every key in `keys`, and otherwise only keys from `optional`. */
function exactKeys(o: Obj, keys: readonly string[], optional: readonly string[] = []): boolean {
  let n = 0;
  for (const k in o) {
    if (!Object.prototype.hasOwnProperty.call(o, k)) continue;
    if (keys.includes(k)) n++;
    else if (!optional.includes(k)) return false;
  }
  return n === keys.length;
}

/** Optional short text: absent, or a string of 1..200 characters. */
const param = (o: Obj, k: string): boolean => !(k in o) || (str(o[k]) && o[k].length >= 1 && o[k].length <= 200);

function reminderDaysOk(o: Obj): boolean {
  if (!('reminderDays' in o)) return true;
  const d = o['reminderDays'];
  return Array.isArray(d) && d.length <= 10 && d.every((n) => Number.isInteger(n) && (n as number) >= 0 && (n as number) <= 365);
}

/** Optional choice: absent, or one of `values`. */
const choice = (o: Obj, k: string, values: ReadonlySet<string>): boolean => !(k in o) || (str(o[k]) && values.has(o[k]));

function paramsOk(o: Obj): boolean {
  if (!('params' in o)) return true;
  const p = o['params'];
  if (!isObj(p)) return false;
  if (!onlyKeys(p, ['programSlug', 'tokenId', 'ywhRole', 'ywhScope', 'ywhAccess'])) return false;
  return param(p, 'programSlug') && param(p, 'tokenId') && choice(p, 'ywhRole', YWH_ROLE_SET) && choice(p, 'ywhScope', YWH_SCOPE_SET) && choice(p, 'ywhAccess', YWH_ACCESS_SET);
}

function lastCheckOk(x: unknown): boolean {
  if (x === null) return true;
  if (!isObj(x)) return false;
  for (const k in x) if (k !== 'at' && k !== 'result' && k !== 'reason' && k !== 'owner') return false;
  if (!timestamp(x['at']) || !str(x['result']) || !RESULTS.has(x['result'])) return false;
  const reason = x['reason'];
  const owner = x['owner'];
  return (!('reason' in x) || (str(reason) && reason.length <= 500)) && (!('owner' in x) || (str(owner) && owner.length <= 200));
}

/** Only keys from `allowed`. */
function onlyKeys(o: Obj, allowed: readonly string[]): boolean {
  for (const k in o) if (!allowed.includes(k)) return false;
  return true;
}

function reportedExpiryOk(o: Obj): boolean {
  if (!('reportedExpiry' in o)) return true;
  const r = o['reportedExpiry'];
  return (
    isObj(r) &&
    exactKeys(r, ['at', 'raw', 'source']) &&
    (r['at'] === null || instant(r['at'])) &&
    str(r['raw']) &&
    r['raw'].length <= 200 &&
    (r['source'] === 'platform' || r['source'] === 'token')
  );
}

function verdictOk(o: Obj): boolean {
  if (!('verdict' in o)) return true;
  const v = o['verdict'];
  return isObj(v) && exactKeys(v, ['at', 'result']) && timestamp(v['at']) && str(v['result']) && VERDICTS.has(v['result']);
}

function rotationOk(o: Obj): boolean {
  if (!('rotation' in o)) return true;
  const r = o['rotation'];
  return isObj(r) && exactKeys(r, ['state', 'at', 'reason']) && r['state'] === 'unconfirmed' && timestamp(r['at']) && str(r['reason']) && r['reason'].length <= 500;
}

const lastUsedAtOk = (o: Obj): boolean => !('lastUsedAt' in o) || o['lastUsedAt'] === null || instant(o['lastUsedAt']);
const customPlatformIdOk = (o: Obj): boolean => !('customPlatformId' in o) || (str(o['customPlatformId']) && ID.test(o['customPlatformId']));

/**
 * The optional fields checked by hand, each absent or well-formed. An optional field added to
 * the schema later and not listed here is checked by its own zod schema (otherOptionalsOk), so
 * this checker never accepts what the schema refuses — it is only slower for that field until
 * it gets a hand check.
 */
const TOKEN_OPTIONAL_CHECKS: Readonly<Record<string, (o: Obj) => boolean>> = {
  params: paramsOk,
  reminderDays: reminderDaysOk,
  reportedExpiry: reportedExpiryOk,
  verdict: verdictOk,
  rotation: rotationOk,
  lastUsedAt: lastUsedAtOk,
};
const ACCOUNT_OPTIONAL_CHECKS: Readonly<Record<string, (o: Obj) => boolean>> = { customPlatformId: customPlatformIdOk };

type FieldSchemas = Readonly<Record<string, { safeParse(x: unknown): { success: boolean } }>>;

/** Every check in `checks` passes, and each other optional field present passes its schema. */
function optionalsOk(o: Obj, optional: readonly string[], checks: Readonly<Record<string, (o: Obj) => boolean>>, shape: FieldSchemas): boolean {
  for (const k of optional) {
    const check = checks[k];
    if (check ? !check(o) : k in o && !(shape[k] as FieldSchemas[string]).safeParse(o[k]).success) return false;
  }
  return true;
}

function accountOk(o: Obj): boolean {
  return (
    exactKeys(o, ACCOUNT_KEYS, ACCOUNT_OPTIONAL) &&
    optionalsOk(o, ACCOUNT_OPTIONAL, ACCOUNT_OPTIONAL_CHECKS, accountItem.shape) &&
    str(o['platform']) &&
    PLATFORMS.has(o['platform']) &&
    str(o['label']) &&
    strOrNull(o['client']) &&
    strOrNull(o['username']) &&
    strOrNull(o['baseUrl']) &&
    timestamp(o['createdAt']) &&
    timestamp(o['updatedAt']) &&
    str(o['id']) &&
    ID.test(o['id'])
  );
}

function tokenOk(o: Obj): boolean {
  const scopes = o['scopes'];
  const expiresAt = o['expiresAt'];
  return (
    exactKeys(o, TOKEN_KEYS, TOKEN_OPTIONAL) &&
    optionalsOk(o, TOKEN_OPTIONAL, TOKEN_OPTIONAL_CHECKS, tokenItem.shape) &&
    str(o['accountId']) &&
    ID.test(o['accountId']) &&
    str(o['name']) &&
    Array.isArray(scopes) &&
    scopes.every(str) &&
    timestamp(o['createdAt']) &&
    timestamp(o['updatedAt']) &&
    (expiresAt === null || (str(expiresAt) && DATE.test(expiresAt))) &&
    lastCheckOk(o['lastCheck']) &&
    str(o['fingerprint']) &&
    TAG22.test(o['fingerprint']) &&
    str(o['id']) &&
    ID.test(o['id']) &&
    str(o['secretTag']) &&
    TAG22.test(o['secretTag'])
  );
}

/** `raw` as BucketContent when it satisfies the schema, else null. */
export function checkBucket(raw: unknown): BucketContent | null {
  if (!isObj(raw) || !exactKeys(raw, ['v', 'items']) || raw['v'] !== 1 || !Array.isArray(raw['items'])) return null;
  for (const item of raw['items'] as unknown[]) {
    if (!isObj(item) || item['v'] !== 1) return null;
    const kind = item['kind'];
    const ok = kind === 'token' ? tokenOk(item) : kind === 'account' ? accountOk(item) : kind === 'platform' && platformItem.safeParse(item).success;
    if (!ok) return null;
  }
  return raw as unknown as BucketContent;
}

/** Bytes → checked bucket, or null. */
export function decodeBucket(bytes: Buffer): BucketContent | null {
  try {
    return checkBucket(JSON.parse(bytes.toString('utf8')));
  } catch {
    return null;
  }
}
