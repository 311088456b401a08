/**
 * Builds the `patvault` CLI: one CommonJS bundle, dist/cli/patvault-main.cjs, started by the
 * launcher dist/cli/patvault.cjs (package.json "bin"), plus dist/cli/patvault.cmd for Windows.
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
const launcherFile = join(root, 'dist', 'cli', 'patvault.cjs');
const outfile = join(root, 'dist', 'cli', 'patvault-main.cjs');

/**
 * The `bin` file is a tiny launcher: it turns on V8's compile cache (Node >= 22.1) before
 * loading the bundle, so later runs skip compiling ~500 KiB of JavaScript (tens of ms of
 * every `patvault` call). The cache lives in the user's own cache folder (0700), never in a
 * shared temp folder another user could write to.
 */
const LAUNCHER = `#!/usr/bin/env node
'use strict';
// The native modules are Node-API builds for Node >= 22.12; an older Node would crash loading
// them. In a source checkout, use the project's own Node 22 instead; otherwise say so clearly.
// PATVAULT_LAUNCHER_REEXEC=1 takes that path on any Node (tests prove it where no old Node is).
{
  const [major, minor] = process.versions.node.split('.').map(Number);
  const old = major < 22 || (major === 22 && minor < 12);
  const again = process.env.PATVAULT_REEXEC === '1';
  delete process.env.PATVAULT_REEXEC; // not inherited by exec's command: a nested patvault may re-exec too
  if ((old || process.env.PATVAULT_LAUNCHER_REEXEC === '1') && !again) {
    const path = require('node:path');
    const own = path.join(__dirname, '..', '..', 'node_modules', 'node', 'bin', process.platform === 'win32' ? 'node.exe' : 'node');
    if (require('node:fs').existsSync(own)) {
      // The CLI runs as our child, so every signal that would end us reaches it (and through
      // exec, its command) instead: we stay until it ends and exit as it did. Nothing outlives us.
      const child = require('node:child_process').spawn(own, [__filename, ...process.argv.slice(2)], {
        stdio: 'inherit',
        env: { ...process.env, PATVAULT_REEXEC: '1' },
      });
      const forward = (signal) => {
        try {
          child.kill(signal);
        } catch {
          // already gone
        }
      };
      for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, forward);
      child.on('error', (e) => {
        process.stderr.write('patvault: cannot run ' + own + ' (' + (e.code || e.message) + ').\\n');
        process.exit(1);
      });
      child.on('exit', (code, signal) => {
        const n = signal ? require('node:os').constants.signals[signal] : undefined;
        process.exit(code !== null ? code : n ? 128 + n : 1);
      });
      return;
    }
  }
  if (old) {
    process.stderr.write('patvault: needs Node.js 22.12 or newer (this is ' + process.version + ').\\n');
    process.exit(1);
  }
}
try {
  const os = require('node:os');
  const path = require('node:path');
  const fs = require('node:fs');
  const base = process.platform === 'win32'
    ? process.env.LOCALAPPDATA || path.join(os.homedir(), 'AppData', 'Local')
    : process.env.XDG_CACHE_HOME || path.join(os.homedir(), process.platform === 'darwin' ? 'Library/Caches' : '.cache');
  const dir = path.join(base, 'patvault', 'compile-cache');
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  require('node:module').enableCompileCache?.(dir);
} catch {
  // No cache (read-only home, old Node): the CLI works the same, only slower to start.
}
require('./patvault-main.cjs');
`;

/**
 * Windows runs no file by its #! line, so a packaged app's resources\cli folder (electron-builder.yml
 * ships dist/cli there) could not be put on PATH as `patvault`. This wrapper runs the launcher
 * beside it with the Node on PATH. (A source checkout has npm's own shim, from "bin".)
 */
const CMD_WRAPPER = '@node "%~dp0patvault.cjs" %*\r\n';

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
const tmpLauncher = `${launcherFile}.${process.pid}.tmp`;
writeFileSync(tmpLauncher, LAUNCHER, { mode: 0o755 });
chmodSync(tmpLauncher, 0o755);
renameSync(tmpLauncher, launcherFile);
const cmdFile = join(root, 'dist', 'cli', 'patvault.cmd');
writeFileSync(`${cmdFile}.${process.pid}.tmp`, CMD_WRAPPER);
renameSync(`${cmdFile}.${process.pid}.tmp`, cmdFile);
console.log(`built ${launcherFile} → ${outfile} (${Math.round(js.contents.length / 1024)} KiB)`);
