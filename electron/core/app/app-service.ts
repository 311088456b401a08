/**
 * The app's behaviour behind every IPC channel, in plain Node: main registers these handlers
 * on ipcMain, and the end-to-end bridge serves the very same ones to a real browser. One
 * handler per channel of the contract, in session-handlers.ts, token-handlers.ts,
 * platform-op-handlers.ts and file-flows/; a missing one does not compile. This file holds the
 * session: the open vault, auto-lock, the clipboard, reminders.
 */
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from '../../../shared/errors';
import { systemClock, systemTimers, type Timers } from '../ports';
import { Vault } from '../vault/vault';
import { PendingRotations } from '../platforms/rotation-recovery';
import { AutoLock } from './auto-lock';
import { ClipboardGuard } from './clipboard-guard';
import { ReminderService } from './reminder-service';
import { reminderPolicyFrom } from '../settings/settings-store';
import { RollbackWatch } from '../settings/rollback-watch';
import { SeenVaults, rollbackMessage } from '../settings/vault-seen';
import { FileFlows } from './file-flows';
import type { AppDeps, HandlerContext, LockReason, RollbackStatus } from './handler-context';
import type { Handlers } from './handlers';
import { platformOpHandlers } from './platform-op-handlers';
import { sessionHandlers } from './session-handlers';
import { tokenHandlers } from './token-handlers';

export type { Handlers } from './handlers';

export type { AppDeps, LockReason } from './handler-context';

/** The app session: at most one vault, open (locked or unlocked). */
export class AppService {
  private vault: Vault | null = null;
  private readonly clipboard: ClipboardGuard;
  private readonly autoLock: AutoLock;
  private readonly reminders: ReminderService | null;
  /** New values of rotations the vault could not store yet (rotation-recovery.ts). */
  private readonly pendingRotations = new PendingRotations();
  private readonly files: FileFlows;
  private unwatch: (() => void) | null = null;
  /** Compares each unlock with the record of what this machine saw (settings/vault-seen.ts). */
  private rollback: RollbackWatch | null = null;
  private pokeQueued = false;
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
    this.handlers = this.createHandlers();
    this.reminders?.start();
  }

  private createReminders(r: NonNullable<AppDeps['reminders']>, timers: Timers): ReminderService {
    return new ReminderService({
      clock: this.deps.clock ?? systemClock,
      timers,
      fired: r.fired,
      vault: () => this.vaultForReminders(),
      policy: () => reminderPolicyFrom(this.deps.settings.get()),
      nameTokens: () => this.deps.settings.get().nameTokensInNotifications,
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

  /**
   * Reminders and the badge follow the vault's own change signal (every write, another
   * process's commit seen, unlock, lock), coalesced: one evaluation after the current step,
   * however many writes it made (an import's batches, a check-all's).
   */
  private watch(vault: Vault): void {
    this.unwatch?.();
    this.unwatch = vault.onChange(() => this.pokeSoon());
    this.rollback?.stop();
    // The record sits beside the settings, which sit beside the vault.
    this.rollback = new RollbackWatch(vault, new SeenVaults(dirname(this.deps.vaultPath)), this.deps.clock ?? systemClock);
  }

  private rollbackWarning(): RollbackStatus | null {
    const w = this.vault?.isUnlocked ? this.rollback?.warning : null;
    if (!w) return null;
    const text = rollbackMessage(w);
    return { ...w, message: `${text.charAt(0).toUpperCase()}${text.slice(1)}.` };
  }

  private pokeSoon(): void {
    if (this.reminders === null || this.pokeQueued) return;
    this.pokeQueued = true;
    queueMicrotask(() => {
      this.pokeQueued = false;
      this.reminders?.poke();
    });
  }

  /** The open vault, or the vault file opened (locked) so reminders work before anyone unlocks. */
  private vaultForReminders(): Vault | null {
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
    this.unwatch?.();
    this.rollback?.stop();
    this.vault?.close();
    this.vault = null;
    await cleared;
  }

  private opened(): Vault {
    if (!this.vault) {
      if (!existsSync(this.deps.vaultPath)) throw new AppError('VAULT_MISSING', 'No vault yet: create one first.');
      this.vault = Vault.open(this.deps.vaultPath, this.deps.clock ? { clock: this.deps.clock } : {});
      this.watch(this.vault);
    }
    return this.vault;
  }

  /** Makes a new, unlocked vault (created or restored) the session's. */
  private adopt(vault: Vault): void {
    this.vault?.close();
    this.vault = vault;
    this.watch(vault);
    this.autoLock.touch();
    this.pokeSoon();
  }

  private unlocked(): Vault {
    const v = this.opened();
    if (!v.isUnlocked) throw new AppError('VAULT_LOCKED', 'The vault is locked. Unlock it first.');
    // A rotated value the vault could not store before is stored at the first unlocked call.
    if (this.pendingRotations.size > 0) this.pendingRotations.saveInto(v);
    return v;
  }

  private createHandlers(): Handlers {
    const session: HandlerContext = {
      deps: this.deps,
      clipboard: this.clipboard,
      opened: () => this.opened(),
      unlocked: () => this.unlocked(),
      hasOpenVault: () => this.vault !== null,
      rollbackWarning: () => this.rollbackWarning(),
      adopt: (vault) => this.adopt(vault),
      unlockedNow: () => this.autoLock.touch(),
      lock: (reason) => this.lock(reason),
      touch: () => this.touch(),
      settingsChanged: () => {
        this.autoLock.reschedule();
        this.pokeSoon();
      },
      ops: () => this.deps.platformOps ?? {},
      keepPendingRotation: (e) => this.pendingRotations.keep(e),
    };
    return { ...sessionHandlers(session), ...tokenHandlers(session), ...platformOpHandlers(session), ...this.files.handlers };
  }
}
