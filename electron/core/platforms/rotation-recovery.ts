/**
 * When a rotation succeeds on the platform but the vault cannot store the new value (the vault
 * was locked while the request was in flight — idle timer, suspend, the user — or the disk
 * refused the write), the old value is already dead: losing the new one would lock the user
 * out of that token. So the new value is never dropped:
 *   - `RotationNotSaved` carries it out of `rotateToken` in a private field (never in the
 *     message, JSON or stack), for the caller to keep;
 *   - the app keeps it in memory in `PendingRotations` and saves it on the next unlocked call;
 *   - the CLI, which cannot wait for a later unlock, prints it once (see electron/cli/commands/rotate.ts).
 */
import type { ReportedExpiry } from '../../../shared/domain/expiry';
import { AppError, isAppError } from '../../../shared/errors';
import type { Vault } from '../vault/vault';

/** The platform rotated the token; the vault did not store the new value. */
export class RotationNotSaved extends AppError {
  readonly #value: string;

  constructor(
    readonly tokenId: string,
    value: string,
    /** The new token's expiry as the platform reported it (stored with the value). */
    readonly expiry: ReportedExpiry | null | undefined,
    platformName: string,
    cause: unknown,
  ) {
    const why = cause instanceof Error ? cause.message : 'the write failed';
    super('ROTATION_NOT_SAVED', `${platformName} rotated the token, but the vault could not save the new value (${why})`, { cause });
    this.#value = value;
  }

  /** The new value: only for keeping it (app) or the one explicit print (CLI). */
  newValue(): string {
    return this.#value;
  }
}

interface Pending {
  readonly value: string;
  readonly expiry: ReportedExpiry | null | undefined;
}

/** New values the vault has not stored yet, by token id, saved at the first chance. */
export class PendingRotations {
  private readonly byToken = new Map<string, Pending>();

  get size(): number {
    return this.byToken.size;
  }

  keep(e: RotationNotSaved): void {
    this.byToken.set(e.tokenId, { value: e.newValue(), expiry: e.expiry });
  }

  /**
   * Stores every pending value in `vault` (unlocked); a value that still cannot be stored stays
   * pending. Returns the ids saved.
   */
  saveInto(vault: Vault): string[] {
    const saved: string[] = [];
    for (const [id, p] of this.byToken) {
      try {
        vault.results.rotate(id, p.value, p.expiry);
        this.byToken.delete(id);
        saved.push(id);
      } catch (e) {
        // Deleted since: nothing to save it into. Locked again, or the write still fails: kept.
        if (isAppError(e) && e.code === 'NOT_FOUND') this.byToken.delete(id);
      }
    }
    return saved;
  }
}
