/**
 * `npm run bench` runs the vault and platform-check benchmarks; `npm run bench:ui` (= `run.mjs ui-bench`) the UI
 * benchmark in Chromium (scripts/bench/ui-bench.ts). Bundles the TypeScript benchmarks with esbuild (native packages stay
 * external) and runs each in its own Node process, so peak memory is that benchmark's own.
 * Rebuilds the CLI first (about a second), since the vault benchmark times `patvault search`
 * and must time the current sources.
 */
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const outDir = join(root, 'node_modules', '.cache', 'patvault-bench');
mkdirSync(outDir, { recursive: true });

const ALL = ['vault-bench', 'check-bench', 'ui-bench'];
const args = process.argv.slice(2);
const picked = args.filter((a) => ALL.includes(a));
const passOn = args.filter((a) => !ALL.includes(a));
const benches = picked.length > 0 ? picked : ['vault-bench', 'check-bench'];

if (benches.includes('vault-bench')) {
  execFileSync(process.execPath, [join(root, 'scripts', 'build-cli.mjs')], { stdio: 'inherit', cwd: root });
}

for (const name of benches) {
  const outfile = join(outDir, `${name}.cjs`);
  await build({
    absWorkingDir: root,
    entryPoints: [join('scripts', 'bench', `${name}.ts`)],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    outfile,
    external: ['better-sqlite3', '@node-rs/argon2', '@napi-rs/keyring', 'electron', 'playwright-core', 'esbuild', 'vite', 'electron-vite'],
    logLevel: 'warning',
  });
  try {
    execFileSync(process.execPath, [outfile, ...passOn], { stdio: 'inherit', cwd: root });
  } catch {
    console.error(`benchmark ${name} failed (its message is above)`);
    process.exit(1);
  }
}
