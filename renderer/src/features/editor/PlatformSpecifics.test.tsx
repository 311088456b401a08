// @vitest-environment jsdom
/**
 * Per-platform fields of the add/edit dialog and what the app shows for them: a token on a
 * custom platform (its name in the list and the pane, its token page as text — main opens
 * only fixed pages — in the pane and the guided revoke), the YesWeHack program slug and the
 * Jelastic token id (added, changed, cleared with null).
 */
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { CustomPlatformInput } from '../../../../shared/domain/custom-platform';
import { useStore } from '../../store';
import type { Backend } from '../../test-support/backend';
import { renderApp } from '../../test-support/render-app';
import type { SeedOptions } from '../../test-support/seed';
import { mockListViewport, useUiTestCleanup } from '../../test-support/setup';

useUiTestCleanup();
let restore: () => void;
beforeEach(() => {
  restore = mockListViewport(640);
});
afterEach(() => restore());

const PAGE = 'https://acme.example/settings/tokens';
const ACME: CustomPlatformInput = { name: 'Acme', baseUrl: 'https://api.acme.example', auth: { kind: 'bearer' }, checkPath: '/me', tokenPageUrl: PAGE };
const OTHER: CustomPlatformInput = { name: 'Globex API', baseUrl: 'https://api.globex.example', auth: { kind: 'bearer' } };

const list = () => screen.getByRole('listbox', { name: 'Tokens' });
const pane = () => screen.getByRole('complementary');

/** The vault's id of the custom platform named `name`. */
const platformId = async (backend: Backend, name: string) => (await backend.call('platforms.custom.list', {})).find((p) => p.name === name)?.id;

async function openAdd(opts: SeedOptions = {}) {
  const r = await renderApp({ unlocked: true, ...opts });
  await r.user.click(await screen.findByRole('button', { name: 'Add token' }));
  return { ...r, d: within(screen.getByRole('dialog', { name: 'Add token' })) };
}

type User = Awaited<ReturnType<typeof renderApp>>['user'];

async function fillBasics(d: ReturnType<typeof within>, user: User, name: string, platform: string) {
  await user.type(d.getByLabelText('Token value'), `value-of-${name}`);
  await user.selectOptions(d.getByLabelText('Platform'), platform);
  await user.type(d.getByLabelText('Name'), name);
  await user.type(d.getByLabelText('Account'), 'ops');
}

async function openEdit(user: User, name: string) {
  await user.click(within(pane()).getByRole('button', { name: 'Edit' }));
  return within(screen.getByRole('dialog', { name: `Edit token “${name}”` }));
}

test('a token on a custom platform shows its name, and its token page as text instead of a button', async () => {
  const { d, user, api, backend } = await openAdd({ customPlatforms: [ACME, OTHER] });
  expect(d.queryByLabelText('Custom platform')).toBeNull();
  await fillBasics(d, user, 'Acme deploy', 'custom');
  const select = d.getByLabelText('Custom platform') as HTMLSelectElement;
  await waitFor(() => expect([...select.options].map((o) => o.text)).toEqual(['— none —', 'Acme', 'Globex API']));
  expect(d.getByText(/the custom platform’s definition gives one; a base URL here overrides it/)).toBeTruthy();
  await user.selectOptions(select, 'Acme');
  await user.click(d.getByRole('button', { name: 'Save' }));

  expect(api.calls.find((c) => c.channel === 'tokens.add')?.request).toMatchObject({ platform: 'custom', customPlatform: await platformId(backend, 'Acme'), baseUrl: null });
  const row = await within(list()).findByRole('option', { name: /Acme deploy/ });
  expect(within(row).getByText('Acme')).toBeTruthy();
  expect(row.textContent).not.toContain('Custom platform');
  const p = within(pane());
  await p.findByRole('heading', { level: 2, name: 'Acme deploy' });
  expect(p.getByText('Acme')).toBeTruthy();
  const page = p.getByLabelText('Token page') as HTMLInputElement;
  expect(page.value).toBe(PAGE);
  expect(page.readOnly).toBe(true);
  expect(p.queryByRole('button', { name: 'Open token page' })).toBeNull();

  // Guided revoke: the page as text too; main is never asked to open a URL.
  await user.click(p.getByRole('button', { name: 'Revoke…' }));
  const revoke = within(screen.getByRole('dialog', { name: 'Revoke token?' }));
  expect((revoke.getByLabelText('Token page') as HTMLInputElement).value).toBe(PAGE);
  expect(revoke.queryByRole('button', { name: 'Open token page' })).toBeNull();
  expect(document.activeElement).toBe(revoke.getByRole('button', { name: 'Cancel' }));
  await user.click(revoke.getByRole('button', { name: 'I revoked it' }));
  expect(await screen.findByText('Revoked “Acme deploy”')).toBeTruthy();
  expect(api.calls.some((c) => c.channel === 'app.openTokenPage')).toBe(false);
});

test('a custom platform without a token page shows no page; moving the token to another one renames it', async () => {
  const r = await renderApp({
    unlocked: true,
    customPlatforms: [ACME, OTHER],
    tokens: [{ name: 'Hooks', platform: 'custom', customPlatform: 'Acme' }],
  });
  const { user, api, backend, idOf } = r;
  const [acme, globex] = [await platformId(backend, 'Acme'), await platformId(backend, 'Globex API')];
  await user.click(within(await screen.findByRole('listbox', { name: 'Tokens' })).getByRole('option', { name: /Hooks/ }));
  await within(pane()).findByLabelText('Token page');
  const d = await openEdit(user, 'Hooks');
  expect((d.getByLabelText('Custom platform') as HTMLSelectElement).value).toBe(acme);
  await user.selectOptions(d.getByLabelText('Custom platform'), 'Globex API');
  await user.click(d.getByRole('button', { name: 'Save' }));
  expect(api.calls.find((c) => c.channel === 'tokens.edit')?.request).toEqual({ id: idOf('Hooks'), patch: { customPlatform: globex } });
  await waitFor(() => expect(within(pane()).getByText('Globex API')).toBeTruthy());
  expect(within(pane()).queryByLabelText('Token page')).toBeNull();
  expect(within(pane()).queryByRole('button', { name: 'Open token page' })).toBeNull();
  expect(within(list()).getByRole('option', { name: /Hooks/ }).textContent).toContain('Globex API');

  // "— none —" unassigns it (sent as null).
  const again = await openEdit(user, 'Hooks');
  await user.selectOptions(again.getByLabelText('Custom platform'), '— none —');
  await user.click(again.getByRole('button', { name: 'Save' }));
  expect(api.calls.filter((c) => c.channel === 'tokens.edit').at(-1)?.request).toEqual({ id: idOf('Hooks'), patch: { customPlatform: null } });
  await waitFor(() => expect(within(list()).getByRole('option', { name: /Hooks/ }).textContent).toContain('Custom platform'));
});

test('with no custom platform defined, the dialog says so and links to Settings', async () => {
  const { d, user } = await openAdd();
  await user.selectOptions(d.getByLabelText('Platform'), 'custom');
  expect(await d.findByText(/No custom platform is defined yet/)).toBeTruthy();
  await user.click(d.getByRole('button', { name: 'Define one in Settings' }));
  expect(screen.queryByRole('dialog', { name: 'Add token' })).toBeNull();
  const settings = within(screen.getByRole('dialog', { name: 'Settings' }));
  expect(settings.getByRole('heading', { name: 'Custom platforms' })).toBeTruthy();
  expect(settings.getByRole('button', { name: 'Add custom platform' })).toBeTruthy();
});

test('YesWeHack: the program slug is sent, shown, changed and cleared', async () => {
  const { d, user, api, backend } = await openAdd();
  await fillBasics(d, user, 'Bounty', 'yeswehack');
  expect(d.getByText(/The check reads this program/)).toBeTruthy();
  expect(d.queryByLabelText('Platform token id')).toBeNull();
  await user.type(d.getByLabelText('Program slug'), ' acme-bbp ');
  await user.click(d.getByRole('button', { name: 'Save' }));
  expect(api.calls.find((c) => c.channel === 'tokens.add')?.request).toMatchObject({ platform: 'yeswehack', programSlug: 'acme-bbp' });
  expect(await within(pane()).findByText('acme-bbp')).toBeTruthy();
  expect(within(pane()).getByText('Program slug')).toBeTruthy();

  let e = await openEdit(user, 'Bounty');
  expect((e.getByLabelText('Program slug') as HTMLInputElement).value).toBe('acme-bbp');
  await user.clear(e.getByLabelText('Program slug'));
  await user.type(e.getByLabelText('Program slug'), 'globex-vdp');
  await user.click(e.getByRole('button', { name: 'Save' }));
  const id = useStore.getState().selectedId as string;
  expect(api.calls.filter((c) => c.channel === 'tokens.edit').at(-1)?.request).toEqual({ id, patch: { programSlug: 'globex-vdp' } });
  expect(await within(pane()).findByText('globex-vdp')).toBeTruthy();

  e = await openEdit(user, 'Bounty');
  await user.clear(e.getByLabelText('Program slug'));
  await user.click(e.getByRole('button', { name: 'Save' }));
  expect(api.calls.filter((c) => c.channel === 'tokens.edit').at(-1)?.request).toEqual({ id, patch: { programSlug: null } });
  await waitFor(() => expect(within(pane()).queryByText('Program slug')).toBeNull());
  expect((await backend.call('tokens.details', { id })).token.programSlug).toBeNull();
});

test('Jelastic: the platform token id is sent, shown, and cleared when the token moves to another platform', async () => {
  const { d, user, api } = await openAdd();
  await fillBasics(d, user, 'Hoster', 'jelastic');
  expect(d.getByText(/revoke and rotate name it/)).toBeTruthy();
  await user.type(d.getByLabelText('Base URL'), 'https://app.hoster.example');
  await user.type(d.getByLabelText('Platform token id'), '4711');
  await user.click(d.getByRole('button', { name: 'Save' }));
  expect(api.calls.find((c) => c.channel === 'tokens.add')?.request).toMatchObject({ platform: 'jelastic', platformTokenId: '4711' });
  const p = within(pane());
  expect(await p.findByText('4711')).toBeTruthy();
  expect(p.getByText('Platform token id')).toBeTruthy();

  let e = await openEdit(user, 'Hoster');
  expect((e.getByLabelText('Platform token id') as HTMLInputElement).value).toBe('4711');
  await user.clear(e.getByLabelText('Platform token id'));
  await user.type(e.getByLabelText('Platform token id'), '4712');
  await user.click(e.getByRole('button', { name: 'Save' }));
  const id = useStore.getState().selectedId as string;
  expect(api.calls.filter((c) => c.channel === 'tokens.edit').at(-1)?.request).toEqual({ id, patch: { platformTokenId: '4712' } });
  expect(await p.findByText('4712')).toBeTruthy();

  e = await openEdit(user, 'Hoster');
  await user.selectOptions(e.getByLabelText('Platform'), 'github');
  expect(e.queryByLabelText('Platform token id')).toBeNull();
  await user.click(e.getByRole('button', { name: 'Save' }));
  expect(api.calls.filter((c) => c.channel === 'tokens.edit').at(-1)?.request).toEqual({ id, patch: { platform: 'github', platformTokenId: null } });
  await waitFor(() => expect(p.queryByText('Platform token id')).toBeNull());
  // The page is built from the account: a "GitHub" account at the hoster's address names no GitHub page.
  expect(p.queryByRole('button', { name: 'Open token page' })).toBeNull();
});

test('YesWeHack: role, scope kind and access type are chosen from lists, shown in words, changed and cleared', async () => {
  const { d, user, api } = await openAdd();
  expect(d.queryByLabelText('Role')).toBeNull(); // only for YesWeHack
  await fillBasics(d, user, 'Triage', 'yeswehack');
  const role = d.getByLabelText('Role') as HTMLSelectElement;
  expect([...role.options].map((o) => o.text)).toEqual(['Not set', 'Business Unit Owner', 'Business Unit Manager', 'Program Manager']);
  await user.selectOptions(role, 'Program Manager');
  await user.selectOptions(d.getByLabelText('Reaches'), 'Business unit');
  await user.selectOptions(d.getByLabelText('Access type'), 'Read');
  await user.click(d.getByRole('button', { name: 'Save' }));
  expect(api.calls.find((c) => c.channel === 'tokens.add')?.request).toMatchObject({
    platform: 'yeswehack',
    ywhRole: 'program-manager',
    ywhScope: 'business-unit',
    ywhAccess: 'read',
  });
  const p = within(pane());
  expect(await p.findByText('Program Manager')).toBeTruthy();
  expect(p.getByText('Business unit')).toBeTruthy();
  expect(p.getByText('Access type')).toBeTruthy();

  const e = await openEdit(user, 'Triage');
  expect((e.getByLabelText('Role') as HTMLSelectElement).value).toBe('program-manager');
  await user.selectOptions(e.getByLabelText('Access type'), 'Not set');
  await user.selectOptions(e.getByLabelText('Role'), 'Business Unit Owner');
  await user.click(e.getByRole('button', { name: 'Save' }));
  const id = useStore.getState().selectedId as string;
  expect(api.calls.filter((c) => c.channel === 'tokens.edit').at(-1)?.request).toEqual({ id, patch: { ywhRole: 'business-unit-owner', ywhAccess: null } });
  expect(await p.findByText('Business Unit Owner')).toBeTruthy();
  await waitFor(() => expect(p.queryByText('Access type')).toBeNull());
});
