/** `import FILE` (JSON array of tokens) and `export` (inventory without values or notes). */
import { Option, type Command } from 'commander';
import { AppError, isAppError } from '../../../shared/errors';
import { INVENTORY_FORMATS, exportAuditDetail, exportInventory, type InventoryFormat } from '../../core/reports';
import { peekSettings, settingsPathFor } from '../../core/app/settings-store';
import { readInputFile } from '../io/read-input-file';
import { importPlanCmd, replacedText, type PlanImportOptions } from './import-plan';
import { parsePositiveInt, run } from './parsers';
import type { Cli } from '../context';

/** Larger files are refused before reading: 100,000 tokens fit easily below this. */
const MAX_IMPORT_BYTES = 512 * 1024 * 1024;

/** Reads and parses the import file. Messages never quote its content: it holds token values. */
function readImportFile(file: string): unknown[] {
  const text = readInputFile(file, MAX_IMPORT_BYTES).toString('utf8');
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    // JSON.parse's own message quotes the text around the error, which may be a token value.
    throw new AppError('BAD_INPUT', `${file} is not valid JSON. Nothing was imported.`);
  }
  if (!Array.isArray(data)) {
    throw new AppError('BAD_INPUT', `${file} must hold a JSON array of tokens ([{"platform": …, "token": …}, …]). Nothing was imported.`);
  }
  return data;
}

async function importCmd(cli: Cli, o: Omit<PlanImportOptions, 'format'> & { format: 'json' | PlanImportOptions['format'] }, file: string): Promise<void> {
  if (o.format !== 'json') return importPlanCmd(cli, { ...o, format: o.format }, file);
  if (o.dryRun) throw new AppError('BAD_INPUT', '--dry-run is for --format env, csv and keepassxc (a JSON import is checked whole before anything is written).');
  const items = readImportFile(file);
  const result = await cli
    .withUnlocked((v) =>
      v.tokens.import(items, {
        ...(o.batchSize !== undefined ? { batchSize: o.batchSize } : {}),
        // Printed only after the batch is durable: a line here is a promise that it survives a crash.
        onCommitted: (done, total) => cli.note(`imported ${done}/${total}`),
      }),
    )
    .catch((e: unknown) => {
      // The core names the item and both platforms; say how to keep it if the user knows better.
      if (!isAppError(e) || e.code !== 'PLATFORM_MISMATCH') throw e;
      throw new AppError('PLATFORM_MISMATCH', `${e.message} Nothing was imported; correct its platform, or give that item "platformMismatchOk": true to import it anyway.`);
    });
  cli.out(`imported ${result.imported} tokens, ${replacedText(result.replaced)}skipped ${result.skippedDuplicates} already in the vault\n`);
}

interface ExportOptions {
  readonly format: InventoryFormat;
  readonly client?: string;
}

/** The audit line: format, client when filtered, and how much went out ("csv, 5 tokens"). */
async function exportCmd(cli: Cli, o: ExportOptions): Promise<void> {
  const report = await cli.withUnlocked((v) => {
    // Built first, so an unknown client fails without an audit entry; audited before anything
    // is printed, so no export goes unrecorded.
    // Calendar alarms follow the app's reminder days (its settings file beside the vault).
    const reminderDaysBefore = peekSettings(settingsPathFor(cli.vaultPath)).reminderDays;
    const r = exportInventory(v.tokens.list(), o.format, { now: new Date(), client: o.client, reminderDaysBefore });
    v.audit.record('export', exportAuditDetail(o.format, o.client, r.count));
    return r;
  });
  cli.out(report.content);
}

/** Registers `import` and `export`. */
export function registerTransfer(program: Command): void {
  program
    .command('import')
    .summary('import tokens from JSON, a .env file, CSV or a KeePassXC export')
    .description(
      'Import tokens. --format json (default): an array of {platform, account, client?, username?, name, token, scopes?, expiresAt?, notes?, baseUrl?, platformMismatchOk?}, ' +
        'all items checked first (one bad item, or a token whose format is another platform\'s without platformMismatchOk: nothing is imported). --format env|csv|keepassxc: a preview of every row (import, duplicate, skipped and why) ' +
        'goes to stderr first; --dry-run stops there. Progress on stderr.',
    )
    .argument('<file>', 'path of the file')
    .addOption(new Option('--format <format>', 'what the file is').choices(['json', 'env', 'csv', 'keepassxc']).default('json'))
    .option('--account <label>', 'account for tokens whose file does not say (required for env)')
    .option('--client <name>', 'client for tokens whose file does not say')
    .option('--platform <id>', 'platform for tokens whose format and file do not tell')
    .option('--map <field=Column,…>', 'csv: which column holds what (token, name, platform, account, client, username, baseUrl, scopes, expiresAt, notes); guessed from the header when absent')
    .option('--dry-run', 'show the preview and write nothing')
    .option('--batch-size <n>', 'tokens committed per transaction (default 500)', parsePositiveInt)
    .action(run(importCmd));

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
