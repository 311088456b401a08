/**
 * KeyProtector over the OS keychain through @napi-rs/keyring (keytar-compatible): the Secret
 * Service (gnome-keyring, KWallet, …) on Linux, the Keychain on macOS, Credential Manager on
 * Windows. Used by the CLI and by tests; the app uses Electron's safeStorage instead.
 *
 * The keychain holds the 32-byte quick-unlock secret itself (base64, service "PAT Vault",
 * account `vault:<vaultId>`), so `protect` returns an empty blob.
 *
 * Linux rules:
 * - Entries are pinned to the Secret Service. Unpinned, the library silently falls back to
 *   the kernel keyring (keyutils), which forgets everything at logout/reboot: never used.
 * - Before each library call the session bus is checked with a timeout (see dbus-preflight):
 *   the library itself would block the process forever on a bus that does not answer.
 * - `info()` reads a probe entry that never exists. That proves a Secret Service answers, not
 *   that it has an unlocked default keyring; when it has none (e.g. gnome-keyring started by
 *   D-Bus activation on a headless machine) `protect` fails with KEYCHAIN_UNAVAILABLE and says
 *   so. A write probe would pop up unlock/create-keyring dialogs on a desktop, so none is done.
 *
 * Nothing here logs, and no error message carries the secret.
 */
import type * as KeyringModule from '@napi-rs/keyring';
import { AppError } from '../../../shared/errors';
import type { KeychainInfo, KeyProtector } from '../ports';
import { keyringBackendName, type KeyringBackend } from './backend-name';
import { checkSessionBus, type BusCheck } from './dbus-preflight';

/** Service name under which entries are kept. */
export const KEYCHAIN_SERVICE = 'PAT Vault';

/** Account used by `info()` for its read probe; never written. */
export const PROBE_ACCOUNT = 'probe:availability';

/** Length of the quick-unlock secret. */
const SECRET_BYTES = 32;

/** Canonical base64 of 32 bytes. */
const SECRET_B64 = /^[A-Za-z0-9+/]{43}=$/;

/** How long the session bus may take to answer the preflight. */
const DEFAULT_BUS_TIMEOUT_MS = 3000;

/** The part of @napi-rs/keyring's AsyncEntry this adapter uses. */
export interface KeyringEntry {
  getPassword(): Promise<string | null>;
  setPassword(password: string): Promise<void>;
  deleteCredential(): Promise<boolean>;
}

/** Opens an entry (`new AsyncEntry(service, account, …)`). May throw like the library does. */
export type KeyringEntryFactory = (service: string, account: string) => KeyringEntry;

/** Options; all optional. Tests inject `openEntry` / `checkBus` to exercise error paths. */
export interface KeyringProtectorOptions {
  /** Keychain service name. Default "PAT Vault"; tests use a unique one. */
  readonly service?: string;
  /** Platform whose backend is used. Default `process.platform`. */
  readonly platform?: NodeJS.Platform;
  /** Preflight timeout for the D-Bus session bus (Linux), in ms. Default 3000. */
  readonly busTimeoutMs?: number;
  /** Replaces the real library. */
  readonly openEntry?: KeyringEntryFactory;
  /** Replaces the session bus preflight (Linux and other Secret Service platforms). */
  readonly checkBus?: () => Promise<BusCheck>;
}

type BackendKind = KeyringBackend;

/** Which backend the library uses on `platform`. */
const backendFor = keyringBackendName;

/** Human name of a backend, for messages. */
const BACKEND_NAME: Record<BackendKind, string> = {
  'secret-service': 'the Secret Service (gnome-keyring/KWallet)',
  'macos-keychain': 'the macOS Keychain',
  'windows-credential-manager': 'Windows Credential Manager',
};

/** Detail line for a reachable backend. */
const STRONG_DETAIL: Record<BackendKind, string> = {
  'secret-service': 'The key is kept by the Secret Service (gnome-keyring, KWallet or compatible) for this user.',
  'macos-keychain': 'The key is kept in the macOS Keychain for this user.',
  'windows-credential-manager': 'The key is kept in Windows Credential Manager for this user.',
};

/** What to do when a backend cannot be used, per backend. */
const REMEDY: Record<BackendKind, string> = {
  'secret-service':
    'Install and start a Secret Service, e.g. `apt-get install gnome-keyring dbus` and log into a desktop session ' +
    '(or run `gnome-keyring-daemon --unlock --components=secrets` inside a D-Bus session)',
  'macos-keychain': 'Unlock your login keychain and allow access when asked',
  'windows-credential-manager': 'Check that Windows Credential Manager is available for your user',
};

/** Loads the real library lazily, so a missing native build cannot break unrelated commands. */
async function loadLibraryFactory(platform: NodeJS.Platform): Promise<KeyringEntryFactory> {
  // Named export under Node's ESM (vitest) and bundled CJS alike; `default` as a fallback.
  const mod = (await import('@napi-rs/keyring')) as Partial<typeof KeyringModule> & { default?: Partial<typeof KeyringModule> };
  const AsyncEntry = mod.AsyncEntry ?? mod.default?.AsyncEntry;
  if (typeof AsyncEntry !== 'function') throw new Error('@napi-rs/keyring has no AsyncEntry');
  // Pinned: without it the library falls back to the kernel keyring (see the file comment).
  const options = platform === 'linux' ? { linux: { store: 'secret-service' as const } } : undefined;
  return (service, account) => new AsyncEntry(service, account, options);
}

/** The first line of a library error, shortened, with `secret` (if given) never included. */
function libraryReason(e: unknown, secret?: string): string {
  const raw = e instanceof Error ? e.message : typeof e === 'string' ? e : '';
  const line = (raw.split('\n')[0] ?? '').trim();
  if (line === '' || (secret !== undefined && secret !== '' && line.includes(secret))) return 'no details';
  return line.length > 200 ? `${line.slice(0, 197)}...` : line;
}

/** How a library failure is classified. */
type FailureKind = 'locked' | 'ambiguous' | 'unreachable';

function classify(reason: string): FailureKind {
  if (/^Couldn't access platform storage/i.test(reason)) return 'locked';
  if (/matched by \d+ credentials|ambiguous/i.test(reason)) return 'ambiguous';
  return 'unreachable';
}

/** Validates a vault id used in an account name. */
function accountFor(vaultId: string): string {
  if (typeof vaultId !== 'string' || !/^[\x21-\x7e]{1,200}$/.test(vaultId)) {
    throw new AppError('BAD_INPUT', 'Invalid vault id for the keychain (expected 1-200 printable characters).');
  }
  return `vault:${vaultId}`;
}

/** KeyProtector over the OS keychain. */
export class KeyringProtector implements KeyProtector {
  readonly service: string;
  private readonly backend: BackendKind;
  private readonly platform: NodeJS.Platform;
  private readonly busTimeoutMs: number;
  private readonly injectedOpen: KeyringEntryFactory | undefined;
  private readonly injectedCheckBus: (() => Promise<BusCheck>) | undefined;
  private libraryFactory: Promise<KeyringEntryFactory> | undefined;

  constructor(options: KeyringProtectorOptions = {}) {
    const service = options.service ?? KEYCHAIN_SERVICE;
    if (service.trim() === '') throw new AppError('BAD_INPUT', 'The keychain service name must not be empty.');
    this.service = service;
    this.platform = options.platform ?? process.platform;
    this.backend = backendFor(this.platform);
    this.busTimeoutMs = options.busTimeoutMs ?? DEFAULT_BUS_TIMEOUT_MS;
    this.injectedOpen = options.openEntry;
    this.injectedCheckBus = options.checkBus;
  }

  /** Backend name and whether it may be used; probes it. Never throws. */
  async info(): Promise<KeychainInfo> {
    const backend = this.backend;
    try {
      const open = await this.usable();
      try {
        await open(this.service, PROBE_ACCOUNT).getPassword();
      } catch (e) {
        const reason = libraryReason(e);
        return { backend, strength: 'none', detail: this.unavailableMessage(classify(reason), reason) };
      }
      return { backend, strength: 'strong', detail: STRONG_DETAIL[backend] };
    } catch (e) {
      const detail = e instanceof AppError ? e.message : `${BACKEND_NAME[backend]} could not be queried.`;
      return { backend, strength: 'none', detail };
    }
  }

  /** Stores the secret in the keychain; returns an empty blob (the keychain holds it). */
  async protect(vaultId: string, secret: Buffer): Promise<Buffer> {
    const account = accountFor(vaultId);
    if (!Buffer.isBuffer(secret) || secret.length !== SECRET_BYTES) {
      throw new AppError('BAD_INPUT', `The quick-unlock secret must be ${SECRET_BYTES} bytes.`);
    }
    const open = await this.usable();
    // The base64 copy is a JS string we cannot wipe; the library accepts nothing better here.
    const encoded = secret.toString('base64');
    await this.call(() => open(this.service, account).setPassword(encoded), encoded);
    return Buffer.alloc(0);
  }

  /** Reads the secret back. `stored` is the (empty) blob `protect` returned; unused. */
  async recover(vaultId: string, _stored: Buffer): Promise<Buffer> {
    const account = accountFor(vaultId);
    const open = await this.usable();
    const value = await this.call(() => open(this.service, account).getPassword());
    if (value === null) {
      throw new AppError(
        'KEYCHAIN_NOT_ENABLED',
        `Quick unlock is not set up for this vault: ${BACKEND_NAME[this.backend]} holds no key for it ` +
          '(quick unlock was turned off, or the keychain entry was removed). ' +
          'Unlock with the master password and turn quick unlock on again.',
      );
    }
    if (!SECRET_B64.test(value)) {
      throw new AppError(
        'KEYCHAIN_NOT_ENABLED',
        `The quick-unlock entry for this vault in ${BACKEND_NAME[this.backend]} is damaged. ` +
          'Unlock with the master password and turn quick unlock on again.',
      );
    }
    return Buffer.from(value, 'base64');
  }

  /** Deletes the entry. A missing entry is fine; an unreachable backend throws KEYCHAIN_UNAVAILABLE. */
  async forget(vaultId: string): Promise<void> {
    const account = accountFor(vaultId);
    const open = await this.usable();
    await this.call(() => open(this.service, account).deleteCredential());
  }

  /** The entry factory once the backend looks reachable; else throws KEYCHAIN_UNAVAILABLE. */
  private async usable(): Promise<KeyringEntryFactory> {
    if (this.backend === 'secret-service') {
      const check = this.injectedCheckBus
        ? await this.injectedCheckBus()
        : await checkSessionBus(process.env['DBUS_SESSION_BUS_ADDRESS'], this.busTimeoutMs);
      if (!check.ok) throw new AppError('KEYCHAIN_UNAVAILABLE', this.unavailableMessage('unreachable', check.reason));
    }
    if (this.injectedOpen) return this.injectedOpen;
    this.libraryFactory ??= loadLibraryFactory(this.platform);
    try {
      return await this.libraryFactory;
    } catch {
      this.libraryFactory = undefined;
      throw new AppError(
        'KEYCHAIN_UNAVAILABLE',
        `The keychain library (@napi-rs/keyring) could not be loaded on this platform (${this.platform}/${process.arch}); ` +
          'quick unlock is unavailable. Unlock with the master password.',
      );
    }
  }

  /** Runs a library call, turning its failures into KEYCHAIN_UNAVAILABLE without the secret. */
  private async call<T>(fn: () => Promise<T>, secret?: string): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      if (e instanceof AppError) throw e;
      const reason = libraryReason(e, secret);
      throw new AppError('KEYCHAIN_UNAVAILABLE', this.unavailableMessage(classify(reason), reason));
    }
  }

  /** One message per failure kind and backend. */
  private unavailableMessage(kind: FailureKind, reason: string): string {
    const name = BACKEND_NAME[this.backend];
    const fallback = 'Until then, unlock with the master password.';
    switch (kind) {
      case 'ambiguous':
        return (
          `${name} holds several entries for service "${this.service}" and one vault; ` +
          'remove them with your keychain tool and turn quick unlock on again.'
        );
      case 'locked':
        return this.backend === 'secret-service'
          ? `The Secret Service is running but its default keyring is locked or missing (${reason}). ` +
              'Unlock or create the default ("login") keyring, e.g. in Passwords and Keys (seahorse), ' +
              `or start \`gnome-keyring-daemon --unlock\`. ${fallback}`
          : `${name} is locked or refused access (${reason}). ${REMEDY[this.backend]}. ${fallback}`;
      case 'unreachable':
        return this.backend === 'secret-service'
          ? `No Secret Service (gnome-keyring/KWallet) is running or reachable: ${reason}. ${REMEDY[this.backend]}. ${fallback}`
          : `${name} could not be used (${reason}). ${REMEDY[this.backend]}. ${fallback}`;
    }
  }
}
