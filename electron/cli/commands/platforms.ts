/** `platforms [--json]`: the built-in platforms and what each supports (no vault needed). */
import type { Command } from 'commander';
import { listPresets } from '../../core/platforms/registry';
import { platformJson, platformTable } from '../format/platforms';
import { run } from './parsers';
import type { Cli } from '../context';

function platforms(cli: Cli, o: { json?: boolean }): Promise<void> {
  const presets = listPresets();
  if (o.json) cli.json(presets.map(platformJson));
  else cli.out(platformTable(presets));
  return Promise.resolve();
}

/** Registers `platforms`. */
export function registerPlatforms(program: Command): void {
  program
    .command('platforms')
    .description('list the built-in platforms and what each supports (no vault needed)')
    .option('--json', 'print a JSON array')
    .action(run(platforms));
}
