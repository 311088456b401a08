/**
 * `history ID [--json] [--reveal]`: the values a token held before, oldest first — when each
 * stopped being current and why (rotated, merged, replaced, edited). The values themselves only
 * with `--reveal`, which is audited as a reveal like `get` (an earlier value may still work).
 */
import type { Command } from 'commander';
import { historyReasonText, type HistoryReason } from '../../../shared/domain/value-history';
import { shortTimestamp } from '../format/relative-date';
import { renderTable } from '../format/table';
import { run } from './parsers';
import type { Cli } from '../context';

/**
 * One entry as `--json` prints it. A promise to scripts: `at`, `reason` (null for entries kept
 * before reasons were recorded) and, only with --reveal, `value`.
 */
interface HistoryJson {
  readonly at: string;
  readonly reason: HistoryReason | null;
  readonly value?: string;
}

async function history(cli: Cli, o: { json?: boolean; reveal?: boolean }, id: string): Promise<void> {
  const entries: HistoryJson[] = await cli.withUnlocked((v) =>
    o.reveal
      ? v.results.readHistory(id).map((h) => ({ at: h.rotatedAt, reason: h.reason ?? null, value: h.value }))
      : v.results.valueHistory(id).map((h) => ({ at: h.at, reason: h.reason })),
  );
  if (o.json) {
    cli.json(entries);
    return;
  }
  if (entries.length === 0) {
    cli.note('no earlier values');
    return;
  }
  const columns = [{ header: '#' }, { header: 'KEPT' }, { header: 'WHY' }, ...(o.reveal ? [{ header: 'VALUE' }] : [])];
  const rows = entries.map((e, i) => [String(i + 1), shortTimestamp(e.at), historyReasonText(e.reason), ...(e.value !== undefined ? [e.value] : [])]);
  cli.out(renderTable(columns, rows));
}

/** Registers `history`. */
export function registerHistory(program: Command): void {
  program
    .command('history')
    .summary("a token's earlier values: when and why each was kept")
    .description(
      "List the values a token held before, oldest first: when each stopped being current and why (rotated, merged from a backup, " +
        'replaced by a new value for a one-token-per-user account, edited by hand). No value is printed unless --reveal, which is ' +
        'recorded in the audit log as a reveal.',
    )
    .argument('<id>', 'token id or unique prefix')
    .option('--json', 'print a JSON array of {at, reason} (and value with --reveal)')
    .option('--reveal', 'also print the values (recorded in the audit log)')
    .action(run(history));
}
