/**
 * Durability and concurrency through the real CLI: an import killed with SIGKILL keeps every
 * batch it acknowledged and leaves a vault that opens and verifies; two processes adding at
 * the same time lose nothing.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TokenJson } from './format/tokens';
import { CLI, PASSWORD, ROOT, buildCli, createVault, json, ok, openVault, vaultRunner, writeJson } from './test-support';

let dir: string;

beforeAll(() => {
  buildCli();
  dir = mkdtempSync(join(tmpdir(), 'patvault-cli-dur-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TOTAL = 6000;
const value = (i: number): string => `ghp_crash_${i.toString().padStart(5, '0')}_${'v'.repeat(20)}`;
const name = (i: number): string => `crash item ${i}`;

/** Starts an import and SIGKILLs it right after its third acknowledgement line (mid-import). */
function importAndKill(path: string, file: string): Promise<{ acknowledged: number; signal: NodeJS.Signals | null; lines: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, '--vault', path, '--password-stdin', 'import', file, '--batch-size', '100'], {
      cwd: ROOT,
      stdio: 'pipe',
    });
    let acknowledged = 0;
    let acks = 0;
    let buffered = '';
    const lines: string[] = [];
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        lines.push(line);
        const m = /^imported (\d+)\/(\d+)$/.exec(line);
        // Only lines that arrived count: anything the process printed is an acknowledged commit.
        if (m) {
          acknowledged = Math.max(acknowledged, Number(m[1]));
          if (++acks === 3) child.kill('SIGKILL');
        }
      }
    });
    child.on('error', reject);
    child.on('close', (_code, signal) => resolve({ acknowledged, signal, lines }));
    child.stdin.end(`${PASSWORD}\n`);
  });
}

describe('import killed with SIGKILL', () => {
  it('keeps every acknowledged batch; the vault opens and verifies', async () => {
    const path = join(dir, 'crash.sqlite');
    (await createVault(path)).close();
    const items = Array.from({ length: TOTAL }, (_, i) => ({ platform: 'github', account: 'crash', name: name(i), token: value(i) }));
    const file = writeJson(join(dir, 'crash.json'), items);

    const { acknowledged, signal, lines } = await importAndKill(path, file);
    expect(signal, lines.join('\n')).toBe('SIGKILL');
    expect(acknowledged).toBeGreaterThanOrEqual(300);
    expect(acknowledged, 'the import finished before the kill: nothing was interrupted').toBeLessThan(TOTAL);

    // The CLI opens it and lists at least every acknowledged record.
    const run = vaultRunner(path);
    const listed = json<TokenJson[]>(await run(['list', '--json']));
    expect(listed.length).toBeGreaterThanOrEqual(acknowledged);
    const names = new Set(listed.map((t) => t.name));
    for (let i = 0; i < acknowledged; i++) expect(names.has(name(i)), name(i)).toBe(true);

    // Values of a sample come back exactly.
    const byName = new Map(listed.map((t) => [t.name, t.id]));
    for (const i of [0, 1, Math.floor(acknowledged / 2), acknowledged - 1]) {
      expect((await run(['get', byName.get(name(i)) as string])).stdout).toBe(`${value(i)}\n`);
    }

    // In-process: every envelope, the manifest and the audit chain check out.
    const v = await openVault(path);
    try {
      const counts = v.verifyAll();
      expect(counts.tokens).toBe(listed.length);
      expect(counts.tokens % 100).toBe(0); // whole batches only
    } finally {
      v.close();
    }
  });
});

describe('concurrent writers', () => {
  it('two processes adding 20 tokens each at the same time lose nothing', async () => {
    const path = join(dir, 'concurrent.sqlite');
    (await createVault(path)).close();
    const run = vaultRunner(path);
    const writer = async (w: string): Promise<void> => {
      for (let i = 0; i < 20; i++) {
        ok(await run(['add', '--platform', 'gitlab', '--account', `writer ${w}`, '--name', `${w}-${i}`], [`glpat-${w}-${i}`]));
      }
    };
    await Promise.all([writer('a'), writer('b')]);
    const listed = json<TokenJson[]>(await run(['list', '--json']));
    const expected = ['a', 'b'].flatMap((w) => Array.from({ length: 20 }, (_, i) => `${w}-${i}`));
    expect(listed.map((t) => t.name).sort()).toEqual(expected.sort());
    const v = await openVault(path);
    try {
      expect(v.verifyAll()).toMatchObject({ tokens: 40, auditEntries: 41 });
    } finally {
      v.close();
    }
  }, 60_000);
});
