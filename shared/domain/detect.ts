/**
 * Offline recognition of a pasted token: which platform issued it and, for a JWT, its expiry
 * and subject. Pure string work and a local base64 decode — the value is never sent anywhere.
 */
import { jwtDecode } from 'jwt-decode';
import type { PlatformId } from './platform-ids';

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
}

// Whole-string matches: a prefix alone (or a prefix followed by junk) is not a token.
const PREFIXES: readonly { re: RegExp; platform: PlatformId; label: string }[] = [
  { re: /^ghp_[A-Za-z0-9]{30,255}$/, platform: 'github', label: 'GitHub classic token' },
  { re: /^github_pat_[A-Za-z0-9_]{30,255}$/, platform: 'github', label: 'GitHub fine-grained token' },
  { re: /^glpat-[A-Za-z0-9_.-]{20,255}$/, platform: 'gitlab', label: 'GitLab personal access token' },
  { re: /^\d{1,20}\|pat-[A-Za-z0-9]{40}$/, platform: 'brass', label: 'Brass personal access token' },
];

const JWT_SHAPE = /^[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*$/;

/** iObeya issues JWTs; other JWTs still get their expiry and subject read. */
const JWT_PLATFORM: PlatformId = 'iobeya';

/** Recognises a pasted token value; null when nothing is known about it. */
export function detectToken(raw: string): Detection | null {
  const value = raw.trim();
  if (value.length === 0 || value.length > 16 * 1024) return null;
  for (const p of PREFIXES) {
    if (p.re.test(value)) return { platform: p.platform, label: p.label };
  }
  if (JWT_SHAPE.test(value)) return detectJwt(value);
  return null;
}

function detectJwt(value: string): Detection | null {
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
  const result: { platform: PlatformId; label: string; expiresAt?: string; subject?: string } = {
    platform: JWT_PLATFORM,
    label: 'JSON Web Token (iObeya)',
  };
  const expiresAt = expiryDay(payload.exp);
  if (expiresAt !== undefined) result.expiresAt = expiresAt;
  if (typeof payload.sub === 'string' && payload.sub.trim() !== '') result.subject = payload.sub.trim();
  return result;
}

/** `exp` (seconds since the epoch) as a UTC day; undefined when absent or absurd. */
function expiryDay(exp: unknown): string | undefined {
  if (typeof exp !== 'number' || !Number.isFinite(exp) || exp <= 0) return undefined;
  const d = new Date(exp * 1000);
  if (Number.isNaN(d.getTime()) || d.getUTCFullYear() > 9999) return undefined;
  return d.toISOString().slice(0, 10);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
