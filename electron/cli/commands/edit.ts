/** `edit ID`: changes a token's fields (and with --value-stdin its value); '' or none clears a field. */
import { Option, type Command } from 'commander';
import { AppError } from '../../../shared/errors';
import { PLATFORM_IDS } from '../../../shared/domain/platform-ids';
import { tokenPatchInput } from '../../../shared/domain/token-input';
import { YWH_ACCESS, YWH_ROLES, YWH_SCOPES } from '../../../shared/domain/yeswehack';
import { emptyToNull, expiryValue, parseReminderDays, parseScopes, run } from './parsers';
import { addNotesOptions, notesFromFile, notesFromStdin, precheck, tokenValue, withMismatchHint, type TokenFieldOptions } from './token-options';
import type { Cli } from '../context';

interface EditOptions extends Partial<TokenFieldOptions> {
  readonly valueStdin?: boolean;
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
    notes: o.notesFile !== undefined ? notesFromFile(o.notesFile) : o.notes,
    customPlatform: o.customPlatform !== undefined ? emptyToNull(o.customPlatform) : undefined,
    programSlug: o.program !== undefined ? emptyToNull(o.program) : undefined,
    platformTokenId: o.tokenId !== undefined ? emptyToNull(o.tokenId) : undefined,
    ywhRole: o.ywhRole === '' ? null : o.ywhRole,
    ywhScope: o.ywhScope === '' ? null : o.ywhScope,
    ywhAccess: o.ywhAccess === '' ? null : o.ywhAccess,
    reminderDays: o.remind === 'default' ? null : o.remind,
  };
  if (Object.values(patch).every((v) => v === undefined) && !o.valueStdin && !o.notesStdin) {
    throw new AppError('BAD_INPUT', 'Nothing to change: give at least one field to edit.');
  }
  precheck(tokenPatchInput.safeParse(patch));
  const view = await withMismatchHint(() =>
    cli.withUnlocked(async (v) => {
      const token = o.valueStdin ? await tokenValue(cli, 'New token value: ') : undefined;
      const notes = o.notesStdin ? await notesFromStdin(cli) : patch.notes;
      return v.tokens.edit(id, { ...patch, notes, token, platformMismatchOk: o.platformMismatchOk });
    }),
  );
  cli.out(`updated ${view.id} ${view.name}\n`);
}

/** Registers `edit`. */
export function registerEdit(program: Command): void {
  const platforms = PLATFORM_IDS.join(', ');
  const cmd = program
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
    .option('--notes <text>', 'new notes (visible in ps and shell history: prefer --notes-stdin or --notes-file)')
    .option('--custom-platform <name>', "custom platform ('' unassigns)")
    .option('--program <slug>', "YesWeHack program slug ('' clears)")
    .option('--token-id <id>', "Jelastic token id ('' clears)")
    .addOption(new Option('--ywh-role <role>', "YesWeHack role ('' clears)").choices([...YWH_ROLES, '']))
    .addOption(new Option('--ywh-scope <kind>', "YesWeHack scope kind ('' clears)").choices([...YWH_SCOPES, '']))
    .addOption(new Option('--ywh-access <type>', "YesWeHack access type ('' clears)").choices([...YWH_ACCESS, '']))
    .option('--remind <days>', "reminder days, e.g. 14,3; 'none' = never; 'default' = the app's policy", parseReminderDays)
    .option('--value-stdin', 'also replace the value: the next stdin line (hidden prompt on a terminal)')
    .option('--platform-mismatch-ok', "save it even if the value's format is another platform's (it is still never sent there)");
  addNotesOptions(cmd).action(run(edit));
}
