/**
 * The two bundles the test page runs, built on demand so `vitest run scripts/e2e` works on a
 * fresh checkout and never tests a stale page:
 *   - the renderer (out/renderer), rebuilt only when a source is newer than its index.html, and
 *     by one test file at a time (vitest runs files in parallel; two builds would write over
 *     each other);
 *   - the test preload (test-preload.ts), bundled once per process into one IIFE for
 *     `addInitScript`, which takes a script, not a module.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { ROOT } from './environment';

const RENDERER_OUT = join(ROOT, 'out', 'renderer');
const CACHE = join(ROOT, 'node_modules', '.cache', 'patvault-e2e');

/** Newest modification time (ms) of any file under `path`. */
function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const e of readdirSync(path)) {
    if (e === 'node_modules' || e.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, e)));
  }
  return newest;
}

/** Waits for a directory lock (so parallel test files do not build at once). */
async function withLock<T>(name: string, fn: () => Promise<T> | T): Promise<T> {
  mkdirSync(CACHE, { recursive: true });
  const lock = join(CACHE, `${name}.lock`);
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      try {
        if (Date.now() - statSync(lock).mtimeMs > 120_000) rmSync(lock, { recursive: true, force: true });
      } catch {
        // gone already
      }
      if (Date.now() > deadline) throw new Error(`e2e: timed out waiting for ${lock}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * Builds the renderer (only it: scripts/e2e/build-renderer.mjs) when out/renderer/index.html is
 * missing or older than the sources it is built from.
 */
export async function ensureRendererBuilt(): Promise<void> {
  await withLock('renderer-build', () => {
    const index = join(RENDERER_OUT, 'index.html');
    const built = existsSync(index) ? statSync(index).mtimeMs : 0;
    const sources = Math.max(
      newestMtime(join(ROOT, 'renderer')),
      newestMtime(join(ROOT, 'shared')),
      newestMtime(join(ROOT, 'electron', 'core', 'security', 'csp.ts')),
      newestMtime(join(ROOT, 'electron.vite.config.ts')),
    );
    if (built > sources) return;
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'e2e', 'build-renderer.mjs')], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NODE_ENV: 'production' },
    });
    if (r.status !== 0) throw new Error(`e2e: renderer build failed:\n${r.stdout}\n${r.stderr}`);
  });
}

let preloadBundle: string | null = null;

/** The test preload as one IIFE exposing `__patvaultTestPreload.install`. */
export async function testPreloadSource(): Promise<string> {
  if (preloadBundle) return preloadBundle;
  const out = await build({
    absWorkingDir: ROOT,
    entryPoints: [join('scripts', 'e2e', 'test-preload.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: '__patvaultTestPreload',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'warning',
  });
  preloadBundle = out.outputFiles[0]!.text;
  return preloadBundle;
}
