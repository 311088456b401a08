/**
 * Re-sealing every record under a new vault key (the heart of a re-key; key-ops.ts decides
 * when and prepares the new wraps). Runs inside VaultKernel.replaceKeys: one IMMEDIATE
 * transaction, so another process sees the old vault or the new one, never a mix.
 *
 * Re-sealed: every token's secret (value, notes, earlier values) and its overview (with its
 * keyed fingerprint recomputed), every account and custom platform (the overview buckets, by
 * replaceKeys), and the whole audit chain, entry by entry, same sequence numbers, same
 * content, chained anew. The manifest is recomputed by replaceKeys. Nothing sealed under the
 * old key stays in the tables; secure_delete zeroes the old rows' bytes, and the caller
 * checkpoints the WAL after commit.
 */
import type { VaultKeys } from './crypto/keys';
import { appendAudit } from './audit-log';
import { readAudit } from './audit-log';
import { EMPTY_AUDIT_HEAD } from './manifest';
import { fingerprint, openTokenSecret, putToken, type WriteCtx } from './vault-records';

/** Re-seals every token and the audit chain under `ctx.keys`, reading them with `old`. */
export function resealAll(ctx: WriteCtx, old: VaultKeys): void {
  for (const rec of [...ctx.state.tokens.values()]) {
    const secret = openTokenSecret(ctx.repo, old, ctx.vaultId, rec);
    putToken(ctx, rec.id, { ...rec.data, fingerprint: fingerprint(ctx.keys, secret.value) }, secret);
  }
  const entries = readAudit(ctx.repo, old, ctx.vaultId, ctx.state.auditHead);
  ctx.repo.deleteAllAudit();
  let head = EMPTY_AUDIT_HEAD;
  for (const { seq: _seq, ...entry } of entries) head = appendAudit(ctx.repo, ctx.keys, ctx.vaultId, head, entry);
  ctx.state.auditHead = head;
}
