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
