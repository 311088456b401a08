/**
 * Platform-check benchmark: 1,000 tokens checked against a loopback server that answers like
 * GitHub's `GET /user` after 50 ms, through the real vault, HTTP port and per-host limit.
 * Prints the wall time (target ≤ 10 s) and the most requests the server saw at once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_MAX_PER_ORIGIN } from '../../electron/core/platforms/http';
import { startMockServer } from '../../electron/core/platforms/test-support/mock-server';
import { checkTokens } from '../../electron/core/platforms/token-ops';
import { Vault } from '../../electron/core/vault/vault';

const TOKENS = 1_000;
const LATENCY_MS = 50;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'patvault-check-bench-'));
  const server = await startMockServer({
    'GET /user': { delayMs: LATENCY_MS, json: { login: 'bench' }, headers: { 'x-oauth-scopes': 'repo' } },
  });
  try {
    const vault = await Vault.create(join(dir, 'vault.sqlite'), 'benchmark master password', {
      kdf: { memoryKiB: 19 * 1024, iterations: 2, parallelism: 1 },
    });
    vault.tokens.import(
      Array.from({ length: TOKENS }, (_, i) => ({
        platform: 'github',
        account: `acct-${i % 50}`,
        name: `token ${i}`,
        token: `ghp_${String(i).padStart(36, '0')}`,
        baseUrl: server.url,
      })),
    );
    const ids = vault.tokens.list().map((t) => t.id);
    const t0 = performance.now();
    const views = await checkTokens(vault, ids);
    const wall = performance.now() - t0;
    const active = views.filter((v) => v.status === 'active').length;
    vault.close();
    if (active !== TOKENS) throw new Error(`only ${active} of ${TOKENS} checks came back active`);
    console.log(`\nPAT Vault platform-check benchmark — Node ${process.version}, ${cpus().length} cores\n`);
    const rows: [string, string, string][] = [
      [`check ${TOKENS.toLocaleString('en')} tokens, one host, ${LATENCY_MS} ms latency`, `${(wall / 1000).toFixed(2)} s`, '≤ 10 s'],
      ['most requests in flight at the host', String(server.maxInFlight), `≤ ${DEFAULT_MAX_PER_ORIGIN} (per-host limit)`],
      ['requests served', String(server.requests.length), String(TOKENS)],
    ];
    const w = Math.max(...rows.map((r) => r[0].length));
    for (const [what, value, target] of rows) console.log(`  ${what.padEnd(w)}  ${value.padStart(8)}  ${target}`);
    console.log('');
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
