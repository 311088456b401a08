/** `list [--json] [--platform ID] [--client NAME] [--status S]`: tokens, never their values. */
import { Option, type Command } from 'commander';
import { AppError } from '../../../shared/errors';
import { PLATFORM_IDS, isPlatformId } from '../../../shared/domain/platform-ids';
import { TOKEN_STATUSES, type TokenStatus } from '../../../shared/domain/status';
import { run } from './parsers';
import { printTokens } from './print-tokens';
import type { Cli } from '../context';

interface ListOptions {
  readonly json?: boolean;
  readonly platform?: string;
  readonly client?: string;
  readonly status?: TokenStatus;
}

/** Platform filters are checked like `add` checks them: a typo must not look like "no tokens". */
function checkPlatform(platform: string | undefined): void {
  if (platform !== undefined && !isPlatformId(platform)) {
    throw new AppError('BAD_INPUT', `platform: unknown platform "${platform.slice(0, 40)}" (known: ${PLATFORM_IDS.join(', ')})`);
  }
}

async function list(cli: Cli, opts: ListOptions): Promise<void> {
  checkPlatform(opts.platform);
  const filter = { platform: opts.platform, client: opts.client, status: opts.status };
  const views = await cli.withUnlocked((v) => v.tokens.list(filter));
  printTokens(cli, views, opts.json);
}

/** Registers `list`. */
export function registerList(program: Command): void {
  program
    .command('list')
    .description('list tokens (never their values)')
    .option('--json', 'print a JSON array')
    .option('--platform <id>', `only this platform (${PLATFORM_IDS.join(', ')})`)
    .option('--client <name>', 'only tokens of this client (case-insensitive)')
    .addOption(new Option('--status <status>', 'only tokens with this status').choices(TOKEN_STATUSES))
    .action(run(list));
}
