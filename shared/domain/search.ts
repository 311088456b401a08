/**
 * Token search, one rule for the app and the CLI: every word of the query must appear,
 * case-insensitively, in some field a person might type. The text is built once per token,
 * so a keystroke costs only `includes` calls. Never includes a token value.
 */
import { SEARCH_FIELDS, type TokenView } from './token-view';

/**
 * One lowercase string per token: the words of every searched field (token-view.ts says which
 * and how), separated by a newline so a word cannot span two fields.
 */
export function tokenSearchText(t: TokenView): string {
  const parts = new Array<string>(SEARCH_KEYS.length);
  for (let i = 0; i < SEARCH_KEYS.length; i++) {
    const value = t[SEARCH_KEYS[i] as keyof TokenView];
    const words = SEARCH_WORDS[i];
    parts[i] = words ? words(value as never) : typeof value === 'string' ? value : '';
  }
  return parts.join('\n').toLowerCase();
}

// Flat arrays: this runs for every token at unlock (10,000 × a dozen fields).
const SEARCH_KEYS = SEARCH_FIELDS.map(([key]) => key);
const SEARCH_WORDS = SEARCH_FIELDS.map(([, words]) => words);

/** A query as lowercase words. */
export function queryWords(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter((w) => w.length > 0);
}

/** True when every word is in `text` (a tokenSearchText). */
export function matchesQuery(text: string, words: readonly string[]): boolean {
  for (const w of words) if (!text.includes(w)) return false;
  return true;
}
