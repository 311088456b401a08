/**
 * Merging a backup's records into a vault that already holds tokens: planned first without
 * writing (a dry run shows the plan's summary), then applied in the same transaction.
 *
 * MERGE RULE. Two tokens are the same when they have the same id, or else the same current
 * value (compared by the vault's keyed fingerprint). For a token in both, the copy with the
 * later `updatedAt` wins as a whole record (account, name, scopes, expiry, notes, value, every
 * field); equal `updatedAt`: the copy with the later check wins; still equal: the vault's. No
 * value is ever lost: both histories are kept, and a losing value that differs from the
 * winner's is added to the token's history. The token keeps its vault id. Tokens only in the
 * backup are added (with their backup id when it is free); tokens only in the vault are kept —
 * a merge never deletes. Custom platforms are the same when they have the same id, or else the
 * same name (without regard to case); the later `updatedAt` wins, else the vault's.
 */
import { newId } from '../vault/ids';
import type { PlatformOverviewData } from '../vault/record-codec';
import { fingerprint, type ReadCtx } from '../vault/vault-records';
import type { TokenRec } from '../vault/vault-state';
import { platformData, type MergeConflict, type PortableRecords, type PortableToken } from './records';
import { backupImage, canonical, content, later, mergeHistories, platformDefinition, vaultImage, type MergePlan, type TokenImage, type TokenWrite } from './merge-images';

/**
 * Decides the merge of `records` into the vault `ctx` reads, without writing anything: the
 * same plan (and summary) for a preview and for the real merge, which applies it in the
 * same transaction it was computed in.
 */
export function planMerge(ctx: ReadCtx, records: PortableRecords): MergePlan {
  const { state } = ctx;
  const conflicts: MergeConflict[] = [];
  const taken = (id: string): boolean => state.tokens.has(id) || state.accounts.has(id) || state.platforms.has(id);
  const planned = new Set<string>();
  const freeId = (wanted: string): string => {
    const id = taken(wanted) || planned.has(wanted) ? newId() : wanted;
    planned.add(id);
    return id;
  };

  // Custom platforms first: the backup's accounts refer to them.
  const platformWrites: { id: string; data: PlatformOverviewData }[] = [];
  const platformMap = new Map<string, string>();
  const nameIndex = new Map<string, string>();
  for (const p of state.platforms.values()) nameIndex.set(p.data.name.toLowerCase(), p.id);
  const matchedPlatforms = new Set<string>();
  const pc = { added: 0, updated: 0, skipped: 0 };
  for (const bp of records.platforms) {
    const lower = bp.name.toLowerCase();
    let vp = matchedPlatforms.has(bp.id) ? undefined : state.platforms.get(bp.id);
    let matchedBy: 'id' | 'name' = 'id';
    if (!vp) {
      const holder = nameIndex.get(lower);
      if (holder !== undefined) {
        matchedBy = 'name';
        vp = state.platforms.get(holder);
        if (vp && matchedPlatforms.has(vp.id)) {
          // Its name now belongs to a platform another backup platform was matched with.
          platformMap.set(bp.id, vp.id);
          pc.skipped++;
          conflicts.push({ kind: 'platform', id: vp.id, backupId: bp.id, name: vp.data.name, matchedBy, kept: 'vault', reason: 'its name is used by another custom platform' });
          continue;
        }
      }
    }
    if (!vp) {
      const id = freeId(bp.id);
      platformWrites.push({ id, data: platformData({ ...bp, id }) });
      platformMap.set(bp.id, id);
      nameIndex.set(lower, id);
      pc.added++;
      continue;
    }
    matchedPlatforms.add(vp.id);
    platformMap.set(bp.id, vp.id);
    if (platformDefinition(bp) === platformDefinition(vp.data)) {
      pc.skipped++;
      continue;
    }
    if (!later(bp.updatedAt, vp.data.updatedAt)) {
      pc.skipped++;
      conflicts.push({ kind: 'platform', id: vp.id, backupId: bp.id, name: vp.data.name, matchedBy, kept: 'vault', reason: 'the vault copy is not older' });
      continue;
    }
    const holder = nameIndex.get(lower);
    if (holder !== undefined && holder !== vp.id) {
      pc.skipped++;
      conflicts.push({ kind: 'platform', id: vp.id, backupId: bp.id, name: vp.data.name, matchedBy, kept: 'vault', reason: 'the newer name is used by another custom platform' });
      continue;
    }
    nameIndex.delete(vp.data.name.toLowerCase());
    nameIndex.set(lower, vp.id);
    platformWrites.push({ id: vp.id, data: platformData({ ...bp, id: vp.id }) });
    pc.updated++;
    conflicts.push({ kind: 'platform', id: vp.id, backupId: bp.id, name: bp.name, matchedBy, kept: 'backup', reason: 'the backup copy is newer' });
  }

  // Tokens: pair by id, then by value; the rest are added.
  const accounts = new Map(records.accounts.map((a) => [a.id, a]));
  const matched = new Set<string>();
  const pairs: { b: PortableToken; v: TokenRec; by: 'id' | 'value' }[] = [];
  const rest: PortableToken[] = [];
  for (const b of records.tokens) {
    const v = state.tokens.get(b.id);
    if (v) {
      matched.add(v.id);
      pairs.push({ b, v, by: 'id' });
    } else rest.push(b);
  }
  const byPrint = new Map<string, TokenRec>();
  for (const v of state.tokens.values()) if (!matched.has(v.id) && !byPrint.has(v.data.fingerprint)) byPrint.set(v.data.fingerprint, v);
  const additions: PortableToken[] = [];
  for (const b of rest) {
    const v = byPrint.get(fingerprint(ctx.keys, b.value));
    if (v && !matched.has(v.id)) {
      matched.add(v.id);
      pairs.push({ b, v, by: 'value' });
    } else additions.push(b);
  }

  const tokenWrites: TokenWrite[] = [];
  const currentPrints = new Map<string, string>(); // vault token id → fingerprint after the merge
  for (const v of state.tokens.values()) currentPrints.set(v.id, v.data.fingerprint);
  let added = 0;
  let updated = 0;
  let skipped = 0;
  for (const { b, v, by } of pairs) {
    const mine = vaultImage(ctx, v);
    const theirs = backupImage(b, accounts, platformMap);
    const backupWins =
      later(theirs.fields.updatedAt, mine.fields.updatedAt) ||
      (theirs.fields.updatedAt === mine.fields.updatedAt && later(theirs.fields.lastCheck?.at, mine.fields.lastCheck?.at));
    const [winner, loser] = backupWins ? [theirs, mine] : [mine, theirs];
    const history = mergeHistories(mine.history, theirs.history);
    if (loser.value !== winner.value && !history.some((h) => h.value === loser.value)) {
      history.push({ value: loser.value, rotatedAt: ctx.now, reason: 'merged' });
    }
    const result: TokenImage = { ...winner, id: v.id, history };
    const differs = content(mine) !== content(theirs);
    if (canonical(result) === canonical(mine)) skipped++;
    else {
      tokenWrites.push({ id: v.id, image: result });
      currentPrints.set(v.id, fingerprint(ctx.keys, result.value));
      updated++;
    }
    if (differs) {
      conflicts.push({
        kind: 'token',
        id: v.id,
        backupId: b.id,
        name: winner.fields.name,
        matchedBy: by,
        kept: backupWins ? 'backup' : 'vault',
        reason:
          (backupWins ? 'the backup copy is newer' : 'the vault copy is not older') +
          (loser.value !== winner.value ? '; the other value is kept in its history' : ''),
      });
    }
  }
  const prints = new Map<string, string>();
  for (const [id, fp] of currentPrints) prints.set(fp, id);
  for (const b of additions) {
    const fp = fingerprint(ctx.keys, b.value);
    const holder = prints.get(fp);
    if (holder !== undefined) {
      // Its value is already a current value in the vault (its match was paired by id with
      // another backup token): nothing to add, nothing lost.
      skipped++;
      conflicts.push({ kind: 'token', id: holder, backupId: b.id, name: b.name, matchedBy: 'value', kept: 'vault', reason: 'its value is already held by another token' });
      continue;
    }
    const id = freeId(b.id);
    prints.set(fp, id);
    tokenWrites.push({ id, image: { ...backupImage(b, accounts, platformMap), id } });
    added++;
  }
  return {
    summary: { added, updated, skipped, platforms: pc, conflicts },
    platforms: platformWrites,
    tokens: tokenWrites,
  };
}
