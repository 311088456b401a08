/**
 * Issue 12 items 3 and 4 through the built CLI: a vault put back from an older copy still
 * works but warns on stderr (when the newer one was seen, which audit entry, which now); a
 * normal reopen does not. A vault whose secrets were swapped, or whose middle audit entry was
 * deleted, is refused by `list` itself, not only when that token or the log is read.
 */
import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildCli, createVault, failsWith, ok, vaultRunner } from './test-support';

let dir: string;
beforeAll(() => {
  buildCli();
  dir = mkdtempSync(join(tmpdir(), 'patvault-cli-rollback-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const WARNING = /^warning: this vault is older than the copy last seen on \d{4}-\d{2}-\d{2} \(audit entry (\d+), now (\d+)\): a newer version may have been replaced$/m;

function replaceWith(target: string, source: string): void {
  for (const f of [target, `${target}-wal`, `${target}-shm`]) rmSync(f, { force: true });
  copyFileSync(source, target);
}

it('an older copy of the vault warns on stderr and still works; a normal reopen does not warn', async () => {
  const sub = join(dir, 'rollback');
  const path = join(sub, 'vault.sqlite');
  const v = await createVault(path);
  v.tokens.add({ platform: 'github', account: 'acme', name: 'first', token: `ghp_${'a'.repeat(36)}` });
  v.close();
  const old = join(sub, 'old.sqlite');
  copyFileSync(path, old);
  const run = vaultRunner(path);

  const listed = await run(['list']);
  expect(ok(listed)).toContain('first');
  expect(listed.stderr).toBe(''); // first sight: recorded, nothing to say
  ok(await run(['add', '--platform', 'github', '--account', 'acme', '--name', 'second'], [`ghp_${'b'.repeat(36)}`]));
  const again = await run(['list']);
  expect(ok(again)).toContain('second');
  expect(again.stderr).toBe(''); // moved forward: no warning

  const newer = join(sub, 'newer.sqlite');
  copyFileSync(path, newer);
  replaceWith(path, old);
  const stale = await run(['list']);
  expect(ok(stale)).toContain('first');
  expect(stale.stdout).not.toContain('second');
  const m = WARNING.exec(stale.stderr);
  expect(m, stale.stderr).not.toBeNull();
  expect(Number(m![2])).toBeLessThan(Number(m![1]));
  expect(stale.stderr.trim().split('\n')).toHaveLength(1);

  replaceWith(path, newer);
  const back = await run(['list']);
  expect(ok(back)).toContain('second');
  expect(back.stderr).toBe('');
});

it('list refuses a vault with two secrets swapped, or a middle audit entry deleted', async () => {
  const sub = join(dir, 'damage');
  const path = join(sub, 'vault.sqlite');
  const v = await createVault(path);
  const a = v.tokens.add({ platform: 'github', account: 'acme', name: 'one', token: `ghp_${'c'.repeat(36)}` });
  const b = v.tokens.add({ platform: 'github', account: 'acme', name: 'two', token: `ghp_${'d'.repeat(36)}` });
  v.close();
  const intact = join(sub, 'intact.sqlite');
  copyFileSync(path, intact);
  const run = vaultRunner(path);

  const db = new Database(path);
  const secret = (id: string) => (db.prepare('SELECT secret FROM secrets WHERE id = ?').get(Buffer.from(id, 'hex')) as { secret: Buffer }).secret;
  const [sa, sb] = [secret(a.id), secret(b.id)];
  db.prepare('UPDATE secrets SET secret = ? WHERE id = ?').run(sb, Buffer.from(a.id, 'hex'));
  db.prepare('UPDATE secrets SET secret = ? WHERE id = ?').run(sa, Buffer.from(b.id, 'hex'));
  db.close();
  expect(failsWith(await run(['list']), 1)).toMatch(/damaged \(a token's secret swapped or replaced by an older copy\)/);

  replaceWith(path, intact);
  const db2 = new Database(path);
  db2.prepare('DELETE FROM audit WHERE seq = 2').run();
  db2.close();
  expect(failsWith(await run(['list']), 1)).toMatch(/damaged \(audit entry 2 missing\)/);
});
