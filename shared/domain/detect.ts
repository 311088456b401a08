/**
 * Offline recognition of a token value: which platform issued it, what kind of token it is and,
 * for a JWT, what its claims say (expiry, issue time, subject, issuer, scopes). Pure string work
 * and a local base64 decode — the value is never sent anywhere. The formats live in
 * ./detect-patterns, shared with the platform presets.
 */
import { jwtDecode } from 'jwt-decode';
import type { PlatformId } from './platform-ids';
import { JWT_PATTERN, TOKEN_SHAPES } from './detect-patterns';

/** What a token's shape tells us. */
export interface Detection {
  /** The platform whose format it has, or null when the shape is known but not tied to one (a JWT of unknown origin). */
  readonly platform: PlatformId | null;
  /** The format's stable id ("github-classic", "gitlab-deploy", "jwt", "iobeya-jwt"…). */
  readonly kind: string;
  /** What it is, without an article: "GitLab personal access token", "JSON Web Token". */
  readonly label: string;
  /** False when the format is known not to be a personal access token (or, for a JWT, cannot say it is one). */
  readonly personalAccessToken: boolean;
  /** For a JWT with `exp`: the expiry day, YYYY-MM-DD (UTC). */
  readonly expiresAt?: string;
  /** For a JWT with `exp`: the expiry instant, ISO 8601 in UTC ("2027-03-14T23:30:00.000Z"). */
  readonly expiresAtInstant?: string;
  /** For a JWT with `iat`: when it was issued, ISO 8601 in UTC. */
  readonly issuedAt?: string;
  /** For a JWT with `sub`: its subject (often the username). */
  readonly subject?: string;
  /** For a JWT with `iss`: who issued it. */
  readonly issuer?: string;
  /** For a JWT with a `scope` / `scopes` / `scp` claim: the scopes it names. */
  readonly scopes?: readonly string[];
}

/** The claims of a JWT that can be read offline (the signature is not, and cannot be, verified here). */
export interface JwtClaims {
  /** The header's algorithm. */
  readonly alg: string;
  /** Expiry, seconds since the epoch. */
  readonly exp?: number;
  /** Issued at, seconds since the epoch. */
  readonly iat?: number;
  readonly sub?: string;
  readonly iss?: string;
  /** Audience(s), as a list even when the token holds one string. */
  readonly aud?: readonly string[];
  readonly scopes?: readonly string[];
}

const MAX_LENGTH = 16 * 1024;

/**
 * Which JWTs are iObeya's. iObeya documents that its personal access tokens are JWTs
 * (center.iobeya.com, "Personal Access Token for APIs"; the seed document) but not which claims
 * they carry, and a JWT's shape says nothing about who issued it: GitLab CI, Azure, Auth0… all
 * issue JWTs. So a JWT is iObeya's only when its issuer or an audience is a host under
 * iobeya.com (an `https://acme.iobeya.com` URL or a bare host) — a conservative rule, (inferred).
 * Any other JWT is "a JSON Web Token" of no platform, its claims still shown.
 */
export const IOBEYA_DOMAIN = 'iobeya.com';

/** Recognises a token value; null when nothing is known about it. */
export function detectToken(raw: string): Detection | null {
  const value = raw.trim();
  if (value.length === 0 || value.length > MAX_LENGTH) return null;
  for (const p of TOKEN_SHAPES) {
    if (p.re.test(value)) return { platform: p.platform, kind: p.kind, label: p.label, personalAccessToken: p.personalAccessToken };
  }
  const claims = readJwtClaims(value);
  return claims === null ? null : jwtDetection(claims);
}

/** A decoded JWT → what to show: iObeya's when its claims say so, else a JWT of no platform. */
function jwtDetection(claims: JwtClaims): Detection {
  const iobeya = isIobeyaJwt(claims);
  const out: { -readonly [K in keyof Detection]: Detection[K] } = iobeya
    ? { platform: 'iobeya', kind: 'iobeya-jwt', label: 'iObeya personal access token (a JSON Web Token)', personalAccessToken: true }
    : { platform: null, kind: 'jwt', label: 'JSON Web Token', personalAccessToken: false };
  if (claims.exp !== undefined) {
    const day = expiryDay(claims.exp);
    const instant = instantOf(claims.exp);
    if (day !== undefined) out.expiresAt = day;
    if (instant !== undefined) out.expiresAtInstant = instant;
  }
  const issued = claims.iat === undefined ? undefined : instantOf(claims.iat);
  if (issued !== undefined) out.issuedAt = issued;
  if (claims.sub !== undefined) out.subject = claims.sub;
  if (claims.iss !== undefined) out.issuer = claims.iss;
  if (claims.scopes !== undefined) out.scopes = claims.scopes;
  return out;
}

/** True when the JWT's issuer or an audience names a host under iobeya.com (see IOBEYA_DOMAIN). */
export function isIobeyaJwt(claims: Pick<JwtClaims, 'iss' | 'aud'>): boolean {
  return [claims.iss, ...(claims.aud ?? [])].some((s) => s !== undefined && isIobeyaHost(hostOf(s)));
}

function isIobeyaHost(host: string | null): boolean {
  return host !== null && (host === IOBEYA_DOMAIN || host.endsWith(`.${IOBEYA_DOMAIN}`));
}

/** The lower-case host of an https URL or of a bare host name; null for anything else. */
function hostOf(s: string): string | null {
  const text = s.trim();
  if (/^[a-z0-9.-]+$/i.test(text)) return text.toLowerCase();
  try {
    const u = new URL(text);
    return u.protocol === 'https:' ? u.hostname.toLowerCase() : null;
  } catch {
    return null;
  }
}

/**
 * Every platform whose known format the value has (for a JWT: only when its claims identify
 * the platform, as detectToken decides). Platforms without a documented format (YesWeHack,
 * Jelastic/Virtuozzo, custom) never appear, nor does any platform for a JWT of unknown origin.
 */
export function matchingPlatforms(raw: string): PlatformId[] {
  const value = raw.trim();
  if (value.length === 0 || value.length > MAX_LENGTH) return [];
  const out = new Set<PlatformId>(TOKEN_SHAPES.filter((p) => p.re.test(value)).map((p) => p.platform));
  const claims = out.size === 0 ? readJwtClaims(value) : null;
  if (claims !== null && isIobeyaJwt(claims)) out.add('iobeya');
  return [...out];
}

/**
 * Reads a compact JWT's claims offline; null when the value is not a JWT: wrong shape, bad
 * base64 or JSON, a header without `alg`, or a payload that is not an object. Junk claims
 * (an `exp` that is not a sane number, a `sub` that is not a string) are left out.
 */
export function readJwtClaims(raw: string): JwtClaims | null {
  const value = raw.trim();
  if (value.length > MAX_LENGTH || !JWT_PATTERN.test(value)) return null;
  let header: unknown;
  let payload: unknown;
  try {
    header = jwtDecode(value, { header: true });
    payload = jwtDecode(value);
  } catch {
    return null;
  }
  // A real JWT header names its algorithm; three base64 chunks alone are not enough.
  if (!isRecord(header) || typeof header.alg !== 'string' || !isRecord(payload)) return null;
  const claims: { -readonly [K in keyof JwtClaims]: JwtClaims[K] } = { alg: header.alg };
  if (saneSeconds(payload.exp)) claims.exp = payload.exp;
  if (saneSeconds(payload.iat)) claims.iat = payload.iat;
  const sub = shortText(payload.sub);
  if (sub !== undefined) claims.sub = sub;
  const iss = shortText(payload.iss);
  if (iss !== undefined) claims.iss = iss;
  const aud = (Array.isArray(payload.aud) ? payload.aud : [payload.aud]).map(shortText).filter((s): s is string => s !== undefined);
  if (aud.length > 0) claims.aud = aud.slice(0, 20);
  const scopes = scopeClaim(payload);
  if (scopes !== undefined) claims.scopes = scopes;
  return claims;
}

/** Seconds since the epoch → UTC day; undefined when absurd. */
export function expiryDay(exp: number): string | undefined {
  return instantOf(exp)?.slice(0, 10);
}

/** Seconds since the epoch → ISO 8601 instant in UTC; undefined when absurd. */
export function instantOf(seconds: number): string | undefined {
  return saneSeconds(seconds) ? new Date(seconds * 1000).toISOString() : undefined;
}

/** A positive number of seconds whose date exists and has a 4-digit year. */
function saneSeconds(s: unknown): s is number {
  if (typeof s !== 'number' || !Number.isFinite(s) || s <= 0) return false;
  const d = new Date(s * 1000);
  return !Number.isNaN(d.getTime()) && d.getUTCFullYear() <= 9999;
}

/** A non-blank string claim of sane length, trimmed; undefined otherwise. */
function shortText(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  return t !== '' && t.length <= 500 ? t : undefined;
}

/** `scope` (OAuth: space-separated string), `scopes` or `scp` (array or string). */
function scopeClaim(payload: Record<string, unknown>): readonly string[] | undefined {
  for (const key of ['scope', 'scopes', 'scp']) {
    const v = payload[key];
    let list: string[] | undefined;
    if (typeof v === 'string') list = v.split(/[\s,]+/);
    else if (Array.isArray(v) && v.every((s) => typeof s === 'string')) list = v as string[];
    if (list === undefined) continue;
    const clean = [...new Set(list.map((s) => s.trim()).filter((s) => s !== '' && s.length <= 200))].slice(0, 100);
    if (clean.length > 0) return clean;
  }
  return undefined;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
