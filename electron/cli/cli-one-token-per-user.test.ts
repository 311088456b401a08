/**
 * One token per user (iObeya) through the built CLI: `add` for a user who has a live token
 * gives that token the new value (stdout stays its id, a notice says what happened and where
 * the old value is), `history` lists the old value as replaced, and an import counts such
 * rows as replaced, naming the token in its preview.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TokenJson } from './format/tokens';
import { buildCli, createVault, json, ok, vaultRunner } from './test-support';

const b64url = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
const EXP = Date.UTC(2031, 5, 30, 12) / 1000;
const jwt = (n: string) => `${b64url({ alg: 'RS256', typ: 'JWT' })}.${b64url({ iss: 'https://acme.iobeya.com', sub: 'jane', exp: EXP })}.sig${n}`;
const BASE = ['--platform', 'iobeya', '--account', 'acme', '--base-url', 'https://acme.api.iobeya.com/v1'];

let dir: string;
let run: ReturnType<typeof vaultRunner>;
let id: string;

beforeAll(async () => {
  buildCli();
  dir = mkdtempSync(join(tmpdir(), 'patvault-one-per-user-'));
  const path = join(dir, 'vault.sqlite');
  (await createVault(path)).close();
  run = vaultRunner(path);
  id = ok(await run(['add', ...BASE, '--name', 'boards'], [jwt('1')])).trim();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('add for the same iObeya user replaces the value of its token, says so, and keeps the old value in history', async () => {
  const r = await run(['add', ...BASE, '--name', 'boards 2'], [jwt('2')]);
  expect(ok(r).trim()).toBe(id);
  const short = id.slice(0, 8);
  expect(r.stderr).toBe(`replaced the value of token "boards 2" (${short}): one token per user; the old value is kept in \`patvault history ${short}\`\n`);
  expect(r.stdout + r.stderr).not.toContain(jwt('2'));

  const list = json<TokenJson[]>(await run(['list', '--json']));
  expect(list.map((t) => [t.id, t.name])).toEqual([[id, 'boards 2']]);
  expect(ok(await run(['get', id]))).toBe(`${jwt('2')}\n`);
  expect(ok(await run(['history', short]))).toMatch(/^1\s+\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\s+replaced by a new value \(one token per user\)$/m);
  const revealed = json<{ reason: string; value: string }[]>(await run(['history', id, '--json', '--reveal']));
  expect(revealed).toEqual([expect.objectContaining({ reason: 'replaced', value: jwt('1') })]);
});

it('import: an item for that user is counted as replaced, not imported; the preview names the token', async () => {
  const file = join(dir, 'tokens.json');
  writeFileSync(file, JSON.stringify([{ platform: 'iobeya', account: 'acme', baseUrl: 'https://acme.api.iobeya.com/v1', name: 'boards 3', token: jwt('3') }]));
  expect(ok(await run(['import', file]))).toBe('imported 0 tokens, replaced the value of 1 token (one token per user; old values kept in their history), skipped 0 already in the vault\n');

  const csv = join(dir, 'tokens.csv');
  writeFileSync(csv, `platform,account,base_url,name,token\niobeya,acme,https://acme.api.iobeya.com/v1,boards 4,${jwt('4')}\n`);
  const r = await run(['import', csv, '--format', 'csv', '--map', 'platform=platform,account=account,baseUrl=base_url,name=name,token=token']);
  expect(ok(r)).toBe('imported 0 tokens, replaced the value of 1 token (one token per user; old values kept in their history), 0 duplicates, 0 skipped\n');
  expect(r.stderr).toContain(`import: replaces the value of “boards 3” (${id.slice(0, 8)})`);
  expect(json<TokenJson[]>(await run(['list', '--json'])).map((t) => t.name)).toEqual(['boards 4']);
  expect(json<unknown[]>(await run(['history', id, '--json']))).toHaveLength(3);
});
