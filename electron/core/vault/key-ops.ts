/**
 * Changing how the vault key is reached: the master password (re-wrap) and quick unlock
 * through the OS keychain (a second wrap, under a secret the keychain keeps). Functions over
 * the kernel; the Vault exposes them.
 */
import { randomBytes } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import type { KeychainInfo, KeyProtector } from '../ports';
import { headerRow, parseHeader } from './format/header';
import type { VaultKernel } from './kernel';
import {
  assertPassword,
  kdfFrom,
  unwrapWithKeychainSecret,
  unwrapWithPassword,
  wrapWithKeychainSecret,
  wrapWithPassword,
  type KdfChoice,
} from './key-wrap';

/** Quick-unlock state as stored in the vault. */
export interface KeychainState {
  readonly enabled: boolean;
  readonly backend: string | null;
}

/** Unlocks with the master password. Throws WRONG_PASSWORD (nothing changes) or VAULT_DAMAGED. */
export async function unlockWithPassword(kernel: VaultKernel, password: string): Promise<void> {
  if (typeof password !== 'string' || password.length === 0) {
    throw new AppError('BAD_INPUT', 'Master password must not be empty.');
  }
  kernel.acceptKey(await unwrapWithPassword(kernel.header(), password));
}

/** Unlocks with the secret kept in the OS keychain. */
export async function unlockWithKeychain(kernel: VaultKernel, protector: KeyProtector): Promise<void> {
  const header = kernel.header();
  if (!header.keychain) throw new AppError('KEYCHAIN_NOT_ENABLED', 'Quick unlock is not enabled for this vault.');
  const info = await protector.info();
  if (info.strength === 'none') throw new AppError('KEYCHAIN_UNAVAILABLE', info.detail);
  if (info.backend !== header.keychain.backend) {
    throw new AppError(
      'KEYCHAIN_NOT_ENABLED',
      `Quick unlock was enabled with ${header.keychain.backend}, not ${info.backend}; unlock with the master password.`,
    );
  }
  const secret = await protector.recover(kernel.vaultId, header.keychain.blob);
  kernel.acceptKey(unwrapWithKeychainSecret(header, secret));
}

/** Changes the master password: re-wraps the vault key only; records are untouched. */
export async function changePassword(kernel: VaultKernel, current: string, next: string, kdf?: KdfChoice): Promise<void> {
  kernel.keys();
  assertPassword(next, 'New password');
  const header = kernel.header();
  const vaultKey = await unwrapWithPassword(header, current);
  try {
    const params = kdfFrom({
      memoryKiB: kdf?.memoryKiB ?? header.kdf.memoryKiB,
      iterations: kdf?.iterations ?? header.kdf.iterations,
      parallelism: kdf?.parallelism ?? header.kdf.parallelism,
    });
    const wrap = await wrapWithPassword(next, params, kernel.vaultIdBytes, vaultKey);
    kernel.write({ audit: { action: 'password-change' } }, (ctx) => {
      const h = parseHeader(ctx.repo.header());
      ctx.repo.updateKeys(headerRow({ ...h, kdf: params, passwordWrap: wrap }));
    });
  } finally {
    vaultKey.fill(0);
  }
}

/** Enables quick unlock through `protector`. Refuses backends whose strength is `none`. */
export async function enableKeychain(kernel: VaultKernel, protector: KeyProtector): Promise<KeychainInfo> {
  const keys = kernel.keys();
  const info = await protector.info();
  if (info.strength === 'none') throw new AppError('KEYCHAIN_UNAVAILABLE', info.detail);
  const secret = randomBytes(32);
  const vaultKey = keys.vaultKey.export();
  try {
    const blob = await protector.protect(kernel.vaultId, secret);
    const wrap = wrapWithKeychainSecret(secret, kernel.vaultIdBytes, info.backend, vaultKey);
    try {
      kernel.write({ audit: { action: 'keychain-enable', detail: info.backend } }, (ctx) => {
        const h = parseHeader(ctx.repo.header());
        ctx.repo.updateKeys(headerRow({ ...h, keychain: { wrap, blob, backend: info.backend } }));
      });
    } catch (e) {
      await protector.forget(kernel.vaultId).catch(() => undefined);
      throw e;
    }
  } finally {
    secret.fill(0);
    vaultKey.fill(0);
  }
  return info;
}

/** Disables quick unlock: removes the wrapped key from the vault and the secret from the keychain. */
export async function disableKeychain(kernel: VaultKernel, protector: KeyProtector): Promise<void> {
  kernel.keys();
  const before = kernel.header().keychain;
  kernel.write({ audit: { action: 'keychain-disable', detail: before?.backend ?? null } }, (ctx) => {
    const h = parseHeader(ctx.repo.header());
    ctx.repo.updateKeys(headerRow({ ...h, keychain: null }));
  });
  await protector.forget(kernel.vaultId);
}

/** Whether quick unlock is enabled, and with which backend. Works while locked. */
export function keychainState(kernel: VaultKernel): KeychainState {
  const kc = kernel.header().keychain;
  return { enabled: kc !== null, backend: kc?.backend ?? null };
}
