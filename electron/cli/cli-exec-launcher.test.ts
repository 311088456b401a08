/**
 * `patvault exec` through the launcher's re-exec (issue 12, item 8): on a Node older than
 * 22.12 the launcher (dist/cli/patvault.cjs) runs the CLI again under the project's Node 22,
 * as its child. A SIGINT, SIGTERM or SIGHUP sent to the launcher alone must reach the CLI and,
 * through exec, the command; and once the launcher is gone, no process it started remains.
 *
 * Two launchers: the system's older Node (/usr/bin/node, Node 20 on these machines; skipped
 * with a note where there is none, or where it is recent enough not to re-exec), and always
 * the project's Node 22 with PATVAULT_LAUNCHER_REEXEC=1, which takes the same re-exec path.
 * Each run gets its own process group (detached), so "nothing left" is checked by group.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, PASSWORD, ROOT, buildCli, createVault } from './test-support';

const LINUX = process.platform === 'linux';
const SYSTEM_NODE = '/usr/bin/node';

/** The system's Node when it is older than 22.12 (so the launcher re-execs), else null. */
function oldSystemNode(): string | null {
  if (!LINUX || !existsSync(SYSTEM_NODE)) return null;
  const r = spawnSync(SYSTEM_NODE, ['-p', 'process.versions.node'], { encoding: 'utf8' });
  const [major = 0, minor = 0] = (r.stdout ?? '').trim().split('.').map(Number);
  return r.status === 0 && (major < 22 || (major === 22 && minor < 12)) ? SYSTEM_NODE : null;
}
const OLD_NODE = oldSystemNode();
if (LINUX && OLD_NODE === null) console.warn(`cli-exec-launcher: no Node older than 22.12 at ${SYSTEM_NODE}; only the forced re-exec path is tested`);

let dir: string;
let vaultPath: string;
let id: string;

beforeAll(async () => {
  buildCli();
  dir = mkdtempSync(join(tmpdir(), 'patvault-launcher-'));
  vaultPath = join(dir, 'vault.sqlite');
  const v = await createVault(vaultPath);
  id = v.tokens.add({ platform: 'github', account: 'octo', name: 'CI', token: 'ghp_LAUNCHERsignalsLAUNCHERsignals000001' }).id;
  v.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every live process in process group `pgid`: pid and command name (from /proc). */
function groupMembers(pgid: number): { pid: number; comm: string }[] {
  const out: { pid: number; comm: string }[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // "pid (comm) state ppid pgrp …": comm may hold spaces or parentheses, so split after the last ')'.
      const close = stat.lastIndexOf(')');
      const comm = stat.slice(stat.indexOf('(') + 1, close);
      const [state, , pgrp] = stat.slice(close + 2).split(' ');
      if (Number(pgrp) === pgid && state !== 'Z') out.push({ pid: Number(entry), comm });
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

async function waitFor<T>(what: string, probe: () => T | null | undefined | false, ms = 20_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Starts `launcherNode dist/cli/patvault.cjs exec -- sleep 60` in a new process group, waits
 * until `sleep` runs under it, sends `signal` to the launcher's pid alone, and returns how the
 * launcher ended and who was in the group before.
 */
async function signalLauncher(launcherNode: string, signal: NodeJS.Signals, env: Record<string, string> = {}) {
  const p = spawn(launcherNode, [CLI, '--vault', vaultPath, '--password-stdin', 'exec', '--env', `PV_TOKEN=${id}`, '--', 'sleep', '60'], {
    cwd: ROOT,
    detached: true, // its own process group, numbered by its pid
    env: { ...process.env, PATVAULT_VAULT: undefined, PATVAULT_DEBUG: undefined, PATVAULT_REEXEC: undefined, ...env },
    stdio: ['pipe', 'ignore', 'pipe'],
  });
  const pgid = p.pid as number;
  let stderr = '';
  p.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => p.on('exit', (code, sig) => resolve({ code, signal: sig })));
  p.stdin.end(`${PASSWORD}\n`);
  try {
    const before = await waitFor(`sleep under the launcher (stderr: ${stderr})`, () => {
      const m = groupMembers(pgid);
      return m.some((x) => x.comm === 'sleep') ? m : null;
    });
    process.kill(p.pid as number, signal); // the launcher alone, as `kill PID` would
    const how = await Promise.race([ended, new Promise<'hung'>((r) => setTimeout(() => r('hung'), 15_000))]);
    // Nothing of it may remain: no sleep, no CLI, no launcher (allow a moment for exits to land).
    let left = groupMembers(pgid);
    const until = Date.now() + 3000;
    while (left.length > 0 && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 50));
      left = groupMembers(pgid);
    }
    return { before, how, left, stderr };
  } finally {
    try {
      process.kill(-pgid, 'SIGKILL'); // whatever a failing run left behind
    } catch {
      // nothing left: the expected case
    }
  }
}

const RUNS: [string, () => string | null, Record<string, string>][] = [
  ['the system Node 20 as the launcher', () => OLD_NODE, {}],
  ['Node 22 as the launcher, re-exec forced (PATVAULT_LAUNCHER_REEXEC=1)', () => process.execPath, { PATVAULT_LAUNCHER_REEXEC: '1' }],
];

describe.runIf(LINUX).each(RUNS)('%s', (_name, launcher, env) => {
  it.each(['SIGTERM', 'SIGINT', 'SIGHUP'] as const)('%s to the launcher reaches the command, and no process outlives patvault', async (signal) => {
    const node = launcher();
    if (node === null) return; // noted above: no old Node on this machine
    const { before, how, left, stderr } = await signalLauncher(node, signal, env);
    // The re-exec path was taken: the launcher and the CLI are two node processes, then sleep.
    expect(before.filter((x) => x.comm === 'node').length, JSON.stringify(before)).toBeGreaterThanOrEqual(2);
    // The command died of the forwarded signal; exec and the launcher report it as shells do.
    expect(how, stderr).toEqual({ code: 128 + constants.signals[signal], signal: null });
    expect(left).toEqual([]);
    expect(stderr).not.toContain('ghp_');
  }, 60_000);
});

it.runIf(OLD_NODE !== null)('under the old Node, ordinary commands still run through the re-exec', () => {
  const r = spawnSync(OLD_NODE as string, [CLI, '--version'], { encoding: 'utf8', env: { ...process.env, PATVAULT_REEXEC: undefined } });
  expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
  expect(r.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
});
