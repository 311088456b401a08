/**
 * `reports.export`: the inventory (never a value) written where the user picks in the save
 * dialog. Built before the dialog opens, so an unknown client is refused without one; audited
 * once a place is chosen and before anything is written, so no export goes unrecorded (as
 * `patvault export` does).
 */
import type { Response } from '../../../../shared/ipc/contract';
import type { ValidRequest } from '../handlers';
import type { FileFilter } from '../../ports';
import { writeFileAtomically } from '../../files/atomic-write';
import { exportAuditDetail, exportInventory, type InventoryFormat } from '../../reports';
import { assertNotVaultFile, type FileFlowContext } from './context';

const FILTERS: Readonly<Record<InventoryFormat, FileFilter>> = {
  csv: { name: 'CSV spreadsheet', extensions: ['csv'] },
  json: { name: 'JSON', extensions: ['json'] },
  html: { name: 'Web page', extensions: ['html'] },
  ics: { name: 'Calendar', extensions: ['ics'] },
};

/** Builds the export, asks where to save it, audits, writes (0600, all or nothing). */
export async function exportReport(ctx: FileFlowContext, { format, client }: ValidRequest<'reports.export'>): Promise<Response<'reports.export'>> {
  const report = exportInventory(ctx.unlocked().tokens.list(), format, {
    now: ctx.clock.now(),
    client,
    reminderDaysBefore: ctx.settings.get().reminderDays,
  });
  const path = await ctx.dialogs.saveFile({ title: 'Export the token inventory', defaultName: report.suggestedFileName, filters: [FILTERS[format]] });
  if (path === null) return { saved: false, path: null, count: report.count };
  assertNotVaultFile(path, ctx.vaultPath);
  // Checked again: the vault may have locked itself while the dialog was open.
  ctx.unlocked().audit.record('export', exportAuditDetail(format, client, report.count));
  writeFileAtomically(path, Buffer.from(report.content, 'utf8'), true);
  return { saved: true, path, count: report.count };
}
