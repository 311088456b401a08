/**
 * `patvault`: the vault from the command line. Parses arguments (commander), runs one
 * command, and turns every failure into an exit code and one line on stderr:
 *   0 success · 1 the command failed (AppError message) · 2 bad usage · 130 interrupted.
 * No stack trace is ever printed, except an internal error's cause with PATVAULT_DEBUG=1.
 */
import { Command, CommanderError } from 'commander';
import { version } from '../../package.json';
import { toAppError } from '../../shared/errors';
import { registerAdd } from './commands/add';
import { registerBackup } from './commands/backup';
import { registerCheck } from './commands/check';
import { registerCustomPlatform } from './commands/custom-platform';
import { registerDetect } from './commands/detect';
import { registerEdit } from './commands/edit';
import { registerExec } from './commands/exec';
import { registerExport } from './commands/export';
import { registerGet } from './commands/get';
import { registerHistory } from './commands/history';
import { registerImport } from './commands/import';
import { registerInit } from './commands/init';
import { registerKeychain } from './commands/keychain';
import { registerList } from './commands/list';
import { registerLog } from './commands/log';
import { registerPasswd } from './commands/passwd';
import { registerPlatforms } from './commands/platforms';
import { registerReminders } from './commands/reminders';
import { registerRemove } from './commands/remove';
import { registerRestore } from './commands/restore';
import { registerRevoke } from './commands/revoke';
import { registerRotate } from './commands/rotate';
import { registerSearch } from './commands/search';
import { registerShow } from './commands/show';
import { Interrupted } from './io/password';

/** Exit codes (documented in README.md; scripts depend on them). */
export const EXIT = { ok: 0, failed: 1, usage: 2, interrupted: 130 } as const;

/** One line: messages (ours and commander's) must not break the "one line on stderr" rule. */
const oneLine = (s: string): string => s.replace(/\s*[\r\n]+\s*/g, ' ').trim();

/** The program with every command; commander never exits or prints errors itself. */
export function buildProgram(): Command {
  const program = new Command('patvault')
    .description('Personal access tokens in an encrypted local vault (shared with the PAT Vault app).')
    .version(version, '-V, --version', 'print the version')
    .option('--vault <path>', "vault file (default: $PATVAULT_VAULT, else the app's vault in your config folder)")
    .option('--password-stdin', 'read the master password (and then any other secret) from standard input lines')
    .option('--no-keychain', 'do not try quick unlock through the OS keychain')
    .helpOption('-h, --help', 'show help')
    .helpCommand('help [command]', 'show help for a command')
    .configureHelp({ showGlobalOptions: true })
    // Errors come back to main() as exceptions; it prints them as one line. (Help asked for
    // with --help goes to stdout; help shown because a command is missing is replaced by one line.)
    .exitOverride()
    .configureOutput({ writeErr: () => undefined, outputError: () => undefined });
  // The order of `patvault --help` (a promise too: it is what users read first).
  for (const register of [
    registerInit,
    registerList,
    registerSearch,
    registerShow,
    registerGet,
    registerHistory,
    registerReminders,
    registerAdd,
    registerEdit,
    registerRemove,
    registerImport,
    registerExport,
    registerPasswd,
    registerKeychain,
    registerLog,
    registerCheck,
    registerRevoke,
    registerRotate,
    registerPlatforms,
    registerDetect,
    registerCustomPlatform,
    registerExec,
    registerBackup,
    registerRestore,
  ]) {
    register(program);
  }
  return program;
}

/** A commander error as an exit code, printing the usage line when it is one. */
function commanderExit(e: CommanderError): number {
  if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version') return EXIT.ok;
  // 'commander.help' is `patvault help <command>` (exit code 0), or help shown in place of an
  // error because no (sub)command was given (exit code 1).
  if (e.code === 'commander.help' && e.exitCode === 0) return EXIT.ok;
  const message = e.code === 'commander.help' ? 'missing command' : oneLine(e.message.replace(/^error:\s*/i, ''));
  process.stderr.write(`patvault: ${message}; see patvault --help\n`);
  return EXIT.usage;
}

/** Runs the CLI with `argv` (as process.argv) and returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync([...argv]);
    return EXIT.ok;
  } catch (e) {
    if (e instanceof CommanderError) return commanderExit(e);
    if (e instanceof Interrupted) return EXIT.interrupted;
    const err = toAppError(e);
    process.stderr.write(`patvault: ${oneLine(err.message)}\n`);
    if (err.code === 'INTERNAL' && process.env['PATVAULT_DEBUG'] === '1') {
      const cause = err.cause ?? e;
      process.stderr.write(`${cause instanceof Error ? (cause.stack ?? cause.message) : String(cause)}\n`);
    }
    return EXIT.failed;
  }
}

/** Process setup: a reader that closes the pipe early (`| head`) is not an error. */
function start(): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  void main(process.argv).then((code) => {
    // exitCode, not exit(): pending stdout writes to a pipe still get flushed.
    process.exitCode = code;
  });
}

start();
