/**
 * `vault.results`: what platforms tell about tokens — check results, revocation, rotation with
 * the old value kept (sealed) in the token's history — and reading that history back. A module
 * over the kernel; each change is one write with its audit entries.
 */
import { isExpiry, type ReportedExpiry } from '../../../shared/domain/expiry';
import { isVerdict, type CheckResult } from '../../../shared/domain/status';
import type { TokenView } from '../../../shared/domain/token';
import { scopeList, tokenPatchInput } from '../../../shared/domain/token-input';
import { historyReasonText, type HistoryEntryView } from '../../../shared/domain/value-history';
import type { VaultKernel } from './kernel';
import { parseInput } from './parse-input';
import type { HistoryEntry } from './record-codec';
import { withExpiry, withoutReports, type StoredReport } from './token-expiry';
import type { Tokens } from './tokens';
import { historyEntryAt, historyViews, keepOldValue } from './value-history';
import { fingerprint, putToken, secretIn, tokenIn, updateTokenOverview, type WriteCtx } from './vault-records';

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

/** Writes one check outcome onto token `id` inside a write. */
function applyCheck(ctx: WriteCtx, id: string, outcome: CheckRecord): void {
  const rec = tokenIn(ctx, id);
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
}

/** `vault.results`. */
export class PlatformResults {
  constructor(
    private readonly kernel: VaultKernel,
    private readonly tokens: Tokens,
  ) {}

  /** Stores what a platform check learned: result, and scopes/expiry/owner when it told them. */
  recordCheck(idOrPrefix: string, outcome: CheckRecord): TokenView {
    return this.recordChecks([{ id: this.tokens.resolveId(idOrPrefix), outcome }])[0] as TokenView;
  }

  /**
   * Stores several check results in one transaction (check-all: one durable write per batch,
   * not per token), with one audit entry per token.
   */
  recordChecks(results: readonly { readonly id: string; readonly outcome: CheckRecord }[]): TokenView[] {
    const ids = results.map((r) => this.tokens.resolveId(r.id));
    this.kernel.write({}, (ctx) => {
      results.forEach(({ outcome }, i) => {
        const id = ids[i] as string;
        applyCheck(ctx, id, outcome);
        this.kernel.audit(ctx, { action: 'check', tokenId: id, detail: outcome.result + (outcome.reason ? ` (${outcome.reason})` : '') });
      });
    });
    return ids.map((id) => this.tokens.get(id));
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
  rotate(idOrPrefix: string, newValue: string, expiry?: ReportedExpiry | null): TokenView {
    const id = this.tokens.resolveId(idOrPrefix);
    const value = parseInput(tokenPatchInput, { token: newValue }).token as string;
    const reported = storedReport(expiry);
    this.kernel.write({ audit: { action: 'rotate', tokenId: id, detail: reported?.at ? `new expiry ${reported.raw}` : null } }, (ctx) => {
      const rec = tokenIn(ctx, id);
      const old = secretIn(ctx, rec);
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
    this.kernel.scrub();
    return this.tokens.get(id);
  }

  /**
   * Marks a token whose rotation was sent but never answered (timeout, cut connection): the
   * platform may have rotated it, so the stored value may be dead and the new one unknown.
   * Shown until a check says the stored value still works, or a rotation or new value lands.
   */
  markRotationUnconfirmed(idOrPrefix: string, reason: string): TokenView {
    const id = this.tokens.resolveId(idOrPrefix);
    this.kernel.write({ audit: { action: 'rotate', tokenId: id, detail: `unconfirmed: ${reason}`.slice(0, 300) } }, (ctx) => {
      const rec = tokenIn(ctx, id);
      updateTokenOverview(ctx, rec, { ...rec.data, rotation: { state: 'unconfirmed', at: ctx.now, reason: reason.slice(0, 500) } });
    });
    return this.tokens.get(id);
  }

  /**
   * A token's value for a platform call (check, revoke, rotate). Not audited here: the caller
   * records the outcome with recordCheck / markRevoked / rotate, which are.
   */
  valueForPlatform(idOrPrefix: string): string {
    const id = this.tokens.resolveId(idOrPrefix);
    return this.kernel.read((ctx) => secretIn(ctx, tokenIn(ctx, id)).value);
  }

  /**
   * When and why each earlier value of a token was kept, oldest first. No value leaves, so it
   * is not audited (like the notes, it is opened from the secret envelope).
   */
  valueHistory(idOrPrefix: string): HistoryEntryView[] {
    const id = this.tokens.resolveId(idOrPrefix);
    return this.kernel.read((ctx) => historyViews(secretIn(ctx, tokenIn(ctx, id)).history));
  }

  /** Every earlier value of a token with its date and reason, oldest first (audited as a reveal). */
  readHistory(idOrPrefix: string): readonly HistoryEntry[] {
    const id = this.tokens.resolveId(idOrPrefix);
    return this.kernel.write({}, (ctx) => {
      const history = secretIn(ctx, tokenIn(ctx, id)).history ?? [];
      this.kernel.audit(ctx, { action: 'reveal', tokenId: id, detail: `history: ${history.length} earlier value${history.length === 1 ? '' : 's'}` });
      return history;
    });
  }

  /**
   * One earlier value (entry `index`, oldest first), for the app's reveal: audited as a reveal
   * naming the entry. `at`, the date the user saw listed, guards against a history that changed
   * meanwhile (value-history.ts).
   */
  revealHistoryEntry(idOrPrefix: string, index: number, at?: string): HistoryEntry {
    const id = this.tokens.resolveId(idOrPrefix);
    return this.kernel.write({}, (ctx) => {
      const entry = historyEntryAt(secretIn(ctx, tokenIn(ctx, id)).history, index, at);
      this.kernel.audit(ctx, { action: 'reveal', tokenId: id, detail: `earlier value ${index + 1} (${historyReasonText(entry.reason ?? null)}, kept ${entry.rotatedAt})` });
      return entry;
    });
  }
}
