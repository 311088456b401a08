/**
 * The platform commands end to end, spawning the built bundle against a real vault and
 * loopback mock servers (an account's base URL points each token at its mock): check one /
 * all / offline, API and guided revoke, rotate, platforms, detect. Every output is scanned:
 * no token value (old or rotated) appears anywhere but in `get`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedPort, startMockServer, type MockServer } from '../core/platforms/test-support/mock-server';
import type { PlatformJson } from './format/platforms';
import type { TokenJson } from './format/tokens';
import type { DetectJson } from './commands/detect';
import { progressLine, ProgressBar } from './io/progress';
import { buildCli, createVault, failsWith, json, ok, openVault, runCli, snapshot, vaultRunner, type RunResult } from './test-support';

const GH = `ghp_${'a1B2c3D4e5'.repeat(3)}xYz123`;
const GL = 'glpat-CliCheckAbCdEfGhIj12';
const GL_ROT = 'glpat-CliRotateAbCdEfGh34';
const GL_NEW = 'glpat-CliRotatedNewValue5678';
const OFF = `ghp_${'OfflineTok'.repeat(4)}`;
const BRASS = `12|pat-${'Br4ss'.repeat(8)}`;
const SECRETS = [GH, GL, GL_ROT, GL_NEW, OFF, BRASS];
const SELF = '/api/v4/personal_access_tokens/self';

let dir: string;
let path: string;
let gh: MockServer;
let gl: MockServer;
const ids: Record<'gh' | 'gl' | 'glRot' | 'off' | 'brass', string> = { gh: '', gl: '', glRot: '', off: '', brass: '' };
/** Everything every run printed, except `get`'s stdout: scanned for values at the end. */
const printed: string[] = [];
let vaultRun: ReturnType<typeof vaultRunner>;

/** Runs against the test vault and keeps the output for the final scan. */
async function run(args: readonly string[], more: readonly string[] = []): Promise<RunResult> {
  const r = await vaultRun(args, more);
  printed.push(r.stderr, args[0] === 'get' ? '' : r.stdout);
  return r;
}

async function plain(args: readonly string[], input?: string): Promise<RunResult> {
  const r = await runCli(args, input === undefined ? {} : { input });
  printed.push(r.stdout, r.stderr);
  return r;
}

beforeAll(async () => {
  buildCli();
  dir = mkdtempSync(join(tmpdir(), 'patvault-cli-platforms-'));
  path = join(dir, 'vault.sqlite');
  vaultRun = vaultRunner(path);
  gh = await startMockServer({ 'GET /user': { json: { login: 'octocat' }, headers: { 'x-oauth-scopes': 'repo, read:org' } } });
  gl = await startMockServer({
    [`GET ${SELF}`]: { json: { id: 9, name: 'ci', revoked: false, active: true, scopes: ['api'], user_id: 7, expires_at: '2030-06-30' } },
    [`DELETE ${SELF}`]: { status: 204 },
    [`POST ${SELF}/rotate`]: { json: { token: GL_NEW, expires_at: '2031-01-31' } },
  });
  const dead = `http://127.0.0.1:${await closedPort()}`;
  const v = await createVault(path);
  try {
    const add = (platform: 'github' | 'gitlab' | 'brass', name: string, token: string, baseUrl: string): string =>
      v.tokens.add({ platform, account: 'acme', name, token, baseUrl }).id;
    ids.gh = add('github', 'gh ci', GH, gh.url);
    ids.gl = add('gitlab', 'gl ci', GL, `${gl.url}/api/v4`);
    ids.glRot = add('gitlab', 'gl rotate', GL_ROT, `${gl.url}/api/v4`);
    ids.off = add('github', 'gh offline', OFF, dead);
    ids.brass = add('brass', 'brass pay', BRASS, dead);
  } finally {
    v.close();
  }
});

afterAll(async () => {
  // A token only ever reaches its own mock.
  for (const s of [GL, GL_ROT, GL_NEW, BRASS, OFF]) expect(gh.requestsCarrying(s)).toEqual([]);
  for (const s of [GH, OFF, BRASS]) expect(gl.requestsCarrying(s)).toEqual([]);
  await gh.close();
  await gl.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('check', () => {
  it('one token by prefix: table with status and owner, no progress output without a terminal', async () => {
    const r = await run(['check', ids.gh.slice(0, 8)]);
    const out = ok(r);
    expect(r.stderr).toBe('');
    expect(out.split('\n')[0]).toMatch(/^ID\s+PLATFORM\s+ACCOUNT\s+NAME\s+STATUS\s+REASON \/ OWNER\s+EXPIRES$/);
    expect(out).toMatch(new RegExp(`^${ids.gh.slice(0, 8)}\\s+github\\s+acme\\s+gh ci\\s+active\\s+owner octocat\\s+never$`, 'm'));
    expect(gh.requestsCarrying(GH)).toHaveLength(1);
    expect(gh.requests[0]).toMatchObject({ method: 'GET', path: '/user' });
  });

  it('--all --json: every token, lastCheck recorded, offline is unknown with a reason, exit 0', async () => {
    const r = await run(['check', '--all', '--json']);
    const list = json<TokenJson[]>(r);
    expect(r.stderr).toBe('');
    const by = new Map(list.map((t) => [t.id, t]));
    expect(by.size).toBe(5);
    expect(by.get(ids.gh)).toMatchObject({ status: 'active', scopes: ['repo', 'read:org'], lastCheck: { result: 'active', owner: 'octocat' } });
    // GitLab's 2030-06-30 stops at 00:00 UTC that day: June 29 is its last day (the CLI runs in UTC here).
    expect(by.get(ids.gl)).toMatchObject({ status: 'active', expiresAt: '2030-06-29', expiry: '2030-06-30T00:00:00.000Z', expirySource: 'platform', expiryRaw: '2030-06-30', lastCheck: { result: 'active', owner: 'user #7' } });
    expect(by.get(ids.off)).toMatchObject({ status: 'unknown', lastCheck: { result: 'unknown', reason: 'offline' } });
    expect(by.get(ids.brass)).toMatchObject({ status: 'unknown', lastCheck: { result: 'unknown', reason: 'offline' } });
    expect(Object.keys(list[0] as object)).toEqual(Object.keys(json<TokenJson[]>(await run(['list', '--json']))[0] as object));
    // Stored: a later show sees the same check.
    expect(json<TokenJson>(await run(['show', ids.gl, '--json'])).lastCheck).toMatchObject({ result: 'active', owner: 'user #7' });
  });

  it('neither IDs nor --all, or both: usage error (exit 2)', async () => {
    expect(failsWith(await run(['check']), 2)).toMatch(/give token IDs or --all.*see patvault --help$/);
    expect(failsWith(await run(['check', ids.gh, '--all']), 2)).toMatch(/exactly one/);
    expect(failsWith(await run(['check', '--all', '--program', 'x']), 2)).toMatch(/single token/);
  });

  it('unknown id: exit 1, one line, nothing checked', async () => {
    gh.reset();
    failsWith(await run(['check', ids.gh, 'ffffffffff']), 1);
    expect(gh.requests).toEqual([]);
  });
});

describe('revoke', () => {
  it('API (GitLab): DELETE self with --yes → revoked', async () => {
    gl.reset();
    const out = ok(await run(['revoke', ids.gl.slice(0, 10), '--yes']));
    expect(out).toBe(`revoked ${ids.gl} gl ci (through the GitLab API)\n`);
    expect(gl.requests).toHaveLength(1);
    expect(gl.requests[0]).toMatchObject({ method: 'DELETE', path: SELF, headers: { 'private-token': GL } });
    expect(json<TokenJson>(await run(['show', ids.gl, '--json']))).toMatchObject({ status: 'revoked', lastCheck: { result: 'revoked' } });
  });

  it('guided (Brass) without a terminal and without --yes: exit 1, one line, nothing changed', async () => {
    const v = await openVault(path);
    const before = snapshot(v);
    v.close();
    const line = failsWith(await run(['revoke', ids.brass]), 1);
    expect(line).toBe('patvault: guided revoke needs confirmation: revoke it at https://getbrass.co/, then run again with --yes');
    const after = await openVault(path);
    expect(snapshot(after)).toBe(before);
    after.close();
  });

  it('guided with --yes: marked revoked, no request made', async () => {
    const out = ok(await run(['revoke', ids.brass, '--yes']));
    expect(out).toBe(`revoked ${ids.brass} brass pay (guided: revoked by you at https://getbrass.co/)\n`);
    expect(json<TokenJson>(await run(['show', ids.brass, '--json']))).toMatchObject({ status: 'revoked' });
  });

  it('no revoke without a token: unknown id is exit 1', async () => {
    failsWith(await run(['revoke', 'ffffffffff', '--yes']), 1);
  });
});

describe('rotate', () => {
  it('GitLab with --yes: the new value is stored, never printed', async () => {
    gl.reset();
    const r = await run(['rotate', ids.glRot, '--yes']);
    expect(ok(r)).toBe(`rotated ${ids.glRot} gl rotate; the new value is in the vault (patvault get ${ids.glRot.slice(0, 8)})\n`);
    expect(gl.requests).toHaveLength(1);
    expect(gl.requests[0]).toMatchObject({ method: 'POST', path: `${SELF}/rotate`, headers: { 'private-token': GL_ROT } });
    expect(ok(await run(['get', ids.glRot]))).toBe(`${GL_NEW}\n`);
    expect(json<TokenJson>(await run(['show', ids.glRot, '--json']))).toMatchObject({ status: 'active', expiresAt: '2031-01-30', expiry: '2031-01-31T00:00:00.000Z' });
  });

  it('a platform without a rotate API: exit 1, one line, nothing sent', async () => {
    gh.reset();
    expect(failsWith(await run(['rotate', ids.gh, '--yes']), 1)).toMatch(/GitHub cannot rotate tokens through its API/);
    expect(gh.requests).toEqual([]);
  });
});

describe('platforms and detect (no vault)', () => {
  it('platforms --json lists the six presets with their support', async () => {
    const list = json<PlatformJson[]>(await plain(['platforms', '--json']));
    expect(list.map((p) => p.id)).toEqual(['github', 'gitlab', 'yeswehack', 'brass', 'jelastic', 'iobeya']);
    const by = new Map(list.map((p) => [p.id, p]));
    expect(by.get('yeswehack')).toMatchObject({ auth: 'header X-AUTH-TOKEN', revoke: 'guided', rotate: false, check: true });
    expect(by.get('jelastic')).toMatchObject({ defaultBaseUrl: null, auth: 'query ?session=', revoke: 'api', rotate: true, revokeNeedsPassword: true, revokeAcceptsLogin: true, rotateAcceptsLogin: true });
    expect(by.get('github')).toMatchObject({ defaultBaseUrl: 'https://api.github.com', auth: 'Authorization: Bearer', revoke: 'api', rotate: false });
    for (const p of list) expect(p.notesCount).toBe(p.notes.length);
  });

  it('platforms: one line per preset', async () => {
    const lines = ok(await plain(['platforms'])).trimEnd().split('\n');
    expect(lines).toHaveLength(7);
    expect(lines.find((l) => l.startsWith('jelastic'))).toMatch(/per customer\/hoster\s+query \?session=/);
  });

  it('detect: a GitHub-shaped token → github, the value never echoed', async () => {
    const r = await plain(['detect'], `${GH}\n`);
    expect(ok(r)).toBe('platform: github (GitHub)\nformat:   GitHub classic personal access token\n');
    expect(json<DetectJson>(await plain(['detect', '--json'], `${GH}\n`))).toEqual({
      platforms: ['github'],
      label: 'GitHub classic personal access token',
      kind: 'github-classic',
      personalAccessToken: true,
      expiresAt: null,
      expiresAtInstant: null,
      issuedAt: null,
      subject: null,
      issuer: null,
      scopes: [],
    });
  });

  it('detect: GitHub OAuth and GitLab deploy tokens are named honestly, as not personal access tokens', async () => {
    const oauth = json<DetectJson>(await plain(['detect', '--json'], `gho_${'x'.repeat(36)}\n`));
    expect(oauth).toMatchObject({ platforms: ['github'], kind: 'github-oauth', personalAccessToken: false, label: expect.stringMatching(/OAuth.*not a personal access token/) });
    const deploy = ok(await plain(['detect'], `gldt-${'y'.repeat(20)}\n`));
    expect(deploy).toBe('platform: gitlab (GitLab)\nformat:   GitLab deploy token (not a personal access token)\n');
  });

  it('detect: a JWT of unknown origin → no platform, with its expiry, issue time, subject, issuer and scopes', async () => {
    const b64 = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url');
    const payload = { iss: 'https://auth.example.com', sub: 'jane.doe', iat: Date.UTC(2029, 0, 15, 9, 30) / 1000, exp: Date.UTC(2030, 0, 15) / 1000, scope: 'rooms:read boards' };
    const jwt = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(payload)}.c2lnbmF0dXJl`;
    const d = json<DetectJson>(await plain(['detect', '--json'], `${jwt}\n`));
    expect(d).toMatchObject({
      platforms: [],
      label: 'JSON Web Token',
      kind: 'jwt',
      expiresAt: '2030-01-15',
      expiresAtInstant: '2030-01-15T00:00:00.000Z',
      issuedAt: '2029-01-15T09:30:00.000Z',
      subject: 'jane.doe',
      issuer: 'https://auth.example.com',
      scopes: ['rooms:read', 'boards'],
    });
    const text = ok(await plain(['detect'], `${jwt}\n`));
    expect(text).toMatch(/^platform: -$/m);
    expect(text).toMatch(/^format: {3}JSON Web Token$/m);
    // exp is 2030-01-15 00:00 UTC: the last day it works is Jan 14 (UTC here), and the exact stop is shown.
    expect(text).toMatch(/^expires: {2}2030-01-14 \(in [\d,]+ days\) — stops 2030-01-15 00:00 UTC$/m);
    expect(text).toMatch(/^issued: {3}2029-01-15 09:30 UTC$/m);
    expect(text).toMatch(/^issuer: {3}https:\/\/auth\.example\.com$/m);
    expect(text).not.toContain(jwt);
  });

  it('detect: a JWT whose issuer is under iobeya.com → iobeya', async () => {
    const b64 = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url');
    const jwt = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ iss: 'https://acme.iobeya.com', sub: 'jane.doe' })}.c2lnbmF0dXJl`;
    const text = ok(await plain(['detect'], `${jwt}\n`));
    expect(text).toMatch(/^platform: iobeya \(iObeya\)$/m);
  });

  it('detect: unknown format → exit 0 "no known format"; empty input → exit 1', async () => {
    expect(ok(await plain(['detect'], 'not-a-token-format\n'))).toBe('no known format\n');
    expect(json<DetectJson>(await plain(['detect', '--json'], 'nope\n'))).toMatchObject({ platforms: [], label: null });
    failsWith(await plain(['detect'], ''), 1);
    failsWith(await plain(['detect'], '   \n'), 1);
  });
});

describe('progress bar', () => {
  it('draws on a terminal only, in place, and clears itself', () => {
    expect(progressLine('checking', 37, 120, 10)).toBe('checking 37/120 ▕███░░░░░░░▏');
    const writes: string[] = [];
    let t = 0;
    const bar = new ProgressBar('checking', { isTTY: true, write: (s: string) => writes.push(s) }, () => (t += 100));
    bar.update(0, 2);
    bar.update(1, 2);
    bar.update(2, 2);
    bar.clear();
    expect(writes).toHaveLength(4);
    expect(writes.slice(0, 3).every((w) => w.startsWith('\r') && !w.includes('\n'))).toBe(true);
    expect(writes[2]).toContain('2/2 ▕████████████████████▏');
    expect(writes[3]).toBe('\r\x1b[K');
    const none: string[] = [];
    const quiet = new ProgressBar('checking', { isTTY: false, write: (s: string) => none.push(s) });
    quiet.update(1, 2);
    quiet.clear();
    expect(none).toEqual([]);
  });
});

describe('no value in any output', () => {
  it('nothing printed (except get) contains a token value', () => {
    expect(printed.length).toBeGreaterThan(20);
    for (const text of printed) for (const s of SECRETS) expect(text).not.toContain(s);
  });
});
