/**
 * Changing how the vault key is reached: the master password and quick unlock through the OS
 * keychain (one slot per keychain backend). Functions over the kernel; the Vault exposes them.
 *
 * Changing the password and turning quick unlock off **re-key**: a fresh random vault key,
 * every record and the whole audit chain re-sealed under it, the manifest rebuilt and the
 * header's wraps replaced, in one transaction (rekey.ts, VaultKernel.replaceKeys). An old
 * copy of the file with the old password, or a quick-unlock secret captured before, then opens
 * only the old key, which decrypts nothing written since. What it cannot do: make a copy taken
 * before the re-key unreadable to someone who has the old password or secret.
 */
import { randomBytes } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import type { KeychainInfo, KeyProtector } from '../ports';
import { deriveVaultKeys, newVaultKey } from './crypto/keys';
import { headerRow, parseHeader, type KeychainSlot, type VaultHeader } from './format/header';
import type { VaultKernel } from './kernel';
import {
  assertPassword,
  kdfFrom,
  unwrapSlot,
  unwrapWithPassword,
  vaultKeyCheck,
  wrapForSlot,
  wrapWithPassword,
  type KdfChoice,
} from './key-wrap';
import { resealAll } from './rekey';

/** Quick-unlock state as stored in the vault. */
export interface KeychainState {
  /** A slot exists for the backend asked about (any slot when none was named). */
  readonly enabled: boolean;
  /** That backend when it has a slot, else the first slot's, else null. */
  readonly backend: string | null;
  /** Every slot's backend, in stored order. */
  readonly slots: readonly string[];
}

/** What a re-key did beyond replacing the key. */
export interface RekeyOutcome {
  /** Slots rewrapped under the new key (their backends could be reached). */
  readonly kept: readonly string[];
  /** Slots dropped: their backends could not be reached from here, so quick unlock there is off. */
  readonly dropped: readonly string[];
  /** Set when the old keychain entry could not be deleted (the slot is gone from the vault all the same). */
  readonly forgetProblem: string | null;
}

/** A human line for the dropped slots, or null. */
export function droppedMessage(dropped: readonly string[]): string | null {
  if (dropped.length === 0) return null;
  return (
    `quick unlock through ${dropped.join(', ')} was turned off: the vault key was replaced and ` +
    `${dropped.length === 1 ? 'that keychain' : 'those keychains'} could not be reached from here to keep it. ` +
    'Turn it on again there.'
  );
}

/** Unlocks with the master password. Throws WRONG_PASSWORD (nothing changes) or VAULT_DAMAGED. */
export async function unlockWithPassword(kernel: VaultKernel, password: string): Promise<void> {
  if (typeof password !== 'string' || password.length === 0) {
    throw new AppError('BAD_INPUT', 'Master password must not be empty.');
  }
  const header = kernel.header();
  const { vaultKey, passwordCheck } = await unwrapWithPassword(header, password);
  const keyCheck = header.keyCheck ? null : vaultKeyCheck(vaultKey, header.vaultId);
  kernel.acceptKey(vaultKey);
  if (!header.passwordCheck || keyCheck) storeChecks(kernel, passwordCheck, keyCheck);
}

/**
 * A vault from before the key commitments (schema < 3) gets them at its first password
 * unlock. Best effort: a read-only or busy file keeps working without them.
 */
function storeChecks(kernel: VaultKernel, passwordCheck: Buffer, keyCheck: Buffer | null): void {
  try {
    kernel.write({}, (ctx) => {
      const h = parseHeader(ctx.repo.header());
      ctx.repo.updateKeys(headerRow({ ...h, passwordCheck: h.passwordCheck ?? passwordCheck, keyCheck: h.keyCheck ?? keyCheck }));
    });
  } catch {
    // Written at a later unlock.
  }
}

/** Unlocks with the secret kept in the OS keychain, through this host's backend's slot. */
export async function unlockWithKeychain(kernel: VaultKernel, protector: KeyProtector): Promise<void> {
  const header = kernel.header();
  if (header.keychainSlots.length === 0) throw new AppError('KEYCHAIN_NOT_ENABLED', 'Quick unlock is not enabled for this vault.');
  const info = await protector.info();
  if (info.strength === 'none') throw new AppError('KEYCHAIN_UNAVAILABLE', info.detail);
  const slot = header.keychainSlots.find((s) => s.backend === info.backend);
  if (!slot) {
    throw new AppError(
      'KEYCHAIN_NOT_ENABLED',
      `Quick unlock is not enabled for ${info.backend} on this vault (only for ${header.keychainSlots.map((s) => s.backend).join(', ')}); ` +
        'unlock with the master password and turn it on here.',
    );
  }
  const secret = await protector.recover(kernel.vaultId, slot.blob);
  kernel.acceptKey(unwrapSlot(header, slot, secret));
}

/**
 * Changes the master password and re-keys. `protectors` are the keychains this host can reach:
 * their slots are rewrapped under the new key, the others dropped (RekeyOutcome.dropped).
 */
export async function changePassword(
  kernel: VaultKernel,
  current: string,
  next: string,
  kdf?: KdfChoice,
  protectors: readonly KeyProtector[] = [],
): Promise<RekeyOutcome> {
  kernel.keys();
  assertPassword(next, 'New password');
  const header = kernel.header();
  const { vaultKey } = await unwrapWithPassword(header, current);
  vaultKey.fill(0);
  const params = kdfFrom({
    memoryKiB: kdf?.memoryKiB ?? header.kdf.memoryKiB,
    iterations: kdf?.iterations ?? header.kdf.iterations,
    parallelism: kdf?.parallelism ?? header.kdf.parallelism,
  });
  return rekey(kernel, { password: next, kdf: params, protectors, remove: null, audit: { action: 'password-change', detail: null } });
}

/** Enables quick unlock through `protector`: adds (or replaces) this backend's slot. */
export async function enableKeychain(kernel: VaultKernel, protector: KeyProtector): Promise<KeychainInfo> {
  const keys = kernel.keys();
  const info = await protector.info();
  if (info.strength === 'none') throw new AppError('KEYCHAIN_UNAVAILABLE', info.detail);
  const secret = randomBytes(32);
  const vaultKey = keys.vaultKey.export();
  try {
    const blob = await protector.protect(kernel.vaultId, secret);
    const slot = wrapForSlot(secret, kernel.vaultIdBytes, info.backend, vaultKey, blob);
    try {
      kernel.write({ audit: { action: 'keychain-enable', detail: info.backend } }, (ctx) => {
        const h = parseHeader(ctx.repo.header());
        const others = h.keychainSlots.filter((s) => s.backend !== info.backend);
        ctx.repo.updateKeys(headerRow({ ...h, keychainSlots: [...others, slot] }));
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

/**
 * Turns quick unlock off for one backend (`backend`, default: `protector`'s) and re-keys, so
 * the secret that slot used opens nothing written from now on. Needs the master password: the
 * new key must be wrapped under it. The other slots are rewrapped where `protector` reaches
 * their backend, else dropped. The keychain entry is deleted when `protector` is that backend's
 * (a failure to delete is reported in the outcome: the slot is gone and the key replaced, so the
 * entry opens nothing written since).
 */
export async function disableKeychain(
  kernel: VaultKernel,
  protector: KeyProtector,
  password: string,
  backend?: string,
): Promise<RekeyOutcome & { readonly removed: boolean }> {
  kernel.keys();
  const header = kernel.header();
  const info = await protector.info();
  const target = backend ?? info.backend;
  const present = header.keychainSlots.some((s) => s.backend === target);
  if (!present && backend !== undefined) {
    const list = header.keychainSlots.map((s) => s.backend).join(', ') || 'none';
    throw new AppError('KEYCHAIN_NOT_ENABLED', `This vault has no quick-unlock slot for ${backend} (slots: ${list}).`);
  }
  if (typeof password !== 'string' || password.length === 0) {
    throw new AppError('BAD_INPUT', 'Turning quick unlock off replaces the vault key: the master password is needed.');
  }
  const { vaultKey } = await unwrapWithPassword(header, password);
  vaultKey.fill(0);
  let outcome: RekeyOutcome = { kept: [], dropped: [], forgetProblem: null };
  if (present) {
    const kdf = kdfFrom({ memoryKiB: header.kdf.memoryKiB, iterations: header.kdf.iterations, parallelism: header.kdf.parallelism });
    outcome = await rekey(kernel, { password, kdf, protectors: [protector], remove: target, audit: { action: 'keychain-disable', detail: target } });
  }
  let forgetProblem: string | null = outcome.forgetProblem;
  if (info.backend === target) {
    try {
      await protector.forget(kernel.vaultId);
    } catch (e) {
      forgetProblem = e instanceof Error ? e.message : String(e);
    }
  }
  return { ...outcome, forgetProblem, removed: present };
}

interface RekeyPlan {
  readonly password: string;
  readonly kdf: ReturnType<typeof kdfFrom>;
  readonly protectors: readonly KeyProtector[];
  /** A slot to remove (keychain disable), or null. */
  readonly remove: string | null;
  readonly audit: { readonly action: 'password-change' | 'keychain-disable'; readonly detail: string | null };
}

/**
 * The re-key itself: a fresh vault key, its password wrap and the slots that can be kept
 * prepared first (Argon2 and keychain calls are asynchronous), then one transaction re-seals
 * everything and writes the header; the WAL is checkpointed after.
 *
 * A kept slot gets a new secret, stored in its keychain before the transaction: if the
 * transaction then fails, that keychain holds a secret the vault does not use, and quick
 * unlock there falls back to the password until turned on again (never the other way round).
 */
async function rekey(kernel: VaultKernel, plan: RekeyPlan): Promise<RekeyOutcome> {
  const header = kernel.header();
  const fresh = newVaultKey();
  try {
    const pw = await wrapWithPassword(plan.password, plan.kdf, kernel.vaultIdBytes, fresh);
    const infos = await Promise.all(plan.protectors.map(async (p) => ({ p, info: await p.info() })));
    const kept: KeychainSlot[] = [];
    const dropped: string[] = [];
    for (const slot of header.keychainSlots) {
      if (slot.backend === plan.remove) continue;
      const reach = infos.find((x) => x.info.backend === slot.backend && x.info.strength !== 'none');
      if (!reach) {
        dropped.push(slot.backend);
        continue;
      }
      const secret = randomBytes(32);
      try {
        const blob = await reach.p.protect(kernel.vaultId, secret);
        kept.push(wrapForSlot(secret, kernel.vaultIdBytes, slot.backend, fresh, blob));
      } catch {
        dropped.push(slot.backend);
      } finally {
        secret.fill(0);
      }
    }
    const next: VaultHeader = { ...header, kdf: plan.kdf, passwordWrap: pw.wrap, passwordCheck: pw.check, keyCheck: vaultKeyCheck(fresh, kernel.vaultIdBytes), keychainSlots: kept };
    const detail = [plan.audit.detail, 'vault key replaced', dropped.length ? `quick unlock dropped: ${dropped.join(', ')}` : null]
      .filter((x) => x !== null)
      .join('; ');
    kernel.replaceKeys(deriveVaultKeys(fresh, kernel.vaultIdBytes), (ctx, old) => {
      resealAll(ctx, old);
      const h = parseHeader(ctx.repo.header());
      ctx.repo.updateKeys(headerRow({ ...next, manifest: h.manifest }));
      kernel.audit(ctx, { action: plan.audit.action, detail });
    });
    // The reload after the commit verified the re-sealed chain entry by entry; an empty write
    // now stores the audit seal under the new key (audit-log.ts), so the next unlock does not
    // have to open every entry again.
    kernel.write({}, () => undefined);
    kernel.scrub();
    return { kept: kept.map((s) => s.backend), dropped, forgetProblem: null };
  } finally {
    fresh.fill(0);
  }
}

/** Quick-unlock slots; `enabled` is about `backend` when given. Works while locked. */
export function keychainState(kernel: VaultKernel, backend?: string): KeychainState {
  const slots = kernel.header().keychainSlots.map((s) => s.backend);
  const enabled = backend === undefined ? slots.length > 0 : slots.includes(backend);
  return { enabled, backend: backend !== undefined && enabled ? backend : (slots[0] ?? null), slots };
}
