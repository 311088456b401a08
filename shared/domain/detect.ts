/**
 * Offline recognition of a pasted token: which platform issued it and, for a JWT, its expiry,
 * subject and scopes. Pure string work and a local base64 decode — the value is never sent
 * anywhere. The formats live in ./detect-patterns, shared with the platform presets.
 */
import { jwtDecode } from 'jwt-decode';
import type { PlatformId } from './platform-ids';
import { JWT_PATTERN, PRESET_TOKEN_PATTERNS, TOKEN_SHAPES } from './detect-patterns';

/** What a token's shape tells us. */
export interface Detection {
  /** Suggested platform, or null when the shape is known but not tied to one platform. */
  readonly platform: PlatformId | null;
  /** A short human description, e.g. "GitHub fine-grained token". */
  readonly label: string;
  /** For a JWT with `exp`: the expiry day, YYYY-MM-DD (UTC). */
  readonly expiresAt?: string;
  /** For a JWT with `sub`: its subject (often the username). */
  readonly subject?: string;
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
  readonly scopes?: readonly string[];
}

const MAX_LENGTH = 16 * 1024;

/** iObeya issues JWTs; other JWTs still get their claims read. */
const JWT_PLATFORM: PlatformId = 'iobeya';
const JWT_LABEL = 'JSON Web Token (iObeya)';

/** Recognises a pasted token value; null when nothing is known about it. */
export function detectToken(raw: string): Detection | null {
  const value = raw.trim();
  if (value.length === 0 || value.length > MAX_LENGTH) return null;
  for (const p of TOKEN_SHAPES) {
    if (p.re.test(value)) return { platform: p.platform, label: p.label };
  }
  const claims = readJwtClaims(value);
  if (claims === null) return null;
  const result: { platform: PlatformId; label: string; expiresAt?: string; subject?: string; scopes?: readonly string[] } = {
    platform: JWT_PLATFORM,
    label: JWT_LABEL,
  };
  const expiresAt = claims.exp === undefined ? undefined : expiryDay(claims.exp);
  if (expiresAt !== undefined) result.expiresAt = expiresAt;
  if (claims.sub !== undefined) result.subject = claims.sub;
  if (claims.scopes !== undefined) result.scopes = claims.scopes;
  return result;
}

/**
 * Every platform whose documented token pattern the value matches (a JWT must also decode).
 * Platforms without a documented format (YesWeHack, Jelastic/Virtuozzo, custom) never appear.
 */
export function matchingPlatforms(raw: string): PlatformId[] {
  const value = raw.trim();
  if (value.length === 0 || value.length > MAX_LENGTH) return [];
  const out: PlatformId[] = [];
  for (const [id, re] of Object.entries(PRESET_TOKEN_PATTERNS) as [PlatformId, RegExp | null][]) {
    if (re === null || !re.test(value)) continue;
    if (re === JWT_PATTERN && readJwtClaims(value) === null) continue;
    out.push(id);
  }
  return out;
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
  const claims: { alg: string; exp?: number; iat?: number; sub?: string; scopes?: readonly string[] } = { alg: header.alg };
  if (saneSeconds(payload.exp)) claims.exp = payload.exp;
  if (saneSeconds(payload.iat)) claims.iat = payload.iat;
  if (typeof payload.sub === 'string' && payload.sub.trim() !== '') claims.sub = payload.sub.trim();
  const scopes = scopeClaim(payload);
  if (scopes !== undefined) claims.scopes = scopes;
  return claims;
}

/** Seconds since the epoch → UTC day; undefined when absurd. */
export function expiryDay(exp: number): string | undefined {
  if (!saneSeconds(exp)) return undefined;
  return new Date(exp * 1000).toISOString().slice(0, 10);
}

/** A positive number of seconds whose date exists and has a 4-digit year. */
function saneSeconds(s: unknown): s is number {
  if (typeof s !== 'number' || !Number.isFinite(s) || s <= 0) return false;
  const d = new Date(s * 1000);
  return !Number.isNaN(d.getTime()) && d.getUTCFullYear() <= 9999;
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
