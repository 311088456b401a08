/**
 * The file flows end to end: the built renderer in Chromium, the real core behind the bridge,
 * main's file dialogs answered from the bridge's queue, real files in a temp folder.
 *
 *  - Export (CSV, JSON, printable HTML, calendar) of one client's tokens through Vault →
 *    Export…: the toast names the path; the file, read back with independent parsers
 *    (csv-parse, JSON.parse, parse5, ical.js), holds that client's tokens only and no value
 *    anywhere. A cancelled save dialog writes nothing and keeps the dialog open.
 *  - Backup: mismatched passwords are refused before any dialog; the saved file holds no value
 *    or name in plain text.
 *  - Restore from a backup into the open vault: a wrong password is refused in the dialog; the
 *    preview counts what a merge would do and lists the conflict; Merge brings a removed
 *    token back.
 *  - Import a .env (recognised tokens, a non-token variable, a value already in the vault) and
 *    a CSV (its columns mapped from main's guess): the preview's table, then Import.
 *  - First run on a second machine (a fresh bridge): restore the backup as a new vault.
 *  - No value ever reached either page: DOM, /rpc answers, and a V8 heap snapshot.
 * Axe scan and screenshot of each screen.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHROMIUM_HINT,
  chromiumAvailable,
  dialogCalls,
  domText,
  expectNoAxeViolations,
  heapStringsContaining,
  launchApp,
  queueDialog,
  rpc,
  shot,
  type App,
} from './harness';
import { BUTTON, LABEL, button, field, openVaultDialog, rows, toast } from './ui';
import {
  ACME,
  ACME_DEPLOY,
  ACME_NAMES,
  ACME_REGISTRY,
  ALL_VALUES,
  CSV_GH,
  CSV_GL,
  ENV_GH,
  ENV_GL,
  EXPORTS,
  GLOBEX,
  GLOBEX_BOT,
  GLOBEX_NAMES,
  READ_NAMES,
  RENAMED,
  SEEDED,
} from './file-flows-fixtures';

const run = chromiumAvailable();
const PASSWORD = 'e2e file flows master — long enough';
const BACKUP_PASSWORD = 'e2e backup password — its own';


const row = (page: Page, name: string): Locator => rows(page).filter({ hasText: name });

/** Axe scan and screenshot of the current screen. */
async function screen(page: Page, name: string): Promise<void> {
  await shot(page, name);
  await expectNoAxeViolations(page, name);
}

/** After a reload the core is still unlocked; the renderer shows the list (or asks to unlock). */
async function reload(page: Page): Promise<void> {
  await page.reload({ waitUntil: 'load' });
  await Promise.race([button(page, BUTTON.addToken).waitFor(), field(page, LABEL.masterPassword).waitFor()]);
  if (await field(page, LABEL.masterPassword).isVisible()) {
    await field(page, LABEL.masterPassword).fill(PASSWORD);
    await button(page, BUTTON.unlock).click();
    await button(page, BUTTON.addToken).waitFor();
  }
}

describe.skipIf(!run)(`e2e file flows (${run ? 'Chromium' : CHROMIUM_HINT})`, () => {
  let app: App;
  let page: Page;
  let second: App | null = null;
  let dir: string;
  let backupPath: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'patvault-e2e-files-'));
    backupPath = join(dir, 'vault.patvault-backup');
    app = await launchApp();
    page = app.page;
    page.setDefaultTimeout(10_000);
  }, 120_000);
  afterAll(async () => {
    await second?.close();
    await app?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('first run: creates the vault; tokens for two clients are seeded through /rpc', async () => {
    await page.getByRole('heading', { name: 'Create your vault' }).waitFor();
    await field(page, LABEL.masterPassword).fill(PASSWORD);
    await field(page, LABEL.confirmPassword).fill(PASSWORD);
    await button(page, BUTTON.createVault).click();
    await button(page, BUTTON.addToken).waitFor();
    for (const t of SEEDED) await rpc(app.bridge, 'tokens.add', t);
    await reload(page);
    await expect.poll(() => rows(page).count()).toBe(SEEDED.length);
  });

  it('export: CSV, JSON, HTML and calendar of one client — that client only, never a value (axe + screenshot)', async () => {
    for (const [i, e] of EXPORTS.entries()) {
      const path = join(dir, `acme-inventory.${e.format}`);
      const dialog = await openVaultDialog(page, 'export');
      await dialog.getByRole('radio', { name: e.radio, exact: true }).check();
      await dialog.getByLabel('Client', { exact: true }).selectOption(ACME);
      if (i === 0) await screen(page, '50-export-dialog');
      await queueDialog(app.bridge, path);
      await button(dialog, 'Save…').click();
      await toast(page, `Saved ${ACME_NAMES.length} ${e.toastNoun} to ${path}`).waitFor();
      await dialog.waitFor({ state: 'detached' });
      expect((await dialogCalls(app.bridge)).at(-1)).toMatchObject({ kind: 'save', title: 'Export the token inventory' });
      expect((await dialogCalls(app.bridge)).at(-1)?.defaultName).toMatch(new RegExp(`\\.${e.format}$`));

      expect(existsSync(path), path).toBe(true);
      const text = readFileSync(path, 'utf8');
      expect(READ_NAMES[e.format](text).sort(), e.format).toEqual([...ACME_NAMES].sort());
      for (const n of GLOBEX_NAMES) expect(text, `${e.format} names ${n}`).not.toContain(n);
      expect(text).not.toContain(GLOBEX);
      for (const v of ALL_VALUES) expect(text, `${e.format} holds a value`).not.toContain(v);
    }
  });

  it('export: a cancelled save dialog writes nothing, says nothing and keeps the dialog', async () => {
    const before = readdirSync(dir).sort();
    const calls = (await dialogCalls(app.bridge)).length;
    // The exports' toasts may still show (5 s): no new one may join them.
    const toastsBefore = await toast(page, /^Saved /).allTextContents();
    const dialog = await openVaultDialog(page, 'export');
    await queueDialog(app.bridge, null);
    await button(dialog, 'Save…').click();
    await expect.poll(async () => (await dialogCalls(app.bridge)).length).toBe(calls + 1);
    // The request settled (Save… is enabled again) and the dialog is still there, with no error.
    await expect.poll(() => button(dialog, 'Save…').isEnabled()).toBe(true);
    expect(await dialog.isVisible()).toBe(true);
    expect((await dialog.getByRole('alert').textContent()) ?? '').toBe('');
    for (const t of await toast(page, /^Saved /).allTextContents()) expect(toastsBefore).toContain(t);
    expect(readdirSync(dir).sort()).toEqual(before);
    await button(dialog, BUTTON.cancel).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('backup: mismatched passwords are refused; the saved file holds no value in plain text (axe + screenshot)', async () => {
    const calls = (await dialogCalls(app.bridge)).length;
    const dialog = await openVaultDialog(page, 'backup');
    await dialog.getByLabel('Backup password', { exact: true }).fill(BACKUP_PASSWORD);
    await dialog.getByLabel('Confirm backup password', { exact: true }).fill(`${BACKUP_PASSWORD} (typo)`);
    await button(dialog, 'Save…').click();
    await dialog.getByText('The passwords do not match.').waitFor();
    await screen(page, '51-backup-mismatch');
    expect(await dialogCalls(app.bridge)).toHaveLength(calls); // no save dialog for a refused form

    await dialog.getByLabel('Confirm backup password', { exact: true }).fill(BACKUP_PASSWORD);
    await queueDialog(app.bridge, backupPath);
    await button(dialog, 'Save…').click();
    await toast(page, `Backup saved to ${backupPath} (${SEEDED.length} tokens, 0 custom platforms)`).waitFor();
    await dialog.waitFor({ state: 'detached' });
    expect((await dialogCalls(app.bridge)).at(-1)).toMatchObject({ kind: 'save', title: 'Save a backup of the vault' });

    const bytes = readFileSync(backupPath);
    expect(bytes.length).toBeGreaterThan(0);
    for (const t of SEEDED) {
      for (const secret of [t.token, Buffer.from(t.token).toString('base64'), Buffer.from(t.token).toString('hex')]) {
        expect(bytes.includes(Buffer.from(secret, 'utf8')), `backup holds ${t.name}'s value`).toBe(false);
      }
      expect(bytes.includes(Buffer.from(t.name, 'utf8')), `backup names ${t.name}`).toBe(false);
    }
    expect(bytes.includes(Buffer.from(BACKUP_PASSWORD, 'utf8'))).toBe(false);
  });

  it('restore into the vault: a wrong password stays in the dialog; the preview counts; Merge brings a removed token back (axe + screenshot)', async () => {
    // Change the vault after the backup: rename one token, remove another.
    const list = await rpc(app.bridge, 'tokens.list', {});
    const id = (name: string) => list.find((t) => t.name === name)!.id;
    await rpc(app.bridge, 'tokens.edit', { id: id(ACME_REGISTRY.name), patch: { name: RENAMED } });
    await rpc(app.bridge, 'tokens.remove', { id: id(GLOBEX_BOT.name) });
    await reload(page);
    await expect.poll(() => rows(page).count()).toBe(SEEDED.length - 1);
    expect(await row(page, GLOBEX_BOT.name).count()).toBe(0);

    const dialog = await openVaultDialog(page, 'restore');
    await queueDialog(app.bridge, backupPath);
    await button(dialog, 'Choose backup file…').click();
    await dialog.getByText(`Backup file: ${basename(backupPath)}`, { exact: false }).waitFor();
    await button(dialog, 'Choose another file…').waitFor();

    const password = dialog.getByLabel('Backup password', { exact: true });
    await password.fill('not the backup password');
    await button(dialog, 'Preview').click({ timeout: 2_000 }); // a toast above must not take the click
    await expect.poll(async () => (await dialog.getByRole('alert').allTextContents()).join(' ')).toMatch(/Wrong backup password/);
    expect(await dialog.isVisible()).toBe(true);
    expect(await dialog.getByRole('heading', { name: 'Preview: what merging would do' }).count()).toBe(0);
    expect(await button(dialog, 'Merge').isDisabled()).toBe(true);

    await password.fill(BACKUP_PASSWORD);
    await button(dialog, 'Preview').click({ timeout: 2_000 }); // a toast above must not take the click
    await dialog.getByRole('heading', { name: 'Preview: what merging would do' }).waitFor();
    const summary = dialog.locator('.merge-summary');
    const counts = (await summary.getByRole('listitem').allTextContents()).map((s) => s.replace(/\s+/g, ' ').trim());
    expect(counts).toEqual(['1 token to add', '0 to update', `${SEEDED.length - 1} left as they are`]);
    const conflicts = dialog.getByRole('region', { name: 'Conflicts' });
    const conflict = conflicts.getByRole('row').filter({ has: page.getByRole('rowheader', { name: RENAMED }) });
    expect((await conflict.getByRole('cell').allTextContents()).map((s) => s.trim())).toEqual(['Token', 'same id', 'the vault’s copy', 'the vault copy is not older']);
    // A dry run: nothing changed yet.
    expect((await rpc(app.bridge, 'tokens.list', {})).map((t) => t.name)).not.toContain(GLOBEX_BOT.name);
    await screen(page, '52-restore-preview');

    await button(dialog, 'Merge').click({ timeout: 2_000 }); // a toast above must not take the click
    await toast(page, `Merged the backup: 1 added, 0 updated, ${SEEDED.length - 1} unchanged`).waitFor();
    await dialog.waitFor({ state: 'detached' });
    await row(page, GLOBEX_BOT.name).waitFor();
    await expect.poll(() => rows(page).count()).toBe(SEEDED.length);
    const after = (await rpc(app.bridge, 'tokens.list', {})).map((t) => t.name).sort();
    expect(after).toEqual([ACME_DEPLOY.name, RENAMED, ...GLOBEX_NAMES].sort());
  });

  it('import a .env: recognised tokens imported, a non-token skipped, a known value found in the vault (axe + screenshot)', async () => {
    const envPath = join(dir, 'project.env');
    writeFileSync(
      envPath,
      ['# e2e fixture', `GITHUB_TOKEN=${ENV_GH}`, `export GITLAB_TOKEN="${ENV_GL}"`, 'PORT=3000', `DEPLOY_COPY=${ACME_DEPLOY.token}`, ''].join('\n'),
    );
    const dialog = await openVaultDialog(page, 'import');
    await dialog.getByRole('heading', { name: 'Step 1 of 3: the file' }).waitFor();
    const env = dialog.getByRole('radio', { name: '.env file', exact: true });
    await env.check();
    expect(await env.isChecked()).toBe(true);
    await queueDialog(app.bridge, envPath);
    await button(dialog, 'Choose file…').click();
    await dialog.getByText('File: project.env', { exact: false }).waitFor();
    expect((await dialogCalls(app.bridge)).at(-1)).toMatchObject({ kind: 'open', title: 'Choose a file to import' });
    await button(dialog, 'Next').click({ timeout: 2_000 }); // a toast above must not take the click
    await dialog.getByRole('heading', { name: 'Step 2 of 3: options' }).waitFor();
    await dialog.getByLabel('Account', { exact: true }).fill('import-ff');
    await dialog.getByLabel('Client', { exact: true }).fill(ACME);
    await button(dialog, 'Preview').click({ timeout: 2_000 }); // a toast above must not take the click
    await dialog.getByRole('heading', { name: 'Step 3 of 3: preview' }).waitFor();

    const table = dialog.getByRole('region', { name: 'Rows of the file' });
    const body = table.locator('tbody tr');
    await expect.poll(() => body.count()).toBe(4);
    const cells = async (i: number) => (await body.nth(i).locator('th, td').allTextContents()).map((s) => s.trim());
    expect(await cells(0)).toEqual(['2', 'Import', 'GITHUB_TOKEN', 'GitHub (recognised)', 'import-ff', '']);
    expect(await cells(1)).toEqual(['3', 'Import', 'GITLAB_TOKEN', 'GitLab (recognised)', 'import-ff', '']);
    const skipped = await cells(2);
    expect(skipped.slice(0, 3)).toEqual(['4', 'Skipped', 'PORT']);
    expect(skipped[5]).toMatch(/not recognised as a token/);
    const dup = await cells(3);
    expect(dup.slice(0, 3)).toEqual(['5', 'Already in vault', 'DEPLOY_COPY']);
    expect(dup[5]).toMatch(/already in the vault/);
    expect(await dialog.locator('.import-counts').textContent()).toBe('2 tokens to import, 1 duplicate, 1 skipped.');
    // The preview came from main's plan: names, lines and reasons only.
    const dom = await domText(page);
    for (const v of ALL_VALUES) expect(dom, 'DOM holds a value').not.toContain(v);
    await screen(page, '53-import-preview');

    await button(dialog, 'Import').click({ timeout: 2_000 }); // a toast above must not take the click
    await toast(page, 'Imported 2 tokens (1 duplicate and 1 skipped row left out)').waitFor();
    await dialog.waitFor({ state: 'detached' });
    await row(page, 'GITHUB_TOKEN').waitFor();
    await row(page, 'GITLAB_TOKEN').waitFor();
    await expect.poll(() => rows(page).count()).toBe(SEEDED.length + 2);
    const imported = (await rpc(app.bridge, 'tokens.list', {})).filter((t) => t.account === 'import-ff');
    expect(imported.map((t) => [t.name, t.platform, t.client]).sort()).toEqual([
      ['GITHUB_TOKEN', 'github', ACME],
      ['GITLAB_TOKEN', 'gitlab', ACME],
    ]);
  });

  it('import a CSV: the column selects come filled in from the header; preview, then Import', async () => {
    const csvPath = join(dir, 'tokens.csv');
    writeFileSync(
      csvPath,
      ['name,token,platform,account,client,expires', `CSV gh e2e-ff,${CSV_GH},github,csv-ff,${ACME},2027-06-01`, `CSV gl e2e-ff,${CSV_GL},gitlab,csv-ff,${GLOBEX},`, ''].join('\r\n'),
    );
    const dialog = await openVaultDialog(page, 'import');
    await dialog.getByRole('radio', { name: 'CSV file', exact: true }).check();
    await queueDialog(app.bridge, csvPath);
    await button(dialog, 'Choose file…').click();
    await dialog.getByText('File: tokens.csv', { exact: false }).waitFor();
    await button(dialog, 'Next').click({ timeout: 2_000 }); // a toast above must not take the click
    await dialog.getByRole('heading', { name: 'Step 2 of 3: options' }).waitFor();
    const mapped: Record<string, string> = {
      'Token column': 'token',
      'Name column': 'name',
      'Platform column': 'platform',
      'Account column': 'account',
      'Client column': 'client',
      'Expires column': 'expires',
      'Notes column': '',
    };
    for (const [label, column] of Object.entries(mapped)) expect(await dialog.getByLabel(label, { exact: true }).inputValue(), label).toBe(column);
    await button(dialog, 'Preview').click({ timeout: 2_000 }); // a toast above must not take the click
    await dialog.getByRole('heading', { name: 'Step 3 of 3: preview' }).waitFor();
    expect(await dialog.locator('.import-counts').textContent()).toBe('2 tokens to import, 0 duplicates, 0 skipped.');
    const body = dialog.getByRole('region', { name: 'Rows of the file' }).locator('tbody tr');
    expect((await body.locator('th').allTextContents()).map((s) => s.trim())).toEqual(['CSV gh e2e-ff', 'CSV gl e2e-ff']);
    const dom = await domText(page);
    for (const v of ALL_VALUES) expect(dom, 'DOM holds a value').not.toContain(v);

    await button(dialog, 'Import').click({ timeout: 2_000 }); // a toast above must not take the click
    await toast(page, 'Imported 2 tokens').waitFor();
    await dialog.waitFor({ state: 'detached' });
    await row(page, 'CSV gh e2e-ff').waitFor();
    await row(page, 'CSV gl e2e-ff').waitFor();
    const imported = (await rpc(app.bridge, 'tokens.list', {})).filter((t) => t.account === 'csv-ff');
    expect(imported.map((t) => [t.name, t.platform, t.client, t.expiresAt]).sort()).toEqual([
      ['CSV gh e2e-ff', 'github', ACME, '2027-06-01'],
      ['CSV gl e2e-ff', 'gitlab', GLOBEX, null],
    ]);
  });

  it('first run on another machine: restores the backup as a new vault (axe + screenshots)', async () => {
    second = await launchApp();
    const p2 = second.page;
    p2.setDefaultTimeout(10_000);
    await p2.getByRole('heading', { name: 'Create your vault' }).waitFor();
    await button(p2, 'Restore from a backup…').click();
    await p2.getByRole('heading', { name: 'Restore from a backup', level: 1 }).waitFor();
    await queueDialog(second.bridge, backupPath);
    await button(p2, 'Choose backup file…').click();
    await p2.getByText(`Backup file: ${basename(backupPath)}`, { exact: false }).waitFor();
    await field(p2, 'Backup password').fill(BACKUP_PASSWORD);
    await field(p2, 'New master password').fill('the second machine master password');
    await field(p2, 'Confirm new master password').fill('the second machine master password');
    await screen(p2, '54-first-run-restore');
    await button(p2, 'Restore vault').click();
    await button(p2, BUTTON.addToken).waitFor();
    await toast(p2, `Restored ${SEEDED.length} tokens and 0 custom platforms from the backup`).waitFor();
    for (const t of SEEDED) await row(p2, t.name).waitFor();
    await expect.poll(() => rows(p2).count()).toBe(SEEDED.length);
    await screen(p2, '55-first-run-restored');
    expect(await rpc(second.bridge, 'vault.status', {})).toMatchObject({ exists: true, unlocked: true });
    // The restored vault opens with the new master password.
    await rpc(second.bridge, 'vault.lock', {});
    await rpc(second.bridge, 'vault.unlock', { password: 'the second machine master password' });
    expect((await rpc(second.bridge, 'tokens.list', {})).map((t) => t.name).sort()).toEqual(SEEDED.map((t) => t.name).sort());
  });

  it('no value ever reached either page: DOM, /rpc answers, heap; no page errors', async () => {
    for (const a of [app, second!]) {
      const dom = await domText(a.page);
      for (const v of ALL_VALUES) expect(dom, 'DOM holds a value').not.toContain(v);
      const leaked = a.bridge.responses.filter((r) => ALL_VALUES.some((v) => r.body.includes(v)));
      expect(leaked.map((r) => r.channel)).toEqual([]);
      expect(await heapStringsContaining(a.page, ALL_VALUES)).toEqual([]);
      expect(a.errors).toEqual([]);
    }
  });
});
