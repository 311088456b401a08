/**
 * The real app core as the UI tests drive it: an AppService over `vault.sqlite` in a folder the
 * caller owns, with its SettingsStore (`settings.json`) beside it, an in-memory keychain and the
 * KDF at its floor, so a new vault costs tens of milliseconds while still being real Argon2id.
 *
 * Used by the e2e bridge (scripts/e2e/bridge-server.ts) and the renderer tests' backend
 * (renderer/src/test-support/backend.ts), which put the same core behind a browser and behind
 * jsdom: they must agree on it, so it is made here once. Each brings its own doubles for the
 * machine's edges (clipboard, file dialogs, clock, events, token pages, network), because
 * those differ with what the caller lets a test see and steer.
 *
 * Plain Node, no vitest: the UI bench bundles the bridge and runs it outside a test runner.
 */
import { join } from 'node:path';
import { AppService, type AppDeps } from '../app/app-service';
import { MemoryKeyProtector } from '../keychain/memory-protector';
import { SettingsStore } from '../settings/settings-store';
import { KDF_FLOOR } from '../vault/crypto/kdf';

/** OWASP's floor with one lane: the cheapest KDF a vault accepts (temp-vault's FAST_KDF too). */
export const FLOOR_KDF = { ...KDF_FLOOR, parallelism: 1 } as const;

/** What the caller supplies: everything but the vault's place, its settings, keychain and KDF. */
export type AppDoubles = Omit<AppDeps, 'vaultPath' | 'settings' | 'keyProtector' | 'kdf'>;

export interface AppUnderTest {
  /** `<dir>/vault.sqlite` (not created until a test creates or restores a vault). */
  readonly vaultPath: string;
  readonly service: AppService;
  /** The service's settings (`<dir>/settings.json`); a second session on the vault may share it. */
  readonly settings: SettingsStore;
  /** The keychain quick unlock writes to, in memory only (the real one would be the user's). */
  readonly keyProtector: MemoryKeyProtector;
}

/** An AppService over a vault in `dir`, with the caller's doubles. Dispose the service when done. */
export function createAppUnderTest(dir: string, doubles: AppDoubles): AppUnderTest {
  const vaultPath = join(dir, 'vault.sqlite');
  const settings = new SettingsStore(join(dir, 'settings.json'));
  const keyProtector = new MemoryKeyProtector();
  const service = new AppService({ ...doubles, vaultPath, settings, keyProtector, kdf: FLOOR_KDF });
  return { vaultPath, service, settings, keyProtector };
}
