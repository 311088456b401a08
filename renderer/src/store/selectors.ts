/**
 * Derived views of the store as plain exported functions, memoised on their inputs so a
 * component re-renders only when its answer changes. Search is substring checks over
 * precomputed lowercase haystacks (no regex, no lowercasing per keystroke), and a query that
 * extends the previous one only re-checks the previous matches.
 */
import { isPlatformId, PLATFORMS } from '../../../shared/domain/platform-ids';
import type { TokenView } from '../api/types';
import type { Grouping, TokenFilters } from './tokens-slice';
import type { All } from './types';
import { matchesQuery, queryWords } from '../../../shared/domain/search';
import { tokenPageFor, type TokenPage } from '../../../shared/domain/token-pages';

/** One line of the list: a group header or a token. */
export type Row =
  | { readonly kind: 'group'; readonly key: string; readonly label: string; readonly count: number }
  | { readonly kind: 'token'; readonly token: TokenView; /** 1-based position among the shown tokens. */ readonly pos: number };

const platformName = new Map<string, string>(PLATFORMS.map((p) => [p.id, p.name]));

/** The display name of a platform id. */
export const platformLabel = (id: string): string => platformName.get(id) ?? id;

/** What a token's platform is called: its custom platform's name when it has one. */
export const tokenPlatformLabel = (t: Pick<TokenView, 'platform' | 'customPlatformName'>): string =>
  t.customPlatformName ?? platformLabel(t.platform);

interface MatchMemo {
  tokens: readonly TokenView[];
  haystacks: readonly string[];
  query: string;
  filters: TokenFilters;
  matches: readonly number[];
}
let matchMemo: MatchMemo | null = null;

const passesFilters = (t: TokenView, f: TokenFilters): boolean =>
  (f.platform === '' || t.platform === f.platform) &&
  (f.client === '' || (t.client ?? '') === f.client) &&
  (f.status === '' || t.status === f.status);

/** Indices into `tokens` of the tokens matching the query and filters, in list order. */
export function selectMatchIndices(s: Pick<All, 'tokens' | 'haystacks' | 'query' | 'filters'>): readonly number[] {
  const m = matchMemo;
  if (m && m.tokens === s.tokens && m.haystacks === s.haystacks && m.query === s.query && m.filters === s.filters) return m.matches;
  const query = s.query.toLowerCase();
  const terms = queryWords(query);
  // Typing more narrows the previous result: check only what matched before.
  const narrowing = m !== null && m.tokens === s.tokens && m.filters === s.filters && query.startsWith(m.query.toLowerCase());
  const candidates = narrowing ? m.matches : null;
  const out: number[] = [];
  const n = candidates ? candidates.length : s.tokens.length;
  for (let k = 0; k < n; k++) {
    const i = candidates ? (candidates[k] as number) : k;
    const ok = matchesQuery(s.haystacks[i] as string, terms);
    if (ok && (candidates || passesFilters(s.tokens[i] as TokenView, s.filters))) out.push(i);
  }
  matchMemo = { tokens: s.tokens, haystacks: s.haystacks, query: s.query, filters: s.filters, matches: out };
  return out;
}

let rowsMemo: { matches: readonly number[]; tokens: readonly TokenView[]; grouping: Grouping; rows: readonly Row[] } | null = null;

const groupOf = (t: TokenView, g: Grouping): { key: string; label: string } => {
  if (g === 'platform') {
    // Each custom platform is a group of its own, under its name.
    return t.customPlatformId !== null && t.customPlatformName !== null
      ? { key: `${t.platform}:${t.customPlatformName}:${t.customPlatformId}`, label: t.customPlatformName }
      : { key: t.platform, label: platformLabel(t.platform) };
  }
  return t.client === null ? { key: '\uffff', label: 'No client' } : { key: t.client, label: t.client };
};

/** The rows the list shows: matching tokens, with group headers when grouping. */
export function selectRows(s: Pick<All, 'tokens' | 'haystacks' | 'query' | 'filters' | 'grouping'>): readonly Row[] {
  const matches = selectMatchIndices(s);
  const r = rowsMemo;
  if (r && r.matches === matches && r.tokens === s.tokens && r.grouping === s.grouping) return r.rows;
  let rows: Row[];
  if (s.grouping === 'none') {
    rows = matches.map((i, k) => ({ kind: 'token', token: s.tokens[i] as TokenView, pos: k + 1 }));
  } else {
    const groups = new Map<string, { label: string; tokens: TokenView[] }>();
    for (const i of matches) {
      const t = s.tokens[i] as TokenView;
      const { key, label } = groupOf(t, s.grouping);
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { label, tokens: [] }));
      g.tokens.push(t);
    }
    const keys = [...groups.keys()].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' }));
    rows = [];
    let pos = 0;
    for (const key of keys) {
      const g = groups.get(key) as { label: string; tokens: TokenView[] };
      rows.push({ kind: 'group', key, label: g.label, count: g.tokens.length });
      for (const token of g.tokens) rows.push({ kind: 'token', token, pos: ++pos });
    }
  }
  rowsMemo = { matches, tokens: s.tokens, grouping: s.grouping, rows };
  return rows;
}

let clientsMemo: { tokens: readonly TokenView[]; clients: readonly string[] } | null = null;

/** Distinct client names in the vault, sorted, for the client filter. */
export function selectClients(s: Pick<All, 'tokens'>): readonly string[] {
  if (clientsMemo?.tokens === s.tokens) return clientsMemo.clients;
  const set = new Set<string>();
  for (const t of s.tokens) if (t.client !== null) set.add(t.client);
  const clients = [...set].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' }));
  clientsMemo = { tokens: s.tokens, clients };
  return clients;
}

/** The selected token's list entry, or null. */
export function selectSelectedToken(s: Pick<All, 'tokens' | 'selectedId'>): TokenView | null {
  if (s.selectedId === null) return null;
  return s.tokens.find((t) => t.id === s.selectedId) ?? null;
}

/**
 * The page where a built-in platform's token is managed by hand, built from its account's base
 * URL by the platform's fixed template (shared/domain/token-pages), or null. Main rebuilds and
 * checks it before opening it: the window only shows it and sends the token id.
 */
export function selectTokenPage(t: Pick<TokenView, 'platform' | 'baseUrl'>): TokenPage | null {
  return t.platform === 'custom' || !isPlatformId(t.platform) ? null : tokenPageFor(t.platform, t.baseUrl);
}

/** A custom token's page (from its custom platform's definition), or null. */
export function selectCustomTokenPage(s: Pick<All, 'customPlatforms'>, t: Pick<TokenView, 'platform' | 'customPlatformId'>): string | null {
  if (t.platform !== 'custom' || t.customPlatformId === null) return null;
  return s.customPlatforms.find((p) => p.id === t.customPlatformId)?.tokenPageUrl ?? null;
}

/** True when any filter or the query narrows the list. */
export function selectIsFiltered(s: Pick<All, 'query' | 'filters'>): boolean {
  return s.query.trim() !== '' || s.filters.platform !== '' || s.filters.client !== '' || s.filters.status !== '';
}

/** Forgets memoised answers (tests). */
export function resetSelectorMemos(): void {
  matchMemo = null;
  rowsMemo = null;
  clientsMemo = null;
}
