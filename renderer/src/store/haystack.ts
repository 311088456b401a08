/** The searchable text of a token: every field a person might type, lowercased once. */
import { PLATFORMS } from '../../../shared/domain/platform-ids';
import type { TokenView } from '../api/types';

const platformName = new Map<string, string>(PLATFORMS.map((p) => [p.id, p.name]));

/** One lowercase string per token; fields separated by a newline so terms cannot span fields. */
export function haystackOf(t: TokenView): string {
  return [
    t.name,
    t.platform,
    platformName.get(t.platform) ?? '',
    t.account,
    t.client ?? '',
    t.username ?? '',
    t.baseUrl ?? '',
    t.scopes.join(' '),
    t.status,
    t.expiresAt ?? '',
    t.id,
  ]
    .join('\n')
    .toLowerCase();
}
