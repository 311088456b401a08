/**
 * `patvault history ID`: a token's earlier values, oldest first, with when and why each was
 * kept; never a value unless --reveal, which is audited as a reveal. Spawns the built bundle.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildCli, createVault, failsWith, json, ok, openVault, vaultRunner } from './test-support';

let dir: string;
let run: ReturnType<typeof vaultRunner>;
let path: string;
let id: string;
let fresh: string;

const FIRST = 'ghp_HISTORYfirstVALUEhistoryFIRSTvalue01';
const SECOND = 'ghp_HISTORYsecondVALUEhistorySECONDval02';
const CURRENT = 'ghp_HISTORYcurrentVALUEhistoryCURRENT003';

beforeAll(async () => {
  buildCli();
  dir = mkdtempSync(join(tmpdir(), 'patvault-history-'));
  path = join(dir, 'vault.sqlite');
  run = vaultRunner(path);
  const v = await createVault(path);
  id = v.tokens.add({ platform: 'github', account: 'octo', name: 'CI', token: FIRST }).id;
  fresh = v.tokens.add({ platform: 'github', account: 'octo', name: 'Fresh', token: 'ghp_HISTORYneverCHANGEDhistoryNEVER00004' }).id;
  v.results.rotate(id, SECOND);
  v.close();
  // Typed over by hand, through the CLI: the value it replaces is kept too.
  ok(await run(['edit', id.slice(0, 8), '--value-stdin'], [CURRENT]));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('lists when and why each earlier value was kept, oldest first, and never a value', async () => {
  const out = ok(await run(['history', id.slice(0, 8)]));
  const lines = out.trimEnd().split('\n');
  expect(lines[0]).toMatch(/^#\s+KEPT\s+WHY$/);
  expect(lines[1]).toMatch(/^1\s+\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\s+rotated$/);
  expect(lines[2]).toMatch(/^2\s+\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\s+edited by hand$/);
  for (const v of [FIRST, SECOND, CURRENT]) expect(out).not.toContain(v);

  const entries = json<Record<string, unknown>[]>(await run(['history', id, '--json']));
  expect(entries).toEqual([
    { at: expect.stringMatching(/Z$/), reason: 'rotated' },
    { at: expect.stringMatching(/Z$/), reason: 'edited' },
  ]);
  expect(JSON.stringify(entries)).not.toContain('ghp_');
});

it('listing is not a reveal: it writes nothing to the audit log', async () => {
  const before = (json<unknown[]>(await run(['log', '--json']))).length;
  ok(await run(['history', id]));
  ok(await run(['history', id, '--json']));
  expect(json<unknown[]>(await run(['log', '--json']))).toHaveLength(before);
});

it('--reveal prints the values, and is recorded in the audit log as a reveal', async () => {
  const entries = json<{ at: string; reason: string; value: string }[]>(await run(['history', id, '--json', '--reveal']));
  expect(entries.map((e) => [e.reason, e.value])).toEqual([
    ['rotated', FIRST],
    ['edited', SECOND],
  ]);
  expect(Object.keys(entries[0] ?? {})).toEqual(['at', 'reason', 'value']);
  const table = ok(await run(['history', id, '--reveal']));
  expect(table).toMatch(/^#\s+KEPT\s+WHY\s+VALUE$/m);
  expect(table).toContain(FIRST);
  expect(table).not.toContain(CURRENT);

  const v = await openVault(path);
  const reveals = v.audit.log().filter((e) => e.tokenId === id && e.action === 'reveal');
  v.close();
  expect(reveals.map((e) => e.detail)).toEqual(['history: 2 earlier values', 'history: 2 earlier values']);
});

it('a token without earlier values says so on stderr; JSON is an empty array', async () => {
  const r = await run(['history', fresh]);
  expect(ok(r)).toBe('');
  expect(r.stderr).toBe('no earlier values\n');
  expect(json(await run(['history', fresh, '--json']))).toEqual([]);
});

it('an unknown id fails with one line, exit 1', async () => {
  expect(failsWith(await run(['history', 'ffffffff']), 1)).toMatch(/No token/);
});
