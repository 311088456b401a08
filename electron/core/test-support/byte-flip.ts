/**
 * Shared machinery for the damage tests: a small vault with every kind of record, a reader
 * that touches everything a user can read, and a judge of each damaged copy's outcome.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { join } from 'node:path';
import { isAppError } from '../../../shared/errors';
import { Vault } from '../vault/vault';
import { addSamples } from './sample-tokens';
import { TEST_PASSWORD, createTestVault, tempDir } from './temp-vault';

/** Codes that are a clear, user-actionable refusal of a damaged file. */
export const CLEAR_REFUSALS = new Set(['VAULT_DAMAGED', 'NOT_A_VAULT', 'VAULT_TOO_NEW', 'KDF_TOO_WEAK']);

/** Everything a user can read from a vault, as one comparable string. */
export async function readEverything(path: string): Promise<string> {
  const v = Vault.open(path);
  try {
    await v.unlock(TEST_PASSWORD);
    const check = v.verifyAll(); // opens every secret, account and the whole audit chain
    return JSON.stringify({
      tokens: v.tokens.list(),
      accounts: v.tokens.accounts(),
      check,
      log: v.audit.log(),
      keychain: v.keychainState(),
      kdf: v.kdfSettings(),
    });
  } finally {
    v.close();
  }
}

/** A checkpointed sample vault (every byte in the main file) and what reading it gives. */
export async function flipFixture(): Promise<{ dir: string; cleanup: () => void; original: Buffer; expected: string }> {
  const { dir, cleanup } = tempDir('patvault-flip-');
  const v = await createTestVault(dir);
  const ids = addSamples(v);
  v.tokens.edit(ids[1] as string, { name: 'edited once' });
  v.tokens.remove(ids[2] as string); // leaves freed space and a longer audit chain
  v.close();
  const original = readFileSync(v.path);
  return { dir, cleanup, original, expected: await readEverything(v.path) };
}

/**
 * Writes `bytes` as a fresh vault file and reads everything. Returns 'identical', a clear
 * refusal code, or a description of what went wrong ('DIFFERENT', 'unclear …', 'crash …').
 */
export async function judge(dir: string, bytes: Buffer, expected: string): Promise<string> {
  const target = join(dir, 'damaged.sqlite');
  for (const f of [target, `${target}-wal`, `${target}-shm`]) rmSync(f, { force: true });
  writeFileSync(target, bytes);
  try {
    return (await readEverything(target)) === expected ? 'identical' : 'DIFFERENT';
  } catch (e) {
    if (!isAppError(e)) return `crash: ${String(e)}`;
    if (/\n\s+at /.test(e.message)) return `stack trace in message: ${e.code}`;
    return CLEAR_REFUSALS.has(e.code) ? e.code : `unclear ${e.code}: ${e.message}`;
  }
}

/** Flips every byte (xor 0xff) at positions ≡ shard (mod shards); returns outcome counts and failures. */
export async function flipEveryByte(
  fixture: { dir: string; original: Buffer; expected: string },
  shard: number,
  shards: number,
): Promise<{ counts: Map<string, number>; failures: string[] }> {
  const counts = new Map<string, number>();
  const failures: string[] = [];
  for (let pos = shard; pos < fixture.original.length; pos += shards) {
    const bytes = Buffer.from(fixture.original);
    bytes[pos] = (bytes[pos] as number) ^ 0xff;
    const outcome = await judge(fixture.dir, bytes, fixture.expected);
    counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
    if (outcome !== 'identical' && !CLEAR_REFUSALS.has(outcome)) failures.push(`byte ${pos}: ${outcome}`);
  }
  return { counts, failures };
}

/**
 * Registers one shard of the every-byte flip test. The file is split into shard files only
 * so vitest runs them on both cores at once.
 */
export function defineFlipShard(shard: number, shards: number): void {
  let fx: Awaited<ReturnType<typeof flipFixture>>;
  beforeAll(async () => {
    fx = await flipFixture();
  });
  afterAll(() => fx.cleanup());
  test(`each byte flipped (shard ${shard + 1}/${shards}): a clear refusal or identical data`, async () => {
    const { counts, failures } = await flipEveryByte(fx, shard, shards);
    expect(failures).toEqual([]);
    expect(counts.get('VAULT_DAMAGED') ?? 0).toBeGreaterThan(0);
  }, 900_000);
}
