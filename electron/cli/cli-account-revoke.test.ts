/**
 * `revoke` / `rotate` for accounts whose platform answers depend on the account, through the
 * built CLI against a real vault and loopback platforms: Jelastic with the token itself or
 * signed in with `--login` (the password from --password-stdin), an expired Jelastic token that
 * needs the login, a GitHub Enterprise Server without the revoke API (guided, on its own page),
 * and the per-account token page a guided revoke prints. Every output is scanned: no token value,
 * password or session is ever printed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../core/platforms/test-support/mock-server';
import type { TokenJson } from './format/tokens';
import { buildCli, createVault, failsWith, json, ok, vaultRunner, type RunResult } from './test-support';

const JEL = '7'.repeat(40);
const JEL_OLD = '8'.repeat(40);
const JEL_NEW = '9'.repeat(40);
const GHE = `ghp_${'GhesTok3n9'.repeat(3)}aBcDeF`;
const IOB = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJqYW5lIn0.c2lnbmF0dXJlc2lnbmF0dXJl';
const PASSWORD = 'account pass word 1';
const LOGIN = 'jane@acme.example';
const SESSION = 'sess-'.padEnd(40, 'Q');
const P = '/1.0/users/authentication/rest';
const SECRETS = [JEL, JEL_OLD, JEL_NEW, GHE, IOB, PASSWORD, SESSION];

let dir: string;
let jel: MockServer;
let ghe: MockServer;
const ids: Record<'jel' | 'old' | 'ghe' | 'iob', string> = { jel: '', old: '', ghe: '', iob: '' };
const printed: string[] = [];
let vaultRun: ReturnType<typeof vaultRunner>;

async function run(args: readonly string[], more: readonly string[] = []): Promise<RunResult> {
  const r = await vaultRun(args, more);
  printed.push(r.stdout, r.stderr);
  return r;
}

const form = (s: MockServer, i: number): Record<string, string> => Object.fromEntries(new URLSearchParams(s.requests[i]?.body));

beforeAll(async () => {
  buildCli();
  dir = mkdtempSync(join(tmpdir(), 'patvault-cli-account-'));
  const path = join(dir, 'vault.sqlite');
  vaultRun = vaultRunner(path);
  jel = await startMockServer();
  ghe = await startMockServer();
  const v = await createVault(path);
  try {
    ids.jel = v.tokens.add({ platform: 'jelastic', account: 'hoster', name: 'deploy', token: JEL, baseUrl: jel.url, platformTokenId: '41' }).id;
    ids.old = v.tokens.add({ platform: 'jelastic', account: 'hoster', name: 'old', token: JEL_OLD, baseUrl: jel.url, platformTokenId: '42', expiresAt: '2020-02-29' }).id;
    ids.ghe = v.tokens.add({ platform: 'github', account: 'corp', name: 'ghe', token: GHE, baseUrl: `${ghe.url}/api/v3` }).id;
    ids.iob = v.tokens.add({ platform: 'iobeya', account: 'acme', name: 'boards', token: IOB, baseUrl: 'https://acme.api.iobeya.com/v1' }).id;
  } finally {
    v.close();
  }
});

beforeEach(() => {
  jel.reset();
  ghe.reset();
});

afterAll(async () => {
  for (const out of printed) for (const s of SECRETS) expect(out).not.toContain(s);
  expect(ghe.requestsCarrying(JEL)).toEqual([]);
  expect(jel.requestsCarrying(GHE)).toEqual([]);
  await jel.close();
  await ghe.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('Jelastic', () => {
  it('an expired token without --login: exit 1 saying to add --login, and nothing is sent', async () => {
    const line = failsWith(await run(['revoke', ids.old, '--yes'], [PASSWORD]), 1);
    expect(line).toMatch(/^patvault: Jelastic \/ Virtuozzo could not revoke the token with the token itself \(it has expired\).*; run again with --login NAME$/);
    expect(jel.requests).toEqual([]);
  });

  it('--login: signin (login, password) → deletetokens (session, ids, password) → signout; marked revoked', async () => {
    jel.route('POST', `${P}/signin`, { json: { result: 0, session: SESSION } });
    jel.route('POST', `${P}/deletetokens`, { json: { result: 0 } });
    jel.route('POST', `${P}/signout`, { json: { result: 0 } });
    const out = ok(await run(['revoke', ids.old, '--yes', '--login', LOGIN], [PASSWORD]));
    expect(out).toBe(`revoked ${ids.old} old (through the Jelastic / Virtuozzo API)\n`);
    expect(jel.requests.map((r) => r.path)).toEqual([`${P}/signin`, `${P}/deletetokens`, `${P}/signout`]);
    expect(form(jel, 0)).toEqual({ appid: 'cluster', login: LOGIN, password: PASSWORD });
    expect(form(jel, 1)).toEqual({ appid: 'cluster', session: SESSION, ids: '42', password: PASSWORD });
    expect(jel.requestsCarrying(JEL_OLD)).toEqual([]);
    expect(json<TokenJson>(await run(['show', ids.old, '--json']))).toMatchObject({ status: 'revoked' });
  });

  it('8202 with the token: exit 1 with the platform’s reason and --login; with --login the rotate goes through', async () => {
    jel.route('POST', `${P}/regeneratetoken`, (r) =>
      r.query.session === JEL ? { json: { result: 8202, error: 'Permission denied' } } : { json: { result: 0, token: JEL_NEW, expiresAt: '2099-01-01 12:00:00' } },
    );
    jel.route('POST', `${P}/signin`, { json: { result: 0, session: SESSION } });
    jel.route('POST', `${P}/signout`, { json: { result: 0 } });
    const line = failsWith(await run(['rotate', ids.jel, '--yes'], [PASSWORD]), 1);
    expect(line).toMatch(/permission denied \(8202\).*run again with --login NAME$/);
    expect(jel.requests).toHaveLength(1);
    const out = ok(await run(['rotate', ids.jel, '--yes', '--login', LOGIN], [PASSWORD]));
    expect(out).toBe(`rotated ${ids.jel} deploy; the new value is in the vault (patvault get ${ids.jel.slice(0, 8)})\n`);
    expect(jel.requests.slice(1).map((r) => r.path)).toEqual([`${P}/signin`, `${P}/regeneratetoken`, `${P}/signout`]);
    expect(ok(await run(['get', ids.jel]))).toBe(`${JEL_NEW}\n`);
    printed.pop(); // get's output is the value, by design
    printed.pop();
  });
});

describe('guided revokes print the account’s own token page', () => {
  it('iObeya: the customer’s platform and where to click', async () => {
    const line = failsWith(await run(['revoke', ids.iob]), 1);
    expect(line).toBe(
      'patvault: guided revoke needs confirmation: revoke it at https://acme.iobeya.com/ (user menu (your avatar) › “Personal access token”), then run again with --yes',
    );
  });

  it('GitHub Enterprise Server without the revoke API: the authenticated request goes to the server; then guided, confirmed only by --confirm-revoked', async () => {
    const line = failsWith(await run(['revoke', ids.ghe, '--yes']), 1);
    expect(line).toBe("patvault: guided revoke needs confirmation: revoke it at GitHub's dashboard, then run again with --confirm-revoked");
    expect(ghe.requests.map((r) => [r.method, r.path, r.headers['authorization']])).toEqual([['POST', '/api/v3/credentials/revoke', `Bearer ${GHE}`]]);
    expect(json<TokenJson>(await run(['show', ids.ghe, '--json']))).toMatchObject({ status: 'unknown' });
    const out = ok(await run(['revoke', ids.ghe, '--yes', '--confirm-revoked']));
    expect(out).toBe(`revoked ${ids.ghe} ghe (guided: revoked by you at GitHub's dashboard)\n`);
    expect(json<TokenJson>(await run(['show', ids.ghe, '--json']))).toMatchObject({ status: 'revoked' });
  });
});
