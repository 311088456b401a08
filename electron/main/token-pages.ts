/**
 * The only place the app opens a browser: a fixed token-management page per known platform.
 * The URLs are literals, so nothing from the page (or a compromised renderer) can choose
 * where the browser goes; IPC carries only a platform id. Platforms whose page depends on the
 * customer or hoster (Jelastic, iObeya, self-hosted GitLab) have none here: the UI says so.
 */
import { shell } from 'electron';
import type { PlatformId } from '../../shared/domain/platform-ids';

/** Opens `platform`'s token page; false when there is no fixed page for it. */
export async function openTokenPage(platform: PlatformId): Promise<boolean> {
  switch (platform) {
    case 'github':
      await shell.openExternal('https://github.com/settings/tokens');
      return true;
    case 'gitlab':
      await shell.openExternal('https://gitlab.com/-/user_settings/personal_access_tokens');
      return true;
    case 'yeswehack':
      // PATs live under the user menu → "MyYesWeHack tools"; the dashboard is the fixed entry point.
      await shell.openExternal('https://yeswehack.com/');
      return true;
    case 'brass':
    case 'jelastic':
    case 'iobeya':
    case 'custom':
      return false;
  }
}
