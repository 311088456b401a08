/**
 * `restore FILE`: a backup into a new vault, or with `--merge` into this one; `--dry-run` says
 * what would happen and changes nothing. The merge summary names tokens, as `list` does; never
 * a value.
 */
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { AppError } from '../../../shared/errors';
import { mergeBackup, readBackup, restorePayloadToNewVault, type MergeSummary } from '../../core/backup';
import { KDF_DEFAULTS } from '../../core/vault/crypto/kdf';
import { plural } from '../format/plural';
import { shortId } from '../format/tokens';
import { backupPassword, newPassword } from './backup-passwords';
import { kdfChoice, type KdfOptions } from './kdf-options';
import { parseMiBToKiB, parsePositiveInt, run } from './parsers';
import type { Cli } from '../context';

interface RestoreOptions extends KdfOptions {
  readonly merge?: boolean;
  readonly dryRun?: boolean;
  readonly json?: boolean;
}

/** The merge summary as lines: counts, then one line per conflict. */
function summaryText(s: MergeSummary, dryRun: boolean): string {
  const lines = [
    `${dryRun ? 'dry run, nothing was changed: would merge' : 'merged'} tokens: ${s.added} added, ${s.updated} updated, ${s.skipped} skipped`,
    `custom platforms: ${s.platforms.added} added, ${s.platforms.updated} updated, ${s.platforms.skipped} skipped`,
    `conflicts: ${s.conflicts.length}`,
  ];
  for (const c of s.conflicts) {
    const how = c.matchedBy === 'id' ? 'same id' : c.matchedBy === 'value' ? 'same value' : 'same name';
    const kind = c.kind === 'token' ? 'token' : 'custom platform';
    lines.push(`  ${kind} ${shortId(c.id)} "${c.name}" (${how}): kept the ${c.kept} copy; ${c.reason}`);
  }
  return `${lines.join('\n')}\n`;
}

async function restore(cli: Cli, o: RestoreOptions, file: string): Promise<void> {
  if (o.merge) {
    const summary = await cli.withUnlocked(async (v) => mergeBackup(v, await readBackup(file, await backupPassword(cli)), { dryRun: o.dryRun === true }));
    if (o.json) cli.json({ ...summary, dryRun: o.dryRun === true });
    else cli.out(summaryText(summary, o.dryRun === true));
    return;
  }
  const kdf = kdfChoice(o);
  const path = cli.vaultPath;
  if (existsSync(path)) throw new AppError('VAULT_EXISTS', `A vault already exists at ${path}; use --merge to merge the backup into it`);
  // The backup is read (password checked, content verified) before a new password is asked for.
  const payload = await readBackup(file, await backupPassword(cli));
  const tokens = plural(payload.tokens.length, 'token');
  const platforms = plural(payload.platforms.length, 'custom platform');
  if (o.dryRun) {
    if (o.json) cli.json({ added: payload.tokens.length, updated: 0, skipped: 0, platforms: { added: payload.platforms.length, updated: 0, skipped: 0 }, conflicts: [], dryRun: true });
    else cli.out(`dry run, nothing was changed: would restore ${tokens} (${platforms}) into a new vault at ${path}\n`);
    return;
  }
  const master = await newPassword(cli, 'master password', 'Nothing was created.');
  const r = await restorePayloadToNewVault(payload, path, master, { kdf });
  if (o.json) cli.json({ added: r.tokens, updated: 0, skipped: 0, platforms: { added: r.platforms, updated: 0, skipped: 0 }, conflicts: [], dryRun: false });
  else cli.out(`restored ${tokens} (${platforms}) into a new vault at ${r.path}\n`);
}

/** Registers `restore`. */
export function registerRestore(program: Command): void {
  program
    .command('restore')
    .argument('<file>', 'a file written by patvault backup')
    .summary('restore a backup into a new vault, or merge it into this one')
    .description(
      'Without --merge: create a new vault (at --vault, $PATVAULT_VAULT or the default path, which must not exist) holding ' +
        'exactly what the backup holds; asks the backup password, then a new master password twice (with --password-stdin: ' +
        'backup password line, then new master password line). With --merge: unlock the vault (master password line, then ' +
        'backup password line) and merge: same token = same id or same value; the later updatedAt wins; a losing value ' +
        'goes to the history; nothing is deleted. Audited as "restore".',
    )
    .option('--merge', 'merge into the existing vault instead of creating one')
    .option('--dry-run', 'print what would happen; change nothing')
    .option('--json', 'print the summary as a JSON object')
    .option('--kdf-memory <MiB>', `Argon2id memory of a new vault in MiB (default ${KDF_DEFAULTS.memoryKiB / 1024}; minimum 19)`, parseMiBToKiB)
    .option('--kdf-iterations <n>', `Argon2id iterations of a new vault (default ${KDF_DEFAULTS.iterations}; minimum 2)`, parsePositiveInt)
    .action(run(restore));
}
