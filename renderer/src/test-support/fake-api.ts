/**
 * An in-memory `window.api` for component tests: the contract's channels over a fake vault,
 * requests validated with the contract's own zod schemas, every call recorded. Not the core:
 * just enough behaviour to drive the UI.
 */
import { customPlatformSchema, type CustomPlatformDef, type CustomPlatformInput } from '../../../shared/domain/custom-platform';
import { FakeCustomPlatforms, type StoredCustomPlatform } from './fake-custom-platforms';
import { defaultDialogs, fileFlowHandlers, type FakeFileDialogs } from './fake-file-flows';
import { FAKE_PLATFORMS, Fail, makeToken, type StoredToken } from './fake-fixtures';
import { replaceTarget } from '../../../shared/domain/one-token-per-user';
import { historyList, keepOldValue, revealHistoryHandler, type FakeHistoryEntry } from './fake-history';
import { computeStatus, type CheckResult } from '../../../shared/domain/status';
import type { AuditAction } from '../../../shared/domain/token';
import type { AuditEntry, TokenView } from '../api/types';
import { selectTokenPage } from '../store/selectors';
import { describeZodError } from '../../../shared/domain/token-input';
import type { PatVaultApi } from '../../../shared/ipc/api';
import { CONTRACT, type Channel, type Envelope, type EventName, type EventPayload, type Response } from '../../../shared/ipc/contract';

export interface FakeApiOptions {
  exists?: boolean;
  unlocked?: boolean;
  password?: string;
  quickUnlock?: boolean;
  tokens?: readonly (Partial<TokenView> & { value?: string; notes?: string; history?: FakeHistoryEntry[] })[];
  /** Custom platforms defined before the test starts (ids cp0001, cp0002, …). */
  customPlatforms?: readonly CustomPlatformInput[];
  keychainStrength?: 'strong' | 'weak' | 'none';
  now?: Date;
  /** What `tokens.check` finds per token id (default: active, owner "fake-owner"). */
  checkResults?: Readonly<Record<string, { result: CheckResult; reason?: string; owner?: string }>>;
  /** What main's file dialogs answer (default: saves in /home/user, open dialogs cancelled). */
  dialogs?: Partial<FakeFileDialogs>;
  /** What `tokens.rotate` says the platform did to the asked expiry (default: nothing). */
  rotateCap?: { asked: string; sent: string };
  /** `tokens.rotate` gets no answer: the token is marked "rotation unconfirmed" with this guidance. */
  rotateUnanswered?: string;
}

/** A fake api plus handles for tests. */
export interface FakeApi extends PatVaultApi {
  readonly calls: { channel: Channel; request: unknown }[];
  /** Sends an event as main would. */
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /** Makes the next call to `channel` fail with this error. */
  failNext(channel: Channel, code: string, message: string): void;
  readonly state: {
    exists: boolean;
    unlocked: boolean;
    password: string;
    quickUnlock: boolean;
    tokens: Map<string, StoredToken>;
    customPlatforms: Map<string, StoredCustomPlatform>;
  };
  readonly settings: Response<'settings.get'>;
  /** Main's system file dialogs: set what the next one answers. */
  readonly dialogs: FakeFileDialogs;
  /** Set to a promise to hold `tokens.checkAll` after its first token until it settles (progress tests). */
  checkAllGate: Promise<void> | null;
  /** The token pages main opened (`app.openTokenPage`), as main built them from the accounts. */
  readonly openedPages: string[];
}

export { FAKE_PLATFORMS, makeToken };

/** Builds the fake. */
export function createFakeApi(opts: FakeApiOptions = {}): FakeApi {
  const now = opts.now ?? new Date('2026-11-23T12:00:00Z');
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  const failures = new Map<string, { code: string; message: string }>();
  const audit: AuditEntry[] = [];
  const state = {
    exists: opts.exists ?? true,
    unlocked: opts.unlocked ?? false,
    password: opts.password ?? 'correct horse battery',
    quickUnlock: opts.quickUnlock ?? false,
    tokens: new Map<string, StoredToken>(),
    customPlatforms: new Map<string, StoredCustomPlatform>(),
  };
  let settings: Response<'settings.get'> = { autoLockMinutes: 10, clipboardClearSeconds: 30, revealSeconds: 30, theme: 'system', reminderDays: [7, 1], reminderHour: 9 };
  const dialogs = defaultDialogs(opts.dialogs);
  let keychainEnabled = opts.quickUnlock ?? false;
  let seq = 0;
  let nextId = 1;
  const log = (action: AuditAction, tokenId: string | null) => audit.push({ seq: ++seq, at: now.toISOString(), action, tokenId, detail: null });

  (opts.tokens ?? []).forEach(({ value, notes, history, ...fields }, i) => {
    const view = makeToken(i, fields);
    state.tokens.set(view.id, { view, value: value ?? `secret-value-${i}`, notes: notes ?? '', ...(history ? { history } : {}) });
  });

  const customPlatforms = new FakeCustomPlatforms(state.customPlatforms, () => state.tokens.values(), now, log);
  for (const input of opts.customPlatforms ?? []) customPlatforms.define(customPlatformSchema.parse(input));

  const unlocked = () => {
    if (!state.exists) throw new Fail('VAULT_MISSING', 'No vault yet: create one first.');
    if (!state.unlocked) throw new Fail('VAULT_LOCKED', 'The vault is locked. Unlock it first.');
  };
  const find = (id: string): StoredToken => {
    const t = state.tokens.get(id);
    if (!t) throw new Fail('NOT_FOUND', `No token with id ${id}.`);
    return t;
  };
  const platformOf = (t: StoredToken) => FAKE_PLATFORMS.find((p) => p.id === t.view.platform) ?? FAKE_PLATFORMS[FAKE_PLATFORMS.length - 1]!;
  const record = (t: StoredToken, check: { result: CheckResult; reason?: string; owner?: string }): TokenView => {
    const lastCheck = { at: now.toISOString(), ...check };
    const verdict = check.result === 'unknown' ? t.view.verdict : { at: lastCheck.at, result: check.result };
    // As the vault: a working stored value means a rotation never answered did not happen.
    const rotationUnconfirmed = check.result === 'active' ? null : t.view.rotationUnconfirmed;
    t.view = { ...t.view, lastCheck, verdict, rotationUnconfirmed, status: computeStatus({ expiry: t.view.expiry, lastCheck, verdict }, now) };
    return t.view;
  };
  const checkOne = (id: string): TokenView => {
    const t = find(id);
    log('check', id);
    return record(t, opts.checkResults?.[id] ?? { result: 'active', owner: 'fake-owner' });
  };
  const needPassword = (name: string, op: string, password: string | undefined) => {
    if (!password) throw new Fail('BAD_INPUT', `${name} needs your account password to ${op} a token (used once, never stored).`);
  };
  // As main: an expired token cannot authenticate its own revoke/rotate where the account can sign in.
  const needSignIn = (p: Response<'platforms.list'>[number], t: StoredToken, login: string | undefined) => {
    if (p.acceptsLogin.revoke && !login && t.view.status === 'expired') {
      throw new Fail('NEEDS_SIGN_IN', `${p.name} could not do it with the token itself (it has expired): give the account login with the password, to sign in instead.`);
    }
  };
  const keychainInfo = (): Response<'keychain.status'> => ({
    enabled: keychainEnabled,
    backend: keychainEnabled ? 'fake-keyring' : null,
    available: {
      backend: 'fake-keyring',
      strength: opts.keychainStrength ?? 'strong',
      detail: opts.keychainStrength === 'none' ? 'No secure keychain on this system.' : 'Fake OS keychain.',
    },
  });

  const handlers: { [C in Channel]: (req: never) => unknown } = {
    'vault.status': () => ({ exists: state.exists, unlocked: state.unlocked, path: '/fake/vault.db', quickUnlock: state.quickUnlock }),
    'vault.create': ({ password }: { password: string }) => {
      if (state.exists) throw new Fail('VAULT_EXISTS', 'A vault already exists.');
      if (password.length < 8) throw new Fail('BAD_INPUT', 'password: at least 8 characters');
      Object.assign(state, { exists: true, unlocked: true, password });
      log('vault-create', null);
      return null;
    },
    'vault.unlock': ({ password }: { password: string }) => {
      if (password !== state.password) throw new Fail('WRONG_PASSWORD', 'Wrong password.');
      state.unlocked = true;
      return null;
    },
    'vault.unlockWithKeychain': () => {
      if (!state.quickUnlock) throw new Fail('KEYCHAIN_NOT_ENABLED', 'Quick unlock is not set up.');
      state.unlocked = true;
      return null;
    },
    'vault.lock': () => {
      state.unlocked = false;
      return null;
    },
    'vault.changePassword': () => null,
    'tokens.list': () => {
      unlocked();
      return [...state.tokens.values()].map((t) => t.view);
    },
    'tokens.details': ({ id }: { id: string }) => {
      unlocked();
      const t = find(id);
      return { token: t.view, notes: t.notes, audit: audit.filter((e) => e.tokenId === id), history: historyList(t) };
    },
    'tokens.add': (input: {
      platform: TokenView['platform'];
      account: string;
      client?: string | null;
      username?: string | null;
      baseUrl?: string | null;
      name: string;
      token: string;
      scopes?: string[];
      expiresAt?: string | null;
      notes?: string;
      customPlatform?: string | null;
      programSlug?: string | null;
      platformTokenId?: string | null;
      ywhRole?: TokenView['ywhRole'];
      ywhScope?: TokenView['ywhScope'];
      ywhAccess?: TokenView['ywhAccess'];
      reminderDays?: number[] | null;
      /** Main checks it; the fake stores nothing of it (tests read it from `calls`). */
      platformMismatchOk?: boolean;
    }) => {
      unlocked();
      // One token per user (iObeya), by the vault's own rule: the user's token takes the value.
      const held = replaceTarget([...state.tokens.values()].map((t) => t.view), input);
      const target = held === null ? undefined : state.tokens.get(held.id);
      if (target !== undefined) {
        keepOldValue(target, 'replaced', now);
        target.value = input.token;
        if (input.notes) target.notes = input.notes;
        target.view = { ...target.view, name: input.name, lastCheck: null, verdict: null, rotationUnconfirmed: null };
        target.view = { ...target.view, status: computeStatus(target.view, now) };
        log('edit', target.view.id);
        return { ...target.view, replaced: true };
      }
      const custom = customPlatforms.fieldsFor(input.platform, input.customPlatform, null);
      const id = `new${String(nextId++).padStart(4, '0')}`;
      const expiresAt = input.expiresAt ?? null;
      const view: TokenView = {
        ...makeToken(0),
        id,
        platform: input.platform,
        account: input.account,
        accountId: `acc-${input.account}`,
        client: input.client ?? null,
        username: input.username ?? null,
        baseUrl: input.baseUrl ?? null,
        name: input.name,
        scopes: input.scopes ?? [],
        expiresAt,
        expiry: expiresAt,
        expirySource: expiresAt === null ? null : 'user',
        enteredExpiresAt: expiresAt,
        status: computeStatus({ expiry: expiresAt, lastCheck: null }, now),
        ...custom,
        programSlug: input.programSlug ?? null,
        platformTokenId: input.platformTokenId ?? null,
        ywhRole: input.ywhRole ?? null,
        ywhScope: input.ywhScope ?? null,
        ywhAccess: input.ywhAccess ?? null,
        reminderDays: input.reminderDays ?? null,
      };
      state.tokens.set(id, { view, value: input.token, notes: input.notes ?? '' });
      log('create', id);
      return { ...view, replaced: false };
    },
    'tokens.edit': ({ id, patch }: { id: string; patch: Record<string, unknown> & { token?: string; notes?: string } }) => {
      unlocked();
      const t = find(id);
      const { token, notes, customPlatform, platformMismatchOk: _ok, ...rest } = patch as typeof patch & { customPlatform?: string | null; platformMismatchOk?: boolean };
      const platform = (rest.platform as TokenView['platform'] | undefined) ?? t.view.platform;
      const custom = customPlatforms.fieldsFor(platform, customPlatform, t.view);
      if (token !== undefined && token !== t.value) {
        keepOldValue(t, 'edited', now);
        t.value = token;
      }
      if (notes !== undefined) t.notes = notes;
      t.view = { ...t.view, ...(rest as Partial<TokenView>), ...custom };
      if (rest.expiresAt !== undefined) t.view = { ...t.view, expiry: t.view.expiresAt, expirySource: t.view.expiresAt === null ? null : 'user', expiryRaw: null, neverExpires: false };
      t.view = { ...t.view, status: computeStatus(t.view, now) };
      log('edit', id);
      return t.view;
    },
    'tokens.remove': ({ id }: { id: string }) => {
      unlocked();
      find(id);
      state.tokens.delete(id);
      log('delete', id);
      return null;
    },
    'tokens.copy': ({ id }: { id: string }) => {
      unlocked();
      find(id);
      log('copy', id);
      return { clearsInSeconds: settings.clipboardClearSeconds };
    },
    'tokens.reveal': ({ id }: { id: string }) => {
      unlocked();
      const t = find(id);
      log('reveal', id);
      return { value: t.value, hidesInSeconds: settings.revealSeconds };
    },
    'tokens.revealHistory': revealHistoryHandler({ find, unlocked, log, revealSeconds: () => settings.revealSeconds }),
    'tokens.check': ({ id }: { id: string }) => {
      unlocked();
      return checkOne(id);
    },
    'tokens.checkAll': async () => {
      unlocked();
      const ids = [...state.tokens.keys()];
      for (const [i, id] of ids.entries()) {
        checkOne(id);
        fake.emit('tokens.checkProgress', { done: i + 1, total: ids.length });
        if (i === 0 && fake.checkAllGate) await fake.checkAllGate;
      }
      return { checked: ids.length };
    },
    'tokens.revoke': ({ id, password, login, confirmedGuided }: { id: string; password?: string; login?: string; confirmedGuided?: boolean }) => {
      unlocked();
      const t = find(id);
      const p = platformOf(t);
      const page = selectTokenPage(t.view);
      const cp = t.view.customPlatformId === null ? undefined : state.customPlatforms.get(t.view.customPlatformId);
      const pageUrl = p.id === 'custom' ? (cp?.def.tokenPageUrl ?? null) : (page?.url ?? null);
      // As main: a GitHub Enterprise Server without the revoke API leaves a guided revoke.
      const serverWithoutApi = p.id === 'github' && (t.view.baseUrl ?? '').endsWith('/api/v3') ? 'this GitHub Enterprise Server has no credential-revoke API (it came in 3.18)' : null;
      if (p.revoke === 'guided' || serverWithoutApi !== null || confirmedGuided) {
        if (!confirmedGuided) return { mode: 'guided', token: t.view, pageUrl, confirmed: false, reason: serverWithoutApi };
        log('revoke', id);
        return { mode: 'guided', token: record(t, { result: 'revoked', reason: 'revoked by the user on the platform' }), pageUrl, confirmed: true, reason: null };
      }
      if (p.needsPassword.revoke) needPassword(p.name, 'revoke', password);
      needSignIn(p, t, login);
      log('revoke', id);
      return { mode: 'api', token: record(t, { result: 'revoked', reason: 'revoked through the API' }), pageUrl: null, confirmed: true, reason: null };
    },
    'tokens.rotate': ({ id, password, login, expiresAt }: { id: string; password?: string; login?: string; expiresAt?: string }) => {
      unlocked();
      const t = find(id);
      const p = platformOf(t);
      if (!p.rotate) throw new Fail('BAD_INPUT', `${p.name} cannot rotate tokens through its API.`);
      if (expiresAt !== undefined && !p.rotateExpiry) throw new Fail('BAD_INPUT', `${p.name} does not let a rotation choose the new token's expiry.`);
      if (t.view.rotationUnconfirmed !== null) throw new Fail('ROTATION_UNCONFIRMED', `Not rotated: the rotation of “${t.view.name}” was never confirmed. ${t.view.rotationUnconfirmed.reason}`);
      if (opts.rotateUnanswered) {
        t.view = { ...t.view, rotationUnconfirmed: { at: new Date().toISOString(), reason: opts.rotateUnanswered } };
        throw new Fail('ROTATION_UNCONFIRMED', `“${t.view.name}”: ${opts.rotateUnanswered}`);
      }
      if (p.needsPassword.rotate) needPassword(p.name, 'rotate', password);
      needSignIn(p, t, login);
      keepOldValue(t, 'rotated', now);
      t.value = `${t.value}-rotated`;
      log('rotate', id);
      return { token: record(t, { result: 'active', reason: 'rotated' }), expiryCapped: opts.rotateCap ?? null };
    },
    'tokens.copySnippet': ({ id }: { id: string }) => {
      unlocked();
      const t = find(id);
      const p = platformOf(t);
      if (p.needsBaseUrl && t.view.baseUrl === null) throw new Fail('BAD_INPUT', `${p.name} has no default API address: set this account's Base URL to copy a snippet.`);
      log('copy', id);
      return { clearsInSeconds: settings.clipboardClearSeconds };
    },
    'platforms.list': () => FAKE_PLATFORMS,
    'platforms.custom.list': () => {
      unlocked();
      return customPlatforms.list();
    },
    // The contract's request schema already ran customPlatformSchema over the definition.
    'platforms.custom.save': ({ id, definition }: { id?: string; definition: CustomPlatformDef }) => {
      unlocked();
      return customPlatforms.save(id, definition);
    },
    'platforms.custom.remove': ({ id }: { id: string }) => {
      unlocked();
      customPlatforms.remove(id);
      return null;
    },
    ...fileFlowHandlers({ state, dialogs, now, log, unlocked }),
    'settings.get': () => settings,
    'settings.set': (patch: Partial<Response<'settings.get'>>) => (settings = { ...settings, ...patch }),
    'keychain.status': () => keychainInfo(),
    'keychain.enable': () => {
      unlocked();
      if ((opts.keychainStrength ?? 'strong') === 'none') throw new Fail('KEYCHAIN_UNAVAILABLE', 'No secure keychain.');
      keychainEnabled = state.quickUnlock = true;
      return keychainInfo();
    },
    'keychain.disable': () => {
      unlocked();
      keychainEnabled = state.quickUnlock = false;
      return keychainInfo();
    },
    'app.activity': () => null,
    // As main: the page is rebuilt from the stored account; a custom platform's is never opened.
    'app.openTokenPage': ({ id }: { id: string }) => {
      unlocked();
      const page = selectTokenPage(find(id).view);
      if (page !== null) fake.openedPages.push(page.url);
      return { opened: page !== null };
    },
  };

  const fake: FakeApi = {
    version: '0.0.0-test',
    calls: [],
    state,
    checkAllGate: null,
    openedPages: [],
    dialogs,
    get settings() {
      return settings;
    },
    async invoke(channel, request) {
      fake.calls.push({ channel, request });
      try {
        const failure = failures.get(channel);
        if (failure) {
          failures.delete(channel);
          throw new Fail(failure.code, failure.message);
        }
        const parsed = CONTRACT[channel].request.safeParse(request ?? {});
        if (!parsed.success) throw new Fail('BAD_INPUT', describeZodError(parsed.error));
        const handler = handlers[channel] as (r: unknown) => unknown;
        const value = await handler(parsed.data);
        return { ok: true, value } as Envelope<never>;
      } catch (e) {
        const err = e instanceof Fail ? { code: e.code, message: e.message } : { code: 'INTERNAL', message: String(e) };
        return { ok: false, error: err };
      }
    },
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      const l = listener as (p: unknown) => void;
      set.add(l);
      return () => set.delete(l);
    },
    emit(event, payload) {
      if (event === 'vault.locked') state.unlocked = false;
      for (const l of listeners.get(event) ?? []) l(payload);
    },
    failNext(channel, code, message) {
      failures.set(channel, { code, message });
    },
  };
  return fake;
}

/** Puts a fake on `window.api` (replacing any earlier one) and returns it. */
export function installFakeApi(opts: FakeApiOptions = {}): FakeApi {
  const fake = createFakeApi(opts);
  Object.defineProperty(window, 'api', { value: fake, configurable: true, writable: false });
  return fake;
}

/** Removes `window.api`. */
export function removeFakeApi(): void {
  Reflect.deleteProperty(window, 'api');
}
