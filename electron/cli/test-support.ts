/**
 * Helpers for the CLI tests: build the real bundle once per test file, spawn it with this
 * Node (22; the system's may be older), capture output, and inspect the vault in-process.
 * Every test uses real files and real crypto, with the KDF at the OWASP floor for speed.
 */
import { execFileSync, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect } from 'vitest';
import { Vault } from '../core/vault/vault';

/** Repository root. */
export const ROOT = resolve(import.meta.dirname, '..', '..');

/** The built CLI, exactly what package.json's "bin" runs. */
export const CLI = join(ROOT, 'dist', 'cli', 'patvault.cjs');

/** Master password of the test vaults. */
export const PASSWORD = 'correct horse battery staple';

/** KDF flags for `init` at the floor (the core refuses anything weaker). */
export const FAST_INIT = ['--kdf-memory', '19', '--kdf-iterations', '2'];

/**
 * Builds dist/cli/patvault.cjs from the current sources. The build script writes to a temp
 * file and renames it, so test files building in parallel never see a half-written bundle.
 */
export function buildCli(): void {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-cli.mjs')], { cwd: ROOT, stdio: 'pipe' });
}

/** What a CLI run produced. */
export interface RunResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Options of one run. */
export interface RunOptions {
  /** Written to stdin, which is then closed (stdin is never a terminal in tests). */
  readonly input?: string;
  /** Extra environment; `undefined` removes a variable. */
  readonly env?: Record<string, string | undefined>;
}

/** Environment without the variables that would make the CLI pick another vault or debug mode. */
function baseEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  return { ...process.env, PATVAULT_VAULT: undefined, PATVAULT_DEBUG: undefined, ...extra };
}

/** Runs the built CLI with `args` and resolves when it exits. */
export function runCli(args: readonly string[], opts: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: baseEnv(opts.env), stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code, signal) => resolvePromise({ code, signal, stdout, stderr }));
    child.stdin.on('error', () => undefined); // the CLI may exit before reading all input
    child.stdin.end(opts.input ?? '');
  });
}

/** A vault-bound runner: `--vault <path> --password-stdin` and the password as the first stdin line. */
export function vaultRunner(path: string, password = PASSWORD) {
  return (args: readonly string[], moreInput: readonly string[] = [], opts: RunOptions = {}): Promise<RunResult> =>
    runCli(['--vault', path, '--password-stdin', ...args], { ...opts, input: [password, ...moreInput].map((l) => `${l}\n`).join('') });
}

/** Asserts a successful run and returns its stdout. */
export function ok(r: RunResult): string {
  expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: expect.any(String) });
  return r.stdout;
}

/** Asserts the run failed with exit `code` and exactly one "patvault: …" line on stderr; returns it. */
export function failsWith(r: RunResult, code: 1 | 2): string {
  expect(r.code, `stderr: ${r.stderr}\nstdout: ${r.stdout}`).toBe(code);
  const lines = r.stderr.split('\n');
  expect(lines, r.stderr).toHaveLength(2); // one line, then the empty string after its newline
  expect(lines[0]).toMatch(/^patvault: \S/);
  expect(lines[1]).toBe('');
  expect(r.stderr).not.toMatch(/\bat .*:\d+:\d+/); // no stack trace
  return lines[0] as string;
}

/** Parses JSON printed by the CLI. */
export function json<T = unknown>(r: RunResult): T {
  return JSON.parse(ok(r)) as T;
}

/** Creates a vault in-process (faster than spawning `init`), unlocked. */
export async function createVault(path: string): Promise<Vault> {
  return Vault.create(path, PASSWORD, { kdf: { memoryKiB: 19 * 1024, iterations: 2, parallelism: 1 } });
}

/** Opens and unlocks a vault in-process. */
export async function openVault(path: string, password = PASSWORD): Promise<Vault> {
  const v = Vault.open(path);
  try {
    await v.unlock(password);
  } catch (e) {
    v.close();
    throw e;
  }
  return v;
}

/** Everything a failed command must leave untouched: every token (not values), audit length, quick unlock. */
export function snapshot(v: Vault): string {
  return JSON.stringify({ tokens: v.tokens.list(), audit: v.audit.log().length, keychain: v.keychainState() });
}

/** Writes `value` as JSON to `path` and returns the path. */
export function writeJson(path: string, value: unknown): string {
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
}

/** A strict RFC 4180 parser, independent of the code under test. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quote');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
        if (text[i] === '"' || text[i] === '\n') throw new Error(`bare ${JSON.stringify(text[i])} at ${i}`);
        field += text[i++];
      }
    }
    row.push(field);
    if (text[i] === ',') i++;
    else if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else throw new Error(`unexpected ${JSON.stringify(text[i])} at ${i}`);
  }
  if (row.length) throw new Error('last record without CRLF');
  return rows;
}
