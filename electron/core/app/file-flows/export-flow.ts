/**
 * `reports.export`: the inventory (never a value) written where the user picks in the save
 * dialog, through core/reports' `exportInventory` (the one audited export, as `patvault
 * export` uses): built before the dialog opens, so an unknown client is refused without one;
 * audited once a place is chosen and before anything is written, so no export goes unrecorded.
 */
import type { Response } from '../../../../shared/ipc/contract';
import type { ValidRequest } from '../handlers';
import type { FileFilter } from '../../ports';
import { writeFileAtomically } from '../../files/atomic-write';
import { exportInventory, type InventoryFormat } from '../../reports';
import { assertNotVaultFile, type FileFlowContext } from './context';

const FILTERS: Readonly<Record<InventoryFormat, FileFilter>> = {
  csv: { name: 'CSV spreadsheet', extensions: ['csv'] },
  json: { name: 'JSON', extensions: ['json'] },
  html: { name: 'Web page', extensions: ['html'] },
  ics: { name: 'Calendar', extensions: ['ics'] },
};

/** Builds the inventory, asks where to save it, audits, writes (0600, all or nothing). */
export async function saveInventory(ctx: FileFlowContext, { format, client }: ValidRequest<'reports.export'>): Promise<Response<'reports.export'>> {
  // The vault is asked for again after the dialog: it may have locked itself meanwhile.
  const { report, destination: path } = await exportInventory(() => ctx.unlocked(), {
    format,
    client,
    clock: ctx.clock,
    reminderDaysBefore: ctx.settings.get().reminderDays,
    destination: async (r) => {
      const chosen = await ctx.dialogs.saveFile({ title: 'Export the token inventory', defaultName: r.suggestedFileName, filters: [FILTERS[format]] });
      if (chosen !== null) assertNotVaultFile(chosen, ctx.vaultPath);
      return chosen;
    },
  });
  if (path === null || path === undefined) return { saved: false, path: null, count: report.count };
  writeFileAtomically(path, Buffer.from(report.content, 'utf8'), true);
  return { saved: true, path, count: report.count };
}
