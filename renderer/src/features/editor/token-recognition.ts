/**
 * What the add/edit dialog says about the value being typed, pasted or autofilled: which
 * format it has (shared/domain/detect), whether that contradicts the chosen platform
 * (shared/domain/token-format), and what a JWT's claims tell. Pure, offline: the value never
 * leaves the form.
 */
import { detectToken, type Detection } from '../../../../shared/domain/detect';
import { isPlatformId, type PlatformId } from '../../../../shared/domain/platform-ids';
import { platformConflict, platformName, withArticle, type PlatformConflict } from '../../../../shared/domain/token-format';

/** The value's format and its conflict with the chosen platform. */
export interface Recognition {
  readonly detection: Detection | null;
  readonly conflict: PlatformConflict | null;
}

/** Recognises `value` against `platform` (an empty value: nothing). */
export function recognise(value: string, platform: string): Recognition {
  if (value.trim() === '') return { detection: null, conflict: null };
  const detection = detectToken(value);
  const conflict = detection !== null && isPlatformId(platform) ? platformConflict(value, platform) : null;
  return { detection, conflict };
}

/**
 * The hint under the value: "Recognised as a GitLab personal access token — platform set to
 * GitLab." and, for a JWT, what its claims say (expiry with its time in UTC, subject, issuer).
 */
export function recognitionHint(d: Detection, platformSetTo: PlatformId | null): string {
  const parts = [`Recognised as ${withArticle(d.label)}${platformSetTo !== null ? ` — platform set to ${platformName(platformSetTo)}` : ''}.`];
  if (d.expiresAtInstant !== undefined) {
    parts.push(`Its claims say: expires ${d.expiresAtInstant.slice(0, 16).replace('T', ' ')} UTC (leave Expires empty to keep that exact moment).`);
  }
  else if (d.kind === 'jwt' || d.kind === 'iobeya-jwt') parts.push('Its claims give no expiry.');
  if (d.subject !== undefined) parts.push(`Subject: ${d.subject}.`);
  if (d.issuer !== undefined) parts.push(`Issuer: ${d.issuer}.`);
  return parts.join(' ');
}

/** The warning's way out: "Choose GitLab as the platform, or tick “Use it anyway” to keep GitHub." */
export function mismatchAdvice(c: Pick<PlatformConflict, 'chosen' | 'detected'>): string {
  return `Choose ${platformName(c.detected)} as the platform, or tick “Use it anyway” to keep ${platformName(c.chosen)}.`;
}
