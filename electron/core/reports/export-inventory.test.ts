/**
 * exportInventory: the one audited export both hosts use. The report is the pure render's, byte
 * for byte, dated by the injected clock; exactly one "export" entry is recorded, after the
 * destination is chosen and never when it is cancelled or the client is unknown.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Vault } from '../vault/vault';
import { addSamples } from '../test-support/sample-tokens';
import { TEST_PASSWORD, createTestVault, fixedClock, tempDir } from '../test-support/temp-vault';
import { errorOf } from '../test-support/app-errors';
import { INVENTORY_FORMATS, exportInventory, renderInventory } from './index';

let clock: ReturnType<typeof fixedClock>;
let vault: Vault;
let cleanup: () => void;

beforeEach(async () => {
  clock = fixedClock('2026-11-23T10:00:00Z');
  const t = tempDir();
  cleanup = t.cleanup;
  vault = await createTestVault(t.dir, { clock });
  addSamples(vault);
});
afterEach(() => {
  vault.close();
  cleanup();
});

const exportEntries = (): (string | null)[] => vault.audit.log().filter((e) => e.action === 'export').map((e) => e.detail);

describe('exportInventory', () => {
  it.each(INVENTORY_FORMATS)('%s: the rendered report on the injected clock, and one audit entry', async (format) => {
    const { report, destination } = await exportInventory(vault, { format, clock, reminderDaysBefore: [3] });
    expect(destination).toBeUndefined();
    const expected = renderInventory(vault.tokens.list(), format, { now: clock.now(), reminderDaysBefore: [3] });
    expect(report).toEqual(expected);
    expect(report.suggestedFileName).toBe(`patvault-inventory-2026-11-23.${format}`);
    expect(exportEntries()).toEqual([`${format}, ${report.count} ${format === 'ics' ? 'events' : 'tokens'}`]);
    const entry = vault.audit.log().at(-1);
    expect(entry?.at).toBe('2026-11-23T10:00:00.000Z');
  });

  it('dates the report by the clock it is given, not the time of day', async () => {
    clock.set('2031-05-06T07:08:09Z');
    const { report } = await exportInventory(vault, { format: 'html', clock });
    expect(report.content).toContain('2031-05-06');
    expect(report.suggestedFileName).toBe('patvault-inventory-2031-05-06.html');
  });

  it("records a client's export with the client as asked", async () => {
    const { report } = await exportInventory(vault, { format: 'csv', client: '  acme CLIENT zq1 ', clock });
    expect(exportEntries()).toEqual([`csv, client acme CLIENT zq1, ${report.count} token${report.count === 1 ? '' : 's'}`]);
  });

  it('asks the destination before recording; a cancelled one records nothing', async () => {
    const seen: string[] = [];
    const cancelled = await exportInventory(vault, {
      format: 'json',
      clock,
      destination: (r) => {
        seen.push(r.suggestedFileName);
        expect(exportEntries()).toEqual([]);
        return Promise.resolve(null);
      },
    });
    expect(cancelled.destination).toBeNull();
    expect(seen).toEqual(['patvault-inventory-2026-11-23.json']);
    expect(exportEntries()).toEqual([]);
    const chosen = await exportInventory(() => vault, { format: 'json', clock, destination: () => Promise.resolve('/somewhere.json') });
    expect(chosen.destination).toBe('/somewhere.json');
    expect(exportEntries()).toHaveLength(1);
  });

  it('records nothing for an unknown client, a failing destination, or a vault locked meanwhile', async () => {
    expect((await errorOf(exportInventory(vault, { format: 'csv', client: 'Nobody Inc', clock }))).code).toBe('BAD_INPUT');
    const refused = exportInventory(vault, { format: 'csv', clock, destination: () => Promise.reject(new Error('no')) });
    await expect(refused).rejects.toThrow('no');
    const locked = exportInventory(vault, {
      format: 'csv',
      clock,
      destination: () => {
        vault.lock();
        return Promise.resolve('x');
      },
    });
    expect((await errorOf(locked)).code).toBe('VAULT_LOCKED');
    await vault.unlock(TEST_PASSWORD);
    expect(exportEntries()).toEqual([]);
  });
});
