/** `show ID [--json]`: one token's details and notes, never its value. */
import type { Command } from 'commander';
import { tokenJson, tokenPage } from '../format/tokens';
import { run } from './parsers';
import type { Cli } from '../context';

async function show(cli: Cli, opts: { json?: boolean }, id: string): Promise<void> {
  const { view, notes } = await cli.withUnlocked((v) => {
    const view = v.tokens.get(id);
    return { view, notes: v.tokens.notes(view.id) };
  });
  if (opts.json) cli.json({ ...tokenJson(view), notes });
  else cli.out(tokenPage(view, notes));
}

/** Registers `show`. */
export function registerShow(program: Command): void {
  program
    .command('show')
    .description("show one token's details and notes (never its value)")
    .argument('<id>', 'token id or unique prefix')
    .option('--json', 'print a JSON object')
    .action(run(show));
}
