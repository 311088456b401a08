/**
 * The rollback record (issue 12 item 4): for each vault id, how far this machine has seen the
 * vault go — its audit sequence number, a hash of its manifest, and when — in a small JSON
 * file in the app's data folder (`seen/<vault id>.json`, written atomically, 0600, folder
 * 0700). It holds no secret: the sequence number and the manifest are in the vault file's
 * plain bytes too.
 *
 * A vault that opens at a lower audit sequence than recorded is an older copy (a backup put
 * back, a WAL cut short, a file synced from elsewhere): it still opens, with a warning naming
 * when the newer one was seen. A vault that moves forward updates the record; an older copy
 * never lowers it, so it keeps warning until it has moved past what was seen.
 *
 * What this cannot catch: an attacker who can replace the vault file can usually replace this
 * folder too. It catches accidents and a swapped file alone. (Keeping the record in the OS
 * keychain as well is left for later: the KeyProtector port stores one secret per vault, the
 * quick-unlock wrap, and with the app's safeStorage that blob lives in the vault file itself.)
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Clock } from '../ports';
import { writeFileAtomically } from '../files/atomic-write';

/** Where a vault is: the last audit entry's number and a hash of its manifest. */
export interface VaultPosition {
  readonly auditSeq: number;
  readonly manifestHash: string;
}

const record = z.strictObject({
  v: z.literal(1),
  vaultId: z.string().regex(/^[0-9a-f]{32}$/),
  auditSeq: z.number().int().nonnegative(),
  manifestHash: z.string().regex(/^[0-9a-f]{64}$/),
  seenAt: z.string().min(1).max(40),
});

/** One vault's record as stored. */
export type SeenRecord = z.infer<typeof record>;

/** An older vault than the one last seen: what to tell the user. */
export interface RollbackWarning {
  /** When this machine last saw the vault at `lastSeq` (ISO instant). */
  readonly lastSeenAt: string;
  readonly lastSeq: number;
  /** The audit entry the vault opened at. */
  readonly nowSeq: number;
}

/** SHA-256 (hex) of a manifest, as the record keeps it. */
export function manifestHash(manifest: Buffer): string {
  return createHash('sha256').update(manifest).digest('hex');
}

/** The one-line warning both hosts show (the CLI on stderr, the app in its banner). */
export function rollbackMessage(w: RollbackWarning): string {
  return (
    `this vault is older than the copy last seen on ${w.lastSeenAt.slice(0, 10)} ` +
    `(audit entry ${w.lastSeq}, now ${w.nowSeq}): a newer version may have been replaced`
  );
}

/** The records, one file per vault id, in `dir` (the app's data folder). */
export class SeenVaults {
  constructor(private readonly dir: string) {}

  private fileOf(vaultId: string): string {
    if (!/^[0-9a-f]{32}$/.test(vaultId)) throw new Error('vault id');
    return join(this.dir, 'seen', `${vaultId}.json`);
  }

  /** The record of `vaultId`, or null when there is none (or it is unreadable: it is then replaced). */
  read(vaultId: string): SeenRecord | null {
    try {
      const r = record.safeParse(JSON.parse(readFileSync(this.fileOf(vaultId), 'utf8')) as unknown);
      return r.success && r.data.vaultId === vaultId ? r.data : null;
    } catch {
      return null;
    }
  }

  /** Writes `rec`, all or nothing, readable by the owner only. */
  write(rec: SeenRecord): void {
    const file = this.fileOf(rec.vaultId);
    mkdirSync(join(this.dir, 'seen'), { recursive: true, mode: 0o700 });
    writeFileAtomically(file, Buffer.from(`${JSON.stringify(rec)}\n`), true);
  }

  /**
   * Compares where the vault is with the record: an older position gives a warning and leaves
   * the record as it is; a newer or first one is recorded (seen now). Never throws: a record
   * that cannot be written only means the next open compares with the older one.
   */
  observe(vaultId: string, at: VaultPosition, clock: Clock): RollbackWarning | null {
    const prev = this.read(vaultId);
    if (prev && at.auditSeq < prev.auditSeq) return { lastSeenAt: prev.seenAt, lastSeq: prev.auditSeq, nowSeq: at.auditSeq };
    if (prev && prev.auditSeq === at.auditSeq && prev.manifestHash === at.manifestHash) return null;
    try {
      this.write({ v: 1, vaultId, auditSeq: at.auditSeq, manifestHash: at.manifestHash, seenAt: clock.now().toISOString() });
    } catch {
      // Read-only folder, full disk: the record stays behind; nothing else depends on it.
    }
    return null;
  }
}
