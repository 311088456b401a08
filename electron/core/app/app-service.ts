/**
 * The app's behaviour behind every IPC channel, in plain Node: main registers these handlers
 * on ipcMain, and the end-to-end bridge serves the very same ones to a real browser. One
 * handler per channel of the contract; a missing one does not compile.
 */
import { existsSync } from 'node:fs';
import { AppError, isAppError } from '../../../shared/errors';
import type { Channel, EventName, EventPayload, Response } from '../../../shared/ipc/contract';
import { systemClock, systemTimers, type Clipboard, type Clock, type FileDialogs, type KeyProtector, type Notifier, type Timers } from '../ports';
import { TokenVault } from '../vault/token-vault';
import type { KdfChoice } from '../vault/vault';
import { buildSnippet } from '../platforms/snippets';
import { PendingRotations, RotationNotSaved } from '../platforms/rotation-recovery';
import { checkToken, checkTokens, presetOf, revokeToken, type PlatformOpsOptions } from '../platforms/token-ops';
import { rotateToken } from '../platforms/rotate-token';
import { AutoLock } from './auto-lock';
import { ClipboardGuard } from './clipboard-guard';
import type { SettingsStore } from './settings-store';
import type { FiredReminderStore } from '../reminders/fired-store';
import { ReminderService, policyFrom } from './reminder-service';
import { FileFlows } from './file-flows';
import type { Handlers } from './handlers';
import { platformInfos } from './platform-infos';
import { openTokenPageOf } from './token-page-opener';

export type { Handlers } from './handlers';

/** What the service needs from its host (main, or the e2e bridge). */
export interface AppDeps {
  readonly vaultPath: string;
  readonly settings: SettingsStore;
  readonly clipboard: Clipboard;
  readonly keyProtector: KeyProtector;
  readonly emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void;
  readonly clock?: Clock;
  readonly timers?: Timers;
  /** KDF for new vaults (defaults to RFC 9106's; tests use the floor). */
  readonly kdf?: KdfChoice;
  /**
   * Opens a token page in the browser (main: shell.openExternal). Called only with a page the
   * core rebuilt from the stored account and checked (token-page-opener.ts).
   */
  readonly openTokenPage?: (url: string) => boolean | Promise<boolean>;
  /** The system's file dialogs (export, backup, import); without them those channels answer BAD_INPUT. */
  readonly dialogs?: FileDialogs;
  /** Network settings for check/revoke/rotate (tests inject a limiter and short timeouts). */
  readonly platformOps?: PlatformOpsOptions;
  /** Renewal reminders: off when absent (most tests; the e2e bridge unless started with `reminders: true`). */
  readonly reminders?: {
    readonly fired: FiredReminderStore;
    readonly notifier: Notifier;
    /** IANA zone (default: the system's). */
    readonly timeZone?: () => string;
    /** Tray or dock badge with the count of tokens needing attention. */
    readonly badge?: (count: number) => void;
    /** Brings the window forward when a reminder is clicked (main). */
    readonly showWindow?: () => void;
    readonly onError?: (e: unknown) => void;
  };
}

/** Channels after which reminders and the badge are re-evaluated (anything that changes tokens, lock state or the policy). */
const REMINDER_POKES: readonly Channel[] = [
  'vault.create',
  'vault.unlock',
  'vault.unlockWithKeychain',
  'vault.lock',
  'tokens.add',
  'tokens.edit',
  'tokens.remove',
  'tokens.check',
  'tokens.checkAll',
  'tokens.revoke',
  'tokens.rotate',
  'settings.set',
  'backup.merge',
  'backup.restoreNew',
  'import.apply',
];

export type LockReason = EventPayload<'vault.locked'>['reason'];

/** The app session: at most one vault, open (locked or unlocked). */
export class AppService {
  private vault: TokenVault | null = null;
  private readonly clipboard: ClipboardGuard;
  private readonly autoLock: AutoLock;
  private readonly reminders: ReminderService | null;
  /** New values of rotations the vault could not store yet (rotation-recovery.ts). */
  private readonly pendingRotations = new PendingRotations();
  private readonly files: FileFlows;
  readonly handlers: Handlers;

  constructor(private readonly deps: AppDeps) {
    const timers = deps.timers ?? systemTimers;
    this.clipboard = new ClipboardGuard(deps.clipboard, timers);
    this.autoLock = new AutoLock(deps.clock ?? systemClock, timers, () => deps.settings.get().autoLockMinutes, () =>
      this.lock('idle'),
    );
    this.reminders = deps.reminders ? this.createReminders(deps.reminders, timers) : null;
    this.files = new FileFlows(deps.dialogs, {
      vaultPath: deps.vaultPath,
      kdf: deps.kdf,
      clock: deps.clock ?? systemClock,
      settings: deps.settings,
      unlocked: () => this.unlocked(),
      adopt: (vault) => this.adopt(vault),
    });
    this.handlers = this.withReminderPokes(this.createHandlers());
    this.reminders?.start();
  }

  private createReminders(r: NonNullable<AppDeps['reminders']>, timers: Timers): ReminderService {
    return new ReminderService({
      clock: this.deps.clock ?? systemClock,
      timers,
      fired: r.fired,
      vault: () => this.vaultForReminders(),
      policy: () => policyFrom(this.deps.settings.get()),
      timeZone: r.timeZone ?? (() => Intl.DateTimeFormat().resolvedOptions().timeZone),
      notify: (n) =>
        r.notifier.notify({
          title: n.title,
          body: n.body,
          onClick: () => {
            r.showWindow?.();
            // Only an unlocked reminder names a token; the renderer opens it (it unlocks first if needed).
            if (n.tokenId !== null) this.deps.emit('reminders.openToken', { tokenId: n.tokenId });
          },
        }),
      ...(r.badge ? { badge: r.badge } : {}),
      ...(r.onError ? { onError: r.onError } : {}),
    });
  }

  /** Re-evaluates reminders after every handler that can change what they depend on, even when it failed halfway. */
  private withReminderPokes(h: Handlers): Handlers {
    const reminders = this.reminders;
    if (reminders === null) return h;
    const wrapped = { ...h } as Record<Channel, (req: never) => Promise<unknown>>;
    for (const channel of REMINDER_POKES) {
      const inner = h[channel] as (req: never) => Promise<unknown>;
      wrapped[channel] = async (req: never) => {
        try {
          return await inner(req);
        } finally {
          reminders.poke();
        }
      };
    }
    return wrapped as unknown as Handlers;
  }

  /** The open vault, or the vault file opened (locked) so reminders work before anyone unlocks. */
  private vaultForReminders(): TokenVault | null {
    if (this.vault !== null) return this.vault;
    if (!existsSync(this.deps.vaultPath)) return null;
    try {
      return this.opened();
    } catch {
      // Not a vault, too new, busy: reminders wait; the window reports the problem.
      return null;
    }
  }

  /** Re-evaluates reminders now (main calls this on resume from sleep). */
  pokeReminders(): void {
    this.reminders?.poke();
  }

  /**
   * Locks now: forgets the keys (synchronously, before this returns), stops the idle timer,
   * tells the renderer, and clears a copied value still on the clipboard (the returned promise
   * settles when that is done; callers that cannot wait may ignore it).
   */
  lock(reason: LockReason): Promise<void> {
    const wasUnlocked = this.vault?.isUnlocked ?? false;
    this.vault?.lock();
    this.autoLock.stop();
    // Chosen files and an import plan (which holds values) belong to the unlocked session.
    this.files.forget();
    if (wasUnlocked || reason === 'user') this.deps.emit('vault.locked', { reason });
    return this.clipboard.clearIfUnchanged().catch(() => undefined);
  }

  /** User activity: postpones auto-lock while unlocked. */
  touch(): void {
    if (this.vault?.isUnlocked) this.autoLock.touch();
  }

  /** Locks, clears the clipboard if it still holds a copied value, and closes the file (app quit). */
  async dispose(): Promise<void> {
    this.reminders?.stop();
    const cleared = this.lock('user');
    this.vault?.close();
    this.vault = null;
    await cleared;
  }

  private opened(): TokenVault {
    if (!this.vault) {
      if (!existsSync(this.deps.vaultPath)) throw new AppError('VAULT_MISSING', 'No vault yet: create one first.');
      this.vault = TokenVault.open(this.deps.vaultPath, this.deps.clock ? { clock: this.deps.clock } : {});
    }
    return this.vault;
  }

  /** Makes a new, unlocked vault (created or restored) the session's. */
  private adopt(vault: TokenVault): void {
    this.vault?.close();
    this.vault = vault;
    this.autoLock.touch();
  }

  private unlocked(): TokenVault {
    const v = this.opened();
    if (!v.isUnlocked) throw new AppError('VAULT_LOCKED', 'The vault is locked. Unlock it first.');
    // A rotated value the vault could not store before is stored at the first unlocked call.
    if (this.pendingRotations.size > 0) this.pendingRotations.saveInto(v);
    return v;
  }

  private ops(): PlatformOpsOptions {
    return this.deps.platformOps ?? {};
  }

  private keychainStatus = async (): Promise<Response<'keychain.status'>> => {
    const available = await this.deps.keyProtector.info();
    // Before the first vault exists, the backend's strength is still worth showing.
    if (!this.vault && !existsSync(this.deps.vaultPath)) return { enabled: false, backend: null, available };
    const state = this.opened().keychainState();
    return { enabled: state.enabled, backend: state.backend, available };
  };

  private createHandlers(): Handlers {
    const d = this.deps;
    return {
      'vault.status': async () => {
        const exists = existsSync(d.vaultPath);
        return {
          exists,
          unlocked: this.vault?.isUnlocked ?? false,
          path: d.vaultPath,
          quickUnlock: exists ? this.opened().keychainState().enabled : false,
        };
      },
      'vault.create': async ({ password }) => {
        // Checked here too (create itself never overwrites): a failed create must leave the
        // open vault as it was, not closed under the session's feet.
        if (existsSync(d.vaultPath)) throw new AppError('VAULT_EXISTS', 'A vault already exists; unlock it instead.');
        const created = await TokenVault.create(d.vaultPath, password, {
          ...(d.kdf ? { kdf: d.kdf } : {}),
          ...(d.clock ? { clock: d.clock } : {}),
        });
        this.adopt(created);
        return null;
      },
      'vault.unlock': async ({ password }) => {
        await this.opened().unlock(password);
        this.autoLock.touch();
        return null;
      },
      'vault.unlockWithKeychain': async () => {
        await this.opened().unlockWithKeychain(d.keyProtector);
        this.autoLock.touch();
        return null;
      },
      'vault.lock': async () => {
        await this.lock('user');
        return null;
      },
      'vault.changePassword': async ({ current, next }) => {
        await this.unlocked().changePassword(current, next);
        return null;
      },
      'tokens.list': async () => this.unlocked().listTokens(),
      'tokens.details': async ({ id }) => {
        const v = this.unlocked();
        const token = v.getToken(id);
        return { token, notes: v.readNotes(token.id), audit: v.auditOf(token.id), history: v.valueHistory(token.id) };
      },
      'tokens.add': async (input) => {
        const { view, replaced } = this.unlocked().addOrReplaceToken(input);
        return { ...view, replaced };
      },
      'tokens.edit': async ({ id, patch }) => this.unlocked().editToken(id, patch),
      'tokens.remove': async ({ id }) => {
        this.unlocked().removeToken(id);
        return null;
      },
      'tokens.copy': async ({ id }) => {
        const v = this.unlocked();
        const full = v.resolveTokenId(id);
        const seconds = d.settings.get().clipboardClearSeconds;
        await this.clipboard.copy(v.readSecret(full, 'copy').value, seconds, () => d.emit('clipboard.cleared', { id: full }));
        return { clearsInSeconds: seconds };
      },
      'tokens.reveal': async ({ id }) => ({
        value: this.unlocked().readSecret(id, 'reveal').value,
        hidesInSeconds: d.settings.get().revealSeconds,
      }),
      'tokens.revealHistory': async ({ id, index, at }) => ({
        value: this.unlocked().revealHistoryEntry(id, index, at).value,
        hidesInSeconds: d.settings.get().revealSeconds,
      }),
      'tokens.check': async ({ id, programSlug, tokenId }) => {
        const extra = { ...(programSlug !== undefined ? { programSlug } : {}), ...(tokenId !== undefined ? { tokenId } : {}) };
        return checkToken(this.unlocked(), id, Object.keys(extra).length > 0 ? extra : undefined, this.ops());
      },
      'tokens.checkAll': async () => {
        const v = this.unlocked();
        const ids = v.listTokens().map((t) => t.id);
        d.emit('tokens.checkProgress', { done: 0, total: ids.length });
        const results = await checkTokens(v, ids, {
          ...this.ops(),
          onProgress: (done, total) => d.emit('tokens.checkProgress', { done, total }),
        });
        return { checked: results.length };
      },
      'tokens.revoke': async ({ id, password, login, confirmedGuided }) => {
        // The password (and login) go to the connector once and are dropped with this call's scope.
        const extra = {
          ...(password !== undefined ? { password } : {}),
          ...(login !== undefined ? { login } : {}),
          ...(confirmedGuided !== undefined ? { confirmedGuided } : {}),
        };
        const r = await revokeToken(this.unlocked(), id, extra, this.ops());
        return r.mode === 'api'
          ? { mode: 'api', token: r.view, pageUrl: null, confirmed: true, reason: null }
          : { mode: 'guided', token: r.view, pageUrl: r.pageUrl, confirmed: r.confirmed, reason: r.reason };
      },
      'tokens.rotate': async ({ id, password, login, expiresAt }) => {
        try {
          // The password (and login) go to the connector once and are dropped with this call's scope.
          const extra = {
            ...(password !== undefined ? { password } : {}),
            ...(login !== undefined ? { login } : {}),
            ...(expiresAt !== undefined ? { expiresAt } : {}),
          };
          const r = await rotateToken(this.unlocked(), id, Object.keys(extra).length > 0 ? extra : undefined, this.ops());
          return { token: r.view, expiryCapped: r.expiryCapped };
        } catch (e) {
          if (!(e instanceof RotationNotSaved)) throw e;
          this.pendingRotations.keep(e);
          throw new AppError(
            'ROTATION_NOT_SAVED',
            `${e.message}. PAT Vault keeps the new value in memory and saves it as soon as the vault is unlocked: do not quit until then.`,
          );
        }
      },
      'tokens.copySnippet': async ({ id, kind }) => {
        const v = this.unlocked();
        const view = v.getToken(id);
        const { preset, blocked } = presetOf(v, view);
        if (!preset) throw new AppError('BAD_INPUT', `No usage snippet for this token: ${blocked ?? 'unknown platform'}.`);
        const url = view.baseUrl ?? preset.defaultBaseUrl;
        if (url === null) {
          throw new AppError('BAD_INPUT', `${preset.name} has no default API address: set this account's Base URL to copy a snippet.`);
        }
        const snippet = buildSnippet(kind, preset.auth, url, v.readSecret(view.id, 'copy').value);
        const seconds = d.settings.get().clipboardClearSeconds;
        await this.clipboard.copy(snippet, seconds, () => d.emit('clipboard.cleared', { id: view.id }));
        return { clearsInSeconds: seconds };
      },
      'platforms.list': async () => platformInfos(),
      'platforms.custom.list': async () => this.unlocked().listCustomPlatforms(),
      'platforms.custom.save': async ({ id, definition }) =>
        id === undefined ? this.unlocked().addCustomPlatform(definition) : this.unlocked().updateCustomPlatform(id, definition),
      'platforms.custom.remove': async ({ id }) => {
        this.unlocked().removeCustomPlatform(id);
        return null;
      },
      ...this.files.handlers,
      'settings.get': async () => d.settings.get(),
      'settings.set': async (patch) => {
        const next = d.settings.set(patch);
        this.autoLock.reschedule();
        return next;
      },
      'keychain.status': this.keychainStatus,
      'keychain.enable': async () => {
        await this.unlocked().enableKeychain(d.keyProtector);
        return this.keychainStatus();
      },
      'keychain.disable': async () => {
        try {
          await this.unlocked().disableKeychain(d.keyProtector);
        } catch (e) {
          // Quick unlock is already off in the vault; an unreachable keychain only keeps a useless entry.
          if (!isAppError(e) || e.code !== 'KEYCHAIN_UNAVAILABLE' || this.unlocked().keychainState().enabled) throw e;
        }
        return this.keychainStatus();
      },
      'app.activity': async () => {
        this.touch();
        return null;
      },
      'app.openTokenPage': async ({ id }) => ({ opened: await openTokenPageOf(this.unlocked().getToken(id), d.openTokenPage) }),
    };
  }
}
