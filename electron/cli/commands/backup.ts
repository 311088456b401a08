/**
 * `backup FILE`: the whole vault — every token, value included, and every custom platform — in
 * one file sealed with a backup password of its own. Audited as "backup"; never prints a value.
 */
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { AppError } from '../../../shared/errors';
import { writeBackup } from '../../core/backup';
import { KDF_DEFAULTS } from '../../core/vault/crypto/kdf';
import { plural } from '../format/plural';
import { newPassword } from './backup-passwords';
import { kdfChoice, type KdfOptions } from './kdf-options';
import { parseMiBToKiB, parsePositiveInt, run } from './parsers';
import type { Cli } from '../context';

interface BackupOptions extends KdfOptions {
  readonly force?: boolean;
}

async function backup(cli: Cli, o: BackupOptions, file: string): Promise<void> {
  const kdf = kdfChoice(o);
  if (!o.force && existsSync(file)) throw new AppError('BAD_INPUT', `${file} already exists; use --force to replace it.`);
  const result = await cli.withUnlocked(async (v) => {
    const password = await newPassword(cli, 'backup password', 'No backup was written.');
    return writeBackup(v, file, password, { kdf, overwrite: o.force === true });
  });
  cli.out(`backed up ${plural(result.tokens, 'token')} (${plural(result.platforms, 'custom platform')}) to ${file}\n`);
}

/** Registers `backup`. */
export function registerBackup(program: Command): void {
  program
    .command('backup')
    .argument('<file>', 'the backup file to write')
    .summary('write the whole vault (values included) to one encrypted file')
    .description(
      'Write every token (value, notes, history, all fields) and custom platform to FILE, encrypted with a backup password ' +
        '(asked twice; with --password-stdin: master password line, then backup password line). Audited as "backup".',
    )
    .option('--force', 'replace FILE if it exists')
    .option('--kdf-memory <MiB>', `Argon2id memory for the backup password in MiB (default ${KDF_DEFAULTS.memoryKiB / 1024}; minimum 19)`, parseMiBToKiB)
    .option('--kdf-iterations <n>', `Argon2id iterations (default ${KDF_DEFAULTS.iterations}; minimum 2)`, parsePositiveInt)
    .action(run(backup));
}
