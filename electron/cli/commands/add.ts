/** `add`: a new token (its value asked for hidden, or read from standard input); prints its id. */
import { Option, type Command } from 'commander';
import { AppError } from '../../../shared/errors';
import { PLATFORM_IDS } from '../../../shared/domain/platform-ids';
import { newTokenInput } from '../../../shared/domain/token-input';
import { YWH_ACCESS, YWH_ROLES, YWH_SCOPES } from '../../../shared/domain/yeswehack';
import { replacedNotice } from '../format/tokens';
import { emptyToNull, expiryValue, parseReminderDays, parseScopes, run } from './parsers';
import { addNotesOptions, notesFromFile, notesFromStdin, precheck, tokenValue, withMismatchHint, type TokenFieldOptions } from './token-options';
import type { Cli } from '../context';

/** --platform, which --custom-platform implies (custom); contradicting it is an error. */
function addPlatform(o: TokenFieldOptions): string {
  if (o.customPlatform === undefined) return o.platform ?? ""; // required unless --custom-platform (checked in preAction)
  if (o.platform !== undefined && o.platform !== 'custom') {
    throw new AppError('BAD_INPUT', `--custom-platform is for --platform custom, not "${o.platform}".`);
  }
  return 'custom';
}

async function add(cli: Cli, o: TokenFieldOptions): Promise<void> {
  const fields = {
    platform: addPlatform(o),
    account: o.account,
    client: o.client !== undefined ? emptyToNull(o.client) : undefined,
    username: o.username !== undefined ? emptyToNull(o.username) : undefined,
    baseUrl: o.baseUrl !== undefined ? emptyToNull(o.baseUrl) : undefined,
    name: o.name,
    scopes: o.scopes,
    expiresAt: o.expires !== undefined ? expiryValue(o.expires) : undefined,
    notes: o.notesFile !== undefined ? notesFromFile(o.notesFile) : o.notes,
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
  const { view, replaced } = await withMismatchHint(() =>
    cli.withUnlocked(async (v) => {
      const token = await tokenValue(cli, 'Token value: ');
      const notes = o.notesStdin ? await notesFromStdin(cli) : fields.notes;
      return v.tokens.addOrReplace({ ...fields, token, notes });
    }),
  );
  // Standard output stays the id alone (scripts read it); what happened is a notice.
  if (replaced) cli.note(replacedNotice(view));
  cli.out(`${view.id}\n`);
}

/** Registers `add`. */
export function registerAdd(program: Command): void {
  const platforms = PLATFORM_IDS.join(', ');
  const cmd = program
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
    .option('--notes <text>', 'notes (kept encrypted with the value; visible in ps and shell history: prefer --notes-stdin or --notes-file)')
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
      const o = cmd.opts<TokenFieldOptions>();
      if (o.platform === undefined && o.customPlatform === undefined) cmd.error("error: required option '--platform <id>' not specified", { exitCode: 2 });
    });
  addNotesOptions(cmd).action(run(add));
}
