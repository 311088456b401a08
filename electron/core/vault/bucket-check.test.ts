import fc from 'fast-check';
import { expect, test } from 'vitest';
import { checkBucket } from './bucket-check';
import { accountItem, bucketContent, tokenItem } from './record-codec';

const hex32 = fc.stringMatching(/^[0-9a-f]{32}$/);
const tag22 = fc.stringMatching(/^[A-Za-z0-9_-]{22}$/);
/** Mostly valid values, sometimes wrong ones: both checkers must agree either way. */
/** Strings around a length limit, where off-by-one mistakes live. */
const near = (limit: number) => fc.oneof(fc.string({ maxLength: 8 }), fc.string({ minLength: Math.max(0, limit - 2), maxLength: limit + 2 }));
const maybe = <T>(good: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 8, arbitrary: good }, { weight: 1, arbitrary: fc.oneof(fc.constant(null), fc.constant(undefined), fc.integer(), fc.string(), fc.constant([])) });

/** Instants in the stored form, near-misses (a day, no milliseconds, an impossible date) and junk. */
const instantish = fc.oneof(
  fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom('2026-12-01', '2026-12-01T00:00:00Z', '2026-02-30T00:00:00.000Z', '2026-12-01T00:00:00.000+01:00'),
  fc.string(),
);

const account = fc.record(
  {
    v: maybe(fc.constant(1)),
    kind: fc.constant('account'),
    platform: maybe(fc.constantFrom('github', 'gitlab', 'brass', 'nope')),
    label: maybe(fc.string()),
    client: maybe(fc.option(fc.string(), { nil: null })),
    username: maybe(fc.option(fc.string(), { nil: null })),
    baseUrl: maybe(fc.option(fc.string(), { nil: null })),
    createdAt: maybe(near(40)),
    updatedAt: maybe(near(40)),
    id: maybe(fc.oneof(hex32, fc.string())),
    customPlatformId: maybe(hex32),
    extra: fc.string(),
  },
  { requiredKeys: ['v', 'kind', 'platform', 'label', 'client', 'username', 'baseUrl', 'createdAt', 'updatedAt', 'id'] },
);

const lastCheck = fc.option(
  fc.record(
    {
      at: maybe(near(40)),
      result: maybe(fc.constantFrom('active', 'invalid', 'revoked', 'expired', 'unknown', 'bogus')),
      reason: maybe(near(500)),
      owner: maybe(near(200)),
      other: fc.string(),
    },
    { requiredKeys: ['at', 'result'] },
  ),
  { nil: null },
);

const token = fc.record(
  {
    v: maybe(fc.constant(1)),
    kind: fc.constant('token'),
    accountId: maybe(hex32),
    name: maybe(fc.string()),
    scopes: maybe(fc.array(maybe(fc.string()), { maxLength: 3 })),
    createdAt: maybe(fc.string({ minLength: 1, maxLength: 40 })),
    updatedAt: maybe(near(40)),
    expiresAt: maybe(fc.option(fc.oneof(fc.stringMatching(/^\d{4}-\d{2}-\d{2}$/), fc.string()), { nil: null })),
    lastCheck: maybe(lastCheck),
    fingerprint: maybe(fc.oneof(tag22, fc.string())),
    id: maybe(hex32),
    secretTag: maybe(fc.oneof(tag22, fc.string({ maxLength: 23 }))),
    reminderDays: maybe(fc.array(fc.oneof(fc.integer({ min: -2, max: 370 }), fc.double()), { maxLength: 11 })),
    params: maybe(
      fc.record(
        {
          programSlug: maybe(near(200)),
          tokenId: maybe(near(200)),
          // Each allowed value, near-misses (case, a sibling field's value) and junk.
          ywhRole: maybe(fc.constantFrom('business-unit-owner', 'business-unit-manager', 'program-manager', 'Program Manager', 'read', '')),
          ywhScope: maybe(fc.constantFrom('program', 'business-unit', 'programs', 'Program', 'read-write')),
          ywhAccess: maybe(fc.constantFrom('read', 'read-write', 'write', 'READ', 'program')),
          other: fc.string(),
        },
        { requiredKeys: [] },
      ),
    ),
    reportedExpiry: maybe(
      fc.record(
        { at: maybe(fc.option(instantish, { nil: null })), raw: maybe(near(200)), source: maybe(fc.constantFrom('platform', 'token', 'user')), other: fc.string() },
        { requiredKeys: [] },
      ),
    ),
    lastUsedAt: maybe(fc.option(instantish, { nil: null })),
    verdict: maybe(fc.record({ at: maybe(near(40)), result: maybe(fc.constantFrom('active', 'invalid', 'revoked', 'expired', 'unknown')), other: fc.string() }, { requiredKeys: [] })),
    rotation: maybe(fc.record({ state: maybe(fc.constantFrom('unconfirmed', 'done')), at: maybe(near(40)), reason: maybe(near(500)), other: fc.string() }, { requiredKeys: [] })),
    extra: fc.string(),
  },
  { requiredKeys: ['v', 'kind', 'accountId', 'name', 'scopes', 'createdAt', 'updatedAt', 'expiresAt', 'lastCheck', 'fingerprint', 'id', 'secretTag'] },
);

const platform = fc.record(
  {
    v: maybe(fc.constant(1)),
    kind: fc.constant('platform'),
    name: maybe(fc.string()),
    baseUrl: maybe(fc.string()),
    auth: maybe(fc.oneof(fc.constant({ kind: 'bearer' }), fc.record({ kind: fc.constant('header'), name: maybe(fc.string()) }), fc.constant({ kind: 'nope' }))),
    validStatus: maybe(fc.integer({ min: 200, max: 299 })),
    createdAt: maybe(near(40)),
    updatedAt: maybe(near(40)),
    id: maybe(hex32),
    checkPath: maybe(fc.string()),
    extra: fc.string(),
  },
  { requiredKeys: ['v', 'kind', 'name', 'baseUrl', 'auth', 'validStatus', 'createdAt', 'updatedAt', 'id'] },
);

const bucket = fc.record(
  { v: maybe(fc.constant(1)), items: maybe(fc.array(fc.oneof(account, token, platform, fc.anything()), { maxLength: 4 })), extra: fc.string() },
  { requiredKeys: ['v', 'items'] },
);

/** A token item both checkers accept: the base the tests below vary one field of. */
const VALID_TOKEN = {
  v: 1,
  kind: 'token',
  accountId: 'a'.repeat(32),
  name: 'n',
  scopes: [],
  createdAt: 't',
  updatedAt: 't',
  expiresAt: null,
  lastCheck: null,
  fingerprint: 'A'.repeat(22),
  id: 'b'.repeat(32),
  secretTag: 'C'.repeat(22),
} as const;

test('the fast bucket check accepts exactly what the zod schema accepts', () => {
  let accepted = 0;
  fc.assert(
    fc.property(bucket, (raw) => {
      // Round trip through JSON, as the real input is parsed JSON (no undefined, no functions).
      const json = JSON.parse(JSON.stringify(raw)) as unknown;
      const fast = checkBucket(json) !== null;
      if (fast) accepted++;
      return fast === bucketContent.safeParse(json).success;
    }),
    { numRuns: 20_000 },
  );
  expect(accepted).toBeGreaterThan(100); // the generator reaches the valid space too
});

test('a valid token with any YesWeHack params: both checkers agree, and every allowed value is accepted', () => {
  const valid = VALID_TOKEN;
  const field = (values: readonly string[]) => fc.option(fc.oneof(fc.constantFrom(...values), fc.string({ maxLength: 25 })), { nil: undefined });
  let accepted = 0;
  fc.assert(
    fc.property(
      field(['business-unit-owner', 'business-unit-manager', 'program-manager']),
      field(['program', 'business-unit']),
      field(['read', 'read-write']),
      (ywhRole, ywhScope, ywhAccess) => {
        const params = { ...(ywhRole !== undefined ? { ywhRole } : {}), ...(ywhScope !== undefined ? { ywhScope } : {}), ...(ywhAccess !== undefined ? { ywhAccess } : {}) };
        const json = JSON.parse(JSON.stringify({ v: 1, items: [{ ...valid, params }] })) as unknown;
        const fast = checkBucket(json) !== null;
        if (fast) accepted++;
        return fast === bucketContent.safeParse(json).success;
      },
    ),
    { numRuns: 5_000 },
  );
  expect(accepted).toBeGreaterThan(500);
  const all = { ywhRole: 'business-unit-owner', ywhScope: 'business-unit', ywhAccess: 'read-write' };
  expect(checkBucket({ v: 1, items: [{ ...valid, params: all }] })).not.toBeNull();
});

test('a valid token with any last-check value: both checkers agree', () => {
  const valid = VALID_TOKEN; // its lastCheck is replaced below
  fc.assert(
    fc.property(lastCheck, (lc) => {
      const json = JSON.parse(JSON.stringify({ v: 1, items: [{ ...valid, lastCheck: lc }] })) as unknown;
      return (checkBucket(json) !== null) === bucketContent.safeParse(json).success;
    }),
    { numRuns: 5_000 },
  );
});

test('every optional field of a stored record, read from the schema: a wrong value is refused by both checkers', () => {
  const token = VALID_TOKEN;
  const account = { v: 1, kind: 'account', platform: 'github', label: 'l', client: null, username: null, baseUrl: null, createdAt: 't', updatedAt: 't', id: 'c'.repeat(32) };
  const optional = (shape: Record<string, { isOptional(): boolean }>): string[] => Object.keys(shape).filter((k) => shape[k]?.isOptional());
  const cases = [
    ...optional(tokenItem.shape).map((k) => [token, k] as const),
    ...optional(accountItem.shape).map((k) => [account, k] as const),
  ];
  expect(cases.length).toBeGreaterThanOrEqual(7); // params, reminderDays, reportedExpiry, lastUsedAt, verdict, rotation, customPlatformId
  for (const [base, key] of cases) {
    for (const junk of [12345, 'x'.repeat(600), { unexpected: true }, [1, 2, 3]]) {
      const item = { ...base, [key]: junk };
      const json = { v: 1, items: [item] };
      expect({ key, junk, fast: checkBucket(json) !== null }).toEqual({ key, junk, fast: bucketContent.safeParse(json).success });
    }
  }
});
