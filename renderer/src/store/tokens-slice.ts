/**
 * The token list (never values), with search, filters, grouping and selection. The searchable
 * text of each token is built once when the list loads, so a keystroke only does substring
 * checks (see selectors.ts).
 */
import type { StateCreator } from 'zustand';
import type { TokenStatus } from '../../../shared/domain/status';
import type { TokenView } from '../api/types';
import type { Request } from '../../../shared/ipc/contract';
import { call, toUiError } from '../api/client';
import { tokenSearchText } from '../../../shared/domain/search';
import type { All } from './types';

/** How the list is grouped. */
export type Grouping = 'none' | 'client' | 'platform';

export interface TokenFilters {
  /** '' means any. */
  readonly platform: string;
  readonly client: string;
  readonly status: TokenStatus | '';
}

export const NO_FILTERS: TokenFilters = { platform: '', client: '', status: '' };

export interface TokensSlice {
  tokens: readonly TokenView[];
  /** Lowercased searchable text, one per token, same order as `tokens`. */
  haystacks: readonly string[];
  tokensLoaded: boolean;
  tokensLoading: boolean;
  tokensError: string | null;
  query: string;
  filters: TokenFilters;
  grouping: Grouping;
  selectedId: string | null;
  loadTokens: () => Promise<void>;
  setQuery: (q: string) => void;
  setFilter: <K extends keyof TokenFilters>(key: K, value: TokenFilters[K]) => void;
  setGrouping: (g: Grouping) => void;
  select: (id: string | null) => void;
  /**
   * Adds a token, or gives its value to the user's token (iObeya: one token per user; then
   * `replaced`); throws a UiError the dialog shows.
   */
  addToken: (input: Request<'tokens.add'>) => Promise<{ token: TokenView; replaced: boolean }>;
  /** Edits a token; throws a UiError the dialog shows. */
  editToken: (id: string, patch: Request<'tokens.edit'>['patch']) => Promise<TokenView>;
  /** Removes a token; throws a UiError the dialog shows. */
  removeToken: (id: string) => Promise<void>;
  /** Main copies the value; the page only learns when the clipboard will be cleared. */
  copyToken: (id: string) => Promise<void>;
  /** Opens the platform's token page in the browser (main knows the fixed https pages). */
  /** Asks main to open token `id`'s page (main builds it from the stored account); a toast when there is none. */
  openTokenPage: (id: string) => Promise<void>;
  /** Puts a token view main returned (check, revoke, rotate) in place of the listed one. */
  replaceToken: (token: TokenView) => void;
  clearTokens: () => void;
}

const withHaystacks = (tokens: readonly TokenView[]) => ({ tokens, haystacks: tokens.map(tokenSearchText) });

export const createTokensSlice: StateCreator<All, [], [], TokensSlice> = (set, get) => ({
  tokens: [],
  haystacks: [],
  tokensLoaded: false,
  tokensLoading: false,
  tokensError: null,
  query: '',
  filters: NO_FILTERS,
  grouping: 'none',
  selectedId: null,
  loadTokens: async () => {
    set({ tokensLoading: true, tokensError: null });
    try {
      const list = await call('tokens.list', {});
      if (get().phase !== 'unlocked') return; // locked while loading: keep nothing
      const selectedId = get().selectedId;
      set({
        ...withHaystacks(list),
        tokensLoaded: true,
        tokensLoading: false,
        selectedId: list.some((t) => t.id === selectedId) ? selectedId : null,
      });
    } catch (e) {
      set({ tokensLoading: false, tokensError: toUiError(e).message });
    }
  },
  // Search and filters narrow the list of all tokens: using them shows that list (the
  // needs-attention view is a fixed to-do list, never filtered).
  setQuery: (query) => set(query.trim() === '' ? { query } : { query, view: 'all' }),
  setFilter: (key, value) => set((s) => ({ filters: { ...s.filters, [key]: value }, ...(value === '' ? {} : { view: 'all' as const }) })),
  setGrouping: (grouping) => set({ grouping }),
  select: (id) => {
    if (id === get().selectedId) return;
    set({ selectedId: id });
    get().hideReveal();
    if (id === null) get().clearDetail();
    else void get().loadDetails(id);
  },
  addToken: async (input) => {
    const { replaced, ...token } = await call('tokens.add', input);
    set((s) => withHaystacks(replaced ? s.tokens.map((t) => (t.id === token.id ? token : t)) : [...s.tokens, token]));
    // Already selected, a replaced token's details (its history) must load again.
    if (get().selectedId === token.id) void get().loadDetails(token.id);
    else get().select(token.id);
    return { token, replaced };
  },
  editToken: async (id, patch) => {
    const token = await call('tokens.edit', { id, patch });
    set((s) => withHaystacks(s.tokens.map((t) => (t.id === id ? token : t))));
    if (get().selectedId === id) void get().loadDetails(id);
    return token;
  },
  removeToken: async (id) => {
    await call('tokens.remove', { id });
    set((s) => withHaystacks(s.tokens.filter((t) => t.id !== id)));
    if (get().selectedId === id) get().select(null);
  },
  copyToken: async (id) => {
    try {
      const { clearsInSeconds } = await call('tokens.copy', { id });
      get().showToast(`Copied — clears in ${clearsInSeconds} s`);
      if (get().selectedId === id) void get().loadDetails(id); // the audit trail gained a line
    } catch (e) {
      get().showError(toUiError(e).message);
    }
  },
  openTokenPage: async (id) => {
    try {
      const { opened } = await call('app.openTokenPage', { id });
      if (!opened) get().showToast('No token page is known for this account: manage the token on its platform.');
    } catch (e) {
      get().showError(toUiError(e).message);
    }
  },
  replaceToken: (token) => set((s) => withHaystacks(s.tokens.map((t) => (t.id === token.id ? token : t)))),
  clearTokens: () =>
    set({ tokens: [], haystacks: [], tokensLoaded: false, tokensLoading: false, tokensError: null, selectedId: null }),
});
