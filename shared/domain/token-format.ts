/**
 * Whether a token value's format contradicts the platform chosen for it — so a GitLab token is
 * never stored as GitHub's and sent to GitHub's API. One pure rule for every place a value meets
 * a platform: the vault (add, edit, import), the CLI, the app's dialog and the platform
 * operations (check, revoke, rotate).
 *
 * The rule: a conflict when the value has a known format of another platform and none of the
 * chosen one's. Platforms without a documented format (YesWeHack, Jelastic/Virtuozzo, custom)
 * therefore conflict only with another platform's known format, and a JWT of unknown origin
 * (not identified as iObeya's) conflicts with nothing: any platform may issue JWTs.
 */
import { detectToken, matchingPlatforms } from './detect';
import { PLATFORMS, type PlatformId } from './platform-ids';

/** A value whose format belongs to another platform than the chosen one. */
export interface PlatformConflict {
  /** The platform the user chose. */
  readonly chosen: PlatformId;
  /** The platform whose format the value has. */
  readonly detected: PlatformId;
  /** What the value looks like, without an article ("GitLab personal access token"). */
  readonly label: string;
  /** One sentence naming both platforms, never the value: "This looks like a GitLab personal access token, not a GitHub token." */
  readonly message: string;
}

/** The conflict between `value`'s format and `chosen`, or null when there is none. */
export function platformConflict(value: string, chosen: PlatformId): PlatformConflict | null {
  const d = detectToken(value);
  if (d === null || d.platform === null || d.platform === chosen) return null;
  // A value that also fits one of the chosen platform's own formats is that platform's.
  if (matchingPlatforms(value).includes(chosen)) return null;
  return {
    chosen,
    detected: d.platform,
    label: d.label,
    message: `This looks like ${withArticle(d.label)}, not ${platformTokenPhrase(chosen)}.`,
  };
}

/** "a GitHub token", "an iObeya token", "a token for a custom platform". */
export function platformTokenPhrase(id: PlatformId): string {
  return id === 'custom' ? 'a token for a custom platform' : withArticle(`${platformName(id)} token`);
}

/** The platform's display name ("Jelastic / Virtuozzo"). */
export function platformName(id: PlatformId): string {
  return PLATFORMS.find((p) => p.id === id)?.name ?? id;
}

/** "a GitLab deploy token", "an iObeya personal access token", "a JSON Web Token". */
export function withArticle(label: string): string {
  return `${/^[aeiou]/i.test(label) ? 'an' : 'a'} ${label}`;
}
