/**
 * `passwd`: changes the master password, always after proving the current one (never quick
 * unlock), and re-keys the vault (a fresh vault key; every record re-sealed).
 */
import type { Command } from 'commander';
import { AppError } from '../../../shared/errors';
import type { KeyProtector } from '../../core/ports';
import { Vault, droppedMessage } from '../../core/vault/vault';
import { promptHidden } from '../io/password';
import { parseMiBToKiB, parsePositiveInt, run } from './parsers';
import type { Cli } from '../context';

interface PasswdOptions {
  readonly kdfMemory?: number;
  readonly kdfIterations?: number;
}

/** The OS keychain adapter (native, loaded only when needed). */
async function keyring(): Promise<KeyProtector> {
  const { KeyringProtector } = await import('../../core/keychain/keyring-protector');
  return new KeyringProtector();
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
    // The re-key keeps this host's quick-unlock slot (its keychain gets a new secret); the
    // keychain library is loaded only when the vault has slots at all.
    const protectors = vault.keychainState().slots.length > 0 ? [await keyring()] : [];
    const outcome = await vault.changePassword(current, next, { memoryKiB: o.kdfMemory, iterations: o.kdfIterations }, protectors);
    const dropped = droppedMessage(outcome.dropped);
    if (dropped !== null) cli.note(`patvault: ${dropped}`);
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
