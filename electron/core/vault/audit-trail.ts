/**
 * `vault.audit`: reading the audit log, one token's entries, and recording an action that
 * changes no record. Unlock (and every reload of the state) has already opened and verified
 * the whole chain and indexed it by token (vault-state.ts, `VaultState.audit`): reads here
 * use that index and open only the entries this process appended since.
 */
import type { AuditAction, AuditEntry } from '../../../shared/domain/token';
import { extendAudit, type AuditIndex } from './audit-log';
import { envelopeTag } from './crypto/aead';
import type { VaultKernel } from './kernel';
import type { ReadCtx } from './vault-records';
import { manifestHash, type VaultPosition } from '../settings/vault-seen';

/** `vault.audit`. */
export class AuditTrail {
  constructor(private readonly kernel: VaultKernel) {}

  /** The whole audit log, verified end to end (at load, and entry by entry since). */
  log(): AuditEntry[] {
    return this.kernel.read((ctx) => [...current(ctx).entries]);
  }

  /**
   * One token's audit entries, verified as the whole log is. Selecting another token reads
   * nothing, and after this process's own writes only the new entries are opened. When another
   * process committed, or a write failed, the state reloads, which verifies the log again.
   */
  of(tokenId: string): AuditEntry[] {
    return this.kernel.read((ctx) => [...(current(ctx).byToken.get(tokenId) ?? [])]);
  }

  /**
   * Where the vault is now: its last audit entry's number and a hash of its manifest (the
   * rollback record beside the settings compares them with what this machine saw before).
   */
  position(): VaultPosition {
    return this.kernel.read((ctx) => {
      const manifest = ctx.repo.header()?.manifest;
      return { auditSeq: ctx.state.auditHead.seq, manifestHash: manifestHash(Buffer.isBuffer(manifest) ? manifest : Buffer.alloc(0)) };
    });
  }

  /** Records an action that changes no record (an export). */
  record(action: AuditAction, detail: string | null): void {
    this.kernel.write({ audit: { action, detail } }, () => undefined);
  }
}

/**
 * The state's verified index, extended to its audit head (this process's writes since the
 * load). When the entries it holds are no longer the file's (a re-key re-sealed the chain),
 * the whole log is verified again.
 */
function current(ctx: ReadCtx): AuditIndex {
  const { state } = ctx;
  const kept = state.audit;
  if (kept === null) return (state.audit = extendAudit(ctx.repo, ctx.keys, ctx.vaultId, null, state.auditHead));
  if (kept.head.seq === state.auditHead.seq && kept.head.tag.equals(state.auditHead.tag)) return kept;
  const last = kept.head.seq === 0 ? null : ctx.repo.auditAfter(kept.head.seq - 1)[0];
  const prefix = last === null || (last?.seq === kept.head.seq && Buffer.isBuffer(last.entry) && envelopeTag(last.entry).equals(kept.head.tag));
  state.audit = extendAudit(ctx.repo, ctx.keys, ctx.vaultId, prefix ? kept : null, state.auditHead);
  return state.audit;
}
