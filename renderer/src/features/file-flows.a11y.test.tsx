// @vitest-environment jsdom
/**
 * axe-core over the new screens in jsdom: structure only (names, roles, ARIA references,
 * duplicate ids); colour contrast needs layout and is left to the Chromium e2e scan.
 */
import { screen } from '@testing-library/react';
import axe from 'axe-core';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { attentionVault, useAttentionClock } from '../test-support/attention-fixtures';
import { writeBackupFile } from '../test-support/backup-files';
import { renderApp } from '../test-support/render-app';
import { useUiTestCleanup } from '../test-support/setup';

useUiTestCleanup();
useAttentionClock();

async function violations(): Promise<string[]> {
  const r = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } }, resultTypes: ['violations'] });
  return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html.slice(0, 120)).join(' | ')}`);
}

test('the needs-attention view, the Vault menu and each file dialog have no structural axe violations', async () => {
  const vault = attentionVault();
  const backupPath = (dir: string) => join(dir, 'b.patvault-backup');
  const { user, backend } = await renderApp({
    ...vault,
    // A backup of this vault in which Soon was renamed later (a conflict to preview), and a CSV to import.
    prepare: async (b, idOf) => {
      await vault.prepare?.(b, idOf);
      await writeBackupFile(backupPath(b.dir), {
        password: 'backup phrase',
        from: b,
        change: (other, id) => other.call('tokens.edit', { id: id('Soon'), patch: { name: 'Renamed' } }).then(() => undefined),
      });
      writeFileSync(join(b.dir, 't.csv'), `Name,Token,Account\nX,ghp_${'E5'.repeat(18)},acme\n`);
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
  backend.dialogs.openPath = backupPath(backend.dir);
  await user.click(screen.getByRole('button', { name: 'Choose backup file…' }));
  await user.type(screen.getByLabelText('Backup password'), 'backup phrase');
  await user.click(screen.getByRole('button', { name: 'Preview' }));
  await screen.findByRole('heading', { name: /Preview/ });
  expect(await violations()).toEqual([]);
  await user.keyboard('{Escape}');

  await user.click(screen.getByRole('button', { name: 'Vault' }));
  await user.click(screen.getByRole('menuitem', { name: 'Import…' }));
  await user.click(screen.getByLabelText('CSV file'));
  backend.dialogs.openPath = join(backend.dir, 't.csv');
  await user.click(screen.getByRole('button', { name: 'Choose file…' }));
  await screen.findByText('t.csv', { selector: 'strong' });
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
  const { user } = await renderApp({ exists: false });
  await user.click(await screen.findByRole('button', { name: 'Restore from a backup…' }));
  await user.click(screen.getByRole('button', { name: 'Restore vault' }));
  expect(await violations()).toEqual([]);
});
