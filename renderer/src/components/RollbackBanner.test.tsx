// @vitest-environment jsdom
/**
 * The rollback banner over the real core: when the record beside the settings says this
 * machine saw the vault further along, unlocking shows main's warning as an alert above the
 * token view, and Dismiss removes it; a normal unlock shows none.
 */
import { screen } from '@testing-library/react';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { TEST_PASSWORD } from '../test-support/backend';
import { renderApp } from '../test-support/render-app';
import { useUiTestCleanup } from '../test-support/setup';

useUiTestCleanup();

test('an older vault unlocks with a dismissable warning banner', async () => {
  const { user, backend } = await renderApp({ tokens: [{ name: 'CI' }] });
  // The record the seeding wrote, moved ahead: as if a newer copy had been seen on 1 Nov.
  const seen = join(backend.dir, 'seen');
  const file = join(seen, readdirSync(seen)[0]!);
  const record = JSON.parse(readFileSync(file, 'utf8')) as { auditSeq: number; seenAt: string };
  writeFileSync(file, JSON.stringify({ ...record, auditSeq: record.auditSeq + 5, seenAt: '2026-11-01T10:00:00.000Z' }));

  await user.type(await screen.findByLabelText('Master password'), `${TEST_PASSWORD}{Enter}`);
  const alert = await screen.findByText(/^This vault is older than the copy last seen on 2026-11-01 \(audit entry \d+, now \d+\): a newer version may have been replaced\.$/);
  expect(alert.getAttribute('role')).toBe('alert');
  expect(screen.getByRole('complementary', { name: 'Older vault' })).toBeTruthy();
  await user.click(screen.getByRole('button', { name: 'Dismiss' }));
  expect(screen.queryByRole('complementary', { name: 'Older vault' })).toBeNull();
});

test('a normal unlock shows no banner', async () => {
  const { user } = await renderApp({ tokens: [{ name: 'CI' }] });
  await user.type(await screen.findByLabelText('Master password'), `${TEST_PASSWORD}{Enter}`);
  expect(await screen.findByRole('button', { name: 'Lock' })).toBeTruthy();
  expect(screen.queryByRole('complementary', { name: 'Older vault' })).toBeNull();
});
