/**
 * TokenVault: the token store plus what platforms tell about tokens — check results,
 * revocation, rotation with the old value kept (sealed) in the token's history.
 */
import { isExpiry, type ReportedExpiry } from '../../../shared/domain/expiry';
import { isVerdict, type CheckResult } from '../../../shared/domain/status';
import type { TokenView } from '../../../shared/domain/token';
import { scopeList, tokenPatchInput } from '../../../shared/domain/token-input';
import { customPlatformSchema, type CustomPlatform, type CustomPlatformDef, type CustomPlatformInput } from '../../../shared/domain/custom-platform';
import { AppError } from '../../../shared/errors';
import { assertNameFree, customPlatformView, definitionOf, platformUsage, recordOf, resolveCustomPlatform } from './custom-platform-records';
import { newId } from './ids';
import { parseInput, TokenStore } from './token-store';
import { deleteRecord, fingerprint, openTokenSecret, putPlatform, putToken, updateTokenOverview } from './vault-records';
import { withExpiry, withoutReports, type StoredReport } from './token-expiry';
import { historyEntryAt, historyViews, keepOldValue } from './value-history';
import type { HistoryEntry } from './record-codec';
import { historyReasonText, type HistoryEntryView } from '../../../shared/domain/value-history';
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
  /** The instant it stops (with the platform's words), null when the platform says never, undefined when it did not say. */
  readonly expiry?: ReportedExpiry | null | undefined;
  /** When the platform last saw it used (ISO), null = never; undefined when it did not say. */
  readonly lastUsedAt?: string | null | undefined;
}

/**
 * A platform's expiry as stored, or undefined (keep what was there) when it is malformed: what
 * a platform says is checked like user input, never written where it would make the vault
 * unreadable.
 */
function storedReport(e: ReportedExpiry | null | undefined): StoredReport | undefined {
  if (e === undefined) return undefined;
  if (e === null) return { at: null, raw: 'never', source: 'platform' };
  if (!isExpiry(e.at) || e.at.length <= 10 || typeof e.raw !== 'string') return undefined;
  return { at: e.at, raw: e.raw.slice(0, 200), source: 'platform' };
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
        const reported = storedReport(outcome.expiry);
        const lastUsedAt = outcome.lastUsedAt === null || (isExpiry(outcome.lastUsedAt) && outcome.lastUsedAt.length > 10) ? outcome.lastUsedAt : undefined;
        const lastCheck = { at: ctx.now, result, ...(reason ? { reason: reason.slice(0, 500) } : {}), ...(owner ? { owner: owner.slice(0, 200) } : {}) };
        // An `unknown` answer is no verdict: it neither clears nor replaces the last one.
        const verdict = isVerdict(result) ? { at: ctx.now, result } : rec.data.verdict;
        // The stored value still works: a rotation whose answer never came did not happen.
        const { rotation, ...data } = rec.data;
        updateTokenOverview(ctx, rec, {
          ...data,
          lastCheck,
          ...(verdict ? { verdict } : {}),
          ...(rotation && result !== 'active' ? { rotation } : {}),
          ...(reported ? { reportedExpiry: reported } : {}),
          ...(lastUsedAt !== undefined ? { lastUsedAt } : {}),
          scopes: scopes ? [...new Set(scopes)] : rec.data.scopes,
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
  rotateToken(idOrPrefix: string, newValue: string, expiry?: ReportedExpiry | null): TokenView {
    const id = this.resolveTokenId(idOrPrefix);
    const value = parseInput(tokenPatchInput, { token: newValue }).token as string;
    const reported = storedReport(expiry);
    this.write('rotate', id, reported?.at ? `new expiry ${reported.raw}` : null, (ctx) => {
      const rec = this.recIn(ctx, id);
      const old = openTokenSecret(ctx.repo, ctx.keys, ctx.vaultId, rec);
      const history = keepOldValue(old, 'rotated', ctx.now);
      const data = {
        ...withoutReports(rec.data),
        fingerprint: fingerprint(ctx.keys, value),
        lastCheck: { at: ctx.now, result: 'active' as const, reason: 'rotated' },
        verdict: { at: ctx.now, result: 'active' as const },
        updatedAt: ctx.now,
      };
      // The new value's expiry as the platform reported it; else the old one still stands.
      putToken(ctx, id, withExpiry(data, rec.data.expiresAt, reported ?? rec.data.reportedExpiry), { value, notes: old.notes, history });
    });
    return this.getToken(id);
  }

  /**
   * Marks a token whose rotation was sent but never answered (timeout, cut connection): the
   * platform may have rotated it, so the stored value may be dead and the new one unknown.
   * Shown until a check says the stored value still works, or a rotation or new value lands.
   */
  markRotationUnconfirmed(idOrPrefix: string, reason: string): TokenView {
    const id = this.resolveTokenId(idOrPrefix);
    this.write('rotate', id, `unconfirmed: ${reason}`.slice(0, 300), (ctx) => {
      const rec = this.recIn(ctx, id);
      updateTokenOverview(ctx, rec, { ...rec.data, rotation: { state: 'unconfirmed', at: ctx.now, reason: reason.slice(0, 500) } });
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

  /**
   * When and why each earlier value of a token was kept, oldest first. No value leaves, so it
   * is not audited (like the notes, it is opened from the secret envelope).
   */
  valueHistory(idOrPrefix: string): HistoryEntryView[] {
    const { keys } = this.requireUnlocked();
    const rec = this.recOf(this.resolveTokenId(idOrPrefix));
    return this.guard(() => historyViews(openTokenSecret(this.repo, keys, this.vaultIdBytes, rec).history));
  }

  /** Every earlier value of a token with its date and reason, oldest first (audited as a reveal). */
  readHistory(idOrPrefix: string): readonly HistoryEntry[] {
    const id = this.resolveTokenId(idOrPrefix);
    return this.write(null, null, null, (ctx) => {
      const history = openTokenSecret(ctx.repo, ctx.keys, ctx.vaultId, this.recIn(ctx, id)).history ?? [];
      this.audit(ctx, 'reveal', id, `history: ${history.length} earlier value${history.length === 1 ? '' : 's'}`);
      return history;
    });
  }

  /**
   * One earlier value (entry `index`, oldest first), for the app's reveal: audited as a reveal
   * naming the entry. `at`, the date the user saw listed, guards against a history that changed
   * meanwhile (value-history.ts).
   */
  revealHistoryEntry(idOrPrefix: string, index: number, at?: string): HistoryEntry {
    const id = this.resolveTokenId(idOrPrefix);
    return this.write(null, null, null, (ctx) => {
      const entry = historyEntryAt(openTokenSecret(ctx.repo, ctx.keys, ctx.vaultId, this.recIn(ctx, id)).history, index, at);
      this.audit(ctx, 'reveal', id, `earlier value ${index + 1} (${historyReasonText(entry.reason ?? null)}, kept ${entry.rotatedAt})`);
      return entry;
    });
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
