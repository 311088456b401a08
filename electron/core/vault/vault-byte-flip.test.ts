/**
 * Damage anywhere in the file, random bit patterns at random places (property based, real
 * file, real crypto): a clear refusal or exactly the original data, never a crash or
 * silently different data. The exhaustive every-byte pass is in the byte-flip shard files.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { CLEAR_REFUSALS, flipFixture, judge } from '../test-support/byte-flip';

const RUNS = Number(process.env['PATVAULT_FLIP_RUNS'] ?? 1500);
let fx: Awaited<ReturnType<typeof flipFixture>>;
beforeAll(async () => {
  fx = await flipFixture();
});
afterAll(() => fx.cleanup());

test(`random bit patterns at random positions (${RUNS} runs): a clear refusal or identical data`, async () => {
  const seen = new Set<string>();
  await fc.assert(
    fc.asyncProperty(fc.nat({ max: fx.original.length - 1 }), fc.integer({ min: 1, max: 255 }), async (pos, mask) => {
      const bytes = Buffer.from(fx.original);
      bytes[pos] = (bytes[pos] as number) ^ mask;
      const outcome = await judge(fx.dir, bytes, fx.expected);
      seen.add(outcome);
      return outcome === 'identical' || CLEAR_REFUSALS.has(outcome);
    }),
    { numRuns: RUNS },
  );
  expect(seen).toContain('VAULT_DAMAGED');
  expect(seen).toContain('identical');
}, 600_000);
