/**
 * Platform operations on vault tokens: check and revoke (rotate: ./rotate-token). Reads the value, binds the HTTP
 * port to the account's own base URL (or the preset's default) so the token can reach no
 * other host, runs the preset's connector, and records the outcome in the vault (sealed,
 * audited). Network trouble is `unknown` with a reason, never `invalid`.
 */
import { AppError } from '../../../shared/errors';
import type { TokenView } from '../../../shared/domain/token';
import { tokenPageFor } from '../../../shared/domain/token-pages';
import type { Vault } from '../vault/vault';
import { createPlatformHttp, type HostLimiter } from './http';
import { failureReason } from './http/outcomes';
import { presetFor } from './registry';
import type { CheckOutcome, ConnectorInput, PlatformOperation, PlatformPreset } from './types';
import { formatRefusal } from './format-guard';

/** Network settings (tests and the bench inject a limiter or shorter timeouts). */
export interface PlatformOpsOptions {
  readonly limiter?: HostLimiter;
  readonly timeoutMs?: number;
  readonly retryBudgetMs?: number;
}

/** Inputs a user gives for one operation: never stored (the password above all). */
export type OperationExtra = ConnectorInput['extra'];

/** A token bound to its platform: its view, preset and connector input (or why none). */
export interface Bound {
  readonly view: TokenView;
  readonly preset: PlatformPreset | undefined;
  readonly input: ConnectorInput | null;
  /** Why no request can be made (no preset, no base URL, a value of another platform's format). */
  readonly blocked: string | null;
  /** True when `blocked` is the value's format: revoke and rotate refuse rather than guide. */
  readonly wrongFormat?: boolean;
}

/**
 * The preset of a token: built-in, or built from its custom platform's stored definition;
 * `blocked` says why there is none. Also used for usage snippets, so a snippet uses exactly
 * the auth placement a check would.
 */
export function presetOf(vault: Vault, view: TokenView): { preset?: PlatformPreset; blocked?: string } {
  if (view.platform !== 'custom') {
    const preset = presetFor(view.platform);
    return preset ? { preset } : { blocked: 'no preset for this platform' };
  }
  if (view.customPlatformId === null) return { blocked: 'no custom platform assigned to this token (edit it to choose one)' };
  try {
    return { preset: presetFor('custom', vault.customPlatforms.definition(view.customPlatformId)) as PlatformPreset };
  } catch {
    // A definition stored by an older version that today's rules refuse: say so, send nothing.
    return { blocked: `the definition of custom platform "${view.customPlatformName ?? '?'}" is no longer valid (edit it)` };
  }
}

/** What the user stored with the token, overridden by what was given for this one call. */
function mergedExtra(view: TokenView, extra: OperationExtra): OperationExtra {
  const stored = {
    ...(view.programSlug !== null ? { programSlug: view.programSlug } : {}),
    ...(view.platformTokenId !== null ? { platformTokenId: view.platformTokenId } : {}),
  };
  const merged = { ...stored, ...(extra ?? {}) };
  return Object.keys(merged).length > 0 ? merged : undefined;
}

/** Binds a token to its platform: its value, and an HTTP port that reaches only its own base URL. */
export function bind(vault: Vault, idOrPrefix: string, callExtra: OperationExtra, opts: PlatformOpsOptions): Bound {
  const view = vault.tokens.get(idOrPrefix);
  const token = vault.results.valueForPlatform(view.id);
  const refusal = formatRefusal(token, view.platform);
  if (refusal !== null) return { view, preset: undefined, input: null, blocked: refusal, wrongFormat: true };
  const { preset, blocked } = presetOf(vault, view);
  if (!preset) return { view, preset, input: null, blocked: blocked ?? 'cannot check' };
  const extra = mergedExtra(view, callExtra);
  const baseUrl = view.baseUrl ?? preset.defaultBaseUrl;
  if (baseUrl === null) return { view, preset, input: null, blocked: `needs the account's base URL (${preset.name} has one per customer or hoster)` };
  const http = createPlatformHttp({
    baseUrl,
    auth: preset.auth,
    token,
    ...(preset.rateLimit ? { rateLimit: preset.rateLimit } : {}),
    ...(opts.limiter ? { limiter: opts.limiter } : {}),
    ...(opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {}),
    ...(opts.retryBudgetMs !== undefined ? { retryBudgetMs: opts.retryBudgetMs } : {}),
  });
  return { view, preset, input: { token, http, baseUrl, ...(extra ? { extra } : {}) }, blocked: null };
}

/** Asks the platform about one token; stores nothing. */
async function runCheck(vault: Vault, idOrPrefix: string, extra: OperationExtra, opts: PlatformOpsOptions): Promise<{ id: string; outcome: CheckOutcome }> {
  const b = bind(vault, idOrPrefix, extra, opts);
  if (b.blocked !== null || !b.input) return { id: b.view.id, outcome: { result: 'unknown', reason: b.blocked ?? 'cannot check' } };
  if (!b.preset?.check) {
    return { id: b.view.id, outcome: { result: 'unknown', reason: `${b.preset?.name ?? 'this platform'} offers no way to check a token` } };
  }
  try {
    return { id: b.view.id, outcome: await b.preset.check(b.input) };
  } catch (e) {
    return { id: b.view.id, outcome: { result: 'unknown', reason: failureReason(e) } };
  }
}

/** Checks one token against its platform and stores the result. */
export async function checkToken(vault: Vault, idOrPrefix: string, extra?: OperationExtra, opts: PlatformOpsOptions = {}): Promise<TokenView> {
  const { id, outcome } = await runCheck(vault, idOrPrefix, extra, opts);
  return vault.results.recordCheck(id, outcome);
}

/** Results are stored in batches of this many (one durable write each), or sooner when a pause comes. */
const RECORD_BATCH = 50;

/**
 * Checks many tokens, at most `concurrency` at once overall (and the HTTP port's per-host
 * limit on top). Results are stored in batches; progress is reported as each is stored. One
 * token's failure never stops the others.
 */
export async function checkTokens(
  vault: Vault,
  ids: readonly string[],
  opts: PlatformOpsOptions & { concurrency?: number; onProgress?: (done: number, total: number, view: TokenView) => void } = {},
): Promise<TokenView[]> {
  const results: TokenView[] = new Array(ids.length);
  let pending: { index: number; id: string; outcome: CheckOutcome }[] = [];
  let next = 0;
  let done = 0;
  const flush = (): void => {
    const batch = pending;
    pending = [];
    if (batch.length === 0) return;
    const views = vault.results.recordChecks(batch.map(({ id, outcome }) => ({ id, outcome })));
    batch.forEach((b, k) => {
      const view = views[k] as TokenView;
      results[b.index] = view;
      opts.onProgress?.(++done, ids.length, view);
    });
  };
  // Store at least a few times a second, so progress moves and a crash loses little. A failure
  // there (vault locked meanwhile) must not escape as an uncaught timer error: it is rethrown.
  let timerFailure: unknown = null;
  const timer = setInterval(() => {
    try {
      flush();
    } catch (e) {
      timerFailure ??= e;
    }
  }, 250);
  try {
    const worker = async (): Promise<void> => {
      while (next < ids.length) {
        const index = next++;
        const r = await runCheck(vault, ids[index] as string, undefined, opts);
        pending.push({ index, ...r });
        if (pending.length >= RECORD_BATCH) flush();
      }
    };
    await Promise.all(Array.from({ length: Math.min(opts.concurrency ?? 32, ids.length) }, worker));
    if (timerFailure !== null) throw timerFailure;
    flush();
  } finally {
    clearInterval(timer);
  }
  return results;
}

/** What a revoke did: through the API, or guided (the user revokes on the platform's page). */
export type RevokeResult =
  | { readonly mode: 'api'; readonly view: TokenView }
  | {
      readonly mode: 'guided';
      readonly view: TokenView;
      readonly pageUrl: string | null;
      readonly confirmed: boolean;
      /** Why it is guided although the platform has a revoke API (an older server); null otherwise. */
      readonly reason: string | null;
    };

/**
 * Where the user revokes by hand: a built-in platform's page from the account's base URL by its
 * fixed template (shared/domain/token-pages), a custom platform's own page.
 */
function guidedPageOf(b: Bound): string | null {
  if (b.view.platform === 'custom') return b.preset?.tokenPageUrl ?? null;
  return tokenPageFor(b.view.platform, b.view.baseUrl)?.url ?? null;
}

/**
 * A token the platform will not accept any more cannot authenticate its own revoke or rotate:
 * where the operation accepts the account login (Jelastic), it must sign in instead. Known
 * before anything is sent, so the password is not sent in vain.
 */
export function mustSignIn(op: PlatformOperation<unknown>, view: TokenView, extra: OperationExtra): boolean {
  if (op.acceptsLogin !== true || (extra?.login ?? '').trim() !== '') return false;
  return view.status === 'expired' || view.lastCheck?.result === 'expired';
}

export const signInNeeded = (name: string, verb: string, why: string): AppError =>
  new AppError('NEEDS_SIGN_IN', `${name} could not ${verb} the token with the token itself (${why}): give the account login with the password, to sign in instead.`);

/**
 * Revokes a token. With an API (GitHub, GitLab, Jelastic) it is revoked there and marked so.
 * Without one, or when the API cannot (a server without it), the result is `guided`: the
 * caller shows the token page, and calls again with `confirmedGuided` once the user says it is
 * done; only then is it marked revoked. When the token itself cannot authenticate the revoke but
 * the account can (Jelastic), it fails with NEEDS_SIGN_IN: ask for the login, call again.
 */
export async function revokeToken(
  vault: Vault,
  idOrPrefix: string,
  extra?: OperationExtra & { confirmedGuided?: boolean },
  opts: PlatformOpsOptions = {},
): Promise<RevokeResult> {
  const b = bind(vault, idOrPrefix, extra, opts);
  if (b.wrongFormat) throw new AppError('PLATFORM_MISMATCH', `Not revoked: ${b.blocked ?? ''}. Correct the token's platform first.`);
  const pageUrl = guidedPageOf(b);
  const guided = (reason: string | null): RevokeResult =>
    extra?.confirmedGuided
      ? { mode: 'guided', view: vault.results.markRevoked(b.view.id, 'guided'), pageUrl, confirmed: true, reason }
      : { mode: 'guided', view: b.view, pageUrl, confirmed: false, reason };
  // The user's word that it is revoked on the platform: after a guided revoke, also where the
  // platform's API could not do it (the caller only offers it then).
  if (!b.preset?.revoke || extra?.confirmedGuided) return guided(null);
  if (b.blocked !== null || !b.input) throw new AppError('BAD_INPUT', `Cannot revoke: ${b.blocked ?? 'no connection'}.`);
  const name = b.preset.name;
  if (b.preset.revoke.needsPassword && !extra?.password) {
    throw new AppError('BAD_INPUT', `${name} needs your account password to revoke a token (used once, never stored).`);
  }
  if (mustSignIn(b.preset.revoke, b.view, extra)) throw signInNeeded(name, 'revoke', 'it has expired');
  const outcome = await b.preset.revoke.run(b.input).catch((e: unknown) => ({ revoked: false, reason: failureReason(e), fallback: undefined }));
  if (outcome.revoked) return { mode: 'api', view: vault.results.markRevoked(b.view.id, 'api') };
  const why = outcome.reason ?? 'no reason given';
  // Another way can work: offer it; the token's recorded state says nothing new, so it stays.
  if (outcome.fallback === 'guided') return guided(why);
  if (outcome.fallback === 'sign-in') throw new AppError('NEEDS_SIGN_IN', `${name} did not revoke the token: ${why}.`);
  vault.results.recordCheck(b.view.id, { result: 'unknown', reason: `revoke failed: ${why}` });
  throw new AppError('BAD_INPUT', `${name} did not revoke the token: ${why}.`);
}
