/**
 * The vault's token operations: list, search, read a secret (audited), add, edit, remove,
 * import, verify. Inputs are validated here with the shared zod schemas, so the CLI and the app get
 * the same rules and messages.
 */
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { LIMITS } from '../../../shared/domain/limits';
import type { Account, TokenSecret, TokenView } from '../../../shared/domain/token';
import {
  describeZodError,
  newTokenInput,
  tokenPatchInput,
  type NewTokenInput,
} from '../../../shared/domain/token-input';
import { matchesQuery, queryWords, tokenSearchText } from '../../../shared/domain/search';
import { newId, resolveIdPrefix } from './ids';
import { Vault } from './vault';
import {
  deleteRecord,
  dropOrphanAccounts,
  findOrCreateAccount,
  fingerprint,
  openTokenSecret,
  putToken,
  type WriteCtx,
} from './vault-records';
import {
  accountView,
  passesFilter,
  sortKey,
  tokenView,
  type TokenFilter,
} from './token-views';
import type { TokenRec } from './vault-state';
import { resolveCustomPlatform } from './custom-platform-records';
import { paramsOfInput, patchedParams } from './token-params';
import { tokenExpiryOf, withExpiry, withoutReports } from './token-expiry';
import { assertPlatformFits } from './platform-fit';
import { keepOldValue } from './value-history';
import { REPLACED_DETAIL, replaceTargetIn, replaceValue } from './token-replace';

/** Actions that open a secret for the user (`exec`: handed to a command's environment). */
export type SecretAction = 'get' | 'copy' | 'reveal' | 'exec';

/** Result of an import. */
export interface ImportResult {
  /** New tokens written. */
  readonly imported: number;
  /** Items whose value replaced a user's token (one token per user: iObeya). */
  readonly replaced: number;
  readonly skippedDuplicates: number;
}

/** Result of adding one token: the token, and whether it was an existing one given the new value. */
export interface AddResult {
  readonly view: TokenView;
  /** True when the value replaced the one of the user's token (one token per user: iObeya). */
  readonly replaced: boolean;
}

interface ViewCache {
  readonly at: number;
  /** Every token, in storage order. */
  readonly views: readonly TokenView[];
  /** Lower-case searchable text of views[i]. */
  readonly text: readonly string[];
  /** The views in list order, computed on first list (search sorts only its matches). */
  sorted: readonly TokenView[] | null;
}

/** `views` in list order (client, platform, account, name, id). */
function sortViews(views: readonly TokenView[]): TokenView[] {
  const keyed = views.map((view) => ({ key: sortKey(view), view }));
  keyed.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  return keyed.map((k) => k.view);
}

/** Parses `input` with `schema`, or throws BAD_INPUT with the first problem as one line. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, prefix = ''): z.output<S> {
  const r = schema.safeParse(input);
  if (!r.success) throw new AppError('BAD_INPUT', describeZodError(r.error, prefix));
  return r.data;
}

/** Status depends on the clock; cached views are reused within this many milliseconds. */
const VIEW_TTL_MS = 30_000;

/** A vault with token operations (see TokenVault for the platform lifecycle). */
export class TokenStore extends Vault {
  private cache: ViewCache | null = null;

  protected override onStateChanged(): void {
    this.cache = null;
  }

  private views(): ViewCache {
    const state = this.state();
    const now = this.clock.now();
    if (this.cache && Math.abs(now.getTime() - this.cache.at) < VIEW_TTL_MS) return this.cache;
    const views: TokenView[] = [];
    for (const t of state.tokens.values()) {
      const a = state.accounts.get(t.data.accountId);
      const cp = a?.data.customPlatformId;
      if (a) views.push(tokenView(t, a, now, cp === undefined ? undefined : state.platforms.get(cp)));
    }
    this.cache = { at: now.getTime(), views, text: views.map(tokenSearchText), sorted: null };
    return this.cache;
  }

  /** Every token (never a value), sorted by client, platform, account, name. */
  listTokens(filter: TokenFilter = {}): TokenView[] {
    const cache = this.views();
    cache.sorted ??= sortViews(cache.views);
    return cache.sorted.filter((v) => passesFilter(v, filter));
  }

  /** Tokens whose fields contain every word of `query` (case-insensitive). */
  search(query: string, filter: TokenFilter = {}): TokenView[] {
    const words = queryWords(query);
    const { views, text } = this.views();
    const out: TokenView[] = [];
    for (let i = 0; i < views.length; i++) {
      const v = views[i] as TokenView;
      if (matchesQuery(text[i] as string, words) && passesFilter(v, filter)) out.push(v);
    }
    return sortViews(out);
  }

  /** Every account. */
  listAccounts(): Account[] {
    return [...this.state().accounts.values()].map(accountView);
  }

  /** The full id for an id or unique prefix. */
  resolveTokenId(prefix: string): string {
    return resolveIdPrefix(prefix, this.state().tokens.keys());
  }

  /** One token (never its value). */
  getToken(idOrPrefix: string): TokenView {
    const id = this.resolveTokenId(idOrPrefix);
    const view = this.views().views.find((v) => v.id === id);
    if (!view) throw new AppError('NOT_FOUND', `No token with id ${idOrPrefix}.`);
    return view;
  }

  /** A token's notes (part of its secret envelope; not audited as a value read). */
  readNotes(idOrPrefix: string): string {
    const { keys } = this.requireUnlocked();
    const rec = this.tokenRec(this.resolveTokenId(idOrPrefix));
    return this.guard(() => openTokenSecret(this.repo, keys, this.vaultIdBytes, rec).notes);
  }

  /** Opens a token's value for the user, recording `action` in the audit log first. */
  readSecret(idOrPrefix: string, action: SecretAction): TokenSecret {
    const id = this.resolveTokenId(idOrPrefix);
    return this.write(action, id, null, (ctx) => {
      const { value, notes } = openTokenSecret(ctx.repo, ctx.keys, ctx.vaultId, this.recIn(ctx, id));
      return { value, notes };
    });
  }

  /** Adds a token (see addOrReplaceToken: on iObeya it may replace the user's token). */
  addToken(input: z.input<typeof newTokenInput>): TokenView {
    return this.addOrReplaceToken(input).view;
  }

  /**
   * Adds a token; its account is found (same platform, label, client, base URL) or created.
   * On a one-token-per-user platform (iObeya) a new value for a user who holds one live token
   * replaces that token's value instead (token-replace.ts): `replaced` says which happened.
   */
  addOrReplaceToken(input: z.input<typeof newTokenInput>): AddResult {
    const parsed = parseInput(newTokenInput, input);
    assertPlatformFits(parsed.token, parsed.platform, parsed.platformMismatchOk);
    const added = newId();
    const id = this.write(null, null, null, (ctx) => {
      this.rejectDuplicate(ctx, parsed.token);
      const target = replaceTargetIn(ctx, parsed);
      if (target !== null) {
        replaceValue(ctx, target, parsed);
        this.audit(ctx, 'edit', target.id, REPLACED_DETAIL);
        return target.id;
      }
      this.insert(ctx, added, parsed);
      this.audit(ctx, 'create', added, null);
      return added;
    });
    return { view: this.getToken(id), replaced: id !== added };
  }

  /** Changes a token. Absent fields stay; `null` clears optional ones. */
  editToken(idOrPrefix: string, patch: z.input<typeof tokenPatchInput>): TokenView {
    const { platformMismatchOk, ...p } = parseInput(tokenPatchInput, patch);
    const changed = Object.keys(p).filter((k) => (p as Record<string, unknown>)[k] !== undefined);
    if (changed.length === 0) throw new AppError('BAD_INPUT', 'Nothing to change: give at least one field to edit.');
    const id = this.resolveTokenId(idOrPrefix);
    this.write('edit', id, `changed ${changed.map((k) => (k === 'token' ? 'value' : k)).join(', ')}`, (ctx) => {
      const rec = this.recIn(ctx, id);
      const secret = openTokenSecret(ctx.repo, ctx.keys, ctx.vaultId, rec);
      const account = ctx.state.accounts.get(rec.data.accountId);
      if (!account) throw new AppError('VAULT_DAMAGED', 'The vault file is damaged (token without account).');
      const a = account.data;
      const platform = p.platform ?? (a.platform as NewTokenInput['platform']);
      // A token moved off 'custom' loses its custom platform; one named must fit the platform.
      const customPlatformId =
        p.customPlatform !== undefined && p.customPlatform !== null
          ? resolveCustomPlatform(ctx.state, p.customPlatform)
          : p.customPlatform === null || platform !== 'custom'
            ? null
            : (a.customPlatformId ?? null);
      if (customPlatformId !== null && platform !== 'custom') {
        throw new AppError('BAD_INPUT', 'customPlatform: a custom platform can only be given with platform custom');
      }
      const moves = [p.platform, p.account, p.client, p.baseUrl, p.username, p.customPlatform].some((v) => v !== undefined);
      const accountId = moves
        ? findOrCreateAccount(ctx, {
            platform,
            label: p.account ?? a.label,
            client: p.client !== undefined ? p.client : a.client,
            username: p.username !== undefined ? p.username : a.username,
            baseUrl: p.baseUrl !== undefined ? p.baseUrl : a.baseUrl,
            customPlatformId,
          })
        : rec.data.accountId;
      const params = patchedParams(rec.data.params, p, platform);
      if (p.token !== undefined && p.token !== secret.value) this.rejectDuplicate(ctx, p.token);
      const value = p.token ?? secret.value;
      if (p.token !== undefined || p.platform !== undefined) assertPlatformFits(value, platform, platformMismatchOk);
      const { params: _old, reminderDays: oldDays, ...rest } = rec.data;
      const reminderDays = p.reminderDays !== undefined ? (p.reminderDays ?? undefined) : oldDays;
      const newValue = p.token !== undefined && p.token !== secret.value;
      // What platforms said was about the old value: a new value starts unchecked.
      const kept = newValue ? withoutReports(rest) : rest;
      const expiresAt = p.expiresAt !== undefined ? p.expiresAt : rec.data.expiresAt;
      putToken(
        ctx,
        id,
        withExpiry(
          {
            ...kept,
            ...(params ? { params } : {}),
            ...(reminderDays !== undefined ? { reminderDays: [...reminderDays] } : {}),
            accountId,
            name: p.name ?? rec.data.name,
            scopes: p.scopes ?? rec.data.scopes,
            lastCheck: newValue ? null : rec.data.lastCheck,
            fingerprint: fingerprint(ctx.keys, value),
            updatedAt: ctx.now,
          },
          expiresAt,
          // A date typed now replaces any reported one; otherwise a new value may carry its own.
          p.expiresAt !== undefined ? null : newValue ? tokenExpiryOf(value) : rest.reportedExpiry,
        ),
        // Never lose a value: the one typed over goes to the token's history.
        { value, notes: p.notes ?? secret.notes, history: newValue ? keepOldValue(secret, 'edited', ctx.now) : secret.history },
      );
      if (moves) dropOrphanAccounts(ctx);
    });
    return this.getToken(id);
  }

  /** Deletes a token (and its account when no other token uses it). */
  removeToken(idOrPrefix: string): TokenView {
    const view = this.getToken(idOrPrefix);
    this.write('delete', view.id, `deleted "${view.name}" (${view.platform} / ${view.account})`, (ctx) => {
      this.recIn(ctx, view.id);
      deleteRecord(ctx, view.id);
      dropOrphanAccounts(ctx);
    });
    return view;
  }

  /**
   * Imports tokens. The whole list is validated first: one bad item and nothing is written.
   * Then batches are committed one by one, each durable before `onCommitted` reports it, so an
   * interrupted import keeps every batch it acknowledged. Values already in the vault are skipped;
   * an iObeya value for a user who holds a live token replaces that token's value (addOrReplaceToken).
   */
  importTokens(
    items: readonly unknown[],
    opts: { batchSize?: number; onCommitted?: (done: number, total: number) => void } = {},
  ): ImportResult {
    if (!Array.isArray(items)) throw new AppError('BAD_INPUT', 'Import data must be a list of tokens.');
    if (items.length > LIMITS.importMaxItems) {
      throw new AppError('BAD_INPUT', `Import has ${items.length} items; at most ${LIMITS.importMaxItems} at once.`);
    }
    const parsed = items.map((it, i) => parseInput(newTokenInput, it, `item ${i + 1}: `));
    // Refused whole, like any bad item, unless that item says the user accepted it: a file
    // import's preview has already left such rows out with the reason (import/plan.ts).
    parsed.forEach((it, i) => assertPlatformFits(it.token, it.platform, it.platformMismatchOk, `item ${i + 1}: `));
    this.requireUnlocked();
    const batchSize = Math.max(1, opts.batchSize ?? 500);
    let imported = 0;
    let replaced = 0;
    let skipped = 0;
    for (let start = 0; start < parsed.length; start += batchSize) {
      const batch = parsed.slice(start, start + batchSize);
      this.write('import', null, `batch of ${batch.length}`, (ctx) => {
        const seen = this.fingerprints(ctx);
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
            this.audit(ctx, 'edit', target.id, `${REPLACED_DETAIL} (imported)`);
            replaced++;
            continue;
          }
          const id = newId();
          this.insert(ctx, id, input);
          this.audit(ctx, 'create', id, 'imported');
          imported++;
        }
      });
      opts.onCommitted?.(Math.min(start + batch.length, parsed.length), parsed.length);
    }
    return { imported, replaced, skippedDuplicates: skipped };
  }

  /**
   * Opens every envelope (overviews, secrets, audit chain): a full integrity check. Returns
   * counts and a digest of all secret content, so two vaults can be compared for equality
   * without printing a value.
   */
  verifyAll(): { tokens: number; accounts: number; auditEntries: number; secretsDigest: string } {
    const { keys } = this.requireUnlocked();
    return this.guard(() =>
      this.db.transaction(() => {
        const state = this.state();
        const digest = createHash('sha256');
        for (const id of [...state.tokens.keys()].sort()) {
          const s = openTokenSecret(this.repo, keys, this.vaultIdBytes, state.tokens.get(id) as TokenRec);
          digest.update(JSON.stringify([id, s.value, s.notes]));
        }
        const log = this.auditLog();
        return {
          tokens: state.tokens.size,
          accounts: state.accounts.size,
          auditEntries: log.length,
          secretsDigest: digest.digest('hex'),
        };
      })(),
    );
  }

  /**
   * For each value, the id of the token already holding it, or null: an import preview's
   * duplicate check, by keyed fingerprint (no secret is opened).
   */
  findExisting(values: readonly string[]): (string | null)[] {
    const { keys } = this.requireUnlocked();
    const byFingerprint = new Map<string, string>();
    for (const t of this.state().tokens.values()) byFingerprint.set(t.data.fingerprint, t.id);
    return values.map((v) => byFingerprint.get(fingerprint(keys, v.trim())) ?? null);
  }

  /**
   * For each new token, the token whose value it would replace (one token per user: iObeya),
   * or null: an import preview's "replaces" note. Opens only the candidates' secrets (a JWT's
   * subject), writes nothing.
   */
  findReplaced(inputs: readonly z.input<typeof newTokenInput>[]): ({ id: string; name: string } | null)[] {
    const { keys } = this.requireUnlocked();
    const ctx = { state: this.state(), repo: this.repo, keys, vaultId: this.vaultIdBytes };
    return this.guard(() =>
      inputs.map((raw) => {
        const parsed = newTokenInput.safeParse(raw);
        const target = parsed.success ? replaceTargetIn(ctx, parsed.data) : null;
        return target && { id: target.id, name: target.data.name };
      }),
    );
  }

  // ---- helpers ----------------------------------------------------------------------------

  protected recOf(id: string): TokenRec {
    return this.tokenRec(id);
  }

  private tokenRec(id: string): TokenRec {
    const rec = this.state().tokens.get(id);
    if (!rec) throw new AppError('NOT_FOUND', `No token with id ${id}.`);
    return rec;
  }

  protected recIn(ctx: WriteCtx, id: string): TokenRec {
    const rec = ctx.state.tokens.get(id);
    if (!rec) throw new AppError('NOT_FOUND', `No token with id ${id} (it may have just been removed elsewhere).`);
    return rec;
  }

  private fingerprints(ctx: WriteCtx): Set<string> {
    const s = new Set<string>();
    for (const t of ctx.state.tokens.values()) s.add(t.data.fingerprint);
    return s;
  }

  private rejectDuplicate(ctx: WriteCtx, value: string): void {
    const fp = fingerprint(ctx.keys, value);
    for (const t of ctx.state.tokens.values()) {
      if (t.data.fingerprint === fp) {
        throw new AppError('BAD_INPUT', `This token value is already in the vault (token ${t.id.slice(0, 8)}, "${t.data.name}").`);
      }
    }
  }

  private insert(ctx: WriteCtx, id: string, input: NewTokenInput): void {
    const accountId = findOrCreateAccount(ctx, {
      platform: input.platform,
      label: input.account,
      client: input.client ?? null,
      username: input.username ?? null,
      baseUrl: input.baseUrl ?? null,
      customPlatformId: input.platform === 'custom' && input.customPlatform ? resolveCustomPlatform(ctx.state, input.customPlatform) : null,
    });
    const params = paramsOfInput(input);
    const expiresAt = input.expiresAt ?? null;
    putToken(
      ctx,
      id,
      withExpiry(
        {
          v: 1,
          kind: 'token',
          accountId,
          name: input.name,
          scopes: input.scopes ?? [],
          createdAt: ctx.now,
          updatedAt: ctx.now,
          lastCheck: null,
          fingerprint: fingerprint(ctx.keys, input.token),
          ...(params ? { params } : {}),
          ...(input.reminderDays ? { reminderDays: [...input.reminderDays] } : {}),
        },
        expiresAt,
        // No date given: the value's own expiry (a JWT's exp), when it states one.
        expiresAt === null ? tokenExpiryOf(input.token) : null,
      ),
      { value: input.token, notes: input.notes ?? '' },
    );
  }
}
