/**
 * Token search, one rule for the app and the CLI: every word of the query must appear,
 * case-insensitively, in some field a person might type. The text is built once per token,
 * so a keystroke costs only `includes` calls. Never includes a token value.
 */
import { PLATFORMS } from './platform-ids';
import { YWH_ACCESS_LABEL, YWH_ROLE_LABEL, YWH_SCOPE_LABEL, type YwhAccess, type YwhRole, type YwhScope } from './yeswehack';

const platformName = new Map<string, string>(PLATFORMS.map((p) => [p.id, p.name]));

/** The searchable fields of a token (structural: TokenView and its wire shape both fit). */
export interface Searchable {
  readonly id: string;
  readonly platform: string;
  readonly account: string;
  readonly client: string | null;
  readonly username: string | null;
  readonly baseUrl: string | null;
  readonly name: string;
  readonly scopes: readonly string[];
  readonly expiresAt: string | null;
  readonly status: string;
  readonly customPlatformName?: string | null;
  readonly programSlug?: string | null;
  readonly ywhRole?: YwhRole | null;
  readonly ywhScope?: YwhScope | null;
  readonly ywhAccess?: YwhAccess | null;
}

/** A YesWeHack field as typed in a search: its id ("read-write") and its words ("Read and write"). */
function ywhText<K extends string>(value: K | null | undefined, labels: Readonly<Record<K, string>>): string {
  return value === null || value === undefined ? '' : `${value} ${labels[value]}`;
}

/** One lowercase string per token; fields separated by a newline so a word cannot span two. */
export function tokenSearchText(t: Searchable): string {
  return [
    t.name,
    t.platform,
    platformName.get(t.platform) ?? '',
    t.customPlatformName ?? '',
    t.programSlug ?? '',
    ywhText(t.ywhRole, YWH_ROLE_LABEL),
    ywhText(t.ywhScope, YWH_SCOPE_LABEL),
    ywhText(t.ywhAccess, YWH_ACCESS_LABEL),
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

/** A query as lowercase words. */
export function queryWords(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter((w) => w.length > 0);
}

/** True when every word is in `text` (a tokenSearchText). */
export function matchesQuery(text: string, words: readonly string[]): boolean {
  for (const w of words) if (!text.includes(w)) return false;
  return true;
}
