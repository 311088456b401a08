/**
 * Per-token reminder days: sealed with the token, mirrored in plaintext beside the expiry
 * date so reminders work while locked, and the two checked against each other at unlock.
 */
import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { TEST_PASSWORD, useFreshVault } from '../test-support/temp-vault';
import { errorOf } from '../test-support/app-errors';
import { Vault } from './vault';

let vault: Vault;
useFreshVault((v) => {
  vault = v;
});

const add = (name: string, extra: Record<string, unknown>) => vault.tokens.add({ platform: 'github', account: 'a', name, token: `ghp_${name.padEnd(36, 'x')}`, ...extra });

it('are stored per token, normalised, readable while locked, and follow edits', async () => {
  const own = add('own', { expiresAt: '2027-01-10', reminderDays: [1, 14, 14, 3] });
  const quiet = add('quiet', { expiresAt: '2027-01-11', reminderDays: [] });
  const policy = add('policy', { expiresAt: '2027-01-12' });
  add('never', {});
  expect(own.reminderDays).toEqual([14, 3, 1]);
  expect(quiet.reminderDays).toEqual([]);
  expect(policy.reminderDays).toBeNull();
  vault.lock();
  const schedule = vault.expirySchedule();
  expect(schedule).toEqual(
    expect.arrayContaining([
      { tokenId: own.id, expiry: '2027-01-10', reminderDays: [14, 3, 1] },
      { tokenId: quiet.id, expiry: '2027-01-11', reminderDays: [] },
      { tokenId: policy.id, expiry: '2027-01-12', reminderDays: null },
    ]),
  );
  expect(schedule).toHaveLength(3); // no expiry, nothing to remind
  await vault.unlock(TEST_PASSWORD);
  expect(vault.tokens.edit(own.id, { reminderDays: null }).reminderDays).toBeNull();
  expect(vault.tokens.edit(policy.id, { reminderDays: [30] }).reminderDays).toEqual([30]);
  expect(vault.tokens.edit(policy.id, { name: 'renamed' }).reminderDays).toEqual([30]);
  expect(vault.expirySchedule().find((r) => r.tokenId === policy.id)?.reminderDays).toEqual([30]);
});

it('are refused when out of range, with a clear message', async () => {
  expect(await errorOf(() => add('bad', { expiresAt: '2027-01-10', reminderDays: [400] }))).toMatchObject({ code: 'BAD_INPUT', message: 'reminderDays.0: reminder days must be at most 365' });
  expect(await errorOf(() => add('bad2', { reminderDays: [1.5] }))).toMatchObject({ code: 'BAD_INPUT' });
});

it('a plaintext copy changed behind our back is caught at unlock', async () => {
  const t = add('own', { expiresAt: '2027-01-10', reminderDays: [7] });
  vault.close();
  const db = new Database(vault.path);
  db.prepare('UPDATE expiries SET remind_days = ? WHERE id = ?').run('[]', Buffer.from(t.id, 'hex'));
  db.close();
  const again = Vault.open(vault.path);
  expect(await errorOf(again.unlock(TEST_PASSWORD))).toMatchObject({ code: 'VAULT_DAMAGED', message: expect.stringMatching(/reminder days/) });
  again.close();
});
