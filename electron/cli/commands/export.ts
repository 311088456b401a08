/**
 * `export [--format json|csv|html|ics] [--client NAME]`: the inventory (never a value or a
 * note) on standard output, through core/reports' `exportInventory` — the one audited export
 * the app uses too: built first, so an unknown client fails with no audit entry; recorded
 * before anything is printed, so no export goes unrecorded.
 */
import { Option, type Command } from 'commander';
import { INVENTORY_FORMATS, exportInventory, type InventoryFormat } from '../../core/reports';
import { peekSettings, settingsPathFor } from '../../core/settings/settings-store';
import { run } from './parsers';
import type { Cli } from '../context';

interface ExportOptions {
  readonly format: InventoryFormat;
  readonly client?: string;
}

async function exportCmd(cli: Cli, o: ExportOptions): Promise<void> {
  const { report } = await cli.withUnlocked((v) =>
    exportInventory(v, {
      format: o.format,
      client: o.client,
      clock: cli.clock,
      // Calendar alarms follow the app's reminder days (its settings file beside the vault).
      reminderDaysBefore: peekSettings(settingsPathFor(cli.vaultPath)).reminderDays,
    }),
  );
  cli.out(report.content);
}

/** Registers `export`. */
export function registerExport(program: Command): void {
  program
    .command('export')
    .summary('print the inventory (no values, no notes)')
    .description(
      'Print the inventory (never token values or notes) as JSON, CSV, a printable HTML page or an iCalendar file ' +
        "with an event and reminders (the token's own, else 7 and 1 days before) per expiry; all tokens or one client. " +
        'Recorded in the audit log.',
    )
    .addOption(new Option('--format <format>', 'output format').choices(INVENTORY_FORMATS).default('json'))
    .option('--client <name>', "only this client's tokens (case-insensitive)")
    .action(run(exportCmd));
}
