/**
 * `vault.audit`: reading the audit log (verified end to end), one token's entries through an
 * index kept while the loaded state is, and recording an action that changes no record.
 */
import type { AuditAction, AuditEntry } from '../../../shared/domain/token';
import { extendAudit, readAudit, type AuditIndex } from './audit-log';
import type { VaultKernel } from './kernel';
import type { VaultState } from './vault-state';

/** `vault.audit`. */
export class AuditTrail {
  /** Entries verified for `state`: a reload (another process wrote) reads the log again. */
  private verified: { readonly state: VaultState; readonly index: AuditIndex } | null = null;

  constructor(private readonly kernel: VaultKernel) {
    // Decrypted entries do not outlive the unlock.
    kernel.onChange(() => {
      if (!kernel.isUnlocked) this.verified = null;
    });
  }

  /** The whole audit log, verified end to end. */
  log(): AuditEntry[] {
    return this.kernel.read((ctx) => readAudit(ctx.repo, ctx.keys, ctx.vaultId, ctx.state.auditHead));
  }

  /**
   * One token's audit entries, verified as the whole log is. Selecting another token reads
   * nothing, and after this process's own writes only the new entries are opened. When another
   * process committed, or a write failed, the state reloads and the log is read and verified
   * from its start again.
   */
  of(tokenId: string): AuditEntry[] {
    return this.kernel.read((ctx) => {
      const { state } = ctx;
      const kept = this.verified?.state === state ? this.verified.index : null;
      const fresh = kept !== null && kept.head.seq === state.auditHead.seq && kept.head.tag.equals(state.auditHead.tag);
      const index = fresh ? kept : extendAudit(ctx.repo, ctx.keys, ctx.vaultId, kept, state.auditHead);
      this.verified = { state, index };
      return [...(index.byToken.get(tokenId) ?? [])];
    });
  }

  /** Records an action that changes no record (an export). */
  record(action: AuditAction, detail: string | null): void {
    this.kernel.write({ audit: { action, detail } }, () => undefined);
  }
}
