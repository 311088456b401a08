/**
 * The only place the app opens a browser. The URL never comes from the window: the core
 * rebuilds a token's page from the stored account by the platform's fixed template and checks it
 * (https, the account's own host: electron/core/app/token-page-opener.ts, tested under Node)
 * before handing it here. This adapter refuses anything but https once more, as the last line
 * before the operating system. README "Electronegativity review findings" lists the one
 * OPEN_EXTERNAL_JS_CHECK finding this line raises, and why.
 */
import { shell } from 'electron';

/** Opens a page the core built and checked; false for anything that is not https. */
export async function openTokenPage(url: string): Promise<boolean> {
  if (!URL.canParse(url) || new URL(url).protocol !== 'https:') return false;
  await shell.openExternal(url, { activate: true });
  return true;
}
