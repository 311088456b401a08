/** Unit tests: everything runs under plain Node (Electron cannot run on the build machines). */
import { defineConfig } from 'vitest/config';

// One zone for every run, wherever the machine is: expiry dates count in the system's zone, and
// many tests use fixed instants with that default. Tests about zones pass one explicitly or set
// process.env.TZ themselves (Node re-reads it). Set here, before the workers are forked.
process.env.TZ = 'UTC';

export default defineConfig({
  test: {
    include: ['electron/**/*.test.ts', 'shared/**/*.test.ts', 'scripts/**/*.test.ts', 'renderer/**/*.test.ts?(x)'],
    environment: 'node',
    testTimeout: 30_000,
    // Forks, not threads: native addons (better-sqlite3, argon2, keyring) are safest one per process.
    pool: 'forks',
  },
});
