/**
 * Builds the `patvault` CLI into one CommonJS file, dist/cli/patvault.cjs (package.json "bin").
 *
 * Why a bundle: `patvault search` must answer within ~330 ms including Node's start-up;
 * resolving and compiling hundreds of module files would eat most of that. Only the native
 * packages stay external (their .node binaries cannot be bundled). 'electron' must never be
 * reached from the CLI: the build fails if anything imports it.
 *
 * The file is written to a temporary name and renamed, so a test process running the old
 * build never reads a half-written file.
 */
import { build } from 'esbuild';
import { chmodSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'dist', 'cli', 'patvault.cjs');

/** Native modules: loaded from node_modules at run time. */
const NATIVE = ['better-sqlite3', '@node-rs/argon2', '@napi-rs/keyring'];

const noElectron = {
  name: 'no-electron',
  setup(b) {
    b.onResolve({ filter: /^electron(\/|$)/ }, (args) => ({
      errors: [{ text: `the CLI must not import 'electron' (imported by ${args.importer})` }],
    }));
  },
};

const result = await build({
  absWorkingDir: root,
  entryPoints: ['electron/cli/patvault.ts'],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  outfile,
  external: NATIVE,
  plugins: [noElectron],
  minify: true,
  legalComments: 'none',
  banner: { js: '#!/usr/bin/env node' },
  write: false,
  logLevel: 'warning',
});

const js = result.outputFiles.find((f) => f.path === outfile);
if (!js) throw new Error('esbuild produced no output');
mkdirSync(dirname(outfile), { recursive: true });
const tmp = `${outfile}.${process.pid}.tmp`;
writeFileSync(tmp, js.contents, { mode: 0o755 });
chmodSync(tmp, 0o755); // mode above is masked by the umask
renameSync(tmp, outfile);
console.log(`built ${outfile} (${Math.round(js.contents.length / 1024)} KiB)`);
