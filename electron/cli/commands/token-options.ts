/** Write commands: `add`, `edit`, `remove`. */
import { Option, type Command } from 'commander';
import { AppError, isAppError } from '../../../shared/errors';
import { PLATFORM_IDS } from '../../../shared/domain/platform-ids';
import { describeZodError, newTokenInput, tokenPatchInput } from '../../../shared/domain/token-input';
import { confirm, promptHidden } from '../io/password';
import { replacedNotice, shortId } from '../format/tokens';
import { emptyToNull, expiryValue, parseReminderDays, parseScopes, run } from './parsers';
import type { Cli } from '../context';
import { YWH_ACCESS, YWH_ROLES, YWH_SCOPES, type YwhAccess, type YwhRole, type YwhScope } from '../../../shared/domain/yeswehack';

interface AddOptions {
  readonly platform?: string;
  readonly account: string;
  readonly client?: string;
  readonly username?: string;
  readonly name: string;
  readonly scopes?: string[];
  readonly expires?: string;
  readonly notes?: string;
  readonly baseUrl?: string;
  readonly customPlatform?: string;
  readonly program?: string;
  readonly tokenId?: string;
  /** Checked by commander's choices (a usage error naming the accepted values). */
  readonly ywhRole?: YwhRole | '';
  readonly ywhScope?: YwhScope | '';
  readonly ywhAccess?: YwhAccess | '';
  readonly remind?: number[] | 'default';
  readonly platformMismatchOk?: boolean;
}

interface EditOptions extends Partial<AddOptions> {
  readonly valueStdin?: boolean;
}

/**
 * A token value: the next stdin line with --password-stdin (after the password), a hidden
 * prompt on a terminal, or — after quick unlock without a terminal — the first stdin line.
 */
async function tokenValue(cli: Cli, prompt: string): Promise<string> {
  if (cli.input.fromStdin || !cli.input.isTerminal) return cli.input.line('token value');
  return promptHidden(prompt);
}

/**
 * The core's PLATFORM_MISMATCH (the value's format is another platform's; it names both) as
 * one line that also names the way through for a user who knows better.
 */
async function withMismatchHint<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (!isAppError(e) || e.code !== 'PLATFORM_MISMATCH') throw e;
    throw new AppError('PLATFORM_MISMATCH', `${e.message} Nothing was saved; to save it with this platform anyway, add --platform-mismatch-ok.`);
  }
}

/** Checks fields with the core's own schema before the password is asked for. */
function precheck(result: { success: true } | { success: false; error: Parameters<typeof describeZodError>[0] }): void {
  if (!result.success) throw new AppError('BAD_INPUT', describeZodError(result.error));
}

/** --platform, which --custom-platform implies (custom); contradicting it is an error. */
function addPlatform(o: AddOptions): string {
  if (o.customPlatform === undefined) return o.platform ?? ""; // required unless --custom-platform (checked in preAction)
  if (o.platform !== undefined && o.platform !== 'custom') {
    throw new AppError('BAD_INPUT', `--custom-platform is for --platform custom, not "${o.platform}".`);
  }
  return 'custom';
}

async function add(cli: Cli, o: AddOptions): Promise<void> {
  const fields = {
    platform: addPlatform(o),
    account: o.account,
    client: o.client !== undefined ? emptyToNull(o.client) : undefined,
    username: o.username !== undefined ? emptyToNull(o.username) : undefined,
    baseUrl: o.baseUrl !== undefined ? emptyToNull(o.baseUrl) : undefined,
    name: o.name,
    scopes: o.scopes,
    expiresAt: o.expires !== undefined ? expiryValue(o.expires) : undefined,
    notes: o.notes,
    customPlatform: o.customPlatform,
    programSlug: o.program,
    platformTokenId: o.tokenId,
    ywhRole: o.ywhRole === '' ? undefined : o.ywhRole,
    ywhScope: o.ywhScope === '' ? undefined : o.ywhScope,
    ywhAccess: o.ywhAccess === '' ? undefined : o.ywhAccess,
    reminderDays: o.remind === 'default' ? null : o.remind,
    platformMismatchOk: o.platformMismatchOk,
  };
  precheck(newTokenInput.safeParse({ ...fields, token: 'value-is-asked-for-later' }));
  const { view, replaced } = await withMismatchHint(() => cli.withUnlocked(async (v) => v.tokens.addOrReplace({ ...fields, token: await tokenValue(cli, 'Token value: ') })));
  // Standard output stays the id alone (scripts read it); what happened is a notice.
  if (replaced) cli.note(replacedNotice(view));
  cli.out(`${view.id}\n`);
}

async function edit(cli: Cli, o: EditOptions, id: string): Promise<void> {
  const patch = {
    name: o.name,
    platform: o.platform,
    account: o.account,
    client: o.client !== undefined ? emptyToNull(o.client) : undefined,
    username: o.username !== undefined ? emptyToNull(o.username) : undefined,
    baseUrl: o.baseUrl !== undefined ? emptyToNull(o.baseUrl) : undefined,
    scopes: o.scopes,
    expiresAt: o.expires !== undefined ? expiryValue(o.expires) : undefined,
    notes: o.notes,
    customPlatform: o.customPlatform !== undefined ? emptyToNull(o.customPlatform) : undefined,
    programSlug: o.program !== undefined ? emptyToNull(o.program) : undefined,
    platformTokenId: o.tokenId !== undefined ? emptyToNull(o.tokenId) : undefined,
    ywhRole: o.ywhRole === '' ? null : o.ywhRole,
    ywhScope: o.ywhScope === '' ? null : o.ywhScope,
    ywhAccess: o.ywhAccess === '' ? null : o.ywhAccess,
    reminderDays: o.remind === 'default' ? null : o.remind,
  };
  if (Object.values(patch).every((v) => v === undefined) && !o.valueStdin) {
    throw new AppError('BAD_INPUT', 'Nothing to change: give at least one field to edit.');
  }
  precheck(tokenPatchInput.safeParse(patch));
  const view = await withMismatchHint(() =>
    cli.withUnlocked(async (v) => {
      const token = o.valueStdin ? await tokenValue(cli, 'New token value: ') : undefined;
      return v.tokens.edit(id, { ...patch, token, platformMismatchOk: o.platformMismatchOk });
    }),
  );
  cli.out(`updated ${view.id} ${view.name}\n`);
}

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

/** Registers `add`, `edit`, `remove`. */
export function registerWrite(program: Command): void {
  const platforms = PLATFORM_IDS.join(', ');
  program
    .command('add')
    .summary('add a token and print its id')
    .description(
      'Add a token and print its id. The value is asked for hidden on a terminal; with --password-stdin it is the ' +
        'line after the password (after quick unlock without a terminal: the first line of standard input).',
    )
    .option('--platform <id>', `platform (${platforms}); required unless --custom-platform is given`)
    .requiredOption('--account <label>', 'account label, e.g. an organisation or login')
    .requiredOption('--name <name>', 'token name')
    .option('--client <name>', 'client the token works for')
    .option('--username <user>', 'user name on the platform')
    .option('--scopes <a,b>', 'comma-separated scopes', parseScopes)
    .option('--expires <YYYY-MM-DD>', 'expiry date (last valid day, in your time zone)')
    .option('--notes <text>', 'notes (kept encrypted with the value)')
    .option('--base-url <url>', 'https:// base URL for self-hosted platforms')
    .option('--custom-platform <name>', 'the custom platform (see patvault custom-platform list); implies --platform custom')
    .option('--program <slug>', 'YesWeHack: the program slug a check reads')
    .option('--token-id <id>', "Jelastic: the token's id, named by revoke and rotate")
    .addOption(new Option('--ywh-role <role>', 'YesWeHack: the role it was created with').choices(YWH_ROLES))
    .addOption(new Option('--ywh-scope <kind>', 'YesWeHack: what it reaches, programs or a business unit').choices(YWH_SCOPES))
    .addOption(new Option('--ywh-access <type>', 'YesWeHack: its access type (read: access data; read-write: also modify it)').choices(YWH_ACCESS))
    .option('--remind <days>', "days before expiry to remind, e.g. 14,3 ('none' = never; default: the app's 7,1)", parseReminderDays)
    .option('--platform-mismatch-ok', "save it even if the value's format is another platform's (it is still never sent there)")
    .hook('preAction', (cmd) => {
      // A usage error (exit 2) like a missing required option, before any password is asked.
      const o = cmd.opts<AddOptions>();
      if (o.platform === undefined && o.customPlatform === undefined) cmd.error("error: required option '--platform <id>' not specified", { exitCode: 2 });
    })
    .action(run(add));

  program
    .command('edit')
    .summary("change a token's fields")
    .description(
      "Change a token's fields. --client '', --username '', --base-url '', --custom-platform '', --program '', --token-id '', --ywh-role '', --ywh-scope '', --ywh-access '' and --expires none clear a field.",
    )
    .argument('<id>', 'token id or unique prefix')
    .option('--name <name>', 'new name')
    .option('--platform <id>', `new platform (${platforms})`)
    .option('--account <label>', 'new account label')
    .option('--client <name>', "new client ('' clears)")
    .option('--username <user>', "new user name ('' clears)")
    .option('--base-url <url>', "new base URL ('' clears)")
    .option('--scopes <a,b>', "new comma-separated scopes ('' clears)", parseScopes)
    .option('--expires <YYYY-MM-DD|none>', 'new expiry date, or none')
    .option('--notes <text>', 'new notes')
    .option('--custom-platform <name>', "custom platform ('' unassigns)")
    .option('--program <slug>', "YesWeHack program slug ('' clears)")
    .option('--token-id <id>', "Jelastic token id ('' clears)")
    .addOption(new Option('--ywh-role <role>', "YesWeHack role ('' clears)").choices([...YWH_ROLES, '']))
    .addOption(new Option('--ywh-scope <kind>', "YesWeHack scope kind ('' clears)").choices([...YWH_SCOPES, '']))
    .addOption(new Option('--ywh-access <type>', "YesWeHack access type ('' clears)").choices([...YWH_ACCESS, '']))
    .option('--remind <days>', "reminder days, e.g. 14,3; 'none' = never; 'default' = the app's policy", parseReminderDays)
    .option('--value-stdin', 'also replace the value: the next stdin line (hidden prompt on a terminal)')
    .option('--platform-mismatch-ok', "save it even if the value's format is another platform's (it is still never sent there)")
    .action(run(edit));

  program
    .command('remove')
    .description('delete a token (asks first on a terminal unless --yes)')
    .argument('<id>', 'token id or unique prefix')
    .option('-y, --yes', 'do not ask for confirmation')
    .action(run(remove));
}
