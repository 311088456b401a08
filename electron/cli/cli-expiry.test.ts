/**
 * Expiry through the built CLI: a JWT added without --expires takes its own exp, as the exact
 * instant; `show` says where an expiry came from and the moment it stops; --expires wins.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TokenJson } from './format/tokens';
import { buildCli, createVault, json, ok, vaultRunner } from './test-support';

const b64url = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
const EXP = Date.UTC(2031, 5, 30, 12) / 1000; // 2031-06-30 12:00 UTC
const JWT = `${b64url({ alg: 'RS256', typ: 'JWT' })}.${b64url({ iss: 'https://acme.iobeya.com', sub: 'jane', exp: EXP })}.c2ln`;
const BASE = ['--platform', 'iobeya', '--account', 'acme', '--base-url', 'https://acme.api.iobeya.com/v1'];

let dir: string;
let run: ReturnType<typeof vaultRunner>;

beforeAll(async () => {
  buildCli();
  dir = mkdtempSync(join(tmpdir(), 'patvault-cli-expiry-'));
  const path = join(dir, 'vault.sqlite');
  (await createVault(path)).close();
  run = vaultRunner(path);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('a JWT without --expires keeps its exp as an instant; show says it was read from the token', async () => {
  const id = ok(await run(['add', ...BASE, '--name', 'board'], [JWT])).trim();
  expect(json<TokenJson>(await run(['show', id, '--json']))).toMatchObject({
    expiresAt: '2031-06-30',
    expiry: '2031-06-30T12:00:00.000Z',
    expirySource: 'token',
    expiryRaw: `exp ${EXP}`,
  });
  const page = ok(await run(['show', id]));
  expect(page).toMatch(/^expiry: +read from the token itself \(exp \d+\); stops working at 2031-06-30 12:00 UTC$/m);
  expect(page).not.toContain(JWT);
});

it('--expires wins over the claim', async () => {
  const other = `${b64url({ alg: 'RS256' })}.${b64url({ iss: 'https://acme.iobeya.com', sub: 'joe', exp: EXP })}.c2ln`;
  const id = ok(await run(['add', ...BASE, '--name', 'typed', '--expires', '2031-01-15'], [other])).trim();
  expect(json<TokenJson>(await run(['show', id, '--json']))).toMatchObject({ expiresAt: '2031-01-15', expiry: '2031-01-15', expirySource: 'user' });
});
