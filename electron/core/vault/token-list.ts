/**
 * What lists and searches show: every token's view, built once from the loaded state and kept
 * until the kernel says the records changed (or the clock moved on: status depends on it).
 */
import { AppError } from '../../../shared/errors';
import type { Account, TokenView } from '../../../shared/domain/token';
import { matchesQuery, queryWords, tokenSearchText } from '../../../shared/domain/search';
import { resolveIdPrefix } from './ids';
import type { VaultKernel } from './kernel';
import { accountView, passesFilter, sortKey, tokenView, type TokenFilter } from './token-views';

interface ViewCache {
  readonly at: number;
  /** Every token, in storage order. */
  readonly views: readonly TokenView[];
  /** Lower-case searchable text of views[i]. */
  readonly text: readonly string[];
  /** The views in list order, computed on first list (search sorts only its matches). */
  sorted: readonly TokenView[] | null;
}

/** Status depends on the clock; cached views are reused within this many milliseconds. */
const VIEW_TTL_MS = 30_000;

/** `views` in list order (client, platform, account, name, id). */
function sortViews(views: readonly TokenView[]): TokenView[] {
  const keyed = views.map((view) => ({ key: sortKey(view), view }));
  keyed.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  return keyed.map((k) => k.view);
}

/** The token views of one kernel, cached between changes. */
export class TokenList {
  private cache: ViewCache | null = null;

  constructor(private readonly kernel: VaultKernel) {
    kernel.onChange(() => {
      this.cache = null;
    });
  }

  /** Every token (never a value), sorted by client, platform, account, name. */
  list(filter: TokenFilter = {}): TokenView[] {
    const cache = this.views();
    cache.sorted ??= sortViews(cache.views);
    return cache.sorted.filter((v) => passesFilter(v, filter));
  }

  /** Tokens whose fields contain every word of `query` (case-insensitive). */
  search(query: string, filter: TokenFilter = {}): TokenView[] {
    const words = queryWords(query);
    const { views, text } = this.views();
    const out: TokenView[] = [];
    for (let i = 0; i < views.length; i++) {
      const v = views[i] as TokenView;
      if (matchesQuery(text[i] as string, words) && passesFilter(v, filter)) out.push(v);
    }
    return sortViews(out);
  }

  /** Every account. */
  accounts(): Account[] {
    return [...this.kernel.state().accounts.values()].map(accountView);
  }

  /** The full id for an id or unique prefix. */
  resolveId(prefix: string): string {
    return resolveIdPrefix(prefix, this.kernel.state().tokens.keys());
  }

  /** One token (never its value). */
  get(idOrPrefix: string): TokenView {
    const id = this.resolveId(idOrPrefix);
    const view = this.views().views.find((v) => v.id === id);
    if (!view) throw new AppError('NOT_FOUND', `No token with id ${idOrPrefix}.`);
    return view;
  }

  private views(): ViewCache {
    const state = this.kernel.state();
    const now = this.kernel.clock.now();
    if (this.cache && Math.abs(now.getTime() - this.cache.at) < VIEW_TTL_MS) return this.cache;
    const views: TokenView[] = [];
    for (const t of state.tokens.values()) {
      const a = state.accounts.get(t.data.accountId);
      const cp = a?.data.customPlatformId;
      if (a) views.push(tokenView(t, a, now, cp === undefined ? undefined : state.platforms.get(cp)));
    }
    this.cache = { at: now.getTime(), views, text: views.map(tokenSearchText), sorted: null };
    return this.cache;
  }
}
