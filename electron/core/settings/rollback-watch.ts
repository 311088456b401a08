/**
 * Follows one open vault for the rollback record (vault-seen.ts): at each unlock it compares
 * where the vault is with what this machine saw last (an older copy gives `warning`), and
 * after every write or commit seen from another process it records the vault moving forward.
 * Both hosts use it: the CLI prints the warning on stderr, the app shows it as a banner.
 */
import type { Clock } from '../ports';
import type { Vault } from '../vault/vault';
import type { RollbackWarning, SeenVaults } from './vault-seen';

/** See the module comment. */
export class RollbackWatch {
  private wasUnlocked = false;
  private current: RollbackWarning | null = null;
  private readonly unwatch: () => void;

  constructor(
    private readonly vault: Vault,
    private readonly seen: SeenVaults,
    private readonly clock: Clock,
  ) {
    this.unwatch = vault.onChange(() => this.changed());
    if (vault.isUnlocked) this.changed();
  }

  /** The warning of the current unlock, or null (none, or locked). */
  get warning(): RollbackWarning | null {
    return this.current;
  }

  /** Stops following the vault. */
  stop(): void {
    this.unwatch();
  }

  private changed(): void {
    if (!this.vault.isUnlocked) {
      this.wasUnlocked = false;
      this.current = null;
      return;
    }
    try {
      const w = this.seen.observe(this.vault.vaultId, this.vault.audit.position(), this.clock);
      // The warning is decided at unlock; later writes only record (an older copy that moved
      // past the record stops warning at its next unlock).
      if (!this.wasUnlocked) this.current = w;
      this.wasUnlocked = true;
    } catch {
      // A change listener must not throw; a damaged vault is reported by the call that reads it.
    }
  }
}
