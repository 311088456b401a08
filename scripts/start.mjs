#!/usr/bin/env node
/**
 * `npm start` (= `node scripts/start.mjs [args…]`): runs the desktop app in development.
 *
 *   1. under Node >= 22.12 (re-runs itself with the project's Node 22 when the system's is older),
 *   2. with Electron's binary present: the electron package downloads it on first use only, and
 *      electron-vite does not trigger that (it would stop with "Electron uninstall"), so
 *      scripts/electron-binary.mjs runs the package's own installer first,
 *   3. then `electron-vite dev [args…]`, passing its exit code on.
 * When Electron cannot be downloaded, one message says what is missing and what to do; exit 1.
 *
 * `start()` takes the electron package folder and the command to run, so tests can point it at
 * a copy and a harmless command; run as a script it uses node_modules/electron and electron-vite.
 * Node only, no shell syntax: it behaves the same on Windows.
 */
import { spawn } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureElectronBinary } from './electron-binary.mjs';
import { reexecUnderProjectNode } from './node22.mjs';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));

/** The electron package electron-vite resolves (hoisted: node_modules/electron). */
function defaultElectronDir() {
  return dirname(createRequire(join(ROOT, 'package.json')).resolve('electron/package.json'));
}

/** electron-vite's own bin script, run with this Node: no .cmd shim, no shell on Windows. */
function electronViteDev() {
  return [process.execPath, [join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'dev']];
}

/** Runs `file args` in the project folder with inherited output; resolves to its exit code. */
function run(file, args, env) {
  return new Promise((resolve) => {
    const child = spawn(file, args, { cwd: ROOT, stdio: 'inherit', env });
    // Ctrl+C reaches the child from the terminal too: let it shut Electron down, then exit with it.
    const ignore = () => {};
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', ignore);
    process.on('SIGTERM', forward);
    process.on('SIGHUP', forward);
    const done = (code) => {
      process.off('SIGINT', ignore);
      process.off('SIGTERM', forward);
      process.off('SIGHUP', forward);
      resolve(code);
    };
    child.on('error', (err) => {
      console.error(`start: could not run ${file}: ${err.message}`);
      done(127);
    });
    child.on('exit', (code) => done(code ?? 1));
  });
}

/**
 * Ensures Electron's binary, then runs `command` (`[file, args]`, default electron-vite dev)
 * with `args` appended and ELECTRON_EXEC_PATH set to that binary. Resolves to the exit code.
 */
export async function start({ electronDir = defaultElectronDir(), command = electronViteDev(), args = [], env = process.env } = {}) {
  const binary = await ensureElectronBinary({ electronDir, env });
  if (!binary.ok) {
    console.error(binary.message);
    return 1;
  }
  const [file, commandArgs] = command;
  return run(file, [...commandArgs, ...args], { ...env, ELECTRON_EXEC_PATH: binary.file });
}

/** True when this file is the script Node was asked to run (not imported, e.g. by a test). */
function isScript() {
  try {
    return realpathSync(process.argv[1] ?? '') === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isScript() && !reexecUnderProjectNode({ name: 'start', script: fileURLToPath(import.meta.url), retry: 'npm start' })) {
  process.exitCode = await start({ args: process.argv.slice(2) });
}
