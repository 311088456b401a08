/**
 * Test support for the file flows: an AppService over a temp folder (real vault, real crypto
 * at the KDF floor) with a scripted FileDialogs, and `call`/`fail` through `dispatch` with the
 * response checked against the contract — and scanned: no response may hold a token value.
 */
import { join } from 'node:path';
import { afterEach, expect } from 'vitest';
import type { Channel, Request, Response } from '../../../../shared/ipc/contract';
import { ALL_SECRETS } from '../../import/fixtures';
import { MemoryKeyProtector } from '../../keychain/memory-protector';
import type { FileDialogs, FileFilter } from '../../ports';
import { FileFiredStore } from '../../reminders/fired-store';
import { FakeClipboard } from '../../test-support/fake-clipboard';
import { FakeTime } from '../../test-support/fake-time';
import { SAMPLE_TOKENS } from '../../test-support/sample-tokens';
import { FAST_KDF, TEST_PASSWORD, tempDir } from '../../test-support/temp-vault';
import { Vault } from '../../vault/vault';
import { AppService } from '../app-service';
import { dispatch } from '../dispatch';
import { SettingsStore } from '../../settings/settings-store';

/** A dialog call as the flows made it. */
export interface DialogCall {
  readonly kind: 'save' | 'open';
  readonly title: string;
  readonly defaultName: string | null;
  readonly filters: readonly FileFilter[];
}

/** FileDialogs answering from a queue (empty queue: the user cancels), recording every call. */
export class ScriptedDialogs implements FileDialogs {
  readonly calls: DialogCall[] = [];
  private readonly answers: (string | null)[] = [];

  /** Queues the answer of the next dialog. */
  answer(path: string | null): void {
    this.answers.push(path);
  }

  async saveFile(o: { title: string; defaultName: string; filters: readonly FileFilter[] }): Promise<string | null> {
    this.calls.push({ kind: 'save', title: o.title, defaultName: o.defaultName, filters: o.filters });
    return this.answers.shift() ?? null;
  }

  async openFile(o: { title: string; filters: readonly FileFilter[] }): Promise<string | null> {
    this.calls.push({ kind: 'open', title: o.title, defaultName: null, filters: o.filters });
    return this.answers.shift() ?? null;
  }
}

/** Every token value the tests put anywhere: sample tokens and every import fixture's secret. */
export const ALL_VALUES: readonly string[] = [...SAMPLE_TOKENS.map((t) => t.token), ...ALL_SECRETS];

/** Fails when `text` holds any known token value. */
export function expectNoValue(text: string): void {
  for (const v of ALL_VALUES) expect(text.includes(v), `a token value (${v.slice(0, 6)}…) leaked`).toBe(false);
}

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

/**
 * A fresh service with scripted dialogs; `withDialogs: false` gives a host without them,
 * `reminders: true` reminders whose badge counts land in `badges`.
 */
export function setupFiles(opts: { withDialogs?: boolean; now?: string; reminders?: boolean } = {}) {
  const { dir, cleanup } = tempDir('patvault-files-');
  const vaultPath = join(dir, 'vault.sqlite');
  const time = new FakeTime(opts.now ?? '2026-11-23T10:00:00Z');
  const dialogs = new ScriptedDialogs();
  const badges: number[] = [];
  const reminders = {
    fired: new FileFiredStore(join(dir, 'reminders.json'), { clock: time }),
    notifier: { notify: () => undefined },
    timeZone: () => 'UTC',
    badge: (n: number) => void badges.push(n),
  };
  const service = new AppService({
    vaultPath,
    settings: new SettingsStore(join(dir, 'settings.json')),
    clipboard: new FakeClipboard(),
    keyProtector: new MemoryKeyProtector(),
    emit: () => undefined,
    clock: time,
    timers: time,
    kdf: FAST_KDF,
    ...(opts.withDialogs === false ? {} : { dialogs }),
    ...(opts.reminders ? { reminders } : {}),
  });
  cleanups.push(async () => {
    await service.dispose();
    cleanup();
  });
  /** Every envelope any call returned, for one scan at the end. */
  const seen: string[] = [];
  const raw = async (channel: unknown, payload: unknown) => {
    const r = await dispatch(service, channel, payload, { checkResponse: true });
    const json = JSON.stringify(r);
    expectNoValue(json);
    seen.push(json);
    return r;
  };
  async function call<C extends Channel>(channel: C, request: Request<C>): Promise<Response<C>> {
    const r = await raw(channel, request);
    if (!r.ok) throw new Error(`${channel} failed: ${r.error.code} ${r.error.message}`);
    return r.value as Response<C>;
  }
  async function fail(channel: Channel, payload: unknown): Promise<{ code: string; message: string }> {
    const r = await raw(channel, payload);
    if (r.ok) throw new Error(`${channel} succeeded but should have failed`);
    return r.error;
  }
  async function createVault(): Promise<void> {
    await call('vault.create', { password: TEST_PASSWORD });
  }
  async function addSamples(): Promise<void> {
    for (const t of SAMPLE_TOKENS) await call('tokens.add', { ...t, scopes: 'scopes' in t ? [...t.scopes] : undefined });
  }
  /** The whole audit log (action and detail), read through a second connection to the file. */
  async function auditLog(): Promise<{ action: string; detail: string | null }[]> {
    const v = Vault.open(vaultPath);
    try {
      await v.unlock(TEST_PASSWORD);
      return v.audit.log().map((e) => ({ action: e.action, detail: e.detail }));
    } finally {
      v.close();
    }
  }
  return { dir, vaultPath, time, dialogs, badges, service, raw, call, fail, createVault, addSamples, auditLog, seen };
}
