/**
 * A vault header whose KDF settings are above the ceiling (here 2 GiB, or 64 passes) is
 * refused when the file is opened, before any key is derived: the message names the settings,
 * and no Argon2 pass runs (a 2 GiB pass alone would take seconds and the memory).
 */
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { HeaderRow } from '../db/vault-repo';
import { headerChecksum } from './format/header';
import { createTestVault, tempDir } from '../test-support/temp-vault';
import { Vault } from './vault';
import { isAppError } from '../../../shared/errors';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('patvault-kdf-ceiling-')));
afterEach(() => cleanup());

/** Rewrites the header's KDF settings and recomputes its (unkeyed) checksum, as an attacker can. */
function forgeKdf(path: string, over: Partial<Pick<HeaderRow, 'kdf_memory_kib' | 'kdf_iterations' | 'kdf_parallelism'>>): void {
  const db = new Database(path);
  const row = { ...(db.prepare('SELECT * FROM header WHERE id = 1').get() as HeaderRow & { id: number }), ...over };
  const { id: _id, manifest: _m, checksum: _c, ...fields } = row;
  const sets = Object.keys(over).map((k) => `${k} = @${k}`).join(', ');
  db.prepare(`UPDATE header SET ${sets}, checksum = @checksum WHERE id = 1`).run({ ...over, checksum: headerChecksum(fields) });
  db.close();
}

function refusal(path: string): { message: string; ms: number } {
  const started = performance.now();
  try {
    Vault.open(path).close();
  } catch (e) {
    if (!isAppError(e)) throw e;
    return { message: `${e.code}: ${e.message}`, ms: performance.now() - started };
  }
  throw new Error('the vault opened');
}

test('a header asking for 2 GiB is refused before any derivation, naming the settings', async () => {
  const v = await createTestVault(dir);
  const path = v.path;
  v.close();
  forgeKdf(path, { kdf_memory_kib: 2 * 1024 * 1024 });
  const r = refusal(path);
  expect(r.message).toMatch(
    /^VAULT_DAMAGED: Key derivation settings \(memory 2048 MiB, 2 iterations, parallelism 1\) exceed the maximum \(memory 1024 MiB, 10 iterations, parallelism 16\)\. Refusing to open before deriving any key/,
  );
  expect(r.ms).toBeLessThan(1000);
});

test('64 passes or a parallelism of 255 are refused the same way; the ceiling itself is allowed', async () => {
  const v = await createTestVault(dir);
  const path = v.path;
  v.close();
  forgeKdf(path, { kdf_iterations: 64 });
  expect(refusal(path).message).toMatch(/^VAULT_DAMAGED: Key derivation settings \(memory 19 MiB, 64 iterations, parallelism 1\) exceed the maximum/);
  forgeKdf(path, { kdf_iterations: 2, kdf_parallelism: 255 });
  expect(refusal(path).message).toMatch(/parallelism 255\) exceed the maximum/);
  forgeKdf(path, { kdf_parallelism: 1, kdf_iterations: 10 });
  Vault.open(path).close(); // at the ceiling: opens (the wrap then fails to open: the settings are bound)
});
