/** The passwords `backup` and `restore` ask for: a new one (backup or master), or a backup's own. */
import { AppError } from '../../../shared/errors';
import { promptHidden } from '../io/password';
import type { Cli } from '../context';

/**
 * A new password (`what`: "backup password", "master password"): the next stdin line with
 * --password-stdin, else asked twice on a terminal so a typo cannot lock the user out.
 */
export async function newPassword(cli: Cli, what: string, differ: string): Promise<string> {
  if (cli.input.fromStdin || !cli.input.isTerminal) {
    return cli.input.secret(what, '', `no terminal to ask for the ${what}; use --password-stdin`);
  }
  const first = await promptHidden(`New ${what}: `);
  const second = await promptHidden(`Repeat the ${what}: `);
  if (first !== second) throw new AppError('BAD_INPUT', `The two ${what}s differ. ${differ}`);
  return first;
}

/** The backup password of an existing backup: the next stdin line, or asked once. */
export function backupPassword(cli: Cli): Promise<string> {
  return cli.input.secret(
    'backup password',
    'Backup password: ',
    'no terminal to ask for the backup password; use --password-stdin (see patvault restore --help for the line order)',
  );
}
