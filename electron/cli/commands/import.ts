/**
 * `import FILE`: tokens from a JSON array (checked whole before anything is written), or with
 * `--format env|csv|keepassxc` through the previewed plan of ./import-plan.ts.
 */
import { Option, type Command } from 'commander';
import { AppError, isAppError } from '../../../shared/errors';
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

/** Registers `import`. */
export function registerImport(program: Command): void {
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
}
