/**
 * `custom-platform list|add|edit|remove`: user-defined platforms stored in the vault (name,
 * base URL, where the token goes, optional check path and token page). A token uses one with
 * `add --custom-platform NAME`. The rules and messages are the core's
 * (shared/domain/custom-platform.ts); options only assemble a definition.
 */
import { Option, type Command } from 'commander';
import { AppError } from '../../../shared/errors';
import {
  customPlatformSchema,
  describeAuth,
  type CustomAuth,
  type CustomPlatform,
  type CustomPlatformInput,
} from '../../../shared/domain/custom-platform';
import { describeZodError } from '../../../shared/domain/token-input';
import { renderTable } from '../format/table';
import { parsePositiveInt, run } from './parsers';
import type { Cli } from '../context';

interface DefinitionOptions {
  readonly name?: string;
  readonly baseUrl?: string;
  readonly auth?: CustomAuth['kind'];
  readonly authName?: string;
  readonly authPrefix?: string;
  readonly authUsername?: string;
  readonly checkPath?: string;
  readonly validStatus?: number;
  readonly tokenPage?: string;
}

/** A custom platform as JSON: the stored definition, its id, dates and how many tokens use it. */
function customPlatformJson(p: CustomPlatform): Record<string, unknown> {
  return {
    id: p.id,
    name: p.name,
    baseUrl: p.baseUrl,
    auth: p.auth,
    authDescription: describeAuth(p.auth),
    checkPath: p.checkPath ?? null,
    validStatus: p.validStatus,
    tokenPageUrl: p.tokenPageUrl ?? null,
    tokens: p.tokens,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}

/** The auth scheme from --auth and its companions, starting from `base` when editing. */
function authFrom(o: DefinitionOptions, base: CustomAuth | undefined): CustomAuth | undefined {
  const kind = o.auth ?? base?.kind;
  if (kind === undefined) return undefined;
  const same = base?.kind === kind ? base : undefined;
  switch (kind) {
    case 'bearer':
      return { kind };
    case 'basic':
      return { kind, username: o.authUsername ?? (same?.kind === 'basic' ? same.username : '') };
    case 'query': {
      const name = o.authName ?? (same?.kind === 'query' ? same.name : undefined);
      if (name === undefined) throw new AppError('BAD_INPUT', '--auth query needs --auth-name (the query parameter, e.g. api_key).');
      return { kind, name };
    }
    case 'header': {
      const name = o.authName ?? (same?.kind === 'header' ? same.name : undefined);
      if (name === undefined) throw new AppError('BAD_INPUT', '--auth header needs --auth-name (the header, e.g. X-Api-Key).');
      const prefix = o.authPrefix ?? (same?.kind === 'header' ? same.prefix : undefined);
      return { kind, name, ...(prefix ? { prefix } : {}) };
    }
  }
}

/** Options → a definition to validate; on edit, absent options keep the stored values and '' clears. */
function definitionFrom(o: DefinitionOptions, base?: CustomPlatform): CustomPlatformInput {
  const optional = (given: string | undefined, stored: string | undefined): string | undefined =>
    given === undefined ? stored : given.trim() === '' ? undefined : given.trim();
  const checkPath = optional(o.checkPath, base?.checkPath);
  const tokenPageUrl = optional(o.tokenPage, base?.tokenPageUrl);
  const def = {
    name: o.name ?? base?.name,
    baseUrl: o.baseUrl ?? base?.baseUrl,
    auth: authFrom(o, base?.auth),
    ...(checkPath !== undefined ? { checkPath } : {}),
    validStatus: o.validStatus ?? base?.validStatus,
    ...(tokenPageUrl !== undefined ? { tokenPageUrl } : {}),
  };
  const r = customPlatformSchema.safeParse(def);
  if (!r.success) throw new AppError('BAD_INPUT', describeZodError(r.error));
  return def as CustomPlatformInput;
}

function table(list: readonly CustomPlatform[]): string {
  if (list.length === 0) return 'no custom platforms (patvault custom-platform add --help)\n';
  return renderTable(
    [{ header: 'NAME', max: 30 }, { header: 'BASE URL', max: 50 }, { header: 'AUTH' }, { header: 'CHECK' }, { header: 'TOKENS' }],
    list.map((p) => [p.name, p.baseUrl, describeAuth(p.auth), p.checkPath ? `GET ${p.checkPath} → ${p.validStatus}` : 'no', String(p.tokens)]),
  );
}

async function list(cli: Cli, o: { json?: boolean }): Promise<void> {
  const all = await cli.withUnlocked((v) => v.customPlatforms.list());
  if (o.json) cli.json(all.map(customPlatformJson));
  else cli.out(table(all));
}

async function add(cli: Cli, o: DefinitionOptions): Promise<void> {
  // Checked before the password is asked for.
  const def = definitionFrom(o);
  const p = await cli.withUnlocked((v) => v.customPlatforms.add(def));
  cli.out(`added custom platform ${p.name} (${p.id.slice(0, 8)})\n`);
}

async function edit(cli: Cli, o: DefinitionOptions, ref: string): Promise<void> {
  if (Object.values(o).every((v) => v === undefined)) throw new AppError('BAD_INPUT', 'Nothing to change: give at least one option to edit.');
  const p = await cli.withUnlocked((v) => v.customPlatforms.update(ref, definitionFrom(o, v.customPlatforms.get(ref))));
  cli.out(`updated custom platform ${p.name}\n`);
}

async function remove(cli: Cli, _o: unknown, ref: string): Promise<void> {
  const p = await cli.withUnlocked((v) => v.customPlatforms.remove(ref));
  cli.out(`removed custom platform ${p.name}\n`);
}

/** The definition options, shared by add and edit. */
function definitionOptions(cmd: Command, editing: boolean): Command {
  const clear = editing ? " ('' clears)" : '';
  // Adding needs these three (a missing one is a usage error, exit 2); editing keeps what is stored.
  const needed = (option: Option): Option => option.makeOptionMandatory(!editing);
  return cmd
    .addOption(needed(new Option('--name <name>', 'display name (unique)')))
    .addOption(needed(new Option('--base-url <url>', 'API base URL (https; http only to localhost)')))
    .addOption(needed(new Option('--auth <kind>', 'where the token goes').choices(['header', 'bearer', 'basic', 'query'])))
    .option('--auth-name <name>', 'header name (--auth header) or query parameter (--auth query)')
    .option('--auth-prefix <text>', 'text before the token in the header, e.g. "Token "')
    .option('--auth-username <user>', 'user name for --auth basic (the token is the password)')
    .option('--check-path <path>', `GET this path below the base URL to check a token${clear}`)
    .option('--valid-status <code>', 'the 2xx status meaning "valid" (default 200)', parsePositiveInt)
    .option('--token-page <url>', `https page where tokens are managed (guided revoke)${clear}`);
}

/** Registers `custom-platform` and its subcommands. */
export function registerCustomPlatform(program: Command): void {
  const cmd = program
    .command('custom-platform')
    .summary('user-defined platforms stored in the vault')
    .description('User-defined platforms, stored (encrypted) in the vault. A token uses one with add --custom-platform NAME.');
  cmd.command('list').description('list the custom platforms').option('--json', 'print a JSON array').action(run(list));
  definitionOptions(cmd.command('add').description('define a custom platform (--name, --base-url and --auth are required)'), false).action(run(add));
  definitionOptions(cmd.command('edit').description('change a custom platform').argument('<name>', 'its name or id'), true).action(run(edit));
  cmd
    .command('remove')
    .description('remove a custom platform no token uses')
    .argument('<name>', 'its name or id')
    .action(run(remove));
}
