/**
 * The needs-attention list: which tokens have a real problem, why, and the best next step the
 * platform allows. Pure, and built on computeStatus, so the list, the dock badge, the CLI and
 * the status column never disagree about a token.
 *
 * Only real problems count. A token never checked, or checked long ago, has none that we know
 * of: the app shows it quietly with a "Check" prompt, and it is not in this list or its count.
 */
import { z } from 'zod';
import { AppError } from '../errors';
import { daysUntil, isKnownTimeZone } from './expiry';
import { EXPIRING_WITHIN_DAYS, computeStatus, verdictOf } from './status';
import type { TokenView } from './token';
import { describeZodError } from './token-input';

/**
 * Why a token needs attention, most urgent first; the list is sorted in this order.
 *  1. rotation-unconfirmed — a rotation was sent and never answered: the stored value may be
 *                            dead and the new one unknown.
 *  2. expired              — it no longer works (by date, or the platform said so).
 *  3. invalid              — the platform rejected it at the last check: something using it fails now.
 *  4. expiring             — it stops working within the window; soonest first.
 *  5. revoked              — dead on purpose; only a leftover record to clean up.
 */
export const ATTENTION_REASONS = ['rotation-unconfirmed', 'expired', 'invalid', 'expiring', 'revoked'] as const;

/** One reason. */
export type AttentionReason = (typeof ATTENTION_REASONS)[number];

/**
 * The next action the UI offers: `rotate` through the platform's API, `renew` on the
 * platform's token page (create a new one, then edit this token), `check` (for an
 * unconfirmed rotation: a check tells whether the stored value still works), `remove` the
 * record. `revoke` is for the UI's own use; needsAttention never proposes it.
 */
export type AttentionAction = 'rotate' | 'renew' | 'check' | 'revoke' | 'remove';

/** One token that needs attention, with its single most urgent reason. */
export interface AttentionItem {
  readonly tokenId: string;
  readonly reason: AttentionReason;
  /** Days to the last day it works (0 = today, negative = past), null without an expiry. */
  readonly daysLeft: number | null;
  /** One human line, e.g. "expires in 3 days (2026-12-01)". */
  readonly detail: string;
  readonly action: AttentionAction;
}

/** What needsAttention reads of a token: any TokenView will do (the renderer's too, whose platform is a plain string). */
export type AttentionInput = Pick<TokenView, 'id' | 'name' | 'expiry' | 'expiresAt' | 'lastCheck' | 'verdict' | 'rotationUnconfirmed'> & { readonly platform: string };

/** Tuning: the window in whole days, the zone whose calendar days count, and what can rotate. */
export interface AttentionOptions {
  /** An expiry this close (or closer) counts as expiring. Default 7, as the status column. */
  readonly expiringWithinDays?: number;
  /** IANA zone whose calendar days expiry is counted in (as the status column). Default: the system's. */
  readonly timeZone?: string;
  /**
   * Whether the platform can rotate this token through its API in its current state (a
   * working token for GitLab; Jelastic also an expired one, through a session). Default: none
   * can, so the action is `renew`.
   */
  readonly canRotate?: (token: AttentionInput, reason: 'expired' | 'expiring' | 'invalid') => boolean;
}

const attentionOptionsSchema = z
  .object({
    expiringWithinDays: z.number().int().min(0).max(3650).optional(),
    timeZone: z.string().refine(isKnownTimeZone, { message: 'unknown time zone' }).optional(),
  })
  .strict();

const RANK = new Map<AttentionReason, number>(ATTENTION_REASONS.map((r, i) => [r, i]));
// Fixed locale: the same order in the app, the CLI and the tests, whatever the machine's locale.
const byName = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/**
 * Tokens that need attention, one item each, most urgent first: by reason (ATTENTION_REASONS),
 * then within a reason — expired: most recently expired first (the one something still relies
 * on); expiring: soonest first — then by name, then id.
 * Throws AppError BAD_INPUT for options that are not whole days or a known zone.
 */
export function needsAttention(views: readonly AttentionInput[], now: Date, opts: AttentionOptions = {}): AttentionItem[] {
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

/** How many tokens need attention (the dock badge, the view's count). */
export function attentionCount(views: readonly AttentionInput[], now: Date, opts: AttentionOptions = {}): number {
  const o = parseOptions(opts);
  let n = 0;
  for (const v of views) if (classify(v, now, o)) n++;
  return n;
}

interface ParsedOptions {
  readonly expiringWithinDays: number;
  /** Undefined = the system's zone, read cheaply per call. */
  readonly timeZone: string | undefined;
  readonly canRotate: NonNullable<AttentionOptions['canRotate']>;
}

function parseOptions(opts: AttentionOptions): ParsedOptions {
  const { canRotate, ...days } = opts;
  const r = attentionOptionsSchema.safeParse(days);
  if (!r.success) throw new AppError('BAD_INPUT', describeZodError(r.error, 'attention: '));
  if (canRotate !== undefined && typeof canRotate !== 'function') throw new AppError('BAD_INPUT', 'attention: canRotate must be a function');
  return {
    expiringWithinDays: r.data.expiringWithinDays ?? EXPIRING_WITHIN_DAYS,
    timeZone: r.data.timeZone,
    canRotate: canRotate ?? (() => false),
  };
}

/** The token's most urgent reason, or null; `order` sorts within the reason (smaller first). */
function classify(v: AttentionInput, now: Date, o: ParsedOptions): { item: AttentionItem; order: number } | null {
  const daysLeft = daysUntil(v.expiry, now, o.timeZone);
  const verdict = verdictOf(v);
  const make = (reason: AttentionReason, detail: string, action: AttentionAction, order = 0) => ({
    item: { tokenId: v.id, reason, daysLeft, detail, action },
    order,
  });
  const renewal = (reason: 'expired' | 'expiring' | 'invalid'): AttentionAction => (o.canRotate(v, reason) ? 'rotate' : 'renew');
  if (v.rotationUnconfirmed !== null) {
    return make('rotation-unconfirmed', `rotation sent ${dateOf(v.rotationUnconfirmed.at)}, answer never came: check whether the stored value still works`, 'check');
  }
  // computeStatus decides, so this list agrees with the status column; for a token dead for
  // two reasons its precedence applies (a verdict over an expiry date).
  const status = computeStatus(v, now, o.expiringWithinDays, o.timeZone);
  switch (status) {
    case 'expired':
      return verdict?.result === 'expired'
        ? make('expired', `the platform reported it expired (checked ${dateOf(verdict.at)})`, renewal('expired'))
        : make('expired', `${expiredAgo(-(daysLeft ?? 0))} (${v.expiresAt})`, renewal('expired'), daysLeft === null ? 0 : -daysLeft);
    case 'invalid':
      return make('invalid', `rejected by the platform at the last check (${dateOf(verdict?.at)})`, renewal('invalid'));
    case 'expiring':
      return make('expiring', `${expiresIn(daysLeft ?? 0)} (${v.expiresAt})`, renewal('expiring'), daysLeft ?? 0);
    case 'revoked':
      return make('revoked', `revoked (checked ${dateOf(verdict?.at)}): remove it, or add a new token if still needed`, 'remove');
    case 'active':
    case 'unknown':
      return null;
    default:
      return missingCase(status);
  }
}

function expiresIn(days: number): string {
  if (days === 0) return 'expires today';
  if (days === 1) return 'expires tomorrow';
  return `expires in ${days} days`;
}

function expiredAgo(days: number): string {
  if (days <= 0) return 'expired today';
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
