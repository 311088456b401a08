/** Read commands: `list`, `search`, `show` (never the value) and `get` (only the value). */
import { Option, type Command } from 'commander';
import { AppError } from '../../../shared/errors';
import { PLATFORM_IDS, isPlatformId } from '../../../shared/domain/platform-ids';
import { TOKEN_STATUSES, type TokenStatus } from '../../../shared/domain/status';
import type { TokenView } from '../../../shared/domain/token';
import { tokenJson, tokenPage, tokenTable } from '../format/tokens';
import { run } from './parsers';
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

function printViews(cli: Cli, views: readonly TokenView[], json: boolean | undefined): void {
  if (json) cli.json(views.map(tokenJson));
  else if (views.length === 0) cli.note('no tokens');
  else cli.out(tokenTable(views));
}

async function list(cli: Cli, opts: ListOptions): Promise<void> {
  checkPlatform(opts.platform);
  const filter = { platform: opts.platform, client: opts.client, status: opts.status };
  const views = await cli.withUnlocked((v) => v.tokens.list(filter));
  printViews(cli, views, opts.json);
}

async function search(cli: Cli, opts: { json?: boolean }, words: string[]): Promise<void> {
  const views = await cli.withUnlocked((v) => v.tokens.search(words.join(' ')));
  printViews(cli, views, opts.json);
}

async function show(cli: Cli, opts: { json?: boolean }, id: string): Promise<void> {
  const { view, notes } = await cli.withUnlocked((v) => {
    const view = v.tokens.get(id);
    return { view, notes: v.tokens.notes(view.id) };
  });
  if (opts.json) cli.json({ ...tokenJson(view), notes });
  else cli.out(tokenPage(view, notes));
}

async function get(cli: Cli, _opts: unknown, id: string): Promise<void> {
  // readSecret records the 'get' in the audit log before it returns the value.
  const secret = await cli.withUnlocked((v) => v.tokens.readSecret(id, 'get'));
  cli.out(`${secret.value}\n`);
}

/** Registers `list`, `search`, `show`, `get`. */
export function registerRead(program: Command): void {
  program
    .command('list')
    .description('list tokens (never their values)')
    .option('--json', 'print a JSON array')
    .option('--platform <id>', `only this platform (${PLATFORM_IDS.join(', ')})`)
    .option('--client <name>', 'only tokens of this client (case-insensitive)')
    .addOption(new Option('--status <status>', 'only tokens with this status').choices(TOKEN_STATUSES))
    .action(run(list));

  program
    .command('search')
    .description('find tokens whose fields contain every word of TEXT')
    .argument('<text...>', 'words to look for (case-insensitive)')
    .option('--json', 'print a JSON array')
    .action(run(search));

  program
    .command('show')
    .description("show one token's details and notes (never its value)")
    .argument('<id>', 'token id or unique prefix')
    .option('--json', 'print a JSON object')
    .action(run(show));

  program
    .command('get')
    .description('print only the token value and a newline (recorded in the audit log)')
    .argument('<id>', 'token id or unique prefix')
    .action(run(get));
}
