/** Vault administration: `passwd`, `keychain enable|disable|status`, `log`. */
import type { Command } from 'commander';
import { AppError, toAppError } from '../../../shared/errors';
import { Vault } from '../../core/vault/vault';
import type { KeyProtector } from '../../core/ports';
import { promptHidden } from '../io/password';
import { auditTable } from '../format/tokens';
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
  const vault = Vault.open(cli.vaultPath);
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

/** The OS keychain adapter, loaded only for commands that use it (native, slow to load). */
async function keyring(): Promise<KeyProtector> {
  const { KeyringProtector } = await import('../../core/keychain/keyring-protector');
  return new KeyringProtector();
}

async function keychainEnable(cli: Cli): Promise<void> {
  const info = await cli.withUnlocked(async (v) => v.enableKeychain(await keyring()));
  cli.out(`quick unlock enabled (${info.backend}, ${info.strength})\n`);
}

async function keychainDisable(cli: Cli): Promise<void> {
  await cli.withUnlocked(async (v) => {
    try {
      await v.disableKeychain(await keyring());
    } catch (e) {
      // The vault no longer holds the wrapped key, so quick unlock is off even if the keychain
      // could not be reached to delete its (now useless) entry: report, do not fail.
      const err = toAppError(e);
      if (err.code !== 'KEYCHAIN_UNAVAILABLE' || v.keychainState().enabled) throw err;
      cli.note(`patvault: the keychain entry could not be removed: ${err.message}`);
    }
  });
  cli.out('quick unlock disabled\n');
}

async function keychainStatus(cli: Cli, o: { json?: boolean }): Promise<void> {
  const state = await cli.withLocked((v) => v.keychainState());
  const info = await (await keyring()).info();
  const status = {
    enabled: state.enabled,
    backend: state.backend ?? info.backend,
    strength: info.strength,
    detail: info.detail,
  };
  if (o.json) {
    cli.json(status);
    return;
  }
  cli.out(
    `enabled:  ${status.enabled ? 'yes' : 'no'}\n` +
      `backend:  ${status.backend}\n` +
      `strength: ${status.strength}\n` +
      `detail:   ${status.detail}\n`,
  );
}

async function log(cli: Cli, o: { json?: boolean }): Promise<void> {
  const entries = await cli.withUnlocked((v) => v.audit.log());
  if (o.json) cli.json(entries);
  else cli.out(auditTable(entries));
}

/** Registers `passwd`, `keychain …`, `log`. */
export function registerAdmin(program: Command): void {
  program
    .command('passwd')
    .description('change the master password (with --password-stdin: current password line, then new password line)')
    .option('--kdf-memory <MiB>', 'new Argon2id memory in MiB (default: keep)', parseMiBToKiB)
    .option('--kdf-iterations <n>', 'new Argon2id iterations (default: keep)', parsePositiveInt)
    .action(run(passwd));

  const keychain = program.command('keychain').description('quick unlock through the OS keychain');
  keychain.command('enable').description('keep a key in the OS keychain so commands need no password').action(run(keychainEnable));
  keychain.command('disable').description('turn quick unlock off and remove the keychain entry').action(run(keychainDisable));
  keychain
    .command('status')
    .description('show whether quick unlock is on, the backend and its strength')
    .option('--json', 'print a JSON object')
    .action(run(keychainStatus));

  program.command('log').description('show the audit log').option('--json', 'print a JSON array').action(run(log));
}
