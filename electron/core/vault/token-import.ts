/**
 * Importing many tokens: the whole list checked first (one bad item and nothing is written),
 * then written in batches, each durable before it is reported, so an interrupted import keeps
 * every batch it acknowledged.
 */
import { AppError } from '../../../shared/errors';
import { LIMITS } from '../../../shared/domain/limits';
import { newTokenInput } from '../../../shared/domain/token-input';
import { newId } from './ids';
import type { VaultKernel } from './kernel';
import { parseInput } from './parse-input';
import { assertPlatformFits } from './platform-fit';
import { REPLACED_DETAIL, replaceTargetIn, replaceValue } from './token-replace';
import { fingerprintsIn, insertToken } from './token-writes';
import { fingerprint } from './vault-records';

/** Result of an import. */
export interface ImportResult {
  /** New tokens written. */
  readonly imported: number;
  /** Items whose value replaced a user's token (one token per user: iObeya). */
  readonly replaced: number;
  readonly skippedDuplicates: number;
}

/** How an import is cut into transactions, and who hears of each one committed. */
export interface ImportOptions {
  readonly batchSize?: number;
  readonly onCommitted?: (done: number, total: number) => void;
}

/**
 * Imports `items`. Values already in the vault are skipped; an iObeya value for a user who
 * holds a live token replaces that token's value (token-replace.ts).
 */
export function importTokens(kernel: VaultKernel, items: readonly unknown[], opts: ImportOptions = {}): ImportResult {
  if (!Array.isArray(items)) throw new AppError('BAD_INPUT', 'Import data must be a list of tokens.');
  if (items.length > LIMITS.importMaxItems) {
    throw new AppError('BAD_INPUT', `Import has ${items.length} items; at most ${LIMITS.importMaxItems} at once.`);
  }
  const parsed = items.map((it, i) => parseInput(newTokenInput, it, `item ${i + 1}: `));
  // Refused whole, like any bad item, unless that item says the user accepted it: a file
  // import's preview has already left such rows out with the reason (import/plan.ts).
  parsed.forEach((it, i) => assertPlatformFits(it.token, it.platform, it.platformMismatchOk, `item ${i + 1}: `));
  kernel.keys();
  const batchSize = Math.max(1, opts.batchSize ?? 500);
  let imported = 0;
  let replaced = 0;
  let skipped = 0;
  for (let start = 0; start < parsed.length; start += batchSize) {
    const batch = parsed.slice(start, start + batchSize);
    kernel.write({ audit: { action: 'import', detail: `batch of ${batch.length}` } }, (ctx) => {
      const seen = fingerprintsIn(ctx);
      for (const input of batch) {
        const fp = fingerprint(ctx.keys, input.token);
        if (seen.has(fp)) {
          skipped++;
          continue;
        }
        seen.add(fp);
        const target = replaceTargetIn(ctx, input);
        if (target !== null) {
          replaceValue(ctx, target, input);
          kernel.audit(ctx, { action: 'edit', tokenId: target.id, detail: `${REPLACED_DETAIL} (imported)` });
          replaced++;
          continue;
        }
        const id = newId();
        insertToken(ctx, id, input);
        kernel.audit(ctx, { action: 'create', tokenId: id, detail: 'imported' });
        imported++;
      }
    });
    opts.onCommitted?.(Math.min(start + batch.length, parsed.length), parsed.length);
  }
  // A replaced value's old envelope must not stay in the WAL or free pages (kernel.scrub).
  if (replaced > 0) kernel.scrub();
  return { imported, replaced, skippedDuplicates: skipped };
}
