/**
 * What the channel handlers need from the app session (AppService): the vault in the state a
 * channel requires, the session's clipboard and settings, and the few session actions.
 */
import type { Clipboard, FileDialogs, KeyProtector, Notifier, Clock, Timers } from '../ports';
import type { EventName, EventPayload, Response } from '../../../shared/ipc/contract';
import type { PlatformOpsOptions } from '../platforms/token-ops';
import type { RotationNotSaved } from '../platforms/rotation-recovery';
import type { FiredReminderStore } from '../reminders/fired-store';
import type { Vault, KdfChoice } from '../vault/vault';
import type { ClipboardGuard } from './clipboard-guard';
import type { SettingsStore } from '../settings/settings-store';

/** vault.status's `rollback`: the warning and the banner's text. */
export type RollbackStatus = NonNullable<Response<'vault.status'>['rollback']>;

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

export type LockReason = EventPayload<'vault.locked'>['reason'];

/** The session as the handlers see it. */
export interface HandlerContext {
  readonly deps: AppDeps;
  readonly clipboard: ClipboardGuard;
  /** The vault file, opened (locked) on first use; VAULT_MISSING when there is none. */
  opened(): Vault;
  /** The open vault, unlocked; VAULT_LOCKED otherwise. */
  unlocked(): Vault;
  /** True when a vault is open in this session (a file may exist without being opened yet). */
  hasOpenVault(): boolean;
  /** Makes a new, unlocked vault (created or restored) the session's. */
  adopt(vault: Vault): void;
  /** The rollback warning of the current unlock (the vault is older than last seen here), or null. */
  rollbackWarning(): RollbackStatus | null;
  /** The user just unlocked: auto-lock starts counting. */
  unlockedNow(): void;
  lock(reason: LockReason): Promise<void>;
  /** User activity: postpones auto-lock. */
  touch(): void;
  /** Settings changed: auto-lock and reminders follow. */
  settingsChanged(): void;
  /** Network settings for platform calls. */
  ops(): PlatformOpsOptions;
  /** Keeps a rotated value the vault could not store, to store it at the next unlocked call. */
  keepPendingRotation(e: RotationNotSaved): void;
}
