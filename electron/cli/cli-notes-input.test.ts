/**
 * `--notes-stdin` and `--notes-file` for `add` and `edit` (issue 12, item 7): notes kept out
 * of `ps` and shell history, refused like other file inputs. Spawns the built bundle.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildCli, createVault, failsWith, json, ok, openVault, snapshot, vaultRunner } from './test-support';

let dir: string;
let path: string;
let run: ReturnType<typeof vaultRunner>;
let id: string;

const notesOf = async (tokenId: string): Promise<string> => json<{ notes: string }>(await run(['show', tokenId, '--json'])).notes;

beforeAll(async () => {
  buildCli();
  dir = mkdtempSync(join(tmpdir(), 'patvault-notes-'));
  path = join(dir, 'vault.sqlite');
  run = vaultRunner(path);
  const v = await createVault(path);
  id = v.tokens.add({ platform: 'github', account: 'octo', name: 'CI', token: 'ghp_NOTESinputNOTESinputNOTESinputNOTES01' }).id;
  v.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('add --notes-stdin: the notes are the rest of stdin after the password and value lines', async () => {
  const added = ok(await run(['add', '--platform', 'gitlab', '--account', 'a', '--name', 'n1', '--notes-stdin'], ['glpat-NOTESstdin000000001', 'first line', 'second line'])).trim();
  expect(await notesOf(added)).toBe('first line\nsecond line');
  expect(ok(await run(['get', added]))).toBe('glpat-NOTESstdin000000001\n');
});

it('add --notes-file and edit --notes-file: read from a file, final newline dropped', async () => {
  const file = join(dir, 'notes.txt');
  writeFileSync(file, 'from a file — ünïcödé\nline two\n');
  const added = ok(await run(['add', '--platform', 'gitlab', '--account', 'a', '--name', 'n2', '--notes-file', file], ['glpat-NOTESfile0000000002'])).trim();
  expect(await notesOf(added)).toBe('from a file — ünïcödé\nline two');
  writeFileSync(file, 'edited from a file\r\n');
  expect(ok(await run(['edit', id, '--notes-file', file]))).toContain('updated');
  expect(await notesOf(id)).toBe('edited from a file');
});

it('edit --notes-stdin alone is a change; with --value-stdin the value line comes first', async () => {
  expect(ok(await run(['edit', id, '--notes-stdin'], ['only notes']))).toContain('updated');
  expect(await notesOf(id)).toBe('only notes');
  expect(ok(await run(['edit', id, '--value-stdin', '--notes-stdin'], ['ghp_NOTESinputNOTESinputNOTESinputNOTES02', 'notes after the value']))).toContain('updated');
  expect(await notesOf(id)).toBe('notes after the value');
  expect(ok(await run(['get', id]))).toBe('ghp_NOTESinputNOTESinputNOTESinputNOTES02\n');
  // Empty standard input clears the notes.
  expect(ok(await run(['edit', id, '--notes-stdin']))).toContain('updated');
  expect(await notesOf(id)).toBe('');
});

it('refuses two sources, "-", a folder, a missing or too large or non-UTF-8 file, changing nothing', async () => {
  const v = await openVault(path);
  const before = snapshot(v);
  v.close();
  const file = join(dir, 'n.txt');
  writeFileSync(file, 'x');
  expect(failsWith(await run(['edit', id, '--notes', 'a', '--notes-file', file]), 2)).toContain('one way only');
  expect(failsWith(await run(['edit', id, '--notes-stdin', '--notes-file', file]), 2)).toContain('one way only');
  expect(failsWith(await run(['add', '--platform', 'github', '--account', 'a', '--name', 'x', '--notes', 'a', '--notes-stdin']), 2)).toContain('one way only');
  expect(failsWith(await run(['edit', id, '--notes-file', '-']), 1)).toMatch(/--notes-file reads a file.*standard input/);
  const folder = join(dir, 'folder');
  mkdirSync(folder);
  expect(failsWith(await run(['edit', id, '--notes-file', folder]), 1)).toContain('is not a file');
  expect(failsWith(await run(['edit', id, '--notes-file', join(dir, 'absent.txt')]), 1)).toContain('ENOENT');
  const big = join(dir, 'big.txt');
  writeFileSync(big, 'y'.repeat(100_000));
  expect(failsWith(await run(['edit', id, '--notes-file', big]), 1)).toContain('larger than');
  const bad = join(dir, 'latin1.txt');
  writeFileSync(bad, Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
  expect(failsWith(await run(['edit', id, '--notes-file', bad]), 1)).toContain('not UTF-8');
  const long = join(dir, 'long.txt');
  writeFileSync(long, 'z'.repeat(20_001));
  expect(failsWith(await run(['edit', id, '--notes-file', long]), 1)).toContain('notes are longer than');
  expect(failsWith(await run(['edit', id, '--notes-stdin'], ['w'.repeat(20_001)]), 1)).toContain('longer than');
  const after = await openVault(path);
  expect(snapshot(after)).toBe(before);
  after.close();
});

it('the help says --notes shows in ps and history and offers the other two', async () => {
  for (const cmd of ['add', 'edit']) {
    const help = ok(await run([cmd, '--help']));
    expect(help).toMatch(/--notes <text>\s+[\s\S]*visible in ps\s+and\s+shell\s+history/);
    expect(help).toContain('--notes-stdin');
    expect(help).toContain('--notes-file <file>');
  }
});
