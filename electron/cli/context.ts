/**
 * What every command shares: the global options, where secrets come from, output helpers,
 * and opening/unlocking the vault (quick unlock first when allowed, then the password).
 */
import { dirname } from 'node:path';
import { AppError, toAppError } from '../../shared/errors';
import { keyringBackendName } from '../core/keychain/backend-name';
import { systemClock, type Clock } from '../core/ports';
import { Vault } from '../core/vault/vault';
import { RollbackWatch } from '../core/settings/rollback-watch';
import { SeenVaults, rollbackMessage } from '../core/settings/vault-seen';
import { NO_TERMINAL, SecretInput } from './io/password';
import { resolveVaultPath } from './vault-path';

/** Options every command accepts (declared once on the program). */
export interface GlobalOptions {
  readonly vault?: string | undefined;
  readonly passwordStdin?: boolean | undefined;
  /** False with `--no-keychain`. */
  readonly keychain?: boolean | undefined;
}

/** A running command's environment. */
export class Cli {
  readonly input: SecretInput;
  /** The clock this run's vault and reports go by (the system's; one place to inject another). */
  readonly clock: Clock = systemClock;

  constructor(readonly opts: GlobalOptions) {
    this.input = new SecretInput(opts.passwordStdin === true);
  }

  /** The vault file this command works on. */
  get vaultPath(): string {
    return resolveVaultPath(this.opts.vault);
  }

  /** Writes text to standard output as is. */
  out(text: string): void {
    process.stdout.write(text);
  }

  /** Writes `value` as pretty JSON and a newline to standard output. */
  json(value: unknown): void {
    process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  }

  /** A progress or notice line on standard error (never data a script would parse). */
  note(line: string): void {
    process.stderr.write(`${line}\n`);
  }

  /**
   * Opens the vault, unlocks it, runs `fn`, and always closes the file (which also
   * checkpoints SQLite's write-ahead log). A vault older than this machine last saw it
   * (settings/vault-seen.ts, beside the settings) opens with a warning on stderr.
   */
  async withUnlocked<T>(fn: (vault: Vault) => Promise<T> | T): Promise<T> {
    const vault = Vault.open(this.vaultPath, { clock: this.clock });
    const rollback = new RollbackWatch(vault, new SeenVaults(dirname(this.vaultPath)), this.clock);
    try {
      await this.unlock(vault);
      if (rollback.warning) this.note(`warning: ${rollbackMessage(rollback.warning)}`);
      return await fn(vault);
    } finally {
      rollback.stop();
      vault.close();
    }
  }

  /** Opens the vault locked (for commands that need no key), closing it afterwards. */
  async withLocked<T>(fn: (vault: Vault) => Promise<T> | T): Promise<T> {
    const vault = Vault.open(this.vaultPath, { clock: this.clock });
    try {
      return await fn(vault);
    } finally {
      vault.close();
    }
  }

  /**
   * Quick unlock through the OS keychain when the vault has a slot for this host's keychain, `--password-stdin` is not
   * given and `--no-keychain` is not set; otherwise, or if that fails, the master password.
   */
  async unlock(vault: Vault): Promise<void> {
    let quickUnlockProblem: string | null = null;
    if (!this.input.fromStdin && this.opts.keychain !== false && vault.keychainState(keyringBackendName()).enabled) {
      try {
        // Loaded only here: the keychain library is native and slow to load, and most runs never need it.
        const { KeyringProtector } = await import('../core/keychain/keyring-protector');
        await vault.unlockWithKeychain(new KeyringProtector());
        return;
      } catch (e) {
        quickUnlockProblem = toAppError(e).message;
      }
    }
    if (quickUnlockProblem !== null) {
      // One line either way: on a terminal a notice before the prompt, else part of the error.
      if (!this.input.isTerminal) {
        throw new AppError('KEYCHAIN_UNAVAILABLE', `quick unlock failed (${quickUnlockProblem}); ${NO_TERMINAL}`);
      }
      this.note(`patvault: quick unlock failed: ${quickUnlockProblem}`);
    }
    await vault.unlock(await this.input.masterPassword());
  }
}
