/**
 * Ports: what the core needs from the outside world, as interfaces only. Adapters live
 * beside the core (keychain via a keytar-compatible library, for the CLI and tests) or in
 * electron/main (safeStorage, notifications, clipboard) and are injected.
 */

/** How much a quick-unlock backend protects the key it holds. */
export type KeychainStrength = 'strong' | 'weak' | 'none';

/** What a keychain backend says about itself. */
export interface KeychainInfo {
  /** e.g. "secret-service", "macos-keychain", "windows-credential-manager", "safeStorage:gnome_libsecret". */
  readonly backend: string;
  /** `none` means it must not be used (Linux `basic_text`, no Secret Service running). */
  readonly strength: KeychainStrength;
  /** One human line explaining the strength. */
  readonly detail: string;
}

/**
 * Keeps a 32-byte quick-unlock secret outside the vault file, in the OS keychain.
 * The vault stores the vault key wrapped by that secret, never the secret itself.
 */
export interface KeyProtector {
  /** Which backend this is and whether it may be used. Never throws. */
  info(): Promise<KeychainInfo>;
  /**
   * Keeps `secret` for vault `vaultId`. Returns an opaque blob the vault stores next to the
   * wrapped key (empty for keychains that hold the secret themselves; the encrypted secret
   * for Electron's safeStorage). Throws AppError KEYCHAIN_UNAVAILABLE when the backend
   * cannot be used.
   */
  protect(vaultId: string, secret: Buffer): Promise<Buffer>;
  /**
   * Returns the secret kept by `protect`. Throws AppError KEYCHAIN_NOT_ENABLED when the
   * keychain no longer holds it, KEYCHAIN_UNAVAILABLE when the backend cannot be reached.
   */
  recover(vaultId: string, stored: Buffer): Promise<Buffer>;
  /** Removes what `protect` kept. Idempotent; never throws for a missing entry. */
  forget(vaultId: string): Promise<void>;
}

/** Time source, injectable so tests can move the clock. */
export interface Clock {
  now(): Date;
}

/** The real clock. */
export const systemClock: Clock = { now: () => new Date() };

/**
 * The system clipboard. The Electron adapter marks written secrets as passwords for clipboard
 * managers where the OS supports it (macOS ConcealedType, Windows history exclusion, KDE hint).
 * Methods may be synchronous or return promises (Electron's clipboard API is asynchronous);
 * callers always await them.
 */
export interface Clipboard {
  /** Writes a secret value. */
  writeSecret(text: string): void | Promise<void>;
  /** The clipboard's current text (to clear it only if it still holds our value). */
  readText(): string | Promise<string>;
  /** Empties the clipboard. */
  clear(): void | Promise<void>;
}

/** Timers, injectable so tests can run them by hand. */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The real timers; unref'd so a pending clear never keeps a CLI or test process alive. */
export const systemTimers: Timers = {
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, ms);
    t.unref?.();
    return t;
  },
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** A desktop notification (reminders use it; Electron's Notification in the app). */
export interface Notifier {
  /** Shows a notification; `onClick` runs when the user clicks it. Never pass a token value. */
  notify(n: { title: string; body: string; onClick?: () => void }): void;
}

/** A file type a dialog offers, e.g. { name: 'CSV', extensions: ['csv'] }. */
export interface FileFilter {
  readonly name: string;
  readonly extensions: readonly string[];
}

/**
 * The system's file dialogs (Electron's dialog in the app). Paths come only from here, never
 * from the renderer, so a compromised page cannot read or write a file the user did not pick.
 */
export interface FileDialogs {
  /** Where to save; null when the user cancels. The dialog itself confirms replacing a file. */
  saveFile(o: { readonly title: string; readonly defaultName: string; readonly filters: readonly FileFilter[] }): Promise<string | null>;
  /** Which file to open; null when the user cancels. */
  openFile(o: { readonly title: string; readonly filters: readonly FileFilter[] }): Promise<string | null>;
}
