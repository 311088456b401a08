/**
 * The Clipboard port over Electron's clipboard. A secret is written together with the
 * markers clipboard managers and history features honour, so they skip it:
 *   macOS    org.nspasteboard.ConcealedType (nspasteboard.org; Maccy, Alfred, Raycast, …)
 *   Windows  ExcludeClipboardContentFromMonitorProcessing (monitors skip the content) and
 *            CanIncludeInClipboardHistory / CanUploadToCloudClipboard = DWORD 0 (Win+V
 *            history and cloud sync skip it)
 *   Linux    x-kde-passwordManagerHint = "secret" (Klipper; other managers that follow KDE)
 * All formats go in one `clipboard.write()` of one ClipboardItem, which Electron commits
 * atomically: separate writes would each replace the clipboard, leaving only the last
 * format (the marker without the text, or the text without the marker).
 * Type-checked only: Electron cannot run on the build machines.
 */
import { clipboard, ClipboardItem } from 'electron';
import type { Clipboard } from '../../core/ports';

/** A platform clipboard format, in Electron's custom-format syntax. */
const raw = (name: string): string => `electron application/osclipboard;format="${name}"`;

/** A Windows DWORD 0 (little-endian), the value that opts out of history and cloud sync. */
const dwordZero = (): Blob => new Blob([new Uint8Array(4)]);

/** The marker formats for `platform`, each with its payload. */
export function concealMarkers(platform: NodeJS.Platform): Record<string, string | Blob> {
  switch (platform) {
    case 'darwin':
      // The marker's data is ignored by readers; its presence is what counts.
      return { [raw('org.nspasteboard.ConcealedType')]: '' };
    case 'win32':
      return {
        [raw('ExcludeClipboardContentFromMonitorProcessing')]: dwordZero(),
        [raw('CanIncludeInClipboardHistory')]: dwordZero(),
        [raw('CanUploadToCloudClipboard')]: dwordZero(),
      };
    case 'linux':
    case 'freebsd':
    case 'openbsd':
      return { [raw('x-kde-passwordManagerHint')]: 'secret' };
    default:
      return {};
  }
}

/** Creates the adapter for the current platform. */
export function createElectronClipboard(platform: NodeJS.Platform = process.platform): Clipboard {
  return {
    async writeSecret(text) {
      const item = new ClipboardItem({ 'text/plain': text, ...concealMarkers(platform) });
      try {
        await clipboard.write([item]);
      } catch {
        console.warn('patvault: the clipboard refused the password-manager markers; copied the value without them');
        // A platform that refuses a marker format still gets the text (unmarked, but cleared
        // on time): copying must not fail because a clipboard manager hint is unsupported.
        await clipboard.writeText(text);
      }
    },
    readText: () => clipboard.readText(),
    clear: () => clipboard.clear(),
  };
}
