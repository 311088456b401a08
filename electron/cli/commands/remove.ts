/** `remove ID [--yes]`: deletes a token, asking first on a terminal. */
import type { Command } from 'commander';
import { AppError } from '../../../shared/errors';
import { confirm } from '../io/password';
import { shortId } from '../format/tokens';
import { run } from './parsers';
import type { Cli } from '../context';

async function remove(cli: Cli, o: { yes?: boolean }, id: string): Promise<void> {
  const view = await cli.withUnlocked(async (v) => {
    const target = v.tokens.get(id);
    // Scripts (no terminal) are not asked: `remove` stays usable in pipelines.
    if (!o.yes && cli.input.isTerminal) {
      const ok = await confirm(`Remove ${shortId(target.id)} "${target.name}" (${target.platform} / ${target.account})?`, cli.input.lines);
      if (!ok) throw new AppError('BAD_INPUT', 'Not removed.');
    }
    return v.tokens.remove(target.id);
  });
  cli.out(`removed ${view.id} ${view.name}\n`);
}

/** Registers `remove`. */
export function registerRemove(program: Command): void {
  program
    .command('remove')
    .description('delete a token (asks first on a terminal unless --yes)')
    .argument('<id>', 'token id or unique prefix')
    .option('-y, --yes', 'do not ask for confirmation')
    .action(run(remove));
}
