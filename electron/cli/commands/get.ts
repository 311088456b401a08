/** `get ID`: only the token's value and a newline, recorded in the audit log first. */
import type { Command } from 'commander';
import { run } from './parsers';
import type { Cli } from '../context';

async function get(cli: Cli, _opts: unknown, id: string): Promise<void> {
  // readSecret records the 'get' in the audit log before it returns the value.
  const secret = await cli.withUnlocked((v) => v.tokens.readSecret(id, 'get'));
  cli.out(`${secret.value}\n`);
}

/** Registers `get`. */
export function registerGet(program: Command): void {
  program
    .command('get')
    .description('print only the token value and a newline (recorded in the audit log)')
    .argument('<id>', 'token id or unique prefix')
    .action(run(get));
}
