/**
 * The app's `shell.openExternal` policy, in plain Node so it is tested without Electron:
 *
 *   1. the window sends only a token id (`app.openTokenPage { id }`), never a URL;
 *   2. the page is rebuilt here from the account as the vault stores it (platform + base URL),
 *      by the platform's fixed template (shared/domain/token-pages.ts);
 *   3. it is checked again by an independent rule: https, no credentials, on the account's own
 *      host or the one host its platform documents beside it (`isPageOfAccount`);
 *   4. only then is the host's opener (main: `shell.openExternal`) called, with that URL.
 *
 * A custom platform's page is the user's own text: shown in the window to copy, never opened.
 * The vault's base URLs were typed or imported by the user, and checks already send the token
 * there; a page on the same host adds no new destination.
 */
import type { TokenView } from '../../../shared/domain/token';
import { isPageOfAccount, tokenPageFor, type TokenPage } from '../../../shared/domain/token-pages';

/** The page the app may open for this token, or null. */
export function openableTokenPage(view: Pick<TokenView, 'platform' | 'baseUrl'>): TokenPage | null {
  if (view.platform === 'custom') return null;
  const page = tokenPageFor(view.platform, view.baseUrl);
  if (page === null || !isPageOfAccount(page.url, view.platform, view.baseUrl)) return null;
  return page;
}

/** Opens `view`'s token page with `open` (the host's browser opener); false when there is none or no opener. */
export async function openTokenPageOf(
  view: Pick<TokenView, 'platform' | 'baseUrl'>,
  open: ((url: string) => boolean | Promise<boolean>) | undefined,
): Promise<boolean> {
  const page = openableTokenPage(view);
  if (page === null || open === undefined) return false;
  return open(page.url);
}
