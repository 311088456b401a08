/**
 * Raw bytes of the vault file and its WAL must not contain any token value, name, account,
 * client, platform, scope, username, base URL or note — while open (WAL holds recent writes)
 * and after close.
 */
import { existsSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { PLATFORMS } from '../../../shared/domain/platform-ids';
import { SAMPLE_TOKENS, addSamples, sampleSecretsAndMetadata } from '../test-support/sample-tokens';
import { TEST_PASSWORD, createTestVault, tempDir } from '../test-support/temp-vault';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

/** Every needle in UTF-8 and UTF-16LE (SQLite can store text either way). */
function findLeaks(files: string[], needles: string[]): string[] {
  const leaks: string[] = [];
  for (const f of files.filter((p) => existsSync(p))) {
    const bytes = readFileSync(f);
    for (const n of needles) {
      for (const enc of ['utf8', 'utf16le'] as const) {
        if (bytes.includes(Buffer.from(n, enc))) leaks.push(`${f.split('/').pop()}: "${n}" (${enc})`);
      }
    }
  }
  return leaks;
}

test('no plaintext in the vault file or its WAL, while open and after close', async () => {
  const v = await createTestVault(dir);
  const ids = addSamples(v);
  v.tokens.edit(ids[0]!, { notes: 'edited note zq9 secret', token: 'ghp_ZQ9newvaluenewvaluenewvaluenewvalue0' });
  v.tokens.readSecret(ids[1]!, 'get');
  await v.changePassword(TEST_PASSWORD, 'another password zq9');
  const needles = [
    ...sampleSecretsAndMetadata(),
    'edited note zq9 secret',
    'ghp_ZQ9newvaluenewvaluenewvaluenewvalue0',
    TEST_PASSWORD,
    'another password zq9',
    // Platform ids are metadata too, but short words like "github" could also appear by
    // chance in random bytes; they are long enough that a chance match is negligible.
    ...PLATFORMS.filter((p) => p.id !== 'custom').map((p) => p.id),
    ...PLATFORMS.map((p) => p.name).filter((n) => n.length > 5),
  ];
  const files = [v.path, `${v.path}-wal`, `${v.path}-shm`, `${v.path}-journal`];
  expect(existsSync(`${v.path}-wal`)).toBe(true); // the scan covers the WAL while it holds data
  expect(findLeaks(files, needles)).toEqual([]);
  v.close();
  expect(findLeaks(files, needles)).toEqual([]);
  // The scan can see plaintext when it is there: the schema's column names are stored in clear.
  expect(findLeaks([v.path], ['vault_id'])).not.toEqual([]);
  expect(SAMPLE_TOKENS.length).toBeGreaterThan(5);
});
