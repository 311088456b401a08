/**
 * `exec`: runs a command with token values in its environment. A value goes from the vault
 * into the child's environment only: never into argv, a file, or patvault's own output.
 *
 * patvault stays the child's parent (Node cannot replace its own process), so it forwards
 * SIGINT/SIGTERM/SIGHUP, waits, and exits with the child's code (128 + n after signal n).
 * The vault is closed before the child starts.
 */
import { spawn } from 'node:child_process';
import { readSync } from 'node:fs';
import { constants } from 'node:os';
import { InvalidArgumentError, type Command } from 'commander';
import { AppError } from '../../../shared/errors';
import { Vault } from '../../core/vault/vault';
import { Cli, type GlobalOptions } from '../context';
import { resolveVaultPath } from '../vault-path';

/** Exit codes of `exec` besides 0/1/2/130 (README "Exit codes"); as POSIX shells use them. */
export const EXEC_EXIT = { cannotRun: 126, notFound: 127, signalBase: 128 } as const;

/** One `--env NAME=ID`. */
export interface EnvBinding {
  readonly name: string;
  readonly id: string;
}

/** What POSIX allows in a portable environment variable name. */
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Signals that reach patvault alone (kill, a closing session) and must reach the child too. */
const FORWARDED: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** Longest master-password line read from standard input, as io/password.ts allows. */
const MAX_LINE_BYTES = 1024 * 1024;

/** Text from the command line made safe for the one-line error message. */
const shown = (s: string): string => s.replace(/[\u0000-\u001f\u007f]/g, '?').slice(0, 200);

/** Commander's collector for the repeatable `--env NAME=ID`; a bad one is a usage error (exit 2). */
export function parseEnvBinding(value: string, previous: readonly EnvBinding[] = []): EnvBinding[] {
  const eq = value.indexOf('=');
  if (eq < 0) throw new InvalidArgumentError('expected NAME=ID, e.g. GITHUB_TOKEN=3f9a1c.');
  const name = value.slice(0, eq);
  const id = value.slice(eq + 1).trim();
  if (!ENV_NAME.test(name)) {
    throw new InvalidArgumentError(
      `"${shown(name)}" is not an environment variable name (letters, digits and _, not starting with a digit).`,
    );
  }
  if (id === '') throw new InvalidArgumentError(`no token id after "${name}=".`);
  if (previous.some((b) => b.name === name)) throw new InvalidArgumentError(`${name} is given twice.`);
  return [...previous, { name, id }];
}

/** Bad usage found after parsing: exit 2 through main(), like commander's own errors. */
function usage(command: Command, message: string): never {
  return command.error(message, { exitCode: 2, code: 'commander.usageError' });
}

/**
 * True when `words` are exactly what followed a `--` on the command line. Commander drops the
 * `--` and would also hand over words written before it; the raw argv still has it.
 */
function cameAfterDoubleDash(command: Command, words: readonly string[]): boolean {
  let root = command;
  while (root.parent) root = root.parent;
  // rawArgs is set by parse()/parseAsync() but missing from commander's typings.
  const raw = (root as unknown as { rawArgs?: unknown }).rawArgs;
  return Array.isArray(raw) && raw[raw.length - words.length - 1] === '--';
}

/**
 * The first line of standard input, read from fd 0 one byte at a time without a stream:
 * nothing after its "\n" is consumed, so the command gets the rest of standard input.
 * (Cli's reader takes whole chunks, which would swallow what follows the password.)
 */
function readFirstLineSync(what: string): string {
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  const one = Buffer.alloc(1);
  let buf = Buffer.alloc(256);
  let len = 0;
  try {
    for (;;) {
      let n: number;
      try {
        n = readSync(0, one, 0, 1, null);
      } catch (e) {
        // Non-blocking stdin set by whoever started us: wait a little and try again.
        if ((e as NodeJS.ErrnoException).code === 'EAGAIN') {
          Atomics.wait(sleeper, 0, 0, 10);
          continue;
        }
        n = 0; // a read error is treated like the end of input, as in io/password.ts
      }
      if (n === 0) {
        if (len === 0) throw new AppError('BAD_INPUT', `Standard input ended before the ${what} line.`);
        break;
      }
      if (one[0] === 0x0a) break;
      if (len === buf.length) {
        if (len >= MAX_LINE_BYTES) throw new AppError('BAD_INPUT', 'A line on standard input is too long (more than 1 MiB).');
        const bigger = Buffer.alloc(len * 2);
        buf.copy(bigger);
        buf.fill(0);
        buf = bigger;
      }
      buf[len++] = one[0] as number;
    }
    return buf.toString('utf8', 0, len > 0 && buf[len - 1] === 0x0d ? len - 1 : len);
  } finally {
    buf.fill(0);
    one.fill(0);
  }
}

/** Opens and unlocks the vault as every command does, runs `fn`, and always closes it. */
async function withUnlockedVault<T>(opts: GlobalOptions, fn: (vault: Vault) => T): Promise<T> {
  if (opts.passwordStdin !== true) return new Cli(opts).withUnlocked(fn);
  // Not through Cli: merely creating it opens a stream on stdin (see readFirstLineSync).
  const vault = Vault.open(resolveVaultPath(opts.vault));
  try {
    await vault.unlock(readFirstLineSync('master password'));
    return fn(vault);
  } finally {
    vault.close();
  }
}

/**
 * NAME → value. Every id is resolved before any value is read, so an unknown or ambiguous id
 * fails with nothing read or audited. Each distinct token is read (and audited) once, however
 * many names it is given to.
 */
function readValues(vault: Vault, bindings: readonly EnvBinding[]): Record<string, string> {
  const ids = bindings.map((b) => vault.tokens.resolveId(b.id));
  const byId = new Map<string, string>();
  for (const id of ids) if (!byId.has(id)) byId.set(id, vault.tokens.readSecret(id, 'exec').value);
  const values: Record<string, string> = {};
  bindings.forEach((b, i) => (values[b.name] = byId.get(ids[i] as string) as string));
  byId.clear();
  return values;
}

/** How the child ended, or why it never started. */
type Outcome =
  | { readonly kind: 'exited'; readonly code: number }
  | { readonly kind: 'signal'; readonly signal: NodeJS.Signals }
  | { readonly kind: 'not-started'; readonly code: string };

/**
 * Spawns `file` directly (no shell) with inherited stdio, forwards signals while it runs and
 * resolves when it ends. `env` is emptied once the child has its copy.
 */
function runChild(file: string, args: readonly string[], env: Record<string, string | undefined>): Promise<Outcome> {
  return new Promise((resolve) => {
    let child: ReturnType<typeof spawn> | undefined;
    const forward = (signal: NodeJS.Signals): void => {
      child?.kill(signal);
    };
    const done = (outcome: Outcome): void => {
      for (const s of FORWARDED) process.off(s, forward);
      resolve(outcome);
    };
    // Listening replaces Node's default (die at once): patvault outlives the child.
    for (const s of FORWARDED) process.on(s, forward);
    try {
      child = spawn(file, [...args], { stdio: 'inherit', env });
    } catch (e) {
      // Thrown before any process exists (e.g. Windows refuses .bat/.cmd without a shell).
      done({ kind: 'not-started', code: (e as NodeJS.ErrnoException).code ?? 'ERROR' });
      return;
    } finally {
      for (const k of Object.keys(env)) delete env[k];
    }
    // 'error' also reports a failed kill() of a running child; only a spawn failure has no pid.
    child.on('error', (e: NodeJS.ErrnoException) => {
      if (child?.pid === undefined) done({ kind: 'not-started', code: e.code ?? 'ERROR' });
    });
    child.once('exit', (code, signal) => {
      done(signal !== null ? { kind: 'signal', signal } : { kind: 'exited', code: code ?? 0 });
    });
  });
}

/** The exit code for `outcome`, and the line patvault prints when the command did not start. */
function exitFor(file: string, outcome: Outcome): { code: number; message?: string } {
  switch (outcome.kind) {
    case 'exited':
      return { code: outcome.code };
    case 'signal':
      return { code: EXEC_EXIT.signalBase + (constants.signals[outcome.signal as keyof typeof constants.signals] ?? 0) };
    case 'not-started':
      if (outcome.code === 'ENOENT') return { code: EXEC_EXIT.notFound, message: `command not found: ${shown(file)}` };
      if (outcome.code === 'EACCES') return { code: EXEC_EXIT.cannotRun, message: `permission denied: ${shown(file)}` };
      return { code: EXEC_EXIT.cannotRun, message: `cannot run ${shown(file)} (${outcome.code})` };
    default: {
      const missing: never = outcome;
      throw new Error(`missing case ${String(missing)}`);
    }
  }
}

/**
 * Ends patvault with `code`, after `message` reached stderr. main() would report 0 for a
 * command that returns, and the child's code must pass through as is.
 */
function exitNow(code: number, message?: string): Promise<never> {
  return new Promise(() => {
    if (message === undefined) process.exit(code);
    process.stderr.write(`patvault: ${message}\n`, () => process.exit(code));
  });
}

async function exec(given: readonly string[] | undefined, opts: { env?: readonly EnvBinding[] }, command: Command): Promise<void> {
  const words = given ?? [];
  const bindings = opts.env ?? [];
  if (bindings.length === 0) usage(command, 'exec needs at least one --env NAME=ID');
  if (words.length === 0) usage(command, 'missing command: patvault exec --env NAME=ID -- COMMAND [ARGS…]');
  if (!cameAfterDoubleDash(command, words)) {
    usage(command, `put the command after --: patvault exec --env NAME=ID -- ${shown(words[0] as string)} …`);
  }
  const [file, ...args] = words as [string, ...string[]];
  // The vault is closed (keys and decrypted records dropped) before the child starts.
  const values = await withUnlockedVault(command.optsWithGlobals<GlobalOptions>(), (v) => readValues(v, bindings));
  const env: Record<string, string | undefined> = { ...process.env, ...values };
  for (const k of Object.keys(values)) delete values[k];
  const { code, message } = exitFor(file, await runChild(file, args, env));
  await exitNow(code, message);
}

/** Registers `exec`. */
export function registerExec(program: Command): void {
  program
    .command('exec')
    .description('run a command with token values in its environment (each token read is recorded in the audit log)')
    .usage('--env NAME=ID [--env NAME=ID …] -- COMMAND [ARGS…]')
    .option('--env <NAME=ID>', 'set NAME to the value of token ID (repeatable)', parseEnvBinding)
    .argument('[command...]', 'after --: the command and its arguments, run without a shell')
    .action(exec);
}
