/**
 * A rotation the platform did not do arrives from the connector as an outcome, not a throw, and
 * the user reads exactly what they read when connectors threw: each message below was recorded
 * from the throwing contract before the change. Real vault, loopback platforms.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useFreshVault } from '../test-support/temp-vault';
import type { Vault } from '../vault/vault';
import { createHostLimiter } from './http';
import { gitlabPreset } from './presets/gitlab';
import { jelasticPreset } from './presets/jelastic';
import { rotateToken } from './rotate-token';
import { rotationFailure } from './rotation-failure';
import { closedPort, startMockServer, type MockReply, type MockServer } from './test-support/mock-server';
import { HttpFailure, type RotateOutcome } from './types';

const GL = 'glpat-' + 'A'.repeat(20);
const JEL = 'd'.repeat(40);
const ROTATE = '/api/v4/personal_access_tokens/self/rotate';
const REGENERATE = '/1.0/users/authentication/rest/regeneratetoken';

let vault: Vault;
let platform: MockServer;
useFreshVault((v) => {
  vault = v;
});
beforeEach(async () => {
  platform = await startMockServer();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await platform.close();
});

const opts = () => ({ limiter: createHostLimiter(), timeoutMs: 2000, retryBudgetMs: 0, timeZone: 'UTC', now: () => new Date('2026-05-01T12:00:00Z') });
const gitlab = (baseUrl = `${platform.url}/api/v4`): string => vault.tokens.add({ platform: 'gitlab', account: 'a', name: 'ci', token: GL, baseUrl }).id;
const jelastic = (): string => vault.tokens.add({ platform: 'jelastic', account: 'j', name: 'deploy', token: JEL, baseUrl: platform.url, platformTokenId: '4711' }).id;

/** Rotates, and returns what the connector resolved to (a throw from it fails the test) and what the user was told. */
async function rotateAndWatch(run: { run: (...a: never[]) => Promise<RotateOutcome> }, id: string, extra?: { password: string }) {
  const spy = vi.spyOn(run, 'run');
  const error = await rotateToken(vault, id, extra, opts()).then(
    () => null,
    (e: unknown) => e as { code: string; message: string },
  );
  expect(spy).toHaveBeenCalledOnce();
  const outcome = await (spy.mock.results[0]?.value as Promise<RotateOutcome>);
  return { outcome, error: { code: error?.code, message: error?.message }, view: vault.tokens.get(id) };
}

const SCOPE_403: MockReply = {
  status: 403,
  json: { error: 'insufficient_scope', error_description: 'The request requires higher privileges than provided by the access token.', scope: 'api self_rotate' },
};
const SCOPE_WHY = 'not rotated: 403 The request requires higher privileges than provided by the access token.: the token needs the api or self_rotate scope to rotate itself';

describe('a failed rotation: an outcome from the connector, the same message for the user', () => {
  it('GitLab refuses: failed → BAD_INPUT, and the token records why', async () => {
    platform.route('POST', ROTATE, SCOPE_403);
    const r = await rotateAndWatch(gitlabPreset.rotate!, gitlab());
    expect(r.outcome).toEqual({ result: 'failed', reason: SCOPE_WHY });
    expect(r.error).toEqual({ code: 'BAD_INPUT', message: `GitLab did not rotate the token: ${SCOPE_WHY}` });
    expect(r.view.lastCheck).toMatchObject({ result: 'unknown', reason: `rotate failed: ${SCOPE_WHY}` });
    expect(vault.tokens.readSecret(r.view.id, 'get').value).toBe(GL);
  });

  it('GitLab unreachable (the request never left): failed, offline', async () => {
    const r = await rotateAndWatch(gitlabPreset.rotate!, gitlab(`http://127.0.0.1:${await closedPort()}/api/v4`));
    expect(r.outcome).toEqual({ result: 'failed', reason: 'not rotated: offline' });
    expect(r.error).toEqual({ code: 'BAD_INPUT', message: 'GitLab did not rotate the token: not rotated: offline' });
    expect(r.view.lastCheck?.reason).toBe('rotate failed: not rotated: offline');
  });

  it('GitLab answers 502: unconfirmed → ROTATION_UNCONFIRMED, and the token is marked with the same guidance', async () => {
    platform.route('POST', ROTATE, { status: 502, text: 'Bad Gateway' });
    const r = await rotateAndWatch(gitlabPreset.rotate!, gitlab());
    const guidance =
      "No answer to the rotation (server error 502): GitLab may have rotated it, and then the old value is dead and the new one was lost. Do not rotate again with the old value (GitLab would revoke the new token too). Look at GitLab's token page, or run Check: if the old value still works, nothing was rotated.";
    expect(r.outcome).toEqual({ result: 'unconfirmed', reason: 'server error 502' });
    expect(r.error).toEqual({ code: 'ROTATION_UNCONFIRMED', message: `“ci”: ${guidance}` });
    expect(r.view.rotationUnconfirmed?.reason).toBe(guidance);
    expect(r.view.lastCheck).toBeNull();
  });

  it('Jelastic: the token may not regenerate itself → failed with the sign-in fallback → NEEDS_SIGN_IN, nothing recorded', async () => {
    platform.route('POST', REGENERATE, { json: { result: 8202, error: 'Permission denied' } });
    const r = await rotateAndWatch(jelasticPreset.rotate!, jelastic(), { password: 'pw' });
    const why = 'Jelastic regenerate: RegenerateToken: permission denied (8202): the token itself cannot do this; sign in with the account login and password instead';
    expect(r.outcome).toEqual({ result: 'failed', reason: why, fallback: 'sign-in' });
    expect(r.error).toEqual({ code: 'NEEDS_SIGN_IN', message: `Jelastic / Virtuozzo did not rotate the token: ${why}` });
    expect(r.view.lastCheck).toBeNull();
  });

  it('Jelastic server error: failed → BAD_INPUT, recorded', async () => {
    platform.route('POST', REGENERATE, { status: 502 });
    const r = await rotateAndWatch(jelasticPreset.rotate!, jelastic(), { password: 'pw' });
    const why = 'Jelastic regenerate: RegenerateToken: server error 502';
    expect(r.outcome).toEqual({ result: 'failed', reason: why });
    expect(r.error).toEqual({ code: 'BAD_INPUT', message: `Jelastic / Virtuozzo did not rotate the token: ${why}` });
    expect(r.view.lastCheck?.reason).toBe(`rotate failed: ${why}`);
  });
});

describe('a connector that throws anyway (a bug): still one message, never the error’s own text', () => {
  it('an error is failed, worded from its kind only', async () => {
    vi.spyOn(gitlabPreset.rotate!, 'run').mockRejectedValue(new Error(`boom ${GL}`));
    const id = gitlab();
    const error = await rotateToken(vault, id, undefined, opts()).catch((e: unknown) => e as Error);
    expect(error).toMatchObject({ code: 'BAD_INPUT', message: 'GitLab did not rotate the token: request failed' });
    expect(JSON.stringify(vault.tokens.get(id))).not.toContain(GL);
  });

  it('a failure that may have reached the platform is unconfirmed: the token is marked', async () => {
    vi.spyOn(gitlabPreset.rotate!, 'run').mockRejectedValue(new HttpFailure('timeout', 'timed out', true));
    const id = gitlab();
    await expect(rotateToken(vault, id, undefined, opts())).rejects.toMatchObject({ code: 'ROTATION_UNCONFIRMED' });
    expect(vault.tokens.get(id).rotationUnconfirmed?.reason).toMatch(/^No answer to the rotation \(timeout\)/);
  });
});

describe('rotationFailure', () => {
  const target = { platform: 'GitLab', tokenName: 'ci', pageUrl: 'https://gitlab.example/-/user_settings/personal_access_tokens', reuseRevokes: true };

  it('says so when the token could not be marked (the vault locked meanwhile)', () => {
    const recorder = {
      markUnconfirmed: () => {
        throw new Error('locked');
      },
      recordFailure: vi.fn(),
    };
    const e = rotationFailure({ result: 'unconfirmed', reason: 'timeout' }, target, recorder);
    expect(e.code).toBe('ROTATION_UNCONFIRMED');
    expect(e.message).toMatch(/Look at https:\/\/gitlab\.example\/-\/user_settings\/personal_access_tokens, or run Check/);
    expect(e.message).toMatch(/\(PAT Vault could not record this on the token: remember it yourself\.\)$/);
    expect(recorder.recordFailure).not.toHaveBeenCalled();
  });
});
