// @vitest-environment jsdom
/**
 * axe-core over the new screens in jsdom: structure only (names, roles, ARIA references,
 * duplicate ids); colour contrast needs layout and is left to the Chromium e2e scan.
 */
import { screen } from '@testing-library/react';
import axe from 'axe-core';
import { expect, test } from 'vitest';
import { ATTENTION_TOKENS, useAttentionClock } from '../test-support/attention-fixtures';
import { renderApp } from '../test-support/render-app';
import { useUiTestCleanup } from '../test-support/setup';

useUiTestCleanup();
useAttentionClock();

async function violations(): Promise<string[]> {
  const r = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } }, resultTypes: ['violations'] });
  return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html.slice(0, 120)).join(' | ')}`);
}

test('the needs-attention view, the Vault menu and each file dialog have no structural axe violations', async () => {
  const { user } = renderApp({
    unlocked: true,
    tokens: ATTENTION_TOKENS,
    dialogs: {
      backupFile: { fileName: 'b.patvault-backup', createdAt: '2026-05-01T09:00:00.000Z', password: 'backup phrase', tokens: [{ id: 'tok000001', name: 'Renamed', updatedAt: '2026-06-01T00:00:00.000Z', value: 'secret-value-1' }] },
      importFile: { fileName: 't.csv', headers: ['Name', 'Token'], suggestedMapping: { name: 'Name', token: 'Token' }, rows: [{ line: 2, label: 'X', action: 'import', name: 'X', platform: 'github', reason: null }] },
    },
  });
  await screen.findByRole('listbox', { name: 'Tokens' });
  await user.click(screen.getByRole('tab', { name: /Needs attention/ }));
  expect(await violations()).toEqual([]);

  await user.click(screen.getByRole('button', { name: 'Vault' }));
  expect(await violations()).toEqual([]);
  await user.click(screen.getByRole('menuitem', { name: 'Export…' }));
  expect(await violations()).toEqual([]);
  await user.keyboard('{Escape}');

  await user.click(screen.getByRole('button', { name: 'Vault' }));
  await user.click(screen.getByRole('menuitem', { name: 'Back up…' }));
  await user.click(screen.getByRole('button', { name: 'Save…' }));
  expect(await violations()).toEqual([]);
  await user.keyboard('{Escape}');

  await user.click(screen.getByRole('button', { name: 'Vault' }));
  await user.click(screen.getByRole('menuitem', { name: 'Restore from backup…' }));
  await user.click(screen.getByRole('button', { name: 'Choose backup file…' }));
  await user.type(screen.getByLabelText('Backup password'), 'backup phrase');
  await user.click(screen.getByRole('button', { name: 'Preview' }));
  await screen.findByRole('heading', { name: /Preview/ });
  expect(await violations()).toEqual([]);
  await user.keyboard('{Escape}');

  await user.click(screen.getByRole('button', { name: 'Vault' }));
  await user.click(screen.getByRole('menuitem', { name: 'Import…' }));
  await user.click(screen.getByLabelText('CSV file'));
  await user.click(screen.getByRole('button', { name: 'Choose file…' }));
  await user.click(screen.getByRole('button', { name: 'Next' }));
  expect(await violations()).toEqual([]);
  await user.click(screen.getByRole('button', { name: 'Preview' }));
  await screen.findByRole('region', { name: 'Rows of the file' });
  expect(await violations()).toEqual([]);
  await user.keyboard('{Escape}');

  await user.click(screen.getByRole('button', { name: 'Settings' }));
  expect(await violations()).toEqual([]);
});

test('first run with its restore screen has no structural axe violations', async () => {
  const { user } = renderApp({ exists: false });
  await user.click(await screen.findByRole('button', { name: 'Restore from a backup…' }));
  await user.click(screen.getByRole('button', { name: 'Restore vault' }));
  expect(await violations()).toEqual([]);
});
