/**
 * YesWeHack's role, scope kind and access type (seed 000) through the built CLI: given as
 * choices, shown in words, exported as ids, refused with the accepted values or on another
 * platform, cleared with ''.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TokenJson } from './format/tokens';
import { buildCli, createVault, failsWith, json, ok, vaultRunner } from './test-support';

const YWH = ['--platform', 'yeswehack', '--account', 'acme-bu', '--program', 'acme-bbp'];
let dir: string;
let run: ReturnType<typeof vaultRunner>;

beforeAll(async () => {
  buildCli();
  dir = mkdtempSync(join(tmpdir(), 'patvault-cli-ywh-'));
  const path = join(dir, 'vault.sqlite');
  (await createVault(path)).close();
  run = vaultRunner(path);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('add keeps role, scope kind and access type; show names them as YesWeHack does; JSON gives the ids', async () => {
  const args = ['add', ...YWH, '--name', 'triage', '--ywh-role', 'program-manager', '--ywh-scope', 'program', '--ywh-access', 'read-write'];
  const id = ok(await run(args, ['ywh-token-value-0001'])).trim();
  const page = ok(await run(['show', id]));
  expect(page).toMatch(/^YesWeHack role: +Program Manager$/m);
  expect(page).toMatch(/^YesWeHack scope: +Program\(s\)$/m);
  expect(page).toMatch(/^access type: +Read and write$/m);
  expect(json<TokenJson>(await run(['show', id, '--json']))).toMatchObject({ ywhRole: 'program-manager', ywhScope: 'program', ywhAccess: 'read-write' });
  // Searchable by the words a user sees.
  expect(ok(await run(['search', 'program manager']))).toContain(id.slice(0, 8));

  ok(await run(['edit', id, '--ywh-access', '', '--ywh-role', 'business-unit-owner']));
  expect(json<TokenJson>(await run(['show', id, '--json']))).toMatchObject({ ywhRole: 'business-unit-owner', ywhScope: 'program', ywhAccess: null });
});

it('a value outside the list is a usage error naming the accepted ones; nothing is saved', async () => {
  const before = ok(await run(['list', '--json']));
  const err = failsWith(await run(['add', ...YWH, '--name', 'x', '--ywh-role', 'admin'], ['ywh-token-value-0002']), 2);
  expect(err).toContain('admin');
  expect(err).toContain('business-unit-owner, business-unit-manager, program-manager');
  expect(ok(await run(['list', '--json']))).toBe(before);
});

it('on another platform the fields are refused; moving a token off YesWeHack drops them', async () => {
  const err = failsWith(await run(['add', '--platform', 'github', '--account', 'me', '--name', 'gh', '--ywh-role', 'program-manager'], ['x']), 1);
  expect(err).toContain('only be given with platform yeswehack');
  const id = ok(await run(['add', ...YWH, '--name', 'moving', '--ywh-scope', 'business-unit'], ['ywh-token-value-0003'])).trim();
  ok(await run(['edit', id, '--platform', 'custom']));
  expect(json<TokenJson>(await run(['show', id, '--json']))).toMatchObject({ platform: 'custom', ywhScope: null });
});
