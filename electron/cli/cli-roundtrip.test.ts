/**
 * The CLI end to end, spawning the built bundle: every field survives add → show/list/get
 * across processes and agrees with the core in-process; edit/remove; filters; password
 * change; the default vault path. Values never show up anywhere but `get`.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TokenJson } from './format/tokens';
import { CLI, FAST_INIT, PASSWORD, ROOT, buildCli, failsWith, json, ok, openVault, parseCsv, runCli, vaultRunner } from './test-support';

let dir: string;

beforeAll(() => {
  buildCli();
  dir = mkdtempSync(join(tmpdir(), 'patvault-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FULL = {
  platform: 'gitlab',
  account: 'Acme Corp',
  client: 'Client, "Inc."',
  username: 'jdoe',
  name: 'Déploiement "prod", 東京 🚀',
  scopes: ['api', 'read_repository', 'write:packages'],
  expiresAt: '2031-03-31',
  notes: 'line one\nline two, with "quotes"',
  baseUrl: 'https://gitlab.example.com',
  token: 'glpat-Zx9_round-trip.VALUE/+=',
};

const addArgs = (t: typeof FULL): string[] => [
  'add',
  '--platform', t.platform,
  '--account', t.account,
  '--client', t.client,
  '--username', t.username,
  '--name', t.name,
  '--scopes', t.scopes.join(','),
  '--expires', t.expiresAt,
  '--notes', t.notes,
  '--base-url', `${t.baseUrl}/`, // the core strips trailing slashes
];

describe('round trip across processes', () => {
  let path: string;
  let run: ReturnType<typeof vaultRunner>;
  let id: string;
  const values: string[] = [FULL.token];

  beforeAll(async () => {
    path = join(dir, 'roundtrip.sqlite');
    run = vaultRunner(path);
    expect(ok(await runCli(['--vault', path, '--password-stdin', 'init', ...FAST_INIT], { input: `${PASSWORD}\n` }))).toContain(path);
    id = ok(await run(addArgs(FULL), [FULL.token])).trim();
    expect(id).toMatch(/^[0-9a-f]{32}$/);
  });

  it('show --json gives back every field, and the notes, but not the value', async () => {
    const shown = json<TokenJson & { notes: string }>(await run(['show', id.slice(0, 6), '--json']));
    const { token: _token, ...fields } = FULL;
    expect(shown).toMatchObject({ id, ...fields, status: 'unknown', lastCheck: null });
    expect(shown.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(JSON.stringify(shown)).not.toContain(FULL.token);
  });

  it('list --json and search --json hold the same object', async () => {
    const listed = json<TokenJson[]>(await run(['list', '--json']));
    expect(listed).toHaveLength(1);
    const { notes: _n, token: _t, ...fields } = FULL;
    expect(listed[0]).toMatchObject({ id, ...fields });
    expect(json<TokenJson[]>(await run(['search', 'déploiement', 'acme', '--json']))).toEqual(listed);
    expect(json<TokenJson[]>(await run(['search', 'nothing-like-this', '--json']))).toEqual([]);
  });

  it('get prints exactly the value and a newline, and is audited', async () => {
    const r = await run(['get', id]);
    expect(r.stdout).toBe(`${FULL.token}\n`);
    const log = json<{ action: string; tokenId: string | null }[]>(await run(['log', '--json']));
    expect(log.at(-1)).toMatchObject({ action: 'get', tokenId: id });
  });

  it('the core in-process reads what the CLI wrote, and the CLI reads what the core wrote', async () => {
    const v = await openVault(path);
    try {
      const view = v.tokens.get(id);
      const { token, notes, ...fields } = FULL;
      expect(view).toMatchObject(fields);
      expect(v.tokens.readSecret(id, 'reveal')).toEqual({ value: token, notes });
      const added = v.tokens.add({ platform: 'github', account: 'octo', name: 'in-process', token: 'ghp_inprocess_value_1', scopes: ['repo'] });
      values.push('ghp_inprocess_value_1');
      const fromCli = json<TokenJson>(await run(['show', added.id, '--json']));
      expect(fromCli).toMatchObject({ id: added.id, platform: 'github', account: 'octo', name: 'in-process', scopes: ['repo'], client: null });
      expect((await run(['get', added.id])).stdout).toBe('ghp_inprocess_value_1\n');
    } finally {
      v.close();
    }
  });

  it('list filters by platform, client and status; the table shows short ids and expiry', async () => {
    expect(json<TokenJson[]>(await run(['list', '--json', '--platform', 'github'])).map((t) => t.name)).toEqual(['in-process']);
    expect(json<TokenJson[]>(await run(['list', '--json', '--client', 'client, "inc."'])).map((t) => t.id)).toEqual([id]);
    expect(json<TokenJson[]>(await run(['list', '--json', '--status', 'expired']))).toEqual([]);
    const table = ok(await run(['list']));
    expect(table.split('\n')[0]).toMatch(/^ID\s+PLATFORM\s+ACCOUNT\s+CLIENT\s+NAME\s+EXPIRES\s+STATUS$/);
    expect(table).toContain(id.slice(0, 8));
    expect(table).not.toContain(id.slice(0, 9));
    expect(table).toMatch(/2031-03-31 \(in [\d,]+ days\)/);
    // No date known is "not set": "never" is only for a platform that says so.
    expect(table).toContain('not set');
  });

  it('edit changes fields, clears optional ones, and replaces the value from stdin', async () => {
    const r = await run(
      ['edit', id, '--name', 'renamed', '--client', '', '--username', '', '--base-url', '', '--expires', 'none', '--scopes', 'read_api', '--notes', 'new notes', '--value-stdin'],
      ['glpat-edited-value'],
    );
    expect(ok(r)).toBe(`updated ${id} renamed\n`);
    values.push('glpat-edited-value');
    const shown = json<TokenJson & { notes: string }>(await run(['show', id, '--json']));
    expect(shown).toMatchObject({ name: 'renamed', client: null, username: null, baseUrl: null, expiresAt: null, scopes: ['read_api'], notes: 'new notes', platform: 'gitlab', account: 'Acme Corp' });
    expect((await run(['get', id])).stdout).toBe('glpat-edited-value\n');
    expect(ok(await run(['edit', id.slice(0, 5), '--platform', 'custom', '--account', 'Other', '--expires', '2030-01-02']))).toContain('updated');
    expect(json<TokenJson>(await run(['show', id, '--json']))).toMatchObject({ platform: 'custom', account: 'Other', expiresAt: '2030-01-02' });
  });

  it('show, list, search, export and log never print a value', async () => {
    const outputs = await Promise.all([
      run(['show', id]),
      run(['show', id, '--json']),
      run(['list']),
      run(['list', '--json']),
      run(['search', 'o']),
      run(['export', '--format', 'json']),
      run(['export', '--format', 'csv']),
      run(['log']),
      run(['log', '--json']),
    ]);
    for (const r of outputs) {
      const text = ok(r) + r.stderr;
      for (const value of values) expect(text).not.toContain(value);
    }
  });

  it('reads only the stdin lines it needs: exits while the pipe is still open', async () => {
    const child = spawn(process.execPath, [CLI, '--vault', path, '--password-stdin', 'get', id], { cwd: ROOT, stdio: 'pipe' });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stdin.write(`${PASSWORD}\n`); // and never closed
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.stdin.destroy();
    expect(code).toBe(0);
    expect(stdout).toBe('glpat-edited-value\n'); // the value set by the edit test above
  });

  it('remove deletes without asking when there is no terminal', async () => {
    const other = json<TokenJson[]>(await run(['list', '--json', '--platform', 'github']))[0] as TokenJson;
    expect(ok(await run(['remove', other.id.slice(0, 7)]))).toBe(`removed ${other.id} in-process\n`);
    expect(json<TokenJson[]>(await run(['list', '--json'])).map((t) => t.id)).toEqual([id]);
  });

  it('passwd: the new password works, the old one fails, tokens are kept', async () => {
    const before = json<TokenJson[]>(await run(['list', '--json']));
    const NEW = 'a brand new master password';
    expect(ok(await run(['passwd'], [NEW]))).toBe('master password changed\n');
    expect(failsWith(await run(['list', '--json']), 1)).toMatch(/wrong master password/i);
    const runNew = vaultRunner(path, NEW);
    expect(json<TokenJson[]>(await runNew(['list', '--json']))).toEqual(before);
    expect((await runNew(['get', id])).stdout).toBe('glpat-edited-value\n');
    const v = await openVault(path, NEW);
    expect(v.verifyAll().tokens).toBe(1);
    v.close();
  });
});

describe('default vault path', () => {
  it('uses $XDG_CONFIG_HOME/PAT Vault/vault.sqlite; PATVAULT_VAULT and --vault take precedence', async () => {
    const xdg = join(dir, 'xdg');
    const env = { XDG_CONFIG_HOME: xdg, HOME: join(dir, 'home') };
    const init = (args: string[], extra: Record<string, string> = {}) =>
      runCli([...args, 'init', '--password-stdin', ...FAST_INIT], { input: `${PASSWORD}\n`, env: { ...env, ...extra } });

    const defaultPath = join(xdg, 'PAT Vault', 'vault.sqlite');
    expect(ok(await init([]))).toBe(`created vault ${defaultPath}\n`);
    expect(existsSync(defaultPath)).toBe(true);

    const fromEnv = join(dir, 'env', 'vault.sqlite');
    expect(ok(await init([], { PATVAULT_VAULT: fromEnv }))).toBe(`created vault ${fromEnv}\n`);
    expect(existsSync(fromEnv)).toBe(true);

    const fromFlag = join(dir, 'flag.sqlite');
    expect(ok(await init(['--vault', fromFlag], { PATVAULT_VAULT: fromEnv }))).toBe(`created vault ${fromFlag}\n`);
    expect(existsSync(fromFlag)).toBe(true);

    // The default vault is the one commands open when nothing else is said.
    const listed = await runCli(['list', '--json', '--password-stdin'], { input: `${PASSWORD}\n`, env });
    expect(json(listed)).toEqual([]);
  });
});

describe('export', () => {
  it('CSV (RFC 4180) and JSON parse back to the inventory; quotes, commas and unicode survive', async () => {
    const path = join(dir, 'export.sqlite');
    const v = await openVaultAfterInit(path);
    const names = ['plain', 'with, comma', 'with "quotes"', 'ünïcødé 東京 🚀', '=1+2 leading equals'];
    for (const [i, name] of names.entries()) {
      v.tokens.add({ platform: 'github', account: 'a,b "c"', client: i % 2 ? 'x' : null, name, token: `ghp_export_${i}`, scopes: ['repo', 'read:org'], expiresAt: i ? `2030-0${i}-1${i}` : null });
    }
    const inventory = v.tokens.list();
    v.close();
    const run = vaultRunner(path);
    const csv = ok(await run(['export', '--format', 'csv']));
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual(['id', 'platform', 'account', 'client', 'username', 'baseUrl', 'name', 'scopes', 'expiresAt', 'status', 'createdAt', 'updatedAt', 'lastCheckAt', 'lastCheckResult', 'expiry', 'expirySource', 'lastUsedAt', 'ywhRole', 'ywhScope', 'ywhAccess']);
    expect(rows.slice(1)).toEqual(
      inventory.map((t) => [t.id, t.platform, t.account, t.client ?? '', '', '', t.name, 'repo read:org', t.expiresAt ?? '', t.status, t.createdAt, t.updatedAt, '', '', t.expiry ?? '', t.expiresAt ? 'user' : '', '', '', '', '']),
    );
    const exported = json<TokenJson[]>(await run(['export']));
    expect(exported.map((t) => t.name)).toEqual(inventory.map((t) => t.name));
    for (let i = 0; i < names.length; i++) expect(csv + JSON.stringify(exported)).not.toContain(`ghp_export_${i}`);
    const log = json<{ action: string; detail: string }[]>(await run(['log', '--json']));
    expect(log.filter((e) => e.action === 'export').map((e) => e.detail)).toEqual(['csv, 5 tokens', 'json, 5 tokens']);
  });
});

async function openVaultAfterInit(path: string) {
  ok(await runCli(['--vault', path, '--password-stdin', 'init', ...FAST_INIT], { input: `${PASSWORD}\n` }));
  return openVault(path);
}
