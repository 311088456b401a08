// @vitest-environment jsdom
import { expect, test } from 'vitest';
import { installApp } from '../test-support/app-harness';
import { TEST_PASSWORD } from '../test-support/backend';
import { useUiTestCleanup } from '../test-support/setup';
import { connectEvents } from './events';
import { useStore } from './index';

useUiTestCleanup();

test('status decides the first screen: no vault, locked, unlocked', async () => {
  await installApp({ exists: false });
  await useStore.getState().refreshStatus();
  expect(useStore.getState().phase).toBe('none');
  await installApp({ quickUnlock: true });
  await useStore.getState().refreshStatus();
  expect(useStore.getState()).toMatchObject({ phase: 'locked', quickUnlock: true });
  await installApp({ unlocked: true });
  await useStore.getState().refreshStatus();
  expect(useStore.getState().phase).toBe('unlocked');
});

test('unlock loads the list; a wrong password leaves the vault locked with the message', async () => {
  await installApp({ tokens: [{ name: 'CI' }] });
  await useStore.getState().refreshStatus();
  expect(await useStore.getState().unlock('nope')).toBe(false);
  expect(useStore.getState()).toMatchObject({ phase: 'locked', sessionError: 'Wrong master password. Nothing was changed.', tokens: [] });
  expect(await useStore.getState().unlock(TEST_PASSWORD)).toBe(true);
  expect(useStore.getState().phase).toBe('unlocked');
  expect(useStore.getState().tokens.map((t) => t.name)).toEqual(['CI']);
  expect(useStore.getState().sessionError).toBeNull();
});

test("main's 'vault.locked' event clears every token datum from the store", async () => {
  const { backend } = await installApp({ unlocked: true, tokens: [{ name: 'CI' }, { name: 'Deploy' }] });
  const off = connectEvents();
  await useStore.getState().refreshStatus();
  const id = useStore.getState().tokens[0]?.id as string;
  useStore.getState().select(id);
  await useStore.getState().revealToken(id);
  useStore.getState().openDialog({ kind: 'edit', id });
  expect(useStore.getState().reveal?.value).toBe('secret-value-0');

  // What the idle timer does in main: lock, and tell the window why.
  await backend.service.lock('idle');
  const s = useStore.getState();
  expect(s.phase).toBe('locked');
  expect(s).toMatchObject({ tokens: [], haystacks: [], selectedId: null, details: null, reveal: null, dialog: null });
  expect(JSON.stringify(s)).not.toContain('secret-value');
  expect(JSON.stringify(s)).not.toContain('Deploy');
  off();
});

test('lock forgets the tokens at once, then tells main', async () => {
  const { api, backend } = await installApp({ unlocked: true, tokens: [{ name: 'CI' }] });
  await useStore.getState().refreshStatus();
  const pending = useStore.getState().lock();
  expect(useStore.getState().tokens).toEqual([]);
  await pending;
  expect(await backend.call('vault.status', {})).toMatchObject({ unlocked: false });
  expect(api.calls.at(-1)?.channel).toBe('vault.lock');
});

test('without window.api, calls fail with a clear message', async () => {
  await useStore.getState().refreshStatus();
  expect(useStore.getState().sessionError).toMatch(/window\.api is missing/);
});
