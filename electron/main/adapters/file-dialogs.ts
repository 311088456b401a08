/**
 * The FileDialogs port over Electron's dialog, each dialog modal to the main window. These
 * dialogs are the only source of file paths main accepts for export, backup and import: the
 * renderer never sends one, so a compromised page cannot read or write a file the user did
 * not pick here. Type-checked only: Electron cannot run on the build machines.
 */
import { app, dialog, type BrowserWindow, type FileFilter as ElectronFileFilter } from 'electron';
import { join } from 'node:path';
import type { FileDialogs, FileFilter } from '../../core/ports';

const toElectron = (filters: readonly FileFilter[]): ElectronFileFilter[] => filters.map((f) => ({ name: f.name, extensions: [...f.extensions] }));

/**
 * Creates the adapter. `getWindow` returns the current main window; with none (closed, or not
 * yet shown) a dialog answers "cancelled": there is no one to ask.
 */
export function createElectronFileDialogs(getWindow: () => BrowserWindow | null): FileDialogs {
  const parent = (): BrowserWindow | null => {
    const win = getWindow();
    return win === null || win.isDestroyed() ? null : win;
  };
  return {
    async saveFile({ title, defaultName, filters }) {
      const win = parent();
      if (win === null) return null;
      const r = await dialog.showSaveDialog(win, {
        title,
        // Documents rather than Downloads (Electron's default): exports and backups are kept.
        defaultPath: join(app.getPath('documents'), defaultName),
        filters: toElectron(filters),
        // Linux's dialog asks before replacing only when told to; macOS and Windows always do.
        properties: ['createDirectory', 'showOverwriteConfirmation', 'dontAddToRecent'],
      });
      return r.canceled || r.filePath === '' ? null : r.filePath;
    },
    async openFile({ title, filters }) {
      const win = parent();
      if (win === null) return null;
      const r = await dialog.showOpenDialog(win, { title, filters: toElectron(filters), properties: ['openFile', 'dontAddToRecent'] });
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
  };
}
