/**
 * `vault.backup`: the vault's side of backup and restore. Reads every record with its secret
 * (audited once as `backup`), writes a backup's records into an empty vault exactly as they
 * were (`restore`), merges them into a vault that holds tokens by the rule in merge-plan.ts
 * (`merge`), or decides that merge without writing (`preview`). A module over the vault kernel.
 */
import type { VaultKernel } from '../vault/kernel';
import { parseInput } from '../vault/parse-input';
import { dropOrphanAccounts, findOrCreateAccount, fingerprint, putPlatform, putToken, type WriteCtx } from '../vault/vault-records';
import type { MergePlan } from './merge-images';
import { planMerge } from './merge-plan';
import { exportRecords, portableRecords, restoreDetail, restoreRecords, type MergeSummary, type PortableRecords } from './records';

/** Writes a plan computed by planMerge in this same transaction. */
function applyMerge(ctx: WriteCtx, plan: MergePlan): MergeSummary {
  for (const p of plan.platforms) putPlatform(ctx, p.id, p.data);
  for (const { id, image } of plan.tokens) {
    const accountId = findOrCreateAccount(ctx, image.account);
    putToken(
      ctx,
      id,
      { v: 1, kind: 'token', ...image.fields, accountId, fingerprint: fingerprint(ctx.keys, image.value) },
      { value: image.value, notes: image.notes, history: image.history },
    );
  }
  dropOrphanAccounts(ctx); // a token that moved may leave its old account without tokens
  return plan.summary;
}

/** `vault.backup`. `source` names a backup in the audit entry (a vault id and date, never content). */
export class VaultBackup {
  constructor(private readonly kernel: VaultKernel) {}

  /** Every record with its value, notes and history, for a backup; audited once as 'backup'. */
  export(): PortableRecords {
    return this.kernel.write({}, (ctx) => {
      const records = exportRecords(ctx);
      this.kernel.audit(ctx, { action: 'backup', detail: `${records.tokens.length} tokens, ${records.platforms.length} custom platforms` });
      return records;
    });
  }

  /** Writes the records into this empty vault exactly as they are (ids, dates, history), audited as 'restore'. */
  restore(records: PortableRecords, source: string | null = null): MergeSummary {
    const checked = parseInput(portableRecords, records, 'backup: ');
    const summary = this.kernel.write({}, (ctx) => {
      const summary = restoreRecords(ctx, checked);
      this.kernel.audit(ctx, { action: 'restore', detail: restoreDetail('restore', summary, source) });
      return summary;
    });
    this.kernel.scrub();
    return summary;
  }

  /** Merges the records into this vault in one transaction, audited once as 'restore' with the counts. */
  merge(records: PortableRecords, source: string | null = null): MergeSummary {
    const checked = parseInput(portableRecords, records, 'backup: ');
    const summary = this.kernel.write({}, (ctx) => {
      const summary = applyMerge(ctx, planMerge(ctx, checked));
      this.kernel.audit(ctx, { action: 'restore', detail: restoreDetail('merge', summary, source) });
      return summary;
    });
    // A merge replaces values (the loser kept in history, re-sealed): no old envelope stays.
    this.kernel.scrub();
    return summary;
  }

  /** What `merge` would do, decided the same way; writes nothing. */
  preview(records: PortableRecords): MergeSummary {
    const checked = parseInput(portableRecords, records, 'backup: ');
    return this.kernel.read((ctx) => planMerge(ctx, checked).summary);
  }
}
