/** `patvault init`: creates a new vault file. */
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { AppError } from '../../../shared/errors';
import { KDF_DEFAULTS } from '../../core/vault/crypto/kdf';
import { Vault } from '../../core/vault/vault';
import { promptHidden } from '../io/password';
import { kdfChoice, type KdfOptions } from './kdf-options';
import { parseMiBToKiB, parsePositiveInt, run } from './parsers';
import type { Cli } from '../context';

/** The new vault's password: a stdin line, or asked twice on a terminal so a typo cannot lock the user out. */
async function newPassword(cli: Cli): Promise<string> {
  if (cli.input.fromStdin || !cli.input.isTerminal) {
    return cli.input.secret('master password', '', 'no terminal to ask for the new master password; use --password-stdin');
  }
  const first = await promptHidden('New master password: ');
  const second = await promptHidden('Repeat the master password: ');
  if (first !== second) throw new AppError('BAD_INPUT', 'The two passwords differ. Nothing was created.');
  return first;
}

async function init(cli: Cli, opts: KdfOptions): Promise<void> {
  const path = cli.vaultPath;
  // Checked before asking for a password, so a typo in a flag costs no typing; the core checks again.
  const kdf = kdfChoice(opts);
  if (existsSync(path)) throw new AppError('VAULT_EXISTS', `A file already exists at ${path}; not overwriting it.`);
  const password = await newPassword(cli);
  const vault = await Vault.create(path, password, { kdf, clock: cli.clock });
  vault.close();
  cli.out(`created vault ${path}\n`);
}

/** Registers `init`. */
export function registerInit(program: Command): void {
  program
    .command('init')
    .description('create a new vault (asks for its master password twice, or reads it from stdin)')
    .option('--kdf-memory <MiB>', `Argon2id memory in MiB (default ${KDF_DEFAULTS.memoryKiB / 1024}; minimum 19)`, parseMiBToKiB)
    .option('--kdf-iterations <n>', `Argon2id iterations (default ${KDF_DEFAULTS.iterations}; minimum 2)`, parsePositiveInt)
    .action(run(init));
}
