/** Keeps every web contents on the app's own page; links go to the browser, https only. */
import { shell, type WebContents } from 'electron';
import { checkExternalUrl } from '../core/security/external-url';

/** Options for {@link guardNavigation}. */
export interface NavigationGuardOptions {
  /** When set, only links to these hosts (or subdomains) open in the browser. */
  readonly allowedHosts?: readonly string[] | undefined;
}

/**
 * Blocks navigation away from the loaded page, new windows and <webview>s. A navigation or
 * window.open to an https link is handed to the OS browser instead, so the user still gets
 * where the link points, but never inside a window that has the preload's `api`.
 */
export function guardNavigation(contents: WebContents, options: NavigationGuardOptions = {}): void {
  const openOutside = (url: string): void => {
    const verdict = checkExternalUrl(url, options.allowedHosts);
    if (verdict.ok) void shell.openExternal(verdict.url);
  };

  contents.on('will-navigate', (event, url) => {
    // A reload of the current page is the only navigation the app itself makes (Vite's
    // full reload in dev); everything else is a link or an injected redirect.
    if (url === contents.getURL()) return;
    event.preventDefault();
    openOutside(url);
  });

  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url);
    return { action: 'deny' };
  });

  contents.on('will-attach-webview', (event) => event.preventDefault());
}
