#!/usr/bin/env node
/**
 * The project's one test command: `npm test` (= `node scripts/test.mjs`).
 *
 *   npm test                              typecheck, lint, electronegativity, build, then all vitest tests
 *   npm test -- electron/core/vault       the same, passing the arguments on to vitest
 *   npm test -- --quick electron/core     only vitest (skips typecheck, lint and build)
 *
 * Steps run in order and stop at the first failure. On Linux vitest runs inside a private
 * D-Bus session with a real, unlocked Secret Service (scripts/with-secret-service.sh), so the
 * keychain adapter is tested against gnome-keyring without touching the user's own keyring.
 * Without dbus-run-session / gnome-keyring-daemon: under CI this fails; locally the tests run
 * without it (the keychain round trip then skips) and a note says what to install.
 *
 * Node only (no shell syntax here), so it behaves the same wherever npm runs it.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { reexecUnderProjectNode } from './node22.mjs';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const IS_WINDOWS = process.platform === 'win32';
const VITEST = join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');
const WRAPPER = join(ROOT, 'scripts', 'with-secret-service.sh');
const SECRET_SERVICE_BINARIES = ['dbus-run-session', 'dbus-daemon', 'gnome-keyring-daemon'];
const APT_HINT = 'apt-get install gnome-keyring dbus';

const ci = (process.env.CI ?? '').trim().toLowerCase();
const IN_CI = ci !== '' && ci !== '0' && ci !== 'false';

/** Full path of `name` on PATH, or null. */
function which(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

/** Environment for every step: the project's binaries (Node 22 first) ahead of the system's. */
function stepEnv() {
  const bin = join(ROOT, 'node_modules', '.bin');
  return { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH ?? ''}` };
}

/** Runs a command with inherited output; resolves to its exit code. */
function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit', env: stepEnv(), shell: IS_WINDOWS });
    child.on('error', (err) => {
      console.error(`test: could not start ${command}: ${err.message}`);
      resolve(127);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

/** `npm run <script>` with the npm that runs us (npm_execpath) when there is one. */
function npmRun(script) {
  const npmCli = process.env.npm_execpath;
  if (npmCli && /\.c?js$/.test(npmCli)) return [process.execPath, [npmCli, 'run', script]];
  return [IS_WINDOWS ? 'npm.cmd' : 'npm', ['run', script]];
}

/** How vitest is started: inside a Secret Service session on Linux when possible. */
function vitestCommand(vitestArgs) {
  const direct = [process.execPath, [VITEST, 'run', ...vitestArgs]];
  if (process.platform !== 'linux') return { command: direct, note: null, error: null };
  const missing = SECRET_SERVICE_BINARIES.filter((b) => which(b) === null);
  if (missing.length === 0) {
    return { command: ['sh', [WRAPPER, process.execPath, VITEST, 'run', ...vitestArgs]], note: null, error: null };
  }
  const what = `${missing.join(', ')} not found, so no Secret Service can be started for the keychain tests. Install: ${APT_HINT}`;
  if (IN_CI) return { command: null, note: null, error: `${what} (required under CI=${process.env.CI}).` };
  return { command: direct, note: `${what}. Running vitest without it; the keychain round trip will be skipped.`, error: null };
}

function seconds(ms) {
  return `${(ms / 1000).toFixed(1)}s`;
}

function usage() {
  console.log(`usage: npm test [-- [--quick] [vitest args...]]
  --quick   skip typecheck, lint and build; run only vitest
  --help    this text
Everything else goes to \`vitest run\` (file filters, -t <name>, --reporter=..., ...).`);
}

let lastCountsFile = null;

/** Prints vitest's totals as one plain line: "N passed, N failed, N skipped". */
function printCounts(file) {
  try {
    const r = JSON.parse(readFileSync(file, 'utf8'));
    const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
    console.log(`\n${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`);
  } catch {
    // Unreadable report: say nothing rather than a wrong count.
  }
}

async function main() {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) return usage();
  const quick = args.includes('--quick');
  const userArgs = args.filter((a) => a !== '--quick');
  // A JSON report beside the usual output gives the closing "N passed, N failed" line, which
  // CI systems read to tell a run that tested nothing from one that passed.
  const countsFile = join(ROOT, 'node_modules', '.cache', 'patvault-test-results.json');
  const ownReporter = !userArgs.some((a) => a.startsWith('--reporter'));
  const vitestArgs = ownReporter
    ? [...userArgs, '--reporter=default', '--reporter=json', `--outputFile.json=${countsFile}`]
    : userArgs;
  rmSync(countsFile, { force: true });
  if (ownReporter) lastCountsFile = countsFile;

  const steps = [];
  if (!quick) {
    steps.push({ name: 'typecheck', command: npmRun('typecheck') });
    steps.push({ name: 'lint', command: npmRun('lint') });
    steps.push({ name: 'electronegativity', command: [process.execPath, [join(ROOT, 'scripts', 'electronegativity.mjs')]] });
    steps.push({ name: 'build', command: npmRun('build') });
  }
  const vitest = vitestCommand(vitestArgs);
  steps.push({ name: 'unit tests', command: vitest.command, error: vitest.error, note: vitest.note });

  const started = Date.now();
  const done = [];
  console.log(`test: ${steps.map((s) => s.name).join(' → ')}${quick ? ' (--quick)' : ''}${IN_CI ? ' [CI]' : ''}`);
  for (const step of steps) {
    console.log(`\n━━ ${step.name} ━━`);
    if (step.error) {
      console.error(`test: ${step.error}`);
      console.error(`\ntest: FAILED at ${step.name} after ${seconds(Date.now() - started)}`);
      process.exitCode = 1;
      return;
    }
    if (step.note) console.warn(`test: NOTE: ${step.note}`);
    const [command, commandArgs] = step.command;
    const t0 = Date.now();
    const code = await run(command, commandArgs);
    const took = seconds(Date.now() - t0);
    if (code !== 0) {
      const summary = done.length ? ` (passed: ${done.join(', ')})` : '';
      console.error(`\ntest: FAILED at ${step.name} (exit ${code}, ${took})${summary}; total ${seconds(Date.now() - started)}`);
      process.exitCode = code;
      return;
    }
    done.push(`${step.name} ${took}`);
    console.log(`test: ✓ ${step.name} (${took})`);
  }
  const notes = steps.some((s) => s.note) ? ' — with a NOTE above (keychain tests skipped)' : '';
  console.log(`\ntest: PASSED ${done.join(', ')}; total ${seconds(Date.now() - started)}${notes}`);
}

// Node 22.12+ is needed for the native modules; an older Node re-runs this script with the project's.
if (!reexecUnderProjectNode({ name: 'test', script: fileURLToPath(import.meta.url), retry: 'npm test' })) {
  try {
    await main();
  } finally {
    // Last line of the run, so CI can read the totals (when vitest ran with our reporter).
    if (lastCountsFile && existsSync(lastCountsFile)) printCounts(lastCountsFile);
  }
}
