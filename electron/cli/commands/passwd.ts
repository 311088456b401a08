/** `passwd`: changes the master password, always after proving the current one (never quick unlock). */
import type { Command } from 'commander';
import { AppError } from '../../../shared/errors';
import { Vault } from '../../core/vault/vault';
import { promptHidden } from '../io/password';
import { parseMiBToKiB, parsePositiveInt, run } from './parsers';
import type { Cli } from '../context';

interface PasswdOptions {
  readonly kdfMemory?: number;
  readonly kdfIterations?: number;
}

/** The new password: the next stdin line, or asked twice on a terminal. */
async function newPassword(cli: Cli): Promise<string> {
  if (cli.input.fromStdin) return cli.input.line('new password');
  const first = await promptHidden('New master password: ');
  const second = await promptHidden('Repeat the new master password: ');
  if (first !== second) throw new AppError('BAD_INPUT', 'The two new passwords differ. The password was not changed.');
  return first;
}

async function passwd(cli: Cli, o: PasswdOptions): Promise<void> {
  const vault = Vault.open(cli.vaultPath, { clock: cli.clock });
  try {
    // Always the current password, never quick unlock: changing it must prove knowing it.
    const current = await cli.input.masterPassword('Current master password: ');
    await vault.unlock(current);
    const next = await newPassword(cli);
    await vault.changePassword(current, next, { memoryKiB: o.kdfMemory, iterations: o.kdfIterations });
  } finally {
    vault.close();
  }
  cli.out('master password changed\n');
}

/** Registers `passwd`. */
export function registerPasswd(program: Command): void {
  program
    .command('passwd')
    .description('change the master password (with --password-stdin: current password line, then new password line)')
    .option('--kdf-memory <MiB>', 'new Argon2id memory in MiB (default: keep)', parseMiBToKiB)
    .option('--kdf-iterations <n>', 'new Argon2id iterations (default: keep)', parsePositiveInt)
    .action(run(passwd));
}
