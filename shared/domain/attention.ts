/**
 * The needs-attention list: which tokens want something from the user, why, and the one thing
 * to do next. Pure, and built on computeStatus, so the list, the tray badge, the CLI and the
 * status column never disagree about a token.
 */
import { z } from 'zod';
import { AppError } from '../errors';
import { EXPIRING_WITHIN_DAYS, computeStatus, daysUntil, isKnownTimeZone } from './status';
import type { TokenView } from './token';
import { describeZodError } from './token-input';

/**
 * Why a token needs attention, most urgent first; the list is sorted in this order.
 *  1. expired        — it no longer works (by date, or the platform said so).
 *  2. invalid        — the platform rejected it at the last check: something using it is failing now.
 *  3. expiring       — it stops working within the window; soonest first.
 *  4. revoked        — dead on purpose; only a leftover record to clean up, so below what is about to break.
 *  5. never-checked  — we have no idea whether it works.
 *  6. stale-check    — it worked, but not recently enough to trust.
 */
export const ATTENTION_REASONS = ['expired', 'invalid', 'expiring', 'revoked', 'never-checked', 'stale-check'] as const;

/** One reason. */
export type AttentionReason = (typeof ATTENTION_REASONS)[number];

/**
 * The next action the UI offers. `revoke` is for the UI's own use (e.g. a bulk clean-up);
 * needsAttention never proposes it: no reason here describes a token that still works and
 * should be killed.
 */
export type AttentionAction = 'renew' | 'check' | 'revoke' | 'remove';

/** One token that needs attention, with its single most urgent reason. */
export interface AttentionItem {
  readonly tokenId: string;
  readonly reason: AttentionReason;
  /** Days to the expiry date (0 = expires today, negative = past), null without one. */
  readonly daysLeft: number | null;
  /** One human line, e.g. "expires in 3 days (2026-12-01)". */
  readonly detail: string;
  readonly action: AttentionAction;
}

/** Tuning: the windows in whole days, and the zone whose calendar days count. */
export interface AttentionOptions {
  /** An expiry this close (or closer) counts as expiring. Default 7, as the status column. */
  readonly expiringWithinDays?: number;
  /** A last check this old (or older) counts as stale. Default 30. */
  readonly staleAfterDays?: number;
  /** IANA zone whose calendar days expiry is counted in (as the status column). Default: the system's. */
  readonly timeZone?: string;
}

/** Default age after which a successful check no longer counts. */
export const STALE_CHECK_DAYS = 30;

const attentionOptionsSchema = z
  .object({
    expiringWithinDays: z.number().int().min(0).max(3650).optional(),
    staleAfterDays: z.number().int().min(1).max(3650).optional(),
    timeZone: z.string().refine(isKnownTimeZone, { message: 'unknown time zone' }).optional(),
  })
  .strict();

/** What needsAttention reads of a token: any TokenView will do. */
export type AttentionInput = Pick<TokenView, 'id' | 'name' | 'expiresAt' | 'lastCheck'>;

/**
 * The next action per reason. A revoked token gets `remove`: in this app "revoked" is what the
 * revoke action records, so the user killed it on purpose; had they still needed access they
 * would have rotated instead (rotate = new token, same record). What is left is a record of a
 * dead token, and removing it is the clean-up. (An unexpected rejection shows as `invalid`,
 * which gets `renew`.)
 */
const ACTION: Readonly<Record<AttentionReason, AttentionAction>> = {
  expired: 'renew',
  invalid: 'renew',
  expiring: 'renew',
  revoked: 'remove',
  'never-checked': 'check',
  'stale-check': 'check',
};

const DAY_MS = 86_400_000;
const RANK = new Map<AttentionReason, number>(ATTENTION_REASONS.map((r, i) => [r, i]));
// Fixed locale: the same order in the app, the CLI and the tests, whatever the machine's locale.
const byName = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/**
 * Tokens that need attention, one item each, most urgent first: by reason (ATTENTION_REASONS),
 * then within a reason — expired: most recently expired first (the one something still relies
 * on); expiring: soonest first; stale: longest unchecked first — then by name, then id.
 * Throws AppError BAD_INPUT for options that are not whole days.
 */
export function needsAttention(
  views: readonly AttentionInput[],
  now: Date,
  opts: AttentionOptions = {},
): AttentionItem[] {
  const o = parseOptions(opts);
  const found: { item: AttentionItem; name: string; order: number }[] = [];
  for (const v of views) {
    const hit = classify(v, now, o);
    if (hit) found.push({ ...hit, name: v.name });
  }
  found.sort(
    (a, b) =>
      RANK.get(a.item.reason)! - RANK.get(b.item.reason)! ||
      a.order - b.order ||
      byName.compare(a.name, b.name) ||
      (a.item.tokenId < b.item.tokenId ? -1 : a.item.tokenId > b.item.tokenId ? 1 : 0),
  );
  return found.map((f) => f.item);
}

/** How many tokens need attention (the tray badge). */
export function attentionCount(views: readonly AttentionInput[], now: Date, opts: AttentionOptions = {}): number {
  const o = parseOptions(opts);
  let n = 0;
  for (const v of views) if (classify(v, now, o)) n++;
  return n;
}

/** Parsed options; the zone stays optional (undefined = the system's, read cheaply per call). */
interface ParsedOptions {
  readonly expiringWithinDays: number;
  readonly staleAfterDays: number;
  readonly timeZone: string | undefined;
}

function parseOptions(opts: AttentionOptions): ParsedOptions {
  const r = attentionOptionsSchema.safeParse(opts);
  if (!r.success) throw new AppError('BAD_INPUT', describeZodError(r.error, 'attention: '));
  return {
    expiringWithinDays: r.data.expiringWithinDays ?? EXPIRING_WITHIN_DAYS,
    staleAfterDays: r.data.staleAfterDays ?? STALE_CHECK_DAYS,
    timeZone: r.data.timeZone,
  };
}

/** The token's most urgent reason, or null; `order` sorts within the reason (smaller first). */
function classify(
  v: AttentionInput,
  now: Date,
  o: ParsedOptions,
): { item: AttentionItem; order: number } | null {
  const daysLeft = daysUntil(v.expiresAt, now, o.timeZone);
  const check = v.lastCheck;
  const make = (reason: AttentionReason, detail: string, order = 0) => ({
    item: { tokenId: v.id, reason, daysLeft, detail, action: ACTION[reason] },
    order,
  });
  // computeStatus decides, so this list agrees with the status column; for a token dead for
  // two reasons its precedence applies (revoked over an expiry date: the user killed it).
  const status = computeStatus(v, now, o.expiringWithinDays, o.timeZone);
  switch (status) {
    case 'expired':
      return daysLeft !== null && daysLeft < 0
        ? make('expired', `${expiredAgo(-daysLeft)} (${v.expiresAt})`, -daysLeft)
        : make('expired', `the platform reported it expired (checked ${dateOf(check?.at)})`);
    case 'invalid':
      return make('invalid', `rejected by the platform at the last check (${dateOf(check?.at)})`);
    case 'expiring':
      return make('expiring', `${expiresIn(daysLeft ?? 0)} (${v.expiresAt})`, daysLeft ?? 0);
    case 'revoked':
      return make('revoked', `revoked (checked ${dateOf(check?.at)}): remove it, or add a new token if still needed`);
    case 'active':
    case 'unknown':
      break;
    default:
      return missingCase(status);
  }
  if (check === null) return make('never-checked', 'never checked against the platform');
  const at = Date.parse(check.at);
  // An unreadable check time cannot vouch for anything: treat it as the oldest possible check.
  const age = Number.isFinite(at) ? Math.floor((now.getTime() - at) / DAY_MS) : Number.POSITIVE_INFINITY;
  if (age >= o.staleAfterDays) {
    const detail = Number.isFinite(age) ? `last checked ${age} days ago (${dateOf(check.at)})` : 'last check time unreadable';
    return make('stale-check', detail, -Math.min(age, Number.MAX_SAFE_INTEGER));
  }
  return null;
}

function expiresIn(days: number): string {
  if (days === 0) return 'expires today';
  if (days === 1) return 'expires tomorrow';
  return `expires in ${days} days`;
}

function expiredAgo(days: number): string {
  return days === 1 ? 'expired yesterday' : `expired ${days} days ago`;
}

function dateOf(iso: string | undefined): string {
  if (iso === undefined) return 'unknown date';
  const t = Date.parse(iso);
  return Number.isFinite(t) ? new Date(t).toISOString().slice(0, 10) : 'unknown date';
}

function missingCase(x: never): never {
  throw new Error(`missing case: ${String(x)}`);
}
