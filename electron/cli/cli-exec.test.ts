/**
 * `patvault exec` end to end, spawning the built bundle: the command gets the values in its
 * environment and nowhere else, one audit entry per distinct token, exit codes pass through
 * (126/127/128+n as shells give them), signals are forwarded, usage errors and unknown ids
 * start nothing, and everything after `--` belongs to the command.
 *
 * The child is a small Node script that reports SHA-256 hashes, never the values, so a
 * failing assertion cannot print a token into the test log.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../shared/domain/token';
import { KeyringProtector } from '../core/keychain/keyring-protector';
import type { Vault } from '../core/vault/vault';
import { CLI, PASSWORD, ROOT, buildCli, createVault, failsWith, json, runCli, snapshot, vaultRunner, type RunOptions, type RunResult } from './test-support';

const POSIX = process.platform !== 'win32';
const NODE = process.execPath;

const VALUE_A = 'ghp_EXEC_value_A_7c1d9e0b5a';
const VALUE_B = 'glpat-EXEC-value-B-44f0aa91';
const values = [VALUE_A, VALUE_B];

/** Reports what the command got, without ever printing a value (see the file comment). */
const CHILD = String.raw`'use strict';
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const [mode, ...rest] = process.argv.slice(2);
const hash = (v) => (v === undefined ? null : createHash('sha256').update(v).digest('hex'));
switch (mode) {
  case 'report':
    process.stdout.write(JSON.stringify({ vars: Object.fromEntries(rest.map((n) => [n, hash(process.env[n])])), inherited: process.env.EXEC_TEST_INHERITED ?? null }) + '\n');
    break;
  case 'argv':
    process.stdout.write(JSON.stringify(rest) + '\n');
    break;
  case 'exit':
    process.exit(Number(rest[0]));
    break;
  case 'kill':
    process.kill(process.pid, rest[0]);
    setInterval(() => {}, 1000);
    break;
  case 'touch':
    fs.writeFileSync(rest[0], 'ran');
    break;
  case 'stdin':
    process.stdout.write(JSON.stringify(fs.readFileSync(0, 'utf8')) + '\n');
    break;
  case 'trap':
    // On the signal: note it, then exit 42 a little later (the parent must still be waiting).
    process.on(rest[0], () => {
      fs.writeFileSync(rest[1], rest[0]);
      setTimeout(() => process.exit(42), 300);
    });
    process.stdout.write('ready ' + process.pid + '\n');
    setInterval(() => {}, 1000);
    break;
  case 'wait':
    process.stdout.write('ready ' + process.pid + '\n');
    setInterval(() => {}, 1000);
    break;
  default:
    process.exit(99);
}
`;

let dir: string;
let vaultDir: string;
let work: string;
let child: string;
let ref: Vault; // stays open: the snapshot before/after a refused command
let idA: string;
let idB: string;
let ambiguous: string;
let run: ReturnType<typeof vaultRunner>;
/** Every run of patvault, for the final "no value in its output" check. */
const outputs: RunResult[] = [];

const sha = (v: string): string => createHash('sha256').update(v).digest('hex');

beforeAll(async () => {
  buildCli();
  dir = mkdtempSync(join(tmpdir(), 'patvault-cli-exec-'));
  vaultDir = join(dir, 'vault');
  work = join(dir, 'work');
  mkdirSync(vaultDir);
  mkdirSync(work);
  child = join(work, 'child.cjs');
  writeFileSync(child, CHILD);
  ref = await createVault(join(vaultDir, 'vault.sqlite'));
  idA = ref.tokens.add({ platform: 'github', account: 'acme', name: 'exec A', token: VALUE_A }).id;
  idB = ref.tokens.add({ platform: 'gitlab', account: 'acme', name: 'exec B', token: VALUE_B }).id;
  // More tokens until two ids share their first hex digit: that digit is an ambiguous prefix.
  const firsts = new Set([idA[0], idB[0]]);
  ambiguous = idA[0] === idB[0] ? (idA[0] as string) : '';
  for (let i = 0; ambiguous === ''; i++) {
    const value = `ghp_EXEC_filler_${i}_d41d8cd9`;
    values.push(value);
    const first = ref.tokens.add({ platform: 'github', account: 'acme', name: `filler ${i}`, token: value }).id[0] as string;
    if (firsts.has(first)) ambiguous = first;
    firsts.add(first);
  }
  const runner = vaultRunner(join(vaultDir, 'vault.sqlite'));
  run = async (args, more = [], opts = {}) => {
    const r = await runner(args, more, opts);
    outputs.push(r);
    return r;
  };
});

afterAll(() => {
  ref.close();
  rmSync(dir, { recursive: true, force: true });
});

/** `exec` with these `--env` bindings, then `--` and the child script in `mode`. */
const exec = (env: readonly string[], mode: readonly string[], more: readonly string[] = [], opts: RunOptions = {}): Promise<RunResult> =>
  run(['exec', ...env.flatMap((e) => ['--env', e]), '--', NODE, child, ...mode], more, opts);

/** The audit log's `exec` entries. */
async function execEntries(): Promise<AuditEntry[]> {
  return json<AuditEntry[]>(await run(['log', '--json'])).filter((e) => e.action === 'exec');
}

/** Asserts exit `code`, and returns stdout. */
function exits(r: RunResult, code: number): string {
  expect({ code: r.code, signal: r.signal }, r.stderr).toEqual({ code, signal: null });
  return r.stdout;
}

/** patvault started directly, for the tests that talk to it while it runs. */
function start(args: readonly string[]) {
  const p = spawn(NODE, [CLI, '--vault', join(vaultDir, 'vault.sqlite'), '--password-stdin', ...args], {
    cwd: ROOT,
    env: { ...process.env, PATVAULT_VAULT: undefined, PATVAULT_DEBUG: undefined },
    stdio: 'pipe',
  });
  let stdout = '';
  let stderr = '';
  p.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  p.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  p.stdin.on('error', () => undefined);
  const result = new Promise<RunResult>((resolve) => p.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  /** Resolves with the child's pid once it printed "ready <pid>". */
  const ready = new Promise<number>((resolve) => {
    p.stdout.on('data', () => {
      const m = /^ready (\d+)$/m.exec(stdout);
      if (m) resolve(Number(m[1]));
    });
  });
  return { p, result: result.then((r) => (outputs.push(r), r)), ready };
}

describe('the command and its environment', () => {
  it('sees each variable; a token given under two names (or two prefixes) is read and audited once', async () => {
    const before = await execEntries();
    const r = await exec([`PV_A=${idA.slice(0, 8)}`, `PV_A2=${idA}`, `PV_B=${idB}`], ['report', 'PV_A', 'PV_A2', 'PV_B', 'PV_UNSET'], [], {
      env: { EXEC_TEST_INHERITED: 'from the parent' },
    });
    expect(JSON.parse(exits(r, 0))).toEqual({
      vars: { PV_A: sha(VALUE_A), PV_A2: sha(VALUE_A), PV_B: sha(VALUE_B), PV_UNSET: null },
      inherited: 'from the parent',
    });
    expect(r.stderr).toBe('');
    const after = await execEntries();
    expect(after).toHaveLength(before.length + 2);
    expect(after.slice(before.length).map((e) => e.tokenId).sort()).toEqual([idA, idB].sort());
  });

  it('replaces a variable the parent already has, and changes no other environment', async () => {
    const r = await exec([`PV_A=${idA}`], ['report', 'PV_A'], [], { env: { PV_A: 'old value' } });
    expect(JSON.parse(exits(r, 0)).vars).toEqual({ PV_A: sha(VALUE_A) });
    // Neither this process, nor an unrelated child, nor the next exec without it sees PV_A.
    expect(process.env['PV_A']).toBeUndefined();
    const unrelated = spawnSync(NODE, [child, 'report', 'PV_A', 'PV_B'], { encoding: 'utf8' });
    expect(JSON.parse(unrelated.stdout).vars).toEqual({ PV_A: null, PV_B: null });
    const next = await exec([`PV_B=${idB}`], ['report', 'PV_A', 'PV_B']);
    expect(JSON.parse(exits(next, 0)).vars).toEqual({ PV_A: null, PV_B: sha(VALUE_B) });
  });

  it('passes everything after -- to the command, options included', async () => {
    const argv = ['--help', '--vault', 'elsewhere', '--password-stdin', '--env', 'X=1', '-c', '--', 'plain', ''];
    expect(JSON.parse(exits(await exec([`PV_A=${idA}`], ['argv', ...argv]), 0))).toEqual(argv);
  });

  it.skipIf(!POSIX)('runs sh -c with --help as $0, without a shell of its own', async () => {
    const r = await run(['exec', '--env', `T=${idA}`, '--', 'sh', '-c', 'echo "${#T} $0"', '--help']);
    expect(exits(r, 0)).toBe(`${VALUE_A.length} --help\n`);
  });

  it('with --password-stdin the command gets the rest of standard input', async () => {
    const r = await exec([`PV_A=${idA}`], ['stdin'], ['line one', '', 'line three']);
    expect(JSON.parse(exits(r, 0))).toBe('line one\n\nline three\n');
  });

  it('the command reads standard input that arrives later (blocking, nothing read ahead)', async () => {
    const { p, result } = start(['exec', '--env', `PV_A=${idA}`, '--', NODE, child, 'stdin']);
    p.stdin.write(`${PASSWORD}\nfirst\n`);
    await new Promise((resolve) => setTimeout(resolve, 500));
    p.stdin.end('second\n');
    expect(JSON.parse(exits(await result, 0))).toBe('first\nsecond\n');
  });
});

describe('exit codes', () => {
  it.each([0, 3, 42])("passes the command's exit code %i through", async (code) => {
    const r = await exec([`PV_A=${idA}`], ['exit', String(code)]);
    exits(r, code);
    expect(r.stderr).toBe('');
  });

  it.skipIf(!POSIX).each(['SIGTERM', 'SIGKILL', 'SIGINT'] as const)('a command killed by %s gives 128 + its number', async (signal) => {
    exits(await exec([`PV_A=${idA}`], ['kill', signal]), 128 + constants.signals[signal]);
  });

  it('command not found: 127 and one line; the value was read (and audited) before the lookup', async () => {
    const before = await execEntries();
    const r = await run(['exec', '--env', `PV_A=${idA}`, '--', 'pv-no-such-command-3f9a']);
    expect(exits(r, 127)).toBe('');
    expect(r.stderr).toBe('patvault: command not found: pv-no-such-command-3f9a\n');
    expect(await execEntries()).toHaveLength(before.length + 1);
    const missingPath = join(work, 'no-such-dir', 'cmd');
    expect((await run(['exec', '--env', `PV_A=${idA}`, '--', missingPath])).stderr).toBe(`patvault: command not found: ${missingPath}\n`);
  });

  it.skipIf(!POSIX)('a file that is not executable, or a folder: 126 and one line', async () => {
    const script = join(work, 'not-executable.sh');
    writeFileSync(script, '#!/bin/sh\necho ran\n');
    chmodSync(script, 0o644);
    for (const file of [script, work]) {
      const r = await run(['exec', '--env', `PV_A=${idA}`, '--', file]);
      expect(exits(r, 126)).toBe('');
      expect(r.stderr).toBe(`patvault: permission denied: ${file}\n`);
    }
  });
});

describe('refused before anything runs', () => {
  /** Asserts exit `code`, one line, the vault (audit log included) unchanged and the marker not created. */
  async function refused(args: readonly string[], code: 1 | 2, password?: string): Promise<string> {
    const marker = join(work, `marker-${Math.random().toString(16).slice(2)}`);
    const before = snapshot(ref);
    const r = password === undefined ? await run([...args, '--', NODE, child, 'touch', marker]) : await runWrong(password, [...args, '--', NODE, child, 'touch', marker]);
    const line = failsWith(r, code);
    expect(r.stdout).toBe('');
    expect(existsSync(marker)).toBe(false);
    expect(snapshot(ref)).toBe(before);
    return line;
  }
  const runWrong = async (password: string, args: string[]): Promise<RunResult> => {
    const r = await vaultRunner(join(vaultDir, 'vault.sqlite'), password)(args);
    outputs.push(r);
    return r;
  };

  it.each([
    ['a name starting with a digit', ['--env', `1PV=${idA}`], /"1PV" is not an environment variable name/],
    ['a name with a dash', ['--env', `PV-A=${idA}`], /"PV-A" is not an environment variable name/],
    ['an empty name', ['--env', `=${idA}`], /"" is not an environment variable name/],
    ['no =', ['--env', 'PV_A'], /expected NAME=ID/],
    ['no id', ['--env', 'PV_A='], /no token id after "PV_A="/],
    ['the same name twice', ['--env', `PV_A=${idA}`, '--env', `PV_A=${idB}`], /PV_A is given twice/],
    ['no --env', [], /exec needs at least one --env NAME=ID/],
  ])('usage: %s → exit 2', async (_what, env, message) => {
    const line = await refused(['exec', ...env], 2);
    expect(line).toMatch(message);
    expect(line).toMatch(/; see patvault --help$/);
  });

  it('usage: no command, or a command not after -- → exit 2', async () => {
    const before = snapshot(ref);
    expect(failsWith(await run(['exec', '--env', `PV_A=${idA}`, '--']), 2)).toMatch(/missing command/);
    expect(failsWith(await run(['exec', '--env', `PV_A=${idA}`]), 2)).toMatch(/missing command/);
    const marker = join(work, 'marker-no-dashdash');
    // Without --, commander would take --vault (or --help) for patvault's own and drop a later --.
    for (const words of [[NODE, child, 'touch', marker], [NODE, '--', child, 'touch', marker]]) {
      expect(failsWith(await run(['exec', '--env', `PV_A=${idA}`, ...words]), 2)).toMatch(/put the command after --/);
    }
    expect(existsSync(marker)).toBe(false);
    expect(snapshot(ref)).toBe(before);
  });

  it('an unknown, ambiguous or malformed id → exit 1, even after a good one: nothing read, nothing run', async () => {
    let unknown = 'abcdef0123456789abcdef0123456789';
    while ([idA, idB].some((id) => id.startsWith(unknown))) unknown = unknown.replace(/^./, (c) => (c === 'a' ? 'b' : 'a'));
    expect(await refused(['exec', '--env', `PV_A=${idA}`, '--env', `PV_X=${unknown}`], 1)).toBe(`patvault: No token with id ${unknown}.`);
    expect(await refused(['exec', '--env', `PV_X=${ambiguous}`], 1)).toMatch(/matches \d+ tokens/);
    expect(await refused(['exec', '--env', 'PV_X=not-an-id'], 1)).toMatch(/is not a token id/);
  });

  it('a wrong master password → exit 1, nothing run', async () => {
    expect(await refused(['exec', '--env', `PV_A=${idA}`], 1, 'not the password at all')).toMatch(/Wrong master password/);
  });

  it('no --password-stdin, no terminal, no quick unlock → exit 1, nothing run', async () => {
    const marker = join(work, 'marker-no-terminal');
    const r = await runCli(['--vault', join(vaultDir, 'vault.sqlite'), 'exec', '--env', `PV_A=${idA}`, '--', NODE, child, 'touch', marker]);
    outputs.push(r);
    expect(failsWith(r, 1)).toBe('patvault: no terminal to ask for the master password; use --password-stdin');
    expect(existsSync(marker)).toBe(false);
  });

  it('--help shows the usage and runs nothing', async () => {
    const r = await run(['exec', '--help']);
    expect(exits(r, 0)).toMatch(/^Usage: patvault exec --env NAME=ID \[--env NAME=ID …\] -- COMMAND \[ARGS…\]/);
  });
});

describe.skipIf(!POSIX)('signals', () => {
  it.each(['SIGTERM', 'SIGINT', 'SIGHUP'] as const)('%s sent to patvault reaches the command, and patvault waits for its exit code', async (signal) => {
    const note = join(work, `got-${signal}`);
    const { p, result, ready } = start(['exec', '--env', `PV_A=${idA}`, '--', NODE, child, 'trap', signal, note]);
    p.stdin.end(`${PASSWORD}\n`);
    await ready;
    p.kill(signal);
    expect(exits(await result, 42)).toMatch(/^ready \d+\n$/);
    expect(readFileSync(note, 'utf8')).toBe(signal);
  });

  it('a command that does not handle SIGINT dies of it: 130; no value on either command line', async () => {
    const { p, result, ready } = start(['exec', '--env', `PV_A=${idA}`, '--', NODE, child, 'wait']);
    p.stdin.end(`${PASSWORD}\n`);
    const pid = await ready;
    if (process.platform === 'linux') {
      const own = readFileSync(`/proc/${p.pid}/cmdline`, 'utf8');
      const its = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      expect(own).toContain(`PV_A=${idA}`); // the id, not the value
      expect([own.includes(VALUE_A), its.includes(VALUE_A)]).toEqual([false, false]);
    }
    p.kill('SIGINT');
    expect((await result).code).toBe(130);
  });
});

const inCi = !['', '0', 'false'].includes((process.env['CI'] ?? '').trim().toLowerCase());
const secretService = Boolean(process.env['DBUS_SESSION_BUS_ADDRESS']) && process.env['PATVAULT_IN_SECRET_SERVICE'] === '1';

describe.runIf(secretService || inCi)('quick unlock (private Secret Service, as in cli-keychain.test.ts)', () => {
  let kcPath: string;
  let kcVaultId: string;
  let kcId: string;

  beforeAll(async () => {
    const kcDir = join(dir, 'kc');
    mkdirSync(kcDir);
    kcPath = join(kcDir, 'vault.sqlite');
    const v = await createVault(kcPath);
    kcVaultId = v.vaultId;
    kcId = v.tokens.add({ platform: 'github', account: 'kc', name: 'kc', token: VALUE_A }).id;
    v.close();
  });

  afterAll(async () => {
    await new KeyringProtector().forget(kcVaultId).catch(() => undefined);
  });

  it('unlocks without a password, and the command gets all of standard input', async () => {
    expect(secretService, 'no Secret Service: run through npm test').toBe(true);
    const enabled = await vaultRunner(kcPath)(['keychain', 'enable']);
    expect(enabled.code, enabled.stderr).toBe(0);
    const r = await runCli(['--vault', kcPath, 'exec', '--env', `PV_A=${kcId}`, '--', NODE, child, 'stdin'], { input: 'all\nof it\n' });
    outputs.push(r);
    expect(JSON.parse(exits(r, 0))).toBe('all\nof it\n');
    const report = await runCli(['--vault', kcPath, 'exec', '--env', `PV_A=${kcId}`, '--', NODE, child, 'report', 'PV_A']);
    outputs.push(report);
    expect(JSON.parse(exits(report, 0)).vars).toEqual({ PV_A: sha(VALUE_A) });
  });
});

describe('no value leaks', () => {
  it("never in patvault's own output, nor in any file beside the vault", () => {
    expect(outputs.length).toBeGreaterThan(20);
    for (const r of outputs) {
      for (const v of values) {
        // The child prints hashes only, so stdout holds nothing of its own that could contain a value.
        expect(r.stdout.includes(v) || r.stderr.includes(v), 'a token value in patvault output').toBe(false);
      }
    }
    // Every file the tests left: the vaults (with SQLite's -wal/-shm), the child, its markers.
    const files = readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name));
    expect(files).toContain(join(vaultDir, 'vault.sqlite'));
    for (const file of files) {
      const bytes = readFileSync(file);
      for (const v of values) expect(bytes.includes(Buffer.from(v)), `a token value in ${file}`).toBe(false);
    }
  });
});
