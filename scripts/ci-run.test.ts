/**
 * `.ci/run` reports a run ended by a signal as failed (issue 12, item 9): it used to print
 * ".ci/run: PASSED" when terminated. The real script's text is run with its three phases
 * (apt, npm ci, npm test: not runnable here) replaced by one phase that sleeps, then signalled.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const PHASES = ['phase "apt packages" apt_install', 'phase "npm ci" npm_ci', 'phase "npm test" npm test'];

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'patvault-ci-run-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of .ci/run (in a folder of its own: it cds to its parent) whose phases are `phases`. */
function scriptWith(name: string, phases: string): string {
  const text = readFileSync(join(ROOT, '.ci', 'run'), 'utf8');
  for (const p of PHASES) expect(text).toContain(p);
  let out = text;
  for (const p of PHASES.slice(1)) out = out.replace(`${p}\n`, '');
  out = out.replace(PHASES[0] as string, phases);
  const base = join(dir, name);
  mkdirSync(join(base, '.ci'), { recursive: true });
  const path = join(base, '.ci', 'run');
  writeFileSync(path, out, { mode: 0o755 });
  return path;
}

/** Live processes whose command line contains `marker` (from /proc). */
function processesWith(marker: string): number[] {
  const found: number[] = [];
  for (const e of readdirSync('/proc')) {
    if (!/^\d+$/.test(e)) continue;
    try {
      if (readFileSync(`/proc/${e}/cmdline`, 'utf8').includes(marker)) found.push(Number(e));
    } catch {
      // gone
    }
  }
  return found;
}

function run(path: string, signalAfterStart?: { signal: NodeJS.Signals; marker: string }) {
  const p = spawn('bash', [path], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: 'true' } });
  let out = '';
  p.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
  p.stderr.setEncoding('utf8').on('data', (c: string) => (out += c));
  return new Promise<{ code: number | null; out: string }>((resolvePromise) => {
    p.on('close', (code) => resolvePromise({ code, out }));
    if (signalAfterStart) {
      const poll = setInterval(() => {
        if (processesWith(signalAfterStart.marker).length > 0) {
          clearInterval(poll);
          // The phase is running; give the script a moment to be waiting on it, as in a real run.
          setTimeout(() => p.kill(signalAfterStart.signal), 200);
        }
      }, 50);
      p.on('close', () => clearInterval(poll));
    }
  });
}

describe.runIf(process.platform === 'linux')('.ci/run', () => {
  it.each(['SIGTERM', 'SIGINT', 'SIGHUP'] as const)('terminated by %s: FAILED, exit 128 + n, never PASSED, the phase stopped', async (signal) => {
    const marker = `ci-run-test-${signal}-${process.pid}`;
    const path = scriptWith(signal, `phase "long" bash -c 'sleep 60; : ${marker}'`);
    const started = Date.now();
    const r = await run(path, { signal, marker });
    expect(Date.now() - started).toBeLessThan(30_000); // handled at once, not after the sleep
    expect(r.code, r.out).toBe(128 + constants.signals[signal]);
    expect(r.out).toContain(`.ci/run: terminated by ${signal}`);
    expect(r.out).toContain(`.ci/run: FAILED (exit ${128 + constants.signals[signal]})`);
    expect(r.out).not.toContain('PASSED');
    expect(processesWith(marker)).toEqual([]);
  }, 60_000);

  it('a run whose phases (functions or programs) pass still says PASSED; a failing phase says FAILED with its code', async () => {
    // A phase may be a shell function (apt_install, npm_ci are) as well as a program.
    const ok = await run(scriptWith('ok', `fn() { echo "in a function"; }\nphase "function" fn\nphase "quick" true`));
    expect(ok.code, ok.out).toBe(0);
    expect(ok.out).toContain('in a function');
    expect(ok.out).toContain('.ci/run: PASSED');
    const bad = await run(scriptWith('bad', `phase "fails" bash -c 'exit 3'\nphase "never" true`));
    expect(bad.code, bad.out).toBe(3);
    expect(bad.out).toContain('.ci/run: FAILED (exit 3)');
    expect(bad.out).not.toContain('==> never');
  });
});
