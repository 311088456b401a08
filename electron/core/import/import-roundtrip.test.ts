/**
 * A plan is only useful if the vault takes it as it is: every candidate of every fixture is
 * imported into a real vault (real SQLite, real crypto) and read back field by field. Read-only
 * use of the vault API; the parsers themselves never touch it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newTokenInput } from '../../../shared/domain/token-input';
import { createTestVault, tempDir } from '../test-support/temp-vault';
import { parseCsvFile } from './csv-file';
import { parseEnvFile } from './env-file';
import { readFixture } from './fixtures';
import { parseKeePassXcCsv } from './keepassxc';
import type { ImportPlan } from './plan';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('patvault-import-')));
afterEach(() => cleanup());

const PLANS: [string, () => ImportPlan][] = [
  ['.env', () => parseEnvFile(readFixture('tokens.env'), { account: 'env-account', client: 'Client é', platformFor: { JELASTIC_SESSION: 'jelastic', YWH_PAT: 'yeswehack', CUSTOM_TOKEN: 'custom' } })],
  [
    'CSV',
    () =>
      parseCsvFile(
        readFixture('generic.csv'),
        { token: 'Token', name: 'Name', platform: 'Platform', account: 'Account', client: 'Client', username: 'User', baseUrl: 'Base URL', scopes: 'Scopes', expiresAt: 'Expires', notes: 'Notes' },
        { account: 'default-acct', client: 'Default Client', platform: 'custom' },
      ),
  ],
  ['KeePassXC', () => parseKeePassXcCsv(readFixture('keepassxc-2.7.csv'), { platform: 'custom' })],
];

describe('import plans round-trip through a real vault', () => {
  it.each(PLANS)('%s', async (_what, makePlan) => {
    const plan = makePlan();
    for (const c of plan.candidates) expect(newTokenInput.safeParse(c.input).success).toBe(true);
    const fresh = plan.candidates.filter((c) => c.duplicateOfLine === undefined);
    expect(fresh.length).toBeGreaterThan(4);

    const vault = await createTestVault(dir);
    try {
      // All candidates, duplicates included: the vault's own duplicate check drops the repeats.
      const result = vault.tokens.import(plan.candidates.map((c) => c.input));
      expect(result).toEqual({ imported: fresh.length, replaced: 0, skippedDuplicates: plan.candidates.length - fresh.length });

      const views = vault.tokens.list();
      expect(views).toHaveLength(fresh.length);
      for (const c of fresh) {
        const input = c.input;
        const view = views.find((v) => v.name === input.name);
        expect(view, input.name).toMatchObject({
          platform: input.platform,
          account: input.account,
          client: input.client ?? null,
          username: input.username ?? null,
          baseUrl: input.baseUrl ?? null,
          name: input.name,
          scopes: input.scopes ?? [],
          expiresAt: input.expiresAt ?? null,
        });
        expect(vault.tokens.readSecret(view!.id, 'reveal')).toEqual({ value: input.token, notes: input.notes ?? '' });
      }
    } finally {
      vault.close();
    }
  });
});
