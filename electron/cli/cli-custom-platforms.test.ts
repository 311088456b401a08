/**
 * `custom-platform` and the platform specifics of `add`/`edit`, end to end through the built
 * bundle: define a platform pointing at a loopback mock, add a token on it, check it (the
 * token reaches only the configured host, in the configured place), edit and remove with the
 * core's rules; YesWeHack program slug and Jelastic token id stored with a token.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../core/platforms/test-support/mock-server';
import { buildCli, createVault, failsWith, json, ok, openVault, snapshot, vaultRunner } from './test-support';

const TOKEN = 'acme-cli-' + 'K'.repeat(30);
let dir: string;
let path: string;
let acme: MockServer;
let other: MockServer;
let run: ReturnType<typeof vaultRunner>;

beforeAll(async () => {
  buildCli();
  dir = mkdtempSync(join(tmpdir(), 'patvault-cli-custom-'));
  path = join(dir, 'vault.sqlite');
  (await createVault(path)).close();
  run = vaultRunner(path);
  acme = await startMockServer({ 'GET /api/whoami': { status: 204 } });
  other = await startMockServer();
});
afterAll(async () => {
  expect(other.requestsCarrying(TOKEN)).toEqual([]);
  await acme.close();
  await other.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('custom-platform', () => {
  it('add, list, use for a token, check at its own host with its own header', async () => {
    const added = ok(
      await run(['custom-platform', 'add', '--name', 'Acme', '--base-url', `${acme.url}/api`, '--auth', 'header', '--auth-name', 'X-Acme-Key', '--auth-prefix', 'Key ', '--check-path', '/whoami', '--valid-status', '204']),
    );
    expect(added).toMatch(/^added custom platform Acme \([0-9a-f]{8}\)\n$/);
    const list = json<Record<string, unknown>[]>(await run(['custom-platform', 'list', '--json']));
    expect(list).toEqual([
      expect.objectContaining({ name: 'Acme', baseUrl: `${acme.url}/api`, auth: { kind: 'header', name: 'X-Acme-Key', prefix: 'Key ' }, checkPath: '/whoami', validStatus: 204, tokens: 0 }),
    ]);
    const id = ok(await run(['add', '--custom-platform', 'acme', '--account', 'ops', '--name', 'deploy'], [TOKEN])).trim();
    const checked = json<{ status: string }[]>(await run(['check', id, '--json']));
    expect(checked[0]?.status).toBe('active');
    expect(acme.requests.map((r) => [r.method, r.path, r.headers['x-acme-key']])).toEqual([['GET', '/api/whoami', `Key ${TOKEN}`]]);
    expect(ok(await run(['custom-platform', 'list']))).toMatch(/Acme .* header X-Acme-Key: Key … .* GET \/whoami → 204 .* 1/);
  });

  it('bad definitions: a clear line, exit 1 or 2, nothing stored', async () => {
    const v = await openVault(path);
    const before = snapshot(v) + JSON.stringify(v.customPlatforms.list());
    v.close();
    expect(failsWith(await run(['custom-platform', 'add', '--name', 'X', '--base-url', 'http://example.com', '--auth', 'bearer']), 1)).toMatch(/baseUrl: .*https/);
    expect(failsWith(await run(['custom-platform', 'add', '--name', 'X', '--base-url', 'https://x.example', '--auth', 'header']), 1)).toBe(
      'patvault: --auth header needs --auth-name (the header, e.g. X-Api-Key).',
    );
    expect(failsWith(await run(['custom-platform', 'add', '--name', 'ACME', '--base-url', 'https://x.example', '--auth', 'bearer']), 1)).toBe(
      'patvault: A custom platform named "Acme" already exists.',
    );
    expect(failsWith(await run(['custom-platform', 'add', '--name', 'X', '--base-url', 'https://x.example', '--auth', 'oauth']), 2)).toMatch(/oauth/);
    expect(failsWith(await run(['custom-platform', 'remove', 'Acme']), 1)).toBe('patvault: Custom platform "Acme" is used by 1 token: move or delete it first.');
    expect(failsWith(await run(['add', '--platform', 'custom', '--custom-platform', 'Nope', '--account', 'a', '--name', 'n'], ['nope-value-123']), 1)).toBe(
      'patvault: No custom platform named "Nope" (defined: Acme).',
    );
    // --custom-platform implies --platform custom; another platform with it is refused, and no platform at all is a usage error.
    expect(failsWith(await run(['add', '--custom-platform', 'Nope', '--account', 'a', '--name', 'n'], ['nope-value-123']), 1)).toBe(
      'patvault: No custom platform named "Nope" (defined: Acme).',
    );
    expect(failsWith(await run(['add', '--platform', 'github', '--custom-platform', 'Acme', '--account', 'a', '--name', 'n'], ['nope-value-123']), 1)).toBe(
      'patvault: --custom-platform is for --platform custom, not "github".',
    );
    expect(failsWith(await run(['add', '--account', 'a', '--name', 'n'], ['nope-value-123']), 2)).toMatch(/required option '--platform <id>' not specified/);
    const after = await openVault(path);
    expect(snapshot(after) + JSON.stringify(after.customPlatforms.list())).toBe(before);
    after.close();
  });

  it('edit keeps what is not given and clears with empty text; remove once unused', async () => {
    ok(await run(['custom-platform', 'edit', 'Acme', '--name', 'Acme 2', '--check-path', '', '--token-page', 'https://acme.example/tokens']));
    const [p] = json<Record<string, unknown>[]>(await run(['custom-platform', 'list', '--json']));
    expect(p).toMatchObject({ name: 'Acme 2', auth: { kind: 'header', name: 'X-Acme-Key', prefix: 'Key ' }, checkPath: null, tokenPageUrl: 'https://acme.example/tokens' });
    const [t] = json<{ id: string; customPlatformName: string | null }[]>(await run(['list', '--json', '--platform', 'custom']));
    expect(t?.customPlatformName).toBe('Acme 2');
    ok(await run(['remove', t?.id as string, '--yes']));
    expect(ok(await run(['custom-platform', 'remove', 'acme 2']))).toBe('removed custom platform Acme 2\n');
    expect(ok(await run(['custom-platform', 'list']))).toMatch(/^no custom platforms/);
  });
});

describe('platform specifics on add/edit', () => {
  it('--program and --token-id are stored, shown, changed and cleared', async () => {
    const id = ok(await run(['add', '--platform', 'yeswehack', '--account', 'ywh', '--name', 'triage', '--program', 'acme-bbp'], ['ywh-cli-token-0001'])).trim();
    expect(json<{ programSlug: string | null }>(await run(['show', id, '--json'])).programSlug).toBe('acme-bbp');
    ok(await run(['edit', id, '--program', '']));
    expect(json<{ programSlug: string | null }>(await run(['show', id, '--json'])).programSlug).toBeNull();
    const jel = ok(await run(['add', '--platform', 'jelastic', '--account', 'j', '--name', 'd', '--token-id', '4711'], ['f'.repeat(40)])).trim();
    expect(json<{ platformTokenId: string | null }>(await run(['show', jel, '--json'])).platformTokenId).toBe('4711');
    expect(ok(await run(['show', jel]))).toMatch(/4711/);
  });
});

describe('reminder days on add/edit', () => {
  it('--remind sets, clears to none and back to the default policy; bad values are usage errors', async () => {
    const id = ok(await run(['add', '--platform', 'github', '--account', 'r', '--name', 'rem', '--expires', '2027-05-01', '--remind', '14,3'], ['ghp_' + 'r'.repeat(36)])).trim();
    expect(json<{ reminderDays: number[] | null }>(await run(['show', id, '--json'])).reminderDays).toEqual([14, 3]);
    expect(ok(await run(['show', id]))).toMatch(/reminders: +14 d, 3 d/);
    ok(await run(['edit', id, '--remind', 'none']));
    expect(json<{ reminderDays: number[] | null }>(await run(['show', id, '--json'])).reminderDays).toEqual([]);
    ok(await run(['edit', id, '--remind', 'default']));
    expect(json<{ reminderDays: number[] | null }>(await run(['show', id, '--json'])).reminderDays).toBeNull();
    expect(failsWith(await run(['edit', id, '--remind', 'soon']), 2)).toMatch(/days before expiry/);
    expect(failsWith(await run(['edit', id, '--remind', '400']), 1)).toMatch(/at most 365/);
  });
});

describe('custom-platform add: required options', () => {
  it('a missing --name, --base-url or --auth is a usage error naming it', async () => {
    expect(failsWith(await run(['custom-platform', 'add', '--base-url', 'https://x.example', '--auth', 'bearer']), 2)).toMatch(/--name/);
    expect(failsWith(await run(['custom-platform', 'add', '--name', 'X', '--auth', 'bearer']), 2)).toMatch(/--base-url/);
    expect(failsWith(await run(['custom-platform', 'add', '--name', 'X', '--base-url', 'https://x.example']), 2)).toMatch(/--auth/);
  });
});
