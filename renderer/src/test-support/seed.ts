/**
 * Puts a test's starting data into the real vault, through the app's own channels (as the
 * window or the CLI would): create the vault, define custom platforms, add tokens, then
 * whatever else the test needs (checks, rotations, edits) while unlocked, and lock unless the
 * test starts unlocked. Nothing here writes the vault by any other way, so the data is always
 * what the core itself would hold.
 */
import type { CustomPlatformInput } from '../../../shared/domain/custom-platform';
import type { Request } from '../../../shared/ipc/contract';
import { TEST_PASSWORD, type Backend } from './backend';

/** A token to add: `tokens.add`'s fields; platform, account and value have defaults. */
export type SeedToken = Partial<Request<'tokens.add'>> & { readonly name: string };

/** The vault a test starts from. */
export interface SeedOptions {
  /** false: no vault file yet (first run). Default true. */
  readonly exists?: boolean;
  /** Left unlocked, as after the user unlocked it. Default false: locked, as at app start. */
  readonly unlocked?: boolean;
  readonly password?: string;
  /** Defined first, in order; tokens name them with `customPlatform: 'Name'`. */
  readonly customPlatforms?: readonly CustomPlatformInput[];
  /** Added in order. Default platform github, account "acme", value `secret-value-<index>`. */
  readonly tokens?: readonly SeedToken[];
  /** Quick unlock switched on (with the in-memory keychain). */
  readonly quickUnlock?: boolean;
  /** 'none': the keychain is there but cannot protect anything (Linux basic_text, say). */
  readonly keychain?: 'strong' | 'none';
  /** Runs after the tokens are added, unlocked: checks against the platform double, edits, rotations. */
  readonly prepare?: (backend: Backend, idOf: (name: string) => string) => Promise<void>;
}

/** Looks a seeded token's id up by its name (ids are random, as in the app). */
export type IdOf = (name: string) => string;

/** Seeds `backend` as `opts` says; returns the id lookup. */
export async function seed(backend: Backend, opts: SeedOptions): Promise<IdOf> {
  const ids = new Map<string, string>();
  const idOf: IdOf = (name) => {
    const id = ids.get(name);
    if (id === undefined) throw new Error(`No seeded token named "${name}".`);
    return id;
  };
  if (opts.keychain === 'none') backend.keyProtector.setAvailable(false);
  if (opts.exists === false) return idOf;

  await backend.call('vault.create', { password: opts.password ?? TEST_PASSWORD });
  for (const definition of opts.customPlatforms ?? []) await backend.call('platforms.custom.save', { definition });
  for (const [i, t] of (opts.tokens ?? []).entries()) {
    const added = await backend.call('tokens.add', { platform: 'github', account: 'acme', token: `secret-value-${i}`, ...t });
    ids.set(t.name, added.id);
  }
  await opts.prepare?.(backend, idOf);
  if (opts.quickUnlock) await backend.call('keychain.enable', {});
  if (!opts.unlocked) await backend.call('vault.lock', {});
  return idOf;
}
