import fc from 'fast-check';
import { expect, test } from 'vitest';
import { AUDIT_ACTIONS } from '../../../shared/domain/token';
import { checkAuditContent, decodeAuditContent } from './audit-check';
import { auditContent } from './record-codec';

const junk = fc.oneof(fc.constant(null), fc.constant(undefined), fc.integer(), fc.string(), fc.constant([]), fc.constant({}));
const maybe = <T>(good: fc.Arbitrary<T>) => fc.oneof({ weight: 6, arbitrary: good }, { weight: 1, arbitrary: junk });
const near = (limit: number) => fc.oneof(fc.string({ maxLength: 8 }), fc.string({ minLength: limit - 2, maxLength: limit + 2 }), fc.constant(''));

const entry = fc.record(
  {
    at: maybe(near(40)),
    action: maybe(fc.constantFrom(...AUDIT_ACTIONS, 'bogus', 'GET')),
    tokenId: maybe(fc.oneof(fc.constant(null), fc.stringMatching(/^[0-9a-f]{32}$/), fc.stringMatching(/^[0-9A-F]{32}$/), fc.string())),
    detail: maybe(fc.option(fc.string(), { nil: null })),
    other: fc.string(),
  },
  { requiredKeys: [] },
);

test('the hand-written audit check accepts exactly what the zod schema accepts', () => {
  fc.assert(
    fc.property(fc.oneof({ weight: 9, arbitrary: entry }, { weight: 1, arbitrary: fc.anything() }), (raw) => {
      const z = auditContent.safeParse(raw);
      const mine = checkAuditContent(raw);
      expect(mine !== null).toBe(z.success);
      if (z.success) expect(mine).toEqual(z.data);
    }),
    { numRuns: 5000 },
  );
});

test('bytes that are not JSON, or not an entry, are refused', () => {
  expect(decodeAuditContent(Buffer.from('{"at":'))).toBeNull();
  expect(decodeAuditContent(Buffer.from('[]'))).toBeNull();
  const ok = { at: '2026-01-01T00:00:00.000Z', action: 'get', tokenId: 'a'.repeat(32), detail: null };
  expect(decodeAuditContent(Buffer.from(JSON.stringify(ok)))).toEqual(ok);
  expect(decodeAuditContent(Buffer.from(JSON.stringify({ ...ok, __proto__x: 1 })))).toBeNull();
});
