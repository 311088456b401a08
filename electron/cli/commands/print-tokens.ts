/** How `list` and `search` print the tokens they found: a table, a JSON array, or "no tokens" on stderr. */
import type { TokenView } from '../../../shared/domain/token';
import { tokenJson, tokenTable } from '../format/tokens';
import type { Cli } from '../context';

/** The table (or with `json` the array of `list --json`); none found: a notice, standard output stays empty. */
export function printTokens(cli: Cli, views: readonly TokenView[], json: boolean | undefined): void {
  if (json) cli.json(views.map(tokenJson));
  else if (views.length === 0) cli.note('no tokens');
  else cli.out(tokenTable(views));
}
