/**
 * In-memory KeyProtector for tests of code that uses quick unlock (vault, CLI). It behaves
 * like KeyringProtector: same input checks, an empty blob from `protect`, the same error
 * codes; `setAvailable(false)` makes it act like a keychain that went away.
 *
 * With `{ backend: 'safeStorage:…', inBlob: true }` it behaves like the app's safeStorage
 * adapter instead: `protect` returns a blob the vault keeps (here a random handle to the
 * secret), `recover` needs that blob, and `forget` does nothing — the slot's removal from the
 * vault (and the re-key) is what cuts the secret off.
 * Shipped beside the real adapter; nothing in production wires it in.
 */
import { randomBytes } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import type { KeychainInfo, KeyProtector } from '../ports';

const AVAILABLE: KeychainInfo = {
  backend: 'memory',
  strength: 'strong',
  detail: 'In-memory test keychain (forgets everything when the process exits).',
};

const UNAVAILABLE: KeychainInfo = {
  backend: 'memory',
  strength: 'none',
  detail: 'In-memory test keychain, switched off by the test.',
};

/** KeyProtector that keeps secrets in a Map. */
export class MemoryKeyProtector implements KeyProtector {
  private readonly secrets = new Map<string, Buffer>();
  private available = true;
  private readonly backend: string;
  private readonly inBlob: boolean;

  constructor(opts: { readonly backend?: string; readonly inBlob?: boolean } = {}) {
    this.backend = opts.backend ?? AVAILABLE.backend;
    this.inBlob = opts.inBlob ?? false;
  }

  /** Calls made, in order, for assertions (`protect:<id>`, `recover:<id>`, `forget:<id>`). */
  readonly calls: string[] = [];

  /** Switches the fake keychain on or off (off: info() says `none`, every call throws). */
  setAvailable(available: boolean): void {
    this.available = available;
  }

  /** Whether a secret is kept for `vaultId`. */
  has(vaultId: string): boolean {
    return this.secrets.has(vaultId);
  }

  /** Number of vaults with a kept secret. */
  get size(): number {
    return this.secrets.size;
  }

  info(): Promise<KeychainInfo> {
    return Promise.resolve({ ...(this.available ? AVAILABLE : UNAVAILABLE), backend: this.backend });
  }

  protect(vaultId: string, secret: Buffer): Promise<Buffer> {
    return this.run('protect', vaultId, () => {
      if (!Buffer.isBuffer(secret) || secret.length !== 32) {
        throw new AppError('BAD_INPUT', 'The quick-unlock secret must be 32 bytes.');
      }
      if (this.inBlob) {
        const handle = randomBytes(16);
        this.secrets.set(`${vaultId}/${handle.toString('hex')}`, Buffer.from(secret));
        return handle;
      }
      this.secrets.set(vaultId, Buffer.from(secret));
      return Buffer.alloc(0);
    });
  }

  recover(vaultId: string, stored: Buffer): Promise<Buffer> {
    return this.run('recover', vaultId, () => {
      const secret = this.secrets.get(this.inBlob ? `${vaultId}/${stored.toString('hex')}` : vaultId);
      if (!secret) {
        throw new AppError(
          'KEYCHAIN_NOT_ENABLED',
          'Quick unlock is not set up for this vault. Unlock with the master password and turn quick unlock on again.',
        );
      }
      return Buffer.from(secret);
    });
  }

  forget(vaultId: string): Promise<void> {
    return this.run('forget', vaultId, () => {
      if (this.inBlob) return; // like safeStorage: nothing is kept outside the vault's blob
      const secret = this.secrets.get(vaultId);
      secret?.fill(0);
      this.secrets.delete(vaultId);
    });
  }

  private run<T>(op: 'protect' | 'recover' | 'forget', vaultId: string, fn: () => T): Promise<T> {
    this.calls.push(`${op}:${vaultId}`);
    try {
      if (typeof vaultId !== 'string' || !/^[\x21-\x7e]{1,200}$/.test(vaultId)) {
        throw new AppError('BAD_INPUT', 'Invalid vault id for the keychain (expected 1-200 printable characters).');
      }
      if (!this.available) {
        throw new AppError('KEYCHAIN_UNAVAILABLE', 'The in-memory test keychain is switched off.');
      }
      return Promise.resolve(fn());
    } catch (e) {
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
  }
}
