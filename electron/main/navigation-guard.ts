/**
 * Keeps every web contents on the app's own page: navigation away, new windows and
 * <webview>s are blocked. Links are not handed to the browser either: the app opens only the
 * token pages main builds itself (token-pages.ts), so no URL chosen by page content ever leaves the app.
 */
import type { WebContents } from 'electron';

/** Installs the guard on one web contents. */
export function guardNavigation(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    // A reload of the current page is the only navigation the app itself makes (Vite's
    // full reload in dev); everything else is a link or an injected redirect.
    if (url === contents.getURL()) return;
    event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
