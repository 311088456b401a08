/**
 * `check ID… | --all [--json]`: checks tokens on their platforms through the core's token-ops
 * (each request bound to the token's own host) and records the results. A progress bar on a
 * terminal's standard error; exit 0 whenever every check ran, whatever it found.
 */
import { CommanderError, type Command } from 'commander';
import type { TokenView } from '../../../shared/domain/token';
import { checkToken, checkTokens, type OperationExtra } from '../../core/platforms/token-ops';
import type { Vault } from '../../core/vault/vault';
import { checkTable, tokenJson } from '../format/tokens';
import { ProgressBar } from '../io/progress';
import { run } from './parsers';
import type { Cli } from '../context';

/** Bad usage found after parsing: exit 2 with the usage line, like commander's own errors. */
const usage = (message: string): CommanderError => new CommanderError(2, 'patvault.usage', message);

interface CheckOptions {
  readonly all?: boolean;
  readonly json?: boolean;
  /** Platform specifics typed on the command line, for one token. */
  readonly program?: string;
  readonly tokenId?: string;
}

function extraOf(o: CheckOptions): OperationExtra | undefined {
  const extra = {
    ...(o.program !== undefined ? { programSlug: o.program } : {}),
    ...(o.tokenId !== undefined ? { platformTokenId: o.tokenId } : {}),
  };
  return Object.keys(extra).length > 0 ? extra : undefined;
}

/** The tokens named (each id or prefix resolved, duplicates dropped), or every token. */
function targets(v: Vault, ids: readonly string[], all: boolean): string[] {
  const full = all ? v.tokens.list().map((t) => t.id) : ids.map((id) => v.tokens.get(id).id);
  return [...new Set(full)];
}

async function check(cli: Cli, o: CheckOptions, ids: string[]): Promise<void> {
  if ((ids.length > 0) === (o.all === true)) throw usage('check: give token IDs or --all (exactly one of the two)');
  const extra = extraOf(o);
  if (extra !== undefined && (o.all || ids.length !== 1)) throw usage('check: --program and --token-id apply to a single token ID');
  const bar = new ProgressBar('checking');
  const views = await cli.withUnlocked(async (v): Promise<TokenView[]> => {
    const list = targets(v, ids, o.all === true);
    if (list.length === 0) return [];
    bar.update(0, list.length);
    try {
      if (extra !== undefined) {
        const one = await checkToken(v, list[0] as string, extra);
        bar.update(1, 1);
        return [one];
      }
      return await checkTokens(v, list, { onProgress: (done, total) => bar.update(done, total) });
    } finally {
      bar.clear();
    }
  });
  if (o.json) cli.json(views.map(tokenJson));
  else if (views.length === 0) cli.note('no tokens');
  else cli.out(checkTable(views));
}

/** Registers `check`. */
export function registerCheck(program: Command): void {
  program
    .command('check')
    .summary("check tokens against their platforms and record the result")
    .description(
      'Check tokens against their platforms (through each token\'s own base URL) and record the result. ' +
        'Give token IDs or --all. A progress bar is drawn on standard error when it is a terminal. Exits 0 when ' +
        'every check ran, whatever it found (offline means status unknown, with the reason).',
    )
    .argument('[ids...]', 'token ids or unique prefixes')
    .option('--all', 'check every token in the vault')
    .option('--json', 'print a JSON array of the tokens (as list --json)')
    .option('--program <slug>', 'YesWeHack program slug to check against (single token)')
    .option('--token-id <id>', 'Jelastic token id (single token)')
    .action(run(check));
}
