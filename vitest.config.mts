/** Unit tests: everything runs under plain Node (Electron cannot run on the build machines). */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['electron/**/*.test.ts', 'shared/**/*.test.ts', 'scripts/**/*.test.ts', 'renderer/**/*.test.ts?(x)'],
    environment: 'node',
    testTimeout: 30_000,
    // Forks, not threads: native addons (better-sqlite3, argon2, keyring) are safest one per process.
    pool: 'forks',
  },
});
