#!/usr/bin/env node
/**
 * Builds only the renderer (out/renderer) with the project's electron.vite.config.ts, for the
 * end-to-end harness and `npm run bench:ui`: main and preload are not needed in a browser and
 * building them would tie the e2e run to their state. Same config, same plugins, same CSP.
 */
import { resolveConfig } from 'electron-vite';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
process.chdir(root);
const resolved = await resolveConfig({ root, logLevel: 'warn' }, 'build', 'production');
const renderer = resolved.config?.renderer;
if (!renderer) {
  console.error('build-renderer: electron.vite.config.ts has no renderer section');
  process.exit(1);
}
await build({ ...renderer, logLevel: 'warn' });
