/**
 * The two sides of a merge in comparable form: a token as the vault holds it and as the
 * backup holds it (account, fields, value, notes, history), and the small rules the plan
 * compares them by (merge-plan.ts).
 */
import { AppError } from '../../../shared/errors';
import type { PlatformId } from '../../../shared/domain/platform-ids';
import type { PlatformOverviewData, TokenOverviewData } from '../vault/record-codec';
import { openTokenSecret, type AccountSpec, type ReadCtx, type StoredSecret } from '../vault/vault-records';
import type { TokenRec } from '../vault/vault-state';
import { type MergeSummary, type PortableAccount, type PortablePlatform, type PortableToken } from './records';

export type History = NonNullable<StoredSecret['history']>[number];

/** One side of a token in a merge, in comparable form. */
export interface TokenImage {
  readonly id: string;
  readonly account: Required<AccountSpec> & { readonly customPlatformId: string | null };
  /** Overview fields without id, account and fingerprint. */
  readonly fields: Omit<TokenOverviewData, 'v' | 'kind' | 'accountId' | 'fingerprint'>;
  readonly value: string;
  readonly notes: string;
  readonly history: readonly History[];
}

/** A token the merge writes. */
export interface TokenWrite {
  readonly id: string;
  readonly image: TokenImage;
}

/** What a merge writes, and its summary. Computed without writing; applied by applyMerge. */
export interface MergePlan {
  readonly summary: MergeSummary;
  readonly platforms: readonly { readonly id: string; readonly data: PlatformOverviewData }[];
  readonly tokens: readonly TokenWrite[];
}

/** True when ISO-like timestamp `a` is later than `b` (dates compared as instants when they parse). */
export function later(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return a !== undefined;
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  return Number.isFinite(ta) && Number.isFinite(tb) ? ta > tb : a > b;
}

/** JSON with object keys sorted, so equal records compare equal whatever their key order. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : v,
  );
}

/** Both histories, each entry once, oldest first (the order of rotation). */
export function mergeHistories(a: readonly History[], b: readonly History[]): History[] {
  const seen = new Set<string>();
  const out: History[] = [];
  for (const h of [...a, ...b]) {
    const key = JSON.stringify([h.value, h.rotatedAt]);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ value: h.value, rotatedAt: h.rotatedAt, ...(h.reason !== undefined ? { reason: h.reason } : {}) });
  }
  // Stable: entries with equal dates keep the vault's order first.
  return out.sort((x, y) => (later(x.rotatedAt, y.rotatedAt) ? 1 : later(y.rotatedAt, x.rotatedAt) ? -1 : 0));
}

/** What differs between two copies apart from dates, check results and history: a conflict. */
export function content(t: TokenImage): string {
  const { createdAt: _c, updatedAt: _u, lastCheck: _l, ...fields } = t.fields;
  return canonical({ account: t.account, fields, value: t.value, notes: t.notes });
}

/** A token's account in comparable form, with its custom platform id as this vault knows it. */
export function accountOf(
  a: { readonly platform: string; readonly label: string; readonly client: string | null; readonly username: string | null; readonly baseUrl: string | null },
  customPlatformId: string | null,
): TokenImage['account'] {
  return { platform: a.platform as PlatformId, label: a.label, client: a.client, username: a.username, baseUrl: a.baseUrl, customPlatformId };
}

/** A vault token as an image (its secret opened). */
export function vaultImage(ctx: ReadCtx, rec: TokenRec): TokenImage {
  const account = ctx.state.accounts.get(rec.data.accountId);
  if (!account) throw new AppError('VAULT_DAMAGED', 'The vault file is damaged (token without account).');
  const a = account.data;
  const { v: _v, kind: _k, accountId: _a, fingerprint: _f, ...fields } = rec.data;
  const secret = openTokenSecret(ctx.repo, ctx.keys, ctx.vaultId, rec);
  return {
    id: rec.id,
    account: accountOf(a, a.customPlatformId ?? null),
    fields,
    value: secret.value,
    notes: secret.notes,
    history: secret.history ?? [],
  };
}

/** A backup token as an image, its custom platform mapped to the vault's. */
export function backupImage(t: PortableToken, accounts: ReadonlyMap<string, PortableAccount>, platformMap: ReadonlyMap<string, string>): TokenImage {
  const a = accounts.get(t.accountId) as PortableAccount; // links checked by the schema
  const { id, accountId: _a, value, notes, history, ...fields } = t;
  return {
    id,
    account: accountOf(a, a.customPlatformId === undefined ? null : (platformMap.get(a.customPlatformId) ?? null)),
    fields,
    value,
    notes,
    history,
  };
}

/** A platform's definition without id, tags and dates: what a conflict is about. */
export function platformDefinition(d: PortablePlatform | PlatformOverviewData): string {
  const { createdAt: _c, updatedAt: _u, v: _v, kind: _k, id: _i, ...def } = d as Partial<PortablePlatform & PlatformOverviewData>;
  return canonical(def);
}
