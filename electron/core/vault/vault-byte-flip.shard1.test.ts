/** Every byte of a sample vault flipped in turn (shard 2 of 4; shards run in parallel). */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { flipEveryByte, flipFixture } from '../test-support/byte-flip';

let fx: Awaited<ReturnType<typeof flipFixture>>;
beforeAll(async () => {
  fx = await flipFixture();
});
afterAll(() => fx.cleanup());

test('each byte flipped (shard 2/4): a clear refusal or identical data', async () => {
  const { counts, failures } = await flipEveryByte(fx, 1, 4);
  expect(failures).toEqual([]);
  expect(counts.get('VAULT_DAMAGED') ?? 0).toBeGreaterThan(0);
}, 900_000);
