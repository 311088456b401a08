/**
 * TokenVault: the token store plus what platforms tell about tokens — check results,
 * revocation, rotation with the old value kept (sealed) in the token's history.
 */
import type { CheckResult } from '../../../shared/domain/status';
import type { TokenView } from '../../../shared/domain/token';
import { isoDate, scopeList, tokenPatchInput } from '../../../shared/domain/token-input';
import { customPlatformSchema, type CustomPlatform, type CustomPlatformDef, type CustomPlatformInput } from '../../../shared/domain/custom-platform';
import { AppError } from '../../../shared/errors';
import { assertNameFree, customPlatformView, definitionOf, platformUsage, recordOf, resolveCustomPlatform } from './custom-platform-records';
import { newId } from './ids';
import { parseInput, TokenStore } from './token-store';
import { deleteRecord, fingerprint, openTokenSecret, putPlatform, putToken, updateTokenOverview } from './vault-records';
import { applyMerge, planMerge } from './backup-merge';
import {
  exportRecords,
  portableRecords,
  restoreDetail,
  restoreRecords,
  type MergeSummary,
  type PortableRecords,
} from './backup-records';

export type { ImportResult, SecretAction } from './token-store';
export type { MergeConflict, MergeSummary, PortableRecords } from './backup-records';

/** What a platform check reports, as stored. */
export interface CheckRecord {
  readonly result: CheckResult;
  readonly reason?: string | undefined;
  readonly owner?: string | undefined;
  readonly scopes?: readonly string[] | undefined;
  /** YYYY-MM-DD, null when the platform says it never expires, undefined when it did not say. */
  readonly expiresAt?: string | null | undefined;
}

/** The vault with every token operation. Use `TokenVault.create` / `TokenVault.open`. */
export class TokenVault extends TokenStore {
  /** Stores what a platform check learned: result, and scopes/expiry/owner when it told them. */
  recordCheck(idOrPrefix: string, outcome: CheckRecord): TokenView {
    return this.recordChecks([{ id: this.resolveTokenId(idOrPrefix), outcome }])[0] as TokenView;
  }

  /**
   * Stores several check results in one transaction (check-all: one durable write per batch,
   * not per token), with one audit entry per token.
   */
  recordChecks(results: readonly { readonly id: string; readonly outcome: CheckRecord }[]): TokenView[] {
    const ids = results.map((r) => this.resolveTokenId(r.id));
    this.write(null, null, null, (ctx) => {
      results.forEach(({ outcome }, i) => {
        const id = ids[i] as string;
        const rec = this.recIn(ctx, id);
        const { result, reason, owner } = outcome;
        // What a platform says is checked like user input: a malformed date or scope list is
        // ignored (the old value stays), never written where it would make the vault unreadable.
        const scopes = outcome.scopes && scopeList.safeParse([...outcome.scopes]).data;
        const expiresAt = outcome.expiresAt === null || isoDate.safeParse(outcome.expiresAt).success ? outcome.expiresAt : undefined;
        const lastCheck = { at: ctx.now, result, ...(reason ? { reason: reason.slice(0, 500) } : {}), ...(owner ? { owner: owner.slice(0, 200) } : {}) };
        updateTokenOverview(ctx, rec, {
          ...rec.data,
          lastCheck,
          scopes: scopes ? [...new Set(scopes)] : rec.data.scopes,
          expiresAt: expiresAt !== undefined ? expiresAt : rec.data.expiresAt,
        });
        this.audit(ctx, 'check', id, result + (reason ? ` (${reason})` : ''));
      });
    });
    return ids.map((id) => this.getToken(id));
  }

  /** Marks a token revoked: through the platform's API, or by the user after a guided revoke. */
  markRevoked(idOrPrefix: string, how: 'api' | 'guided'): TokenView {
    const reason = how === 'api' ? 'revoked through the platform API' : 'revoked on the platform by you';
    return this.recordCheck(idOrPrefix, { result: 'revoked', reason });
  }

  /**
   * Replaces a token's value after the platform rotated it, in one transaction: the new value
   * becomes current, the old one is kept (sealed) in the token's history, marked as rotated.
   */
  rotateToken(idOrPrefix: string, newValue: string, expiresAt?: string | null): TokenView {
    const id = this.resolveTokenId(idOrPrefix);
    const value = parseInput(tokenPatchInput, { token: newValue }).token as string;
    this.write('rotate', id, expiresAt ? `new expiry ${expiresAt}` : null, (ctx) => {
      const rec = this.recIn(ctx, id);
      const old = openTokenSecret(ctx.repo, ctx.keys, ctx.vaultId, rec);
      const history = [...(old.history ?? []), { value: old.value, rotatedAt: ctx.now }];
      const data = {
        ...rec.data,
        fingerprint: fingerprint(ctx.keys, value),
        expiresAt: expiresAt !== undefined ? expiresAt : rec.data.expiresAt,
        lastCheck: { at: ctx.now, result: 'active' as const, reason: 'rotated' },
        updatedAt: ctx.now,
      };
      putToken(ctx, id, data, { value, notes: old.notes, history });
    });
    return this.getToken(id);
  }

  /**
   * A token's value for a platform call (check, revoke, rotate). Not audited here: the caller
   * records the outcome with recordCheck / markRevoked / rotateToken, which are.
   */
  readValueForPlatform(idOrPrefix: string): string {
    const id = this.resolveTokenId(idOrPrefix);
    return this.guard(() => openTokenSecret(this.repo, this.requireUnlocked().keys, this.vaultIdBytes, this.recOf(id)).value);
  }

  /** Values a token had before its rotations, oldest first (audited as a reveal). */
  readHistory(idOrPrefix: string): readonly { value: string; rotatedAt: string }[] {
    const id = this.resolveTokenId(idOrPrefix);
    return this.write('reveal', id, 'history', (ctx) => openTokenSecret(ctx.repo, ctx.keys, ctx.vaultId, this.recIn(ctx, id)).history ?? []);
  }

  // ---- user-defined platforms -------------------------------------------------------------

  /** Every custom platform, by name, with how many tokens use it. */
  listCustomPlatforms(): CustomPlatform[] {
    const state = this.state();
    const usage = platformUsage(state);
    return [...state.platforms.values()]
      .map((p) => customPlatformView(p, usage.get(p.id) ?? 0))
      .sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }));
  }

  /** One custom platform by id or name. */
  getCustomPlatform(ref: string): CustomPlatform {
    const state = this.state();
    const rec = state.platforms.get(resolveCustomPlatform(state, ref));
    if (!rec) throw new AppError('NOT_FOUND', `No custom platform named "${ref}".`);
    return customPlatformView(rec, platformUsage(state).get(rec.id) ?? 0);
  }

  /** The stored definition of a custom platform (for building its connector). */
  customPlatformDef(id: string): CustomPlatformDef {
    const rec = this.state().platforms.get(id);
    if (!rec) throw new AppError('NOT_FOUND', 'That custom platform no longer exists.');
    return definitionOf(rec.data);
  }

  /** Defines a custom platform; its name must be new. */
  addCustomPlatform(input: CustomPlatformInput): CustomPlatform {
    const def = parseInput(customPlatformSchema, input);
    const id = newId();
    this.write('platform-add', null, `custom platform "${def.name}"`, (ctx) => {
      assertNameFree(ctx.state, def.name, null);
      putPlatform(ctx, id, recordOf(def, ctx.now, ctx.now));
    });
    return this.getCustomPlatform(id);
  }

  /** Replaces a custom platform's definition (its tokens follow: they refer to it by id). */
  updateCustomPlatform(ref: string, input: CustomPlatformInput): CustomPlatform {
    const def = parseInput(customPlatformSchema, input);
    const id = resolveCustomPlatform(this.state(), ref);
    this.write('platform-edit', null, `custom platform "${def.name}"`, (ctx) => {
      const rec = ctx.state.platforms.get(id);
      if (!rec) throw new AppError('NOT_FOUND', 'That custom platform was just removed elsewhere.');
      assertNameFree(ctx.state, def.name, id);
      putPlatform(ctx, id, recordOf(def, rec.data.createdAt, ctx.now));
    });
    return this.getCustomPlatform(id);
  }

  /** Removes a custom platform no token uses. */
  removeCustomPlatform(ref: string): CustomPlatform {
    const view = this.getCustomPlatform(ref);
    this.write('platform-remove', null, `custom platform "${view.name}"`, (ctx) => {
      const used = platformUsage(ctx.state).get(view.id) ?? 0;
      if (used > 0) {
        throw new AppError(
          'BAD_INPUT',
          `Custom platform "${view.name}" is used by ${used} token${used === 1 ? '' : 's'}: move or delete ${used === 1 ? 'it' : 'them'} first.`,
        );
      }
      // Accounts without tokens are dropped with their last token, so none refers to it now.
      deleteRecord(ctx, view.id);
    });
    return view;
  }

  // ---- backup and restore (electron/core/backup) ----------------------------------------

  /** Every record with its value, notes and history, for a backup; audited once as 'backup'. */
  exportForBackup(): PortableRecords {
    return this.write(null, null, null, (ctx) => {
      const records = exportRecords(ctx);
      this.audit(ctx, 'backup', null, `${records.tokens.length} tokens, ${records.platforms.length} custom platforms`);
      return records;
    });
  }

  /**
   * Writes a backup's records in one transaction, audited once as 'restore': 'restore' into
   * this empty vault exactly as they are (ids, dates, history); 'merge' by the rule in
   * backup-merge.ts; 'preview' decides the same merge and writes nothing. `source` names
   * the backup in the audit entry (a vault id and date, never content).
   */
  applyBackup(records: PortableRecords, mode: 'restore' | 'merge' | 'preview', source: string | null = null): MergeSummary {
    const checked = parseInput(portableRecords, records, 'backup: ');
    if (mode === 'preview') {
      const { keys } = this.requireUnlocked();
      const now = this.clock.now().toISOString();
      return this.guard(() =>
        this.db.transaction(() => planMerge({ repo: this.repo, keys, vaultId: this.vaultIdBytes, state: this.state(), now }, checked).summary)(),
      );
    }
    return this.write(null, null, null, (ctx) => {
      const summary = mode === 'restore' ? restoreRecords(ctx, checked) : applyMerge(ctx, planMerge(ctx, checked));
      this.audit(ctx, 'restore', null, restoreDetail(mode, summary, source));
      return summary;
    });
  }
}
