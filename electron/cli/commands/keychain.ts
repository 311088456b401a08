/**
 * `keychain enable|disable|status`: quick unlock through the OS keychain. A vault holds one
 * quick-unlock slot per keychain backend (the app's safeStorage, this CLI's OS keychain), so
 * both can quick-unlock the same vault; `status` lists them and `disable --backend` removes one.
 */
import type { Command } from 'commander';
import { keyringBackendName } from '../../core/keychain/backend-name';
import type { KeyProtector } from '../../core/ports';
import { Vault, droppedMessage } from '../../core/vault/vault';
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

/**
 * Removes one slot (default: this host's keychain) and re-keys. Always asks for the master
 * password, never quick unlock: the new vault key is wrapped under it.
 */
async function keychainDisable(cli: Cli, o: { backend?: string }): Promise<void> {
  const vault = Vault.open(cli.vaultPath, { clock: cli.clock });
  try {
    const password = await cli.input.masterPassword();
    await vault.unlock(password);
    const outcome = await vault.disableKeychain(await keyring(), password, o.backend);
    // The slot is gone and the key replaced even when the keychain could not be reached to
    // delete its (now useless) entry: report, do not fail.
    if (outcome.forgetProblem !== null) cli.note(`patvault: the keychain entry could not be removed: ${outcome.forgetProblem}`);
    const dropped = droppedMessage(outcome.dropped);
    if (dropped !== null) cli.note(`patvault: ${dropped}`);
    if (outcome.removed) cli.note('patvault: vault key replaced; the old quick-unlock secret opens nothing written from now on');
  } finally {
    vault.close();
  }
  cli.out('quick unlock disabled\n');
}

async function keychainStatus(cli: Cli, o: { json?: boolean }): Promise<void> {
  const here = keyringBackendName();
  const state = await cli.withLocked((v) => v.keychainState(here));
  const info = await (await keyring()).info();
  const status = {
    enabled: state.enabled,
    backend: state.enabled ? here : (state.backend ?? info.backend),
    strength: info.strength,
    detail: info.detail,
    slots: state.slots.map((backend) => ({ backend, thisHost: backend === info.backend })),
  };
  if (o.json) {
    cli.json(status);
    return;
  }
  const slots = status.slots.map((s) => (s.thisHost ? `${s.backend} (this host)` : s.backend)).join(', ') || 'none';
  cli.out(
    `enabled:  ${status.enabled ? 'yes' : 'no'}\n` +
      `backend:  ${status.backend}\n` +
      `strength: ${status.strength}\n` +
      `detail:   ${status.detail}\n` +
      `slots:    ${slots}\n`,
  );
}

/** Registers `keychain` and its subcommands. */
export function registerKeychain(program: Command): void {
  const keychain = program.command('keychain').description('quick unlock through the OS keychain');
  keychain.command('enable').description("keep a key in this host's OS keychain so commands need no password").action(run(keychainEnable));
  keychain
    .command('disable')
    .description('turn quick unlock off (asks for the master password) and replace the vault key; removes the keychain entry')
    .option('--backend <NAME>', "the slot to remove, as `keychain status` names it (default: this host's keychain)")
    .action(run(keychainDisable));
  keychain
    .command('status')
    .description('show whether quick unlock is on here, the backend, its strength, and every slot')
    .option('--json', 'print a JSON object')
    .action(run(keychainStatus));
}
