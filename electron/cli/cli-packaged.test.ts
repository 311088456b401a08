/**
 * The CLI as the packaged app ships it: electron-builder.yml's extraResources copy dist/cli and
 * the native packages into resources/cli. Laid out the same way in a temp folder, with no source
 * checkout around it, the CLI must run through a link on PATH (what the README tells users of
 * the deb and dmg to make), and the Windows wrapper must be there. No Electron is involved.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, globSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, FAST_INIT, PASSWORD, ROOT } from './test-support';

interface Resource {
  from: string;
  to: string;
  filter: string[];
}

/** The extraResources entries, read from the file as written (`- from: … to: … filter: […]`). */
function extraResources(): Resource[] {
  const text = readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8');
  const start = text.indexOf('\nextraResources:\n');
  const end = text.slice(start + 1).search(/\n\S/) + start + 1;
  const entries = [...text.slice(start, end).matchAll(/- from: (\S+)\n\s+to: (\S+)\n\s+filter: \[([^\]]*)\]/g)];
  return entries.map(([, from = '', to = '', filter = '']) => ({
    from,
    to,
    filter: filter.split(',').map((f) => f.trim().replace(/^'|'$/g, '')),
  }));
}

const tmp = mkdtempSync(join(tmpdir(), 'patvault-packaged-'));
const resources = join(tmp, 'PAT Vault', 'resources');

beforeAll(() => {
  buildCli();
  const entries = extraResources();
  expect(entries.map((e) => e.to)).toContain('cli');
  for (const { from, to, filter } of entries) {
    for (const pattern of filter) {
      for (const match of globSync(pattern, { cwd: join(ROOT, from) })) {
        const source = join(ROOT, from, match);
        if (!statSync(source).isFile()) continue;
        mkdirSync(dirname(join(resources, to, match)), { recursive: true });
        copyFileSync(source, join(resources, to, match));
      }
    }
  }
}, 30_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Runs `file args` with this Node (22) first on PATH, as a user with Node 22 installed would. */
function run(file: string, args: string[], input = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const env = { ...process.env, PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}`, PATVAULT_VAULT: join(tmp, 'vault.sqlite') };
    const child = spawn(file, args, { cwd: tmp, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe('the CLI shipped in the packaged app (resources/cli)', () => {
  it.skipIf(process.platform === 'win32')('runs through a link on PATH, native modules included', async () => {
    const launcher = join(resources, 'cli', 'patvault.cjs');
    expect(statSync(launcher).mode & 0o111).not.toBe(0); // electron-builder keeps the mode
    mkdirSync(join(tmp, 'bin'));
    symlinkSync(launcher, join(tmp, 'bin', 'patvault'));
    const patvault = join(tmp, 'bin', 'patvault');

    const version = await run(patvault, ['--version']);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
    const init = await run(patvault, ['init', '--password-stdin', ...FAST_INIT], `${PASSWORD}\n`);
    expect(init.stderr).toBe('');
    expect(init.code).toBe(0);
    const list = await run(patvault, ['list', '--json', '--password-stdin'], `${PASSWORD}\n`);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout)).toEqual([]);
  }, 30_000);

  it('has patvault.cmd beside the launcher for Windows', () => {
    expect(readFileSync(join(resources, 'cli', 'patvault.cmd'), 'utf8')).toContain('node "%~dp0patvault.cjs" %*');
  });
});
