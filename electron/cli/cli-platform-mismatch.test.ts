/**
 * A token goes only to the platform its format belongs to, through the built CLI: `add` and
 * `edit` refuse a value of another platform's format with exit 1 and one line naming both
 * platforms and the way through (`--platform-mismatch-ok`); a JSON import names the item.
 * Nothing changes on a refusal, and no message holds the value.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TokenJson } from './format/tokens';
import { buildCli, createVault, failsWith, json, ok, openVault, snapshot, vaultRunner, writeJson } from './test-support';

const GL = 'glpat-' + 'M'.repeat(20);
const GH = 'ghp_' + 'N'.repeat(36);

let dir: string;
let path: string;
let run: ReturnType<typeof vaultRunner>;

beforeAll(async () => {
  buildCli();
  dir = mkdtempSync(join(tmpdir(), 'patvault-cli-mismatch-'));
  path = join(dir, 'vault.sqlite');
  (await createVault(path)).close();
  run = vaultRunner(path);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function vaultState(): Promise<string> {
  const v = await openVault(path);
  try {
    return snapshot(v);
  } finally {
    v.close();
  }
}

describe('add', () => {
  it('a GitLab token with --platform github: exit 1, one line naming both platforms and the flag; nothing added', async () => {
    const before = await vaultState();
    const r = await run(['add', '--platform', 'github', '--account', 'acme', '--name', 'wrong'], [GL]);
    const line = failsWith(r, 1);
    expect(line).toBe(
      'patvault: This looks like a GitLab personal access token, not a GitHub token. Nothing was saved; to save it with this platform anyway, add --platform-mismatch-ok.',
    );
    expect(r.stderr + r.stdout).not.toContain(GL);
    expect(await vaultState()).toBe(before);
  });

  it('with --platform-mismatch-ok it is saved under the platform given', async () => {
    const id = ok(await run(['add', '--platform', 'github', '--account', 'acme', '--name', 'kept', '--platform-mismatch-ok'], [GL])).trim();
    expect(json<TokenJson>(await run(['show', id, '--json']))).toMatchObject({ platform: 'github', name: 'kept' });
  });

  it('the right platform, or a value of no known format, needs no flag', async () => {
    ok(await run(['add', '--platform', 'gitlab', '--account', 'acme', '--name', 'right'], [`glpat-${'Q'.repeat(20)}`]));
    ok(await run(['add', '--platform', 'jelastic', '--account', 'acme', '--name', 'opaque'], ['d6f4e314a5b5fefd164995169f28ae32d987704f']));
  });
});

describe('edit', () => {
  it('--platform that contradicts the stored value, or --value-stdin of another platform: refused, unchanged; then allowed with the flag', async () => {
    const id = ok(await run(['add', '--platform', 'github', '--account', 'acme', '--name', 'gh'], [GH])).trim();
    const before = await vaultState();

    const moved = failsWith(await run(['edit', id, '--platform', 'gitlab']), 1);
    expect(moved).toMatch(/^patvault: This looks like a GitHub classic personal access token, not a GitLab token\. .*--platform-mismatch-ok\.$/);
    const other = `glpat-${'T'.repeat(20)}`;
    const revalued = await run(['edit', id, '--value-stdin'], [other]);
    expect(failsWith(revalued, 1)).toMatch(/GitLab personal access token, not a GitHub token.*--platform-mismatch-ok/);
    expect(revalued.stderr).not.toContain(other);
    expect(await vaultState()).toBe(before);

    ok(await run(['edit', id, '--platform', 'gitlab', '--platform-mismatch-ok']));
    expect(json<TokenJson>(await run(['show', id, '--json'])).platform).toBe('gitlab');
    // Other fields of that token change without the flag.
    ok(await run(['edit', id, '--name', 'renamed']));
  });
});

describe('import (JSON)', () => {
  it('an item whose value contradicts its platform refuses the import, naming the item; platformMismatchOk on it lets it in', async () => {
    const before = await vaultState();
    const file = writeJson(join(dir, 'items.json'), [
      { platform: 'github', account: 'a', name: 'one', token: `ghp_${'P'.repeat(36)}` },
      { platform: 'github', account: 'a', name: 'two', token: `glpat-${'P'.repeat(20)}` },
    ]);
    const line = failsWith(await run(['import', file]), 1);
    expect(line).toMatch(/^patvault: item 2: This looks like a GitLab personal access token, not a GitHub token\. Nothing was imported; .*"platformMismatchOk": true/);
    expect(await vaultState()).toBe(before);

    writeJson(file, [{ platform: 'github', account: 'a', name: 'two', token: `glpat-${'P'.repeat(20)}`, platformMismatchOk: true }]);
    expect(ok(await run(['import', file]))).toMatch(/^imported 1 tokens/);
  });
});
