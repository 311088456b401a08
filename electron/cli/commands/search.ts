/** `search TEXT… [--json]`: tokens whose fields contain every word, never their values. */
import type { Command } from 'commander';
import { run } from './parsers';
import { printTokens } from './print-tokens';
import type { Cli } from '../context';

async function search(cli: Cli, opts: { json?: boolean }, words: string[]): Promise<void> {
  const views = await cli.withUnlocked((v) => v.tokens.search(words.join(' ')));
  printTokens(cli, views, opts.json);
}

/** Registers `search`. */
export function registerSearch(program: Command): void {
  program
    .command('search')
    .description('find tokens whose fields contain every word of TEXT')
    .argument('<text...>', 'words to look for (case-insensitive)')
    .option('--json', 'print a JSON array')
    .action(run(search));
}
