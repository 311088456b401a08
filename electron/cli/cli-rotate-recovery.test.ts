/**
 * `patvault rotate` when the platform rotated the token but the vault cannot store the new
 * value (here: another process holds the vault's write lock — the app, a backup tool). The
 * old value is dead by then, so the CLI prints the new one once on stdout (for the user to
 * keep), exits 1 with ROTATION_NOT_SAVED, and the vault still holds the old value.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../core/platforms/test-support/mock-server';
import { buildCli, createVault, openVault, vaultRunner } from './test-support';

const OLD = 'glpat-RecoveryOldValue12345';
const NEW = 'glpat-RecoveryNewValue67890';
const SELF = '/api/v4/personal_access_tokens/self';

let dir: string;
let path: string;
let gl: MockServer;
let id: string;
let locker: Database.Database | null = null;

beforeAll(async () => {
  buildCli();
  dir = mkdtempSync(join(tmpdir(), 'patvault-cli-rotate-recovery-'));
  path = join(dir, 'vault.sqlite');
  gl = await startMockServer({
    // The platform rotates; meanwhile another process takes the vault's write lock.
    [`POST ${SELF}/rotate`]: () => {
      locker = new Database(path);
      locker.exec('BEGIN EXCLUSIVE');
      return { json: { token: NEW, expires_at: '2031-01-31' } };
    },
  });
  const v = await createVault(path);
  id = v.tokens.add({ platform: 'gitlab', account: 'acme', name: 'gl rotate', token: OLD, baseUrl: `${gl.url}/api/v4` }).id;
  v.close();
});

afterAll(async () => {
  locker?.close();
  await gl.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('rotate, new value not saved', () => {
  it('prints the new value once on stdout, says why on stderr, exits 1; the vault keeps the old value', async () => {
    const r = await vaultRunner(path)(['rotate', id, '--yes']);
    locker?.exec('ROLLBACK');
    locker?.close();
    locker = null;
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(`${NEW}\n`);
    expect(r.stderr).toMatch(/GitLab rotated the token, but the vault could not save the new value/);
    expect(r.stderr).toMatch(new RegExp(`patvault edit ${id.slice(0, 8)} --value-stdin`));
    expect(r.stderr).toMatch(/patvault: Rotated on the platform but not saved in the vault; the new value was printed above\.\n$/);
    expect(r.stderr).not.toContain(NEW);
    expect(r.stderr).not.toContain(OLD);
    expect(gl.requests).toHaveLength(1);
    const v = await openVault(path);
    try {
      expect(v.tokens.readSecret(id, 'get').value).toBe(OLD);
    } finally {
      v.close();
    }
  }, 30_000);
});
