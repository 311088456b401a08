/**
 * Runs a project script under Node >= 22.12, re-running it with the project's own Node 22 when
 * the Node that started it is older. Used by scripts/test.mjs (`npm test`) and
 * scripts/start.mjs (`npm start`).
 *
 * Why: the native modules (better-sqlite3, argon2, keyring) are Node-API builds that need
 * Node >= 22.12, and so does the electron package's installer (it require()s the ES module
 * @electron/get). Many machines ship Node 20; the `node` devDependency puts a Node 22 binary in
 * node_modules/node/bin. npm scripts usually find it already (npm puts node_modules/.bin first
 * on PATH), but `node scripts/….mjs` typed by hand, or an npm that does not, gets the system's.
 *
 * The binary is spawned directly (node.exe on Windows), without a shell: paths with spaces are
 * safe and nothing depends on shell syntax.
 */
import { spawn } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
export const PROJECT_NODE = join(ROOT, 'node_modules', 'node', 'bin', process.platform === 'win32' ? 'node.exe' : 'node');

/** True for Node 22.12 and newer. */
export function isRecentNode(version = process.versions.node) {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  return major > 22 || (major === 22 && minor >= 12);
}

function samePath(a, b) {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
}

/**
 * Returns false when this Node is recent enough: carry on. Otherwise runs `script` with the
 * project's Node (same Node flags and arguments), exits with its exit code when it ends, and
 * returns true: the caller does nothing more. `name` prefixes the messages, `retry` is the
 * command to suggest (`npm test`, `npm start`).
 */
export function reexecUnderProjectNode({ name, script, retry, args = process.argv.slice(2) }) {
  if (isRecentNode()) return false;
  // Already the project's Node, yet too old (a broken install): re-running would loop.
  if (!existsSync(PROJECT_NODE) || samePath(process.execPath, PROJECT_NODE)) {
    console.error(
      `${name}: Node ${process.versions.node} is too old (need >= 22.12) and the project's own Node 22 ` +
        `(node_modules/node/bin) is missing. Run \`npm ci\`, then \`${retry}\` again.`,
    );
    process.exit(1);
  }
  console.log(`${name}: Node ${process.versions.node} is too old; re-running with node_modules/node/bin/node`);
  const child = spawn(PROJECT_NODE, [...process.execArgv, script, ...args], { stdio: 'inherit' });
  // Ctrl+C reaches the child from the terminal too: wait for it to finish rather than dying first.
  process.on('SIGINT', () => {});
  for (const signal of ['SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('error', (err) => {
    console.error(`${name}: could not run ${PROJECT_NODE}: ${err.message}. Run \`npm ci\`, then \`${retry}\` again.`);
    process.exit(1);
  });
  child.on('exit', (code) => process.exit(code ?? 1));
  return true;
}
