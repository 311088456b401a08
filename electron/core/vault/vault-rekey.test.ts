/**
 * Re-key (issue 12 item 1) and key commitment (item 9): changing the password and turning
 * quick unlock off replace the vault key, so an old copy's password wrap and KDF settings, or a
 * quick-unlock secret captured before, spliced into the current file, open nothing written
 * after the change — refused clearly, while the new password still opens everything. A wrap
 * damaged on purpose (checksum fixed) is reported as damage, not as a wrong password.
 */
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { HeaderRow } from '../db/vault-repo';
import { MemoryKeyProtector } from '../keychain/memory-protector';
import { errorOf } from '../test-support/app-errors';
import { SAMPLE_TOKENS, addSamples } from '../test-support/sample-tokens';
import { TEST_PASSWORD, createTestVault, tempDir } from '../test-support/temp-vault';
import { open } from './crypto/aead';
import { deriveVaultKeys, type VaultKeys } from './crypto/keys';
import { EnvelopeKind, TAG_BYTES } from './format/envelope';
import { headerChecksum, parseHeader } from './format/header';
import { unwrapSlot, unwrapWithPassword } from './key-wrap';
import { bucketContext } from './vault-state';
import { Vault } from './vault';

const NEW_PASSWORD = 'a wholly different passphrase';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('patvault-rekey-')));
afterEach(() => cleanup());

type Row = HeaderRow & { id: number };
const headerOf = (path: string): Row => {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare('SELECT * FROM header WHERE id = 1').get() as Row;
  } finally {
    db.close();
  }
};

/** Writes `fields` into the file's header and recomputes the (unkeyed) checksum, as an attacker can. */
function splice(path: string, fields: Partial<HeaderRow>): void {
  const db = new Database(path);
  const row = { ...(db.prepare('SELECT * FROM header WHERE id = 1').get() as Row), ...fields };
  const { id: _id, manifest: _m, checksum: _c, ...rest } = row;
  const names = Object.keys(fields);
  db.prepare(`UPDATE header SET ${names.map((k) => `${k} = @${k}`).join(', ')}, checksum = @checksum WHERE id = 1`).run({
    ...fields,
    checksum: headerChecksum(rest),
  });
  db.close();
}

/** How many of the file's sealed records (overview buckets, secrets, audit entries) `keys` opens. */
function recordsOpenedBy(path: string, keys: VaultKeys, vaultId: Buffer): { opened: number; total: number } {
  const db = new Database(path, { readonly: true });
  let opened = 0;
  let total = 0;
  const tryOpen = (kind: EnvelopeKind, ctx: Buffer, bytes: Buffer): void => {
    total++;
    if (open(keys.recordKey, vaultId, kind, ctx, bytes) !== null) opened++;
  };
  for (const r of db.prepare('SELECT bucket, overview FROM buckets').all() as { bucket: number; overview: Buffer }[]) {
    tryOpen(EnvelopeKind.Overview, bucketContext(r.bucket), r.overview);
  }
  for (const r of db.prepare('SELECT id, secret FROM secrets').all() as { id: Buffer; secret: Buffer }[]) tryOpen(EnvelopeKind.Secret, r.id, r.secret);
  let prevTag: Buffer = Buffer.alloc(16);
  for (const r of db.prepare('SELECT seq, entry FROM audit ORDER BY seq').all() as { seq: number; entry: Buffer }[]) {
    const seq = Buffer.alloc(8);
    seq.writeBigUInt64BE(BigInt(r.seq));
    tryOpen(EnvelopeKind.Audit, Buffer.concat([seq, prevTag]), r.entry);
    prevTag = r.entry.subarray(r.entry.length - TAG_BYTES);
  }
  db.close();
  return { opened, total };
}

async function opensEverything(path: string, password: string): Promise<number> {
  const v = Vault.open(path);
  try {
    await v.unlock(password);
    return v.verifyAll().tokens;
  } finally {
    v.close();
  }
}

describe('re-key on passwd', () => {
  test("an old copy's password wrap and KDF settings, spliced in after the change, decrypt nothing written since", async () => {
    const kc = new MemoryKeyProtector();
    const v = await createTestVault(dir);
    addSamples(v);
    await v.enableKeychain(kc);
    const path = v.path;
    v.close();
    const oldCopy = join(dir, 'before-passwd.sqlite');
    copyFileSync(path, oldCopy);
    const oldHeader = headerOf(oldCopy);

    const changed = Vault.open(path);
    await changed.unlock(TEST_PASSWORD);
    const started = performance.now();
    const outcome = await changed.changePassword(TEST_PASSWORD, NEW_PASSWORD, undefined, [kc]);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(outcome).toEqual({ kept: ['memory'], dropped: [], forgetProblem: null });
    // The audit seal is written again under the new key at once, covering the whole chain
    // (a passwd in the CLI writes nothing after it, and the next unlock should not pay for it).
    const sealDb = new Database(path, { readonly: true });
    const seal = sealDb.prepare('SELECT seq, mac FROM audit_seal WHERE id = 1').get() as { seq: number; mac: Buffer };
    const lastSeq = (sealDb.prepare('SELECT max(seq) AS n FROM audit').get() as { n: number }).n;
    sealDb.close();
    expect(seal.seq).toBe(lastSeq);
    const added = changed.tokens.add({ platform: 'github', account: 'after', name: 'written after the change', token: 'ghp_AFTERtheRekey000000000000000000000000' });
    expect(changed.audit.log().at(-2)).toMatchObject({ action: 'password-change', detail: 'vault key replaced' });
    changed.close();

    // No sealed byte of the old records is left in the file, its WAL or shm (secure_delete and
    // the checkpoint after the re-key): no old tag appears anywhere.
    const files = ['', '-wal', '-shm'].map((x) => `${path}${x}`).filter((f) => existsSync(f)).map((f) => readFileSync(f));
    const oldDb = new Database(oldCopy, { readonly: true });
    const oldTags = [
      ...(oldDb.prepare('SELECT secret AS b FROM secrets').all() as { b: Buffer }[]),
      ...(oldDb.prepare('SELECT overview AS b FROM buckets').all() as { b: Buffer }[]),
      ...(oldDb.prepare('SELECT entry AS b FROM audit').all() as { b: Buffer }[]),
    ].map((r) => r.b.subarray(r.b.length - TAG_BYTES));
    oldDb.close();
    expect(oldTags.length).toBeGreaterThan(10);
    expect(oldTags.filter((t) => files.some((f) => f.includes(t)))).toEqual([]);

    // Nothing in the file opens under the old vault key: every record was re-sealed.
    const oldKey = (await unwrapWithPassword(parseHeader(oldHeader), TEST_PASSWORD)).vaultKey;
    const oldKeys = deriveVaultKeys(oldKey, oldHeader.vault_id);
    const scan = recordsOpenedBy(path, oldKeys, oldHeader.vault_id);
    expect(scan.total).toBeGreaterThan(10);
    expect(scan.opened).toBe(0);
    // …while the new key opens them all (the scan itself is sound).
    const newKey = (await unwrapWithPassword(parseHeader(headerOf(path)), NEW_PASSWORD)).vaultKey;
    expect(recordsOpenedBy(path, deriveVaultKeys(newKey, oldHeader.vault_id), oldHeader.vault_id)).toEqual({ opened: scan.total, total: scan.total });

    // Spliced: the old password wrap, KDF settings and password commitment.
    const spliced = join(dir, 'spliced.sqlite');
    copyFileSync(path, spliced);
    splice(spliced, {
      kdf_memory_kib: oldHeader.kdf_memory_kib,
      kdf_iterations: oldHeader.kdf_iterations,
      kdf_parallelism: oldHeader.kdf_parallelism,
      kdf_salt: oldHeader.kdf_salt,
      password_wrap: oldHeader.password_wrap,
      password_check: oldHeader.password_check,
    });
    const refused = await errorOf(opensEverything(spliced, TEST_PASSWORD));
    expect(refused.code).toBe('VAULT_DAMAGED');
    expect(refused.message).toMatch(/opens an older vault key, not the current one \(the vault was re-keyed since\)/);
    // Even with the old key commitment spliced in too, no record opens: refused, never read.
    splice(spliced, { key_check: oldHeader.key_check });
    expect((await errorOf(opensEverything(spliced, TEST_PASSWORD))).code).toBe('VAULT_DAMAGED');

    // The new password opens everything, the token added after the change included.
    expect(await opensEverything(path, NEW_PASSWORD)).toBe(SAMPLE_TOKENS.length + 1);
    const check = Vault.open(path);
    await check.unlockWithKeychain(kc); // the kept slot was rewrapped under the new key
    expect(check.tokens.readSecret(added.id, 'get').value).toBe('ghp_AFTERtheRekey000000000000000000000000');
    expect((await errorOf(check.unlock(TEST_PASSWORD))).code).toBe('WRONG_PASSWORD');
    check.close();
  });
});

describe('re-key on keychain disable', () => {
  test('a quick-unlock secret captured before, with the old slot spliced back, opens nothing written since', async () => {
    const kc = new MemoryKeyProtector();
    const v = await createTestVault(dir);
    addSamples(v);
    await v.enableKeychain(kc);
    const captured = await kc.recover(v.vaultId, Buffer.alloc(0));
    const path = v.path;
    const vaultId = v.vaultId;
    v.close();
    const oldCopy = join(dir, 'before-disable.sqlite');
    copyFileSync(path, oldCopy);
    const oldHeader = headerOf(oldCopy);

    const off = Vault.open(path);
    await off.unlockWithKeychain(kc);
    expect((await errorOf(off.disableKeychain(kc, 'not the password'))).code).toBe('WRONG_PASSWORD');
    const outcome = await off.disableKeychain(kc, TEST_PASSWORD);
    expect(outcome).toEqual({ kept: [], dropped: [], forgetProblem: null, removed: true });
    expect(kc.has(vaultId)).toBe(false); // the keychain entry is deleted
    off.tokens.add({ platform: 'gitlab', account: 'after', name: 'after disable', token: 'glpat-AFTERdisable00000000' });
    off.close();

    // The captured secret opens the old slot's wrap: the old key, which opens nothing now.
    const oldSlot = parseHeader(oldHeader).keychainSlots[0];
    if (!oldSlot) throw new Error('no slot in the old copy');
    const oldKey = unwrapSlot(parseHeader(oldHeader), oldSlot, Buffer.from(captured));
    expect(recordsOpenedBy(path, deriveVaultKeys(oldKey, oldHeader.vault_id), oldHeader.vault_id).opened).toBe(0);

    // Spliced into the current file with the secret put back in the keychain: a clear refusal.
    const spliced = join(dir, 'spliced.sqlite');
    copyFileSync(path, spliced);
    splice(spliced, { keychain_slots: oldHeader.keychain_slots });
    await kc.protect(vaultId, captured);
    const attempt = Vault.open(spliced);
    const refused = await errorOf(attempt.unlockWithKeychain(kc));
    attempt.close();
    expect(refused.code).toBe('VAULT_DAMAGED');
    expect(refused.message).toMatch(/re-keyed since/);
    expect(await opensEverything(path, TEST_PASSWORD)).toBe(SAMPLE_TOKENS.length + 1);
  });

  test('disable names the slot to remove; an unknown one is refused; without the password nothing changes', async () => {
    const kc = new MemoryKeyProtector();
    const v = await createTestVault(dir);
    await v.enableKeychain(kc);
    expect((await errorOf(v.disableKeychain(kc, TEST_PASSWORD, 'safeStorage:kwallet'))).message).toBe(
      'This vault has no quick-unlock slot for safeStorage:kwallet (slots: memory).',
    );
    expect((await errorOf(v.disableKeychain(kc, ''))).code).toBe('BAD_INPUT');
    expect(v.keychainState().slots).toEqual(['memory']);
    v.close();
  });
});

describe('key commitment: damage is not a wrong password', () => {
  test('a flipped byte in the password wrap (checksum fixed) is "damaged" with the right password, "wrong password" with another', async () => {
    const v = await createTestVault(dir);
    addSamples(v);
    const path = v.path;
    v.close();
    const wrap = Buffer.from(headerOf(path).password_wrap);
    wrap[20] = (wrap[20] as number) ^ 0x01;
    splice(path, { password_wrap: wrap });
    const right = await errorOf(opensEverything(path, TEST_PASSWORD));
    expect(right).toMatchObject({ code: 'VAULT_DAMAGED' });
    expect(right.message).toMatch(/the password is right, but the key it protects does not open/);
    expect((await errorOf(opensEverything(path, 'some other password'))).code).toBe('WRONG_PASSWORD');
  });

  test('a flipped byte in a quick-unlock wrap is "damaged", not "keychain entry does not match"', async () => {
    const kc = new MemoryKeyProtector();
    const v = await createTestVault(dir);
    await v.enableKeychain(kc);
    const path = v.path;
    v.close();
    const slots = JSON.parse(headerOf(path).keychain_slots as string) as { wrap: string }[];
    const wrap = Buffer.from(slots[0]!.wrap, 'base64');
    wrap[20] = (wrap[20] as number) ^ 0x01;
    slots[0]!.wrap = wrap.toString('base64');
    splice(path, { keychain_slots: JSON.stringify(slots) });
    const locked = Vault.open(path);
    const e = await errorOf(locked.unlockWithKeychain(kc));
    expect(e.code).toBe('VAULT_DAMAGED');
    expect(e.message).toMatch(/quick-unlock key for memory/);
    locked.close();
  });
});

describe('a re-key by another process', () => {
  test('locks a session holding the old key with a clear message, never "damaged"; unlocking again works', async () => {
    const v = await createTestVault(dir);
    addSamples(v);
    const path = v.path;
    const other = Vault.open(path);
    await other.unlock(TEST_PASSWORD);
    await other.changePassword(TEST_PASSWORD, NEW_PASSWORD);
    other.close();
    const e = await errorOf(() => v.tokens.list());
    expect(e).toEqual({
      code: 'VAULT_LOCKED',
      message: 'The vault was locked: its key was replaced by another program (a password change, or quick unlock turned off). Unlock it again.',
    });
    expect(v.isUnlocked).toBe(false);
    await v.unlock(NEW_PASSWORD);
    expect(v.tokens.list()).toHaveLength(SAMPLE_TOKENS.length);
    v.close();
  });
});
