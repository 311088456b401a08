/** `log [--json]`: the audit log, verified as the vault loads it. */
import type { Command } from 'commander';
import { auditTable } from '../format/tokens';
import { run } from './parsers';
import type { Cli } from '../context';

async function log(cli: Cli, o: { json?: boolean }): Promise<void> {
  const entries = await cli.withUnlocked((v) => v.audit.log());
  if (o.json) cli.json(entries);
  else cli.out(auditTable(entries));
}

/** Registers `log`. */
export function registerLog(program: Command): void {
  program.command('log').description('show the audit log').option('--json', 'print a JSON array').action(run(log));
}
