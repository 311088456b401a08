/**
 * The last gate before a stored token leaves the machine: a value whose format belongs to
 * another platform (shared/domain/token-format) is never sent to the token's platform — also
 * when the user accepted the mismatch when saving it, since that acceptance is about storing,
 * not about handing a GitLab token to GitHub.
 */
import { isPlatformId } from '../../../shared/domain/platform-ids';
import { platformConflict, platformName } from '../../../shared/domain/token-format';

/**
 * Why nothing may be sent for this value ("nothing was sent to GitHub, because this looks like
 * a GitLab personal access token, not a GitHub token"), or null when its format fits. Names
 * platforms, never the value.
 */
export function formatRefusal(value: string, platform: string): string | null {
  const c = isPlatformId(platform) ? platformConflict(value, platform) : null;
  if (c === null) return null;
  const target = c.chosen === 'custom' ? 'its custom platform' : platformName(c.chosen);
  return `nothing was sent to ${target}, because ${c.message.charAt(0).toLowerCase()}${c.message.slice(1, -1)}`;
}
