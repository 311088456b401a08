/**
 * What a platform preset declares, and what its connector operations take and return.
 * Each preset's facts come from its platform's documentation, cited beside them in its file; a
 * fact that is an inference is marked so in the preset (and in `notes`), so it can be corrected
 * in one place. ./PLATFORMS.md sums them up.
 */
import type { ReportedExpiry } from '../../../shared/domain/expiry';
import type { PlatformId } from '../../../shared/domain/platform-ids';
import type { StoredExpiry } from '../../../shared/domain/gitlab-dates';
import type { CheckResult } from '../../../shared/domain/status';

/** Where the token goes in a request. */
export type AuthScheme =
  /** A header with a name and an optional prefix: `X-AUTH-TOKEN: <t>`, `PRIVATE-TOKEN: <t>`. */
  | { readonly kind: 'header'; readonly name: string; readonly prefix?: string }
  /** `Authorization: Bearer <t>`. */
  | { readonly kind: 'bearer' }
  /** `Authorization: Basic base64(user:token)` (custom platforms, Azure DevOps style). */
  | { readonly kind: 'basic'; readonly username: string }
  /** A query parameter: `?session=<t>` (Jelastic). */
  | { readonly kind: 'query'; readonly name: string };

/** A request relative to the account's base URL. Only the connector's own paths, never a full URL. */
export interface HttpRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path below the base URL, starting with '/', without query string. */
  readonly path: string;
  readonly query?: Readonly<Record<string, string>>;
  readonly headers?: Readonly<Record<string, string>>;
  /** Sent as JSON. */
  readonly json?: unknown;
  /** Sent as application/x-www-form-urlencoded. */
  readonly form?: Readonly<Record<string, string>>;
  /** Whether to attach the token with the preset's auth scheme (GitHub's revoke must not). */
  readonly authenticated?: boolean;
  /**
   * False: send once, never again after a rate-limit answer (the 429 is returned as is). For
   * requests carrying the account password, which must cross the network as few times as
   * possible, and for operations that must not run twice.
   */
  readonly resend?: boolean;
}

/** A response. `json` is the parsed body when it was JSON, else undefined. */
export interface HttpResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>; // lower-case names
  readonly json: unknown;
  readonly text: string;
}

/**
 * Why a request did not produce a response. Connectors turn these into `unknown` outcomes
 * with a reason — never `invalid`: being offline says nothing about the token.
 */
export type HttpFailureKind = 'offline' | 'timeout' | 'insecure-url' | 'redirect-to-other-host' | 'redirect-outside-base' | 'too-large' | 'aborted';

/** Thrown by the HTTP port for a request that got no usable response. */
export class HttpFailure extends Error {
  constructor(
    readonly kind: HttpFailureKind,
    message: string,
    /**
     * True when the request may have reached the server before the failure (a timeout, a
     * connection cut after sending, an answer too large to read): the server may have acted on
     * it. False when it certainly never left (refused connection, unknown host, TLS failure,
     * refused URL). What decides whether a rotation is "unconfirmed" rather than "not done".
     */
    readonly mayHaveArrived = false,
  ) {
    super(message);
    this.name = 'HttpFailure';
  }
}

/**
 * The only way connectors reach the network: bound to ONE account's base URL and token.
 * It sends the token only to that host, over https (http only to loopback), never follows a
 * redirect to another host with the token, times out, bounds concurrency per host, and waits
 * out 429 Retry-After within a budget.
 */
export interface PlatformHttp {
  request(req: HttpRequest): Promise<HttpResponse>;
}

/** What a check learned. */
export interface CheckOutcome {
  readonly result: CheckResult;
  /** Why, in a few words: "offline", "rate-limited, retry in 30 s", "server error 503", "401 Unauthorized". */
  readonly reason?: string;
  readonly scopes?: readonly string[];
  /**
   * When the token stops working, as the platform says it (an instant, by the platform's own
   * rule: electron/core/platforms/PLATFORMS.md), or null when the platform says it never expires; absent when it
   * did not say.
   */
  readonly expiry?: ReportedExpiry | null;
  /** When the platform last saw the token used (ISO instant), null = never used; absent = not told. */
  readonly lastUsedAt?: string | null;
  readonly owner?: string;
}

/** Inputs a connector needs beyond the token. */
export interface ConnectorInput {
  readonly token: string;
  readonly http: PlatformHttp;
  /**
   * The account's base URL `http` is bound to. Lets a preset tell a self-hosted server from the
   * public service (GitHub Enterprise Server from github.com); absent = the preset's default.
   */
  readonly baseUrl?: string;
  /**
   * Platform specifics the user stored or typed: YesWeHack program slug, Jelastic token id, and
   * the Jelastic account login and password (asked for, used once, never stored).
   */
  readonly extra?: Readonly<{ programSlug?: string; password?: string; login?: string; platformTokenId?: string }>;
}

/**
 * What the user can do when an API operation cannot run with what was given: sign in with the
 * account's login and password (Jelastic, when the token itself cannot do it), or revoke by
 * hand on the token page (a server without the revoke API).
 */
export type OperationFallback = 'sign-in' | 'guided';

/** Result of an API revoke. */
export interface RevokeOutcome {
  readonly revoked: boolean;
  readonly reason?: string;
  /** Set when not revoked and another way can work: the caller offers it. */
  readonly fallback?: OperationFallback;
}

/** The platform refused the asked expiry as beyond its maximum lifetime, so the rotation was sent again with the maximum. */
export interface ExpiryCapped {
  readonly asked: string;
  readonly sent: string;
}

/**
 * Result of an API rotation. Like a check's and a revoke's, it is a value, never a throw: the
 * caller (../rotate-token) alone turns a rotation that did not happen into the user's message.
 * No `reason` ever quotes a secret (the old or new value, the account password).
 */
export type RotateOutcome =
  /** The new value replaces the old one in the vault in one transaction. */
  | {
      readonly result: 'rotated';
      readonly newValue: string;
      /** The new value's expiry as the platform reports it (see CheckOutcome.expiry). */
      readonly expiry?: ReportedExpiry | null;
      readonly expiryCapped?: ExpiryCapped;
    }
  /**
   * The platform answered and gave no new value to store (or the request never left): nothing
   * replaces the old value. `fallback: 'sign-in'`: the token could not, the account's login can
   * (no guided way: a new value made by hand on the platform's page never reaches the vault).
   */
  | { readonly result: 'failed'; readonly reason: string; readonly fallback?: Extract<OperationFallback, 'sign-in'> }
  /**
   * The request went out but no answer came back: the platform may have rotated (the old value
   * dead, the new one lost) or not. Never sent again blindly (../rotation-unconfirmed).
   */
  | { readonly result: 'unconfirmed'; readonly reason: string };

/** What a rotation is asked for beyond the token (platforms whose rotation `takesExpiry`). */
export interface RotateOptions {
  /** The new token's expiry as the user chose it (YYYY-MM-DD in the platform's own terms): sent as is. */
  readonly expiresOn?: string;
  /** The token's stored expiry: kept (never shortened) when the user chose none. */
  readonly stored?: StoredExpiry;
  /** The user's time zone, for a day they typed (default: the system's). */
  readonly timeZone?: string;
  readonly now?: Date;
}

/** One platform's declaration. */
export interface PlatformPreset {
  readonly id: PlatformId;
  readonly name: string;
  /** Default API base URL; null when it depends on the customer or hoster (then the account must give one). */
  readonly defaultBaseUrl: string | null;
  readonly auth: AuthScheme;
  /** Pattern a token of this platform matches (anchored), or null when the format is undocumented. */
  readonly tokenPattern: RegExp | null;
  /** Where the user manages tokens (https), or null when it depends on the customer/hoster. */
  readonly tokenPageUrl: string | null;
  /** Scope names this platform uses, for suggestions. */
  readonly scopeVocabulary: readonly string[];
  readonly expiry: 'optional' | 'required' | 'never' | 'unknown';
  /** Known request budget, honoured by the HTTP port. */
  readonly rateLimit?: { readonly requests: number; readonly perSeconds: number };
  /** Facts worth telling the user, each marked "(unverified)" when PLATFORMS.md says so. */
  readonly notes: readonly string[];
  /** Days before expiry the platform itself reminds (YesWeHack: 7). */
  readonly platformRemindsDaysBefore?: number;
  check?(input: ConnectorInput): Promise<CheckOutcome>;
  /** API revoke; absent means guided revoke (open tokenPageUrl, the user confirms). */
  revoke?: PlatformOperation<RevokeOutcome>;
  rotate?: RotateOperation;
}

/** An API operation on a token (revoke, rotate) and what it needs beyond the token. */
export interface PlatformOperation<T> {
  /** The account password is required (Jelastic). */
  readonly needsPassword: boolean;
  /**
   * The account login may be given too: the operation then signs in with login and password
   * instead of using the token (Jelastic, for a token that has expired or may not do it).
   */
  readonly acceptsLogin?: boolean;
  run(input: ConnectorInput): Promise<T>;
}

/**
 * API rotation. `run` resolves to an outcome, also when nothing was rotated (see RotateOutcome)
 * and never throws on purpose. `takesExpiry`: the new token's expiry can be chosen (RotateOptions).
 */
export interface RotateOperation extends PlatformOperation<RotateOutcome> {
  readonly takesExpiry?: boolean;
  run(input: ConnectorInput, options?: RotateOptions): Promise<RotateOutcome>;
}
