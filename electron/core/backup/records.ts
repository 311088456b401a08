/**
 * The vault's side of backup and restore: every record in portable form — ids, dates, the
 * token's value, notes and rotation history included; keyed fingerprints not, as they belong
 * to one vault's key — and writing such records back, either into an empty vault exactly as
 * they were, or merged into a vault that already holds tokens by the rule below.
 *
 * Functions over a write (or read) context; VaultBackup (vault-backup.ts) runs them in one transaction.
 *
 * The merge rule and its plan are in merge-plan.ts.
 */
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import {
  accountOverview,
  platformOverview,
  tokenOverview,
  tokenSecret,
  type PlatformOverviewData,
  type TokenOverviewData,
} from '../vault/record-codec';
import {
  dropOrphanAccounts,
  fingerprint,
  openTokenSecret,
  putAccount,
  putPlatform,
  putToken,
  type ReadCtx,
  type WriteCtx,
} from '../vault/vault-records';

const recordId = z.string().regex(/^[0-9a-f]{32}$/);
const historyEntry = tokenSecret.shape.history.unwrap().element;

/**
 * The portable records are the stored records without the `v`/`kind` tags and fingerprints,
 * checked by the same schemas the vault checks its own records with: whatever passes here
 * can be written without making the vault unreadable, and a field added to a record later
 * travels in backups without a change here.
 */
export const portablePlatform = platformOverview.omit({ v: true, kind: true }).extend({ id: recordId });
export const portableAccount = accountOverview.omit({ v: true, kind: true }).extend({ id: recordId });
export const portableToken = tokenOverview.omit({ v: true, kind: true, fingerprint: true }).extend({
  id: recordId,
  value: tokenSecret.shape.value,
  notes: tokenSecret.shape.notes,
  /** Values the token had before rotations (and merges), oldest first. */
  history: z.array(historyEntry),
});

/** A custom platform as a backup holds it. */
export type PortablePlatform = z.output<typeof portablePlatform>;
/** An account as a backup holds it (a token's platform, label, client, username, base URL). */
export type PortableAccount = z.output<typeof portableAccount>;
/** A token as a backup holds it: every overview field, the value, notes and history. */
export type PortableToken = z.output<typeof portableToken>;

/** The three record lists, as object shape (the backup payload extends it). */
export const portableRecordsShape = {
  platforms: z.array(portablePlatform),
  accounts: z.array(portableAccount),
  tokens: z.array(portableToken),
} as const;

/** Every record of a vault. */
export interface PortableRecords {
  readonly platforms: readonly PortablePlatform[];
  readonly accounts: readonly PortableAccount[];
  readonly tokens: readonly PortableToken[];
}

/**
 * The links a vault relies on: ids unique across all records, each token's account present,
 * each account's custom platform present (and only on platform custom), custom platform names
 * unique without regard to case. Issues name the place, never the content.
 */
export function checkRecordLinks(r: PortableRecords, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  const unique = (id: string, path: (string | number)[]): void => {
    if (seen.has(id)) ctx.addIssue({ code: 'custom', path, message: 'id used twice' });
    seen.add(id);
  };
  const names = new Set<string>();
  r.platforms.forEach((p, i) => {
    unique(p.id, ['platforms', i, 'id']);
    const lower = p.name.toLowerCase();
    if (names.has(lower)) ctx.addIssue({ code: 'custom', path: ['platforms', i, 'name'], message: 'name used twice' });
    names.add(lower);
  });
  const platformIds = new Set(r.platforms.map((p) => p.id));
  r.accounts.forEach((a, i) => {
    unique(a.id, ['accounts', i, 'id']);
    if (a.customPlatformId !== undefined && (a.platform !== 'custom' || !platformIds.has(a.customPlatformId))) {
      ctx.addIssue({ code: 'custom', path: ['accounts', i, 'customPlatformId'], message: 'refers to no custom platform' });
    }
  });
  const accountIds = new Set(r.accounts.map((a) => a.id));
  r.tokens.forEach((t, i) => {
    unique(t.id, ['tokens', i, 'id']);
    if (!accountIds.has(t.accountId)) ctx.addIssue({ code: 'custom', path: ['tokens', i, 'accountId'], message: 'refers to no account' });
  });
}

/** The record lists with their links checked. */
export const portableRecords = z.strictObject(portableRecordsShape).superRefine(checkRecordLinks);


const byId = <T extends { readonly id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Every record with its secret opened, sorted by id. */
export function exportRecords(ctx: ReadCtx): PortableRecords {
  const { state } = ctx;
  const platforms = [...state.platforms.values()].map(({ id, data: { v: _v, kind: _k, ...rest } }) => ({ ...rest, id })).sort(byId);
  const accounts = [...state.accounts.values()].map(({ id, data: { v: _v, kind: _k, ...rest } }) => ({ ...rest, id })).sort(byId);
  const tokens = [...state.tokens.values()]
    .map((rec) => {
      const { v: _v, kind: _k, fingerprint: _f, ...rest } = rec.data;
      const secret = openTokenSecret(ctx.repo, ctx.keys, ctx.vaultId, rec);
      return { ...rest, id: rec.id, value: secret.value, notes: secret.notes, history: [...(secret.history ?? [])] };
    })
    .sort(byId);
  return { platforms, accounts, tokens };
}

/** A portable token's overview as stored in this vault (fingerprint under this vault's key). */
function tokenData(ctx: WriteCtx, t: PortableToken): TokenOverviewData {
  const { id: _id, value, notes: _n, history: _h, ...rest } = t;
  return { v: 1, kind: 'token', ...rest, fingerprint: fingerprint(ctx.keys, value) };
}

export function platformData(p: PortablePlatform): PlatformOverviewData {
  const { id: _id, ...rest } = p;
  return { v: 1, kind: 'platform', ...rest };
}

/** Counts of one kind of record in a merge or restore. */
export interface MergeCounts {
  /** Only in the backup: added. */
  readonly added: number;
  /** In both, and the vault's record changed (the backup's copy won, or history was added). */
  readonly updated: number;
  /** In both, and the vault's record stays as it was. */
  readonly skipped: number;
}

/** A record in both the vault and the backup whose contents differ: what the rule decided. */
export interface MergeConflict {
  readonly kind: 'token' | 'platform';
  /** Its id in the vault. */
  readonly id: string;
  /** Its id in the backup (the same when matched by id). */
  readonly backupId: string;
  /** The name of the copy kept. */
  readonly name: string;
  readonly matchedBy: 'id' | 'value' | 'name';
  /** Which copy the vault holds now. */
  readonly kept: 'backup' | 'vault';
  /** Why, in a few words. */
  readonly reason: string;
}

/** What a merge did (or, in a preview, would do). */
export interface MergeSummary {
  /** Tokens. */
  readonly added: number;
  readonly updated: number;
  readonly skipped: number;
  readonly platforms: MergeCounts;
  readonly conflicts: readonly MergeConflict[];
}

/**
 * Writes the records into an empty vault exactly as they are: ids, dates, checks, history
 * (fingerprints recomputed under this vault's key). Reports in the merge's summary shape.
 */
export function restoreRecords(ctx: WriteCtx, records: PortableRecords): MergeSummary {
  const s = ctx.state;
  if (s.tokens.size > 0 || s.platforms.size > 0 || s.accounts.size > 0) {
    throw new AppError('BAD_INPUT', 'A backup is restored into an empty vault only; merge it into this one instead.');
  }
  for (const p of records.platforms) putPlatform(ctx, p.id, platformData(p));
  for (const a of records.accounts) {
    const { id, ...rest } = a;
    putAccount(ctx, id, { v: 1, kind: 'account', ...rest });
  }
  for (const t of records.tokens) putToken(ctx, t.id, tokenData(ctx, t), { value: t.value, notes: t.notes, history: t.history });
  dropOrphanAccounts(ctx); // a vault's accounts exist through their tokens
  return {
    added: records.tokens.length,
    updated: 0,
    skipped: 0,
    platforms: { added: records.platforms.length, updated: 0, skipped: 0 },
    conflicts: [],
  };
}

// ---- merge ----------------------------------------------------------------------------------

/** One line for the audit log: counts only, never a name or value. */
export function restoreDetail(mode: 'restore' | 'merge', s: MergeSummary, source: string | null): string {
  const from = source ? ` from ${source}` : '';
  if (mode === 'restore') return `restored ${s.added} tokens, ${s.platforms.added} custom platforms${from}`;
  return (
    `merged${from}: tokens ${s.added} added, ${s.updated} updated, ${s.skipped} skipped; ` +
    `custom platforms ${s.platforms.added} added, ${s.platforms.updated} updated, ${s.platforms.skipped} skipped; ` +
    `${s.conflicts.length} conflicts`
  );
}
