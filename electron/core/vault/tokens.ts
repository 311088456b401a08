/**
 * `vault.tokens`: list, search, read a secret (audited), add, edit, remove, import. Inputs are
 * validated here with the shared zod schemas, so the CLI and the app get the same rules and
 * messages. A module over the kernel: the record changes are in token-writes.ts, the views
 * in token-list.ts, batches in token-import.ts.
 */
import type { z } from 'zod';
import { AppError } from '../../../shared/errors';
import type { Account, TokenSecret, TokenView } from '../../../shared/domain/token';
import { newTokenInput, tokenPatchInput } from '../../../shared/domain/token-input';
import { newId } from './ids';
import type { VaultKernel } from './kernel';
import { parseInput } from './parse-input';
import { assertPlatformFits } from './platform-fit';
import { importTokens, type ImportOptions, type ImportResult } from './token-import';
import { TokenList } from './token-list';
import { REPLACED_DETAIL, replaceTargetIn, replaceValue } from './token-replace';
import type { TokenFilter } from './token-views';
import { editTokenIn, insertToken, rejectDuplicate } from './token-writes';
import { deleteRecord, dropOrphanAccounts, fingerprint, secretIn, tokenIn } from './vault-records';

/** Actions that open a secret for the user (`exec`: handed to a command's environment). */
export type SecretAction = 'get' | 'copy' | 'reveal' | 'exec';

/** Result of adding one token: the token, and whether it was an existing one given the new value. */
export interface AddResult {
  readonly view: TokenView;
  /** True when the value replaced the one of the user's token (one token per user: iObeya). */
  readonly replaced: boolean;
}

/** `vault.tokens`. */
export class Tokens {
  private readonly views: TokenList;

  constructor(private readonly kernel: VaultKernel) {
    this.views = new TokenList(kernel);
  }

  /** Every token (never a value), sorted by client, platform, account, name. */
  list(filter: TokenFilter = {}): TokenView[] {
    return this.views.list(filter);
  }

  /** Tokens whose fields contain every word of `query` (case-insensitive). */
  search(query: string, filter: TokenFilter = {}): TokenView[] {
    return this.views.search(query, filter);
  }

  /** Every account. */
  accounts(): Account[] {
    return this.views.accounts();
  }

  /** The full id for an id or unique prefix. */
  resolveId(prefix: string): string {
    return this.views.resolveId(prefix);
  }

  /** One token (never its value). */
  get(idOrPrefix: string): TokenView {
    return this.views.get(idOrPrefix);
  }

  /** A token's notes (part of its secret envelope; not audited as a value read). */
  notes(idOrPrefix: string): string {
    const id = this.resolveId(idOrPrefix);
    return this.kernel.read((ctx) => secretIn(ctx, tokenIn(ctx, id)).notes);
  }

  /** Opens a token's value for the user, recording `action` in the audit log. */
  readSecret(idOrPrefix: string, action: SecretAction): TokenSecret {
    const id = this.resolveId(idOrPrefix);
    return this.kernel.write({ audit: { action, tokenId: id } }, (ctx) => {
      const { value, notes } = secretIn(ctx, tokenIn(ctx, id));
      return { value, notes };
    });
  }

  /** Adds a token (see addOrReplace: on iObeya it may replace the user's token). */
  add(input: z.input<typeof newTokenInput>): TokenView {
    return this.addOrReplace(input).view;
  }

  /**
   * Adds a token; its account is found (same platform, label, client, base URL) or created.
   * On a one-token-per-user platform (iObeya) a new value for a user who holds one live token
   * replaces that token's value instead (token-replace.ts): `replaced` says which happened.
   */
  addOrReplace(input: z.input<typeof newTokenInput>): AddResult {
    const parsed = parseInput(newTokenInput, input);
    assertPlatformFits(parsed.token, parsed.platform, parsed.platformMismatchOk);
    const added = newId();
    const id = this.kernel.write({}, (ctx) => {
      rejectDuplicate(ctx, parsed.token);
      const target = replaceTargetIn(ctx, parsed);
      if (target !== null) {
        replaceValue(ctx, target, parsed);
        this.kernel.audit(ctx, { action: 'edit', tokenId: target.id, detail: REPLACED_DETAIL });
        return target.id;
      }
      insertToken(ctx, added, parsed);
      this.kernel.audit(ctx, { action: 'create', tokenId: added });
      return added;
    });
    if (id !== added) this.kernel.scrub();
    return { view: this.get(id), replaced: id !== added };
  }

  /** Changes a token. Absent fields stay; `null` clears optional ones. */
  edit(idOrPrefix: string, patch: z.input<typeof tokenPatchInput>): TokenView {
    const { platformMismatchOk, ...p } = parseInput(tokenPatchInput, patch);
    const changed = Object.keys(p).filter((k) => (p as Record<string, unknown>)[k] !== undefined);
    if (changed.length === 0) throw new AppError('BAD_INPUT', 'Nothing to change: give at least one field to edit.');
    const id = this.resolveId(idOrPrefix);
    const detail = `changed ${changed.map((k) => (k === 'token' ? 'value' : k)).join(', ')}`;
    this.kernel.write({ audit: { action: 'edit', tokenId: id, detail } }, (ctx) => editTokenIn(ctx, id, p, platformMismatchOk));
    // The secret was re-sealed with a new value or notes: leave no copy of the old one behind.
    if (p.token !== undefined || p.notes !== undefined) this.kernel.scrub();
    return this.get(id);
  }

  /** Deletes a token (and its account when no other token uses it). */
  remove(idOrPrefix: string): TokenView {
    const view = this.get(idOrPrefix);
    this.kernel.write({ audit: { action: 'delete', tokenId: view.id, detail: `deleted "${view.name}" (${view.platform} / ${view.account})` } }, (ctx) => {
      tokenIn(ctx, view.id);
      deleteRecord(ctx, view.id);
      dropOrphanAccounts(ctx);
    });
    this.kernel.scrub();
    return view;
  }

  /** Imports tokens (token-import.ts): all checked first, then written batch by batch. */
  import(items: readonly unknown[], opts: ImportOptions = {}): ImportResult {
    return importTokens(this.kernel, items, opts);
  }

  /**
   * For each value, the id of the token already holding it, or null: an import preview's
   * duplicate check, by keyed fingerprint (no secret is opened).
   */
  findExisting(values: readonly string[]): (string | null)[] {
    const keys = this.kernel.keys();
    const byFingerprint = new Map<string, string>();
    for (const t of this.kernel.state().tokens.values()) byFingerprint.set(t.data.fingerprint, t.id);
    return values.map((v) => byFingerprint.get(fingerprint(keys, v.trim())) ?? null);
  }

  /**
   * For each new token, the token whose value it would replace (one token per user: iObeya),
   * or null: an import preview's "replaces" note. Opens only the candidates' secrets (a JWT's
   * subject), writes nothing.
   */
  findReplaced(inputs: readonly z.input<typeof newTokenInput>[]): ({ id: string; name: string } | null)[] {
    return this.kernel.read((ctx) =>
      inputs.map((raw) => {
        const parsed = newTokenInput.safeParse(raw);
        const target = parsed.success ? replaceTargetIn(ctx, parsed.data) : null;
        return target && { id: target.id, name: target.data.name };
      }),
    );
  }
}
