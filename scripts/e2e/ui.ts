/**
 * How the tests and the UI benchmark find things in the renderer: accessible names from
 * renderer/README.md ("UI contract for tests"), in one place so a renamed label is one edit.
 */
import type { Locator, Page } from 'playwright-core';

export const LABEL = {
  masterPassword: 'Master password',
  confirmPassword: 'Confirm password',
  search: 'Search tokens',
  platform: 'Platform',
  account: 'Account',
  client: 'Client',
  name: 'Name',
  tokenValue: 'Token value',
  scopes: 'Scopes',
  expires: 'Expires',
  notes: 'Notes',
} as const;

export const BUTTON = {
  createVault: 'Create vault',
  unlock: 'Unlock',
  addToken: 'Add token',
  save: 'Save',
  cancel: 'Cancel',
  copy: 'Copy',
  reveal: 'Reveal',
  hide: 'Hide',
  edit: 'Edit',
  delete: 'Delete',
  lock: 'Lock',
  settings: 'Settings',
  vault: 'Vault',
} as const;

/** The "Vault" menu's items (role menuitem), each opening the dialog of the same row in DIALOG. */
export const VAULT_MENU = {
  import: 'Import…',
  export: 'Export…',
  backup: 'Back up…',
  restore: 'Restore from backup…',
} as const;

/** Dialog names (role dialog). */
export const DIALOG = {
  settings: 'Settings',
  import: 'Import tokens',
  export: 'Export tokens',
  backup: 'Back up the vault',
  restore: 'Restore from a backup',
} as const;

/** The view tabs and the needs-attention view. */
export const ATTENTION = {
  tabs: 'Token views',
  allTab: 'All tokens',
  list: 'Tokens that need attention',
  empty: 'Nothing needs attention',
} as const;

/** CSS selector of one token row in the list (kept in a string: the bench counts rows in the page). */
export const ROW_SELECTOR = [
  '[data-testid="token-row"]',
  '[role="grid"] [role="row"][aria-rowindex]:not(:has([role="columnheader"]))',
  '[role="listbox"] [role="option"]',
].join(', ');

/** The token rows currently in the DOM. */
export const rows = (page: Page): Locator => page.locator(ROW_SELECTOR);

export const field = (page: Page, label: string): Locator => page.getByLabel(label, { exact: true });
export const button = (scope: Page | Locator, name: string): Locator => scope.getByRole('button', { name, exact: true });

/** The "Needs attention (N)" tab. */
export const attentionTab = (page: Page): Locator =>
  page.getByRole('tablist', { name: ATTENTION.tabs }).getByRole('tab', { name: /^Needs attention \(/ });

/** Opens Vault → `item` and returns the dialog it opens (waited for). */
export async function openVaultDialog(page: Page, item: keyof typeof VAULT_MENU): Promise<Locator> {
  await button(page, BUTTON.vault).click();
  await page.getByRole('menu', { name: BUTTON.vault }).getByRole('menuitem', { name: VAULT_MENU[item], exact: true }).click();
  const dialog = page.getByRole('dialog', { name: DIALOG[item], exact: true });
  await dialog.waitFor();
  return dialog;
}

/** A toast with exactly this text (toasts live in the page's polite status region). */
export const toast = (page: Page, text: string | RegExp): Locator =>
  page.getByRole('status').getByText(text, typeof text === 'string' ? { exact: true } : {});
