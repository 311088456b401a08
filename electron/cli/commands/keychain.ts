/** `keychain enable|disable|status`: quick unlock through the OS keychain. */
import type { Command } from 'commander';
import { toAppError } from '../../../shared/errors';
import type { KeyProtector } from '../../core/ports';
import { run } from './parsers';
import type { Cli } from '../context';

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

/** Registers `keychain` and its subcommands. */
export function registerKeychain(program: Command): void {
  const keychain = program.command('keychain').description('quick unlock through the OS keychain');
  keychain.command('enable').description('keep a key in the OS keychain so commands need no password').action(run(keychainEnable));
  keychain.command('disable').description('turn quick unlock off and remove the keychain entry').action(run(keychainDisable));
  keychain
    .command('status')
    .description('show whether quick unlock is on, the backend and its strength')
    .option('--json', 'print a JSON object')
    .action(run(keychainStatus));
}
