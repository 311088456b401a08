/**
 * Test helpers: temporary folders and vaults with real files and real crypto. KDF at the
 * OWASP floor with one lane keeps tests fast without weakening what they exercise.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import type { Clock } from '../ports';
import { Vault } from '../vault/vault';

export const TEST_PASSWORD = 'correct horse battery staple';
export const FAST_KDF = { memoryKiB: 19 * 1024, iterations: 2, parallelism: 1 } as const;

/** A fresh temp folder, removed by the returned cleanup. */
export function tempDir(prefix = 'patvault-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A new vault file in `dir`, unlocked. */
export async function createTestVault(dir: string, opts: { clock?: Clock; name?: string } = {}): Promise<Vault> {
  return Vault.create(join(dir, opts.name ?? 'vault.sqlite'), TEST_PASSWORD, {
    kdf: FAST_KDF,
    ...(opts.clock ? { clock: opts.clock } : {}),
  });
}

/**
 * Per test: a new unlocked vault in a fresh temp folder, handed to `use` (the test file keeps
 * it in its own variables); closed and removed after the test.
 */
export function useFreshVault(use: (vault: Vault, dir: string) => void): void {
  let done: (() => void) | null = null;
  beforeEach(async () => {
    const { dir, cleanup } = tempDir();
    const vault = await createTestVault(dir);
    done = () => {
      vault.close();
      cleanup();
    };
    use(vault, dir);
  });
  afterEach(() => {
    done?.();
    done = null;
  });
}

/** A clock tests can set. */
export function fixedClock(iso: string): Clock & { set(iso: string): void } {
  let t = new Date(iso);
  return {
    now: () => new Date(t.getTime()),
    set: (next: string) => {
      t = new Date(next);
    },
  };
}
