/**
 * The file flows: inventory export, encrypted backup, restore (merge into this vault, or a new
 * vault at first run) and import. Main picks every file with the system's dialog and hands
 * back an opaque file id; the page never names a path and never sees a value. A password
 * given here (backup, new master password) lives only in the dialog's state and the one call.
 * Errors are thrown as UiErrors for the dialog to show (it stays open); what a finished write
 * changed is reloaded here and confirmed with a toast.
 */
import type { StateCreator } from 'zustand';
import type { Request, Response } from '../../../shared/ipc/contract';
import { call } from '../api/client';
import type { All } from './types';

export type ExportResult = Response<'reports.export'>;
export type BackupSaved = Response<'backup.create'>;
/** A chosen backup file (name, size, date from its header). */
export type BackupInfo = NonNullable<Response<'backup.choose'>>;
export type MergeSummary = Response<'backup.merge'>;
/** A chosen import file; for CSV its header row and the guessed mapping. */
export type ImportChosen = NonNullable<Response<'import.choose'>>;
export type ImportPreview = Response<'import.preview'>;
export type ImportApplied = Response<'import.apply'>;
export type ImportFormat = Request<'import.choose'>['format'];
export type ExportFormat = Request<'reports.export'>['format'];

export interface FileFlowsSlice {
  /** Saves the inventory where the user picks; `saved: false` when they cancelled. */
  exportInventory: (req: Request<'reports.export'>) => Promise<ExportResult>;
  /** Writes an encrypted backup where the user picks; `saved: false` when they cancelled. */
  createBackup: (password: string) => Promise<BackupSaved>;
  /** Opens main's file dialog for a backup; null when cancelled. */
  chooseBackup: () => Promise<BackupInfo | null>;
  /** Previews (dryRun) or merges a chosen backup into the open vault; a merge reloads the list. */
  mergeBackup: (req: Request<'backup.merge'>) => Promise<MergeSummary>;
  /** First run: creates the vault from a backup with a new master password, then opens it. */
  restoreNewVault: (req: Request<'backup.restoreNew'>) => Promise<void>;
  /** Opens main's file dialog for an import; null when cancelled. */
  chooseImportFile: (format: ImportFormat) => Promise<ImportChosen | null>;
  previewImport: (req: Request<'import.preview'>) => Promise<ImportPreview>;
  /** Adds the previewed plan's new tokens and reloads the list. */
  applyImport: (planId: string) => Promise<ImportApplied>;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** "Saved 3 tokens to /home/me/tokens.csv" (a calendar counts events). */
export function exportedText(r: ExportResult, format: ExportFormat): string {
  return `Saved ${plural(r.count, format === 'ics' ? 'calendar event' : 'token')} to ${r.path ?? 'the chosen file'}`;
}

/** "Backup saved to PATH (3 tokens, 1 custom platform)". */
export function backupText(r: BackupSaved): string {
  return `Backup saved to ${r.path ?? 'the chosen file'} (${plural(r.tokens, 'token')}, ${plural(r.platforms, 'custom platform')})`;
}

/** "Merged the backup: 2 added, 1 updated, 4 unchanged". */
export function mergedText(m: MergeSummary): string {
  return `Merged the backup: ${m.added} added, ${m.updated} updated, ${m.skipped} unchanged`;
}

/** "Imported 3 tokens, replaced the value of 1 (1 duplicate and 2 skipped rows left out)". */
export function importedText(r: ImportApplied): string {
  const left = [r.duplicates > 0 ? plural(r.duplicates, 'duplicate') : null, r.skipped > 0 ? plural(r.skipped, 'skipped row') : null].filter(
    (x) => x !== null,
  );
  // One token per user (iObeya): a row that gave a user's token its new value is not an addition.
  const replaced = r.replaced > 0 ? `, replaced the value of ${plural(r.replaced, 'token')}` : '';
  return `Imported ${plural(r.added, 'token')}${replaced}${left.length > 0 ? ` (${left.join(' and ')} left out)` : ''}`;
}

export const createFileFlowsSlice: StateCreator<All, [], [], FileFlowsSlice> = (_set, get) => ({
  exportInventory: async (req) => {
    const r = await call('reports.export', req);
    if (r.saved) get().showToast(exportedText(r, req.format));
    return r;
  },
  createBackup: async (password) => {
    const r = await call('backup.create', { password });
    if (r.saved) get().showToast(backupText(r));
    return r;
  },
  chooseBackup: () => call('backup.choose', {}),
  mergeBackup: async (req) => {
    const m = await call('backup.merge', req);
    if (!req.dryRun) {
      await Promise.all([get().loadTokens(), get().loadCustomPlatforms()]);
      const id = get().selectedId;
      if (id !== null) void get().loadDetails(id); // a merged-in copy may have won
      get().showToast(mergedText(m));
    }
    return m;
  },
  restoreNewVault: async (req) => {
    const r = await call('backup.restoreNew', req);
    // Main created and unlocked the vault: ask where it stands, as at start-up.
    await get().refreshStatus();
    await get().loadSettings();
    get().showToast(`Restored ${plural(r.tokens, 'token')} and ${plural(r.platforms, 'custom platform')} from the backup`);
  },
  chooseImportFile: (format) => call('import.choose', { format }),
  previewImport: (req) => call('import.preview', req),
  applyImport: async (planId) => {
    const r = await call('import.apply', { planId });
    await get().loadTokens();
    get().showToast(importedText(r));
    return r;
  },
});
