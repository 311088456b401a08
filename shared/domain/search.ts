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
  let text = '';
  for (const [key, words] of SEARCH_FIELDS) text += `${words(t[key] as never)}\n`;
  return text.toLowerCase();
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
