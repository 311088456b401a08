/**
 * Build of the three Electron parts. Main and preload target Electron's Node; the renderer is
 * a plain Vite + React app. Packages in `dependencies` stay external in main (native addons
 * must be loaded from node_modules, not bundled).
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { buildCsp } from './electron/core/security/csp';

const root = import.meta.dirname;
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string };

/**
 * Dev server only: swaps the production CSP <meta> for the dev variant, which allows the
 * React refresh preamble by its hash (not 'unsafe-inline') and Vite's injected styles.
 */
function devCspPlugin(): Plugin {
  const preamble = react.preambleCode.replace('__BASE__', '/');
  const hash = `sha256-${createHash('sha256').update(preamble).digest('base64')}`;
  const policy = buildCsp({ delivery: 'meta', dev: { inlineScriptHashes: [hash] } });
  return {
    name: 'patvault:dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html.replace(
        /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")[^"]*(")/,
        (_m, head: string, tail: string) => `${head}${policy}${tail}`,
      ),
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      externalizeDeps: true,
      rolldownOptions: { input: { index: resolve(root, 'electron/main/index.ts') } },
    },
  },
  preload: {
    define: { __APP_VERSION__: JSON.stringify(pkg.version) },
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can only require('electron') and a few builtins, so nothing may
      // stay external, and it must be CommonJS (sandboxed preloads cannot be ES modules).
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        output: { format: 'cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [react(), devCspPlugin()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      rolldownOptions: { input: { index: resolve(root, 'renderer/index.html') } },
    },
  },
});
