/**
 * `patvault rotate` on GitLab through the built CLI, against a loopback GitLab: the expiry it
 * sends (kept by default, `--expires` as given, capped once to the instance's maximum with a
 * note), a malformed `--expires` as bad usage, and a rotation without an answer: exit 1,
 * ROTATION_UNCONFIRMED, the token marked, and no second rotation until a check shows the old
 * value still works.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startMockServer, type MockReply, type MockServer } from '../core/platforms/test-support/mock-server';
import { buildCli, createVault, failsWith, ok, openVault, vaultRunner } from './test-support';

/** Each test's own values: the vault refuses a value it already holds. */
let n = 0;
let OLD = '';
let NEW = '';
const SELF = '/api/v4/personal_access_tokens/self';
const ROTATE = `${SELF}/rotate`;

let dir: string;
let path: string;
let gl: MockServer;
let run: ReturnType<typeof vaultRunner>;

const self = (expiresAt: string): MockReply => ({
  json: { id: 42, name: 'ci', revoked: false, active: true, scopes: ['api'], user_id: 7, last_used_at: null, expires_at: expiresAt },
});
const rotated = (expiresAt: string): MockReply => ({ json: { id: 43, token: NEW, expires_at: expiresAt, active: true, revoked: false } });
const sentDates = (): unknown[] => gl.requests.filter((r) => r.path === ROTATE).map((r) => (r.json as { expires_at?: unknown }).expires_at);

/** A fresh GitLab token in the vault (each test gets its own: a rotation changes the value). */
async function addToken(expiresAt?: string): Promise<string> {
  const v = await openVault(path);
  try {
    return v.tokens.add({ platform: 'gitlab', account: 'acme', name: 'gl', token: OLD, baseUrl: `${gl.url}/api/v4`, ...(expiresAt ? { expiresAt } : {}) }).id;
  } finally {
    v.close();
  }
}

beforeAll(async () => {
  buildCli();
  dir = mkdtempSync(join(tmpdir(), 'patvault-cli-rotate-expiry-'));
  path = join(dir, 'vault.sqlite');
  (await createVault(path)).close();
  gl = await startMockServer();
  run = vaultRunner(path);
});

beforeEach(() => {
  gl.reset();
  n++;
  OLD = `glpat-ExpiryOldValue${String(n).padStart(6, '0')}`;
  NEW = `glpat-ExpiryNewValue${String(n).padStart(6, '0')}`;
});

afterAll(async () => {
  await gl.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('rotate --expires', () => {
  it('a malformed date is bad usage (exit 2) naming --expires; nothing is sent', async () => {
    const id = await addToken();
    const line = failsWith(await run(['rotate', id, '--yes', '--expires', '2026-02-30']), 2);
    expect(line).toMatch(/--expires/);
    expect(gl.requests).toEqual([]);
  }, 30_000);

  it('by default the GitLab-reported expiry is kept: expires_at is that date', async () => {
    const id = await addToken();
    gl.route('GET', SELF, self('2027-03-01'));
    gl.route('POST', ROTATE, rotated('2027-03-01'));
    ok(await run(['check', id]));
    const out = ok(await run(['rotate', id, '--yes']));
    expect(out).toMatch(/^rotated .* the new value is in the vault/);
    expect(sentDates()).toEqual(['2027-03-01']);
  }, 30_000);

  // Typed "through 1 December" ends at 10:00 UTC on 2 December in Honolulu (UTC−10), on
  // 1 December in Kiritimati (UTC+14): the first GitLab date not before that end.
  it.each([
    ['Pacific/Honolulu', '2026-12-03'],
    ['Pacific/Kiritimati', '2026-12-02'],
  ])('a typed day is kept without shortening, in the system zone (TZ=%s → %s); the reported new expiry is stored', async (zone, date) => {
    const id = await addToken('2026-12-01');
    gl.route('POST', ROTATE, rotated(date));
    ok(await run(['rotate', id, '--yes'], [], { env: { TZ: zone } }));
    expect(sentDates()).toEqual([date]);
    const shown = JSON.parse(ok(await run(['show', id, '--json']))) as { expiry: string; expirySource: string };
    expect(shown).toMatchObject({ expiry: `${date}T00:00:00.000Z`, expirySource: 'platform' });
  }, 30_000);

  it('--expires is sent as given', async () => {
    const id = await addToken('2026-12-01');
    gl.route('POST', ROTATE, rotated('2026-09-01'));
    ok(await run(['rotate', id, '--yes', '--expires', '2026-09-01']));
    expect(sentDates()).toEqual(['2026-09-01']);
  }, 30_000);

  it("beyond the instance's maximum: sent once more with it, and a note says so (exit 0)", async () => {
    const id = await addToken();
    let calls = 0;
    gl.route('POST', ROTATE, () =>
      calls++ === 0 ? { status: 400, json: { message: '400 Bad request - Expires at must be before 2026-11-01' } } : rotated('2026-11-01'),
    );
    const r = await run(['rotate', id, '--yes', '--expires', '2030-01-01']);
    ok(r);
    expect(sentDates()).toEqual(['2030-01-01', '2026-11-01']);
    expect(r.stderr).toMatch(/refused 2030-01-01 as beyond its maximum token lifetime; the new token expires on 2026-11-01/);
  }, 30_000);
});

describe('rotate without an answer', () => {
  it('exit 1 ROTATION_UNCONFIRMED with what to do; rotating again is refused until a check says the old value works', async () => {
    const id = await addToken();
    gl.route('POST', ROTATE, { status: 502, text: 'Bad Gateway' });
    const line = failsWith(await run(['rotate', id, '--yes']), 1);
    expect(line).toMatch(/No answer to the rotation \(server error 502\)/);
    expect(line).toMatch(/Do not rotate again with the old value/);
    expect(line).toMatch(/run Check/);
    expect(sentDates()).toHaveLength(1);

    const again = failsWith(await run(['rotate', id, '--yes']), 1);
    expect(again).toMatch(/was never confirmed/);
    expect(sentDates()).toHaveLength(1); // refused before any request

    const shown = JSON.parse(ok(await run(['show', id, '--json']))) as { rotationUnconfirmed: { reason: string } | null };
    expect(shown.rotationUnconfirmed?.reason).toMatch(/No answer to the rotation/);

    // A check with the old value is safe (GitLab revokes the family only on a rotate) and says it still works.
    gl.route('GET', SELF, self('2027-03-01'));
    ok(await run(['check', id]));
    gl.route('POST', ROTATE, rotated('2027-03-01'));
    ok(await run(['rotate', id, '--yes']));
    expect(sentDates()).toHaveLength(2);
  }, 60_000);
});
