// @vitest-environment jsdom
import { expect, test, vi } from 'vitest';
import { installApp } from '../test-support/app-harness';
import { useUiTestCleanup } from '../test-support/setup';
import { useStore } from './index';

useUiTestCleanup();

async function unlockedWith(n: number, revealSeconds = 30) {
  const harness = await installApp({ unlocked: true, tokens: Array.from({ length: n }, (_, i) => ({ name: `T${i}`, notes: `note ${i}` })) });
  await useStore.getState().refreshStatus();
  await useStore.getState().saveSettings({ revealSeconds });
  return harness;
}

test('selecting a token loads its notes and audit trail', async () => {
  await unlockedWith(2);
  const id = useStore.getState().tokens[1]?.id as string;
  useStore.getState().select(id);
  await vi.waitFor(() => expect(useStore.getState().details).toMatchObject({ id, notes: 'note 1' }));
});

test('a revealed value hides itself after hidesInSeconds', async () => {
  await unlockedWith(1, 20);
  vi.useFakeTimers();
  const id = useStore.getState().tokens[0]?.id as string;
  useStore.getState().select(id);
  await useStore.getState().revealToken(id);
  expect(useStore.getState().reveal).toMatchObject({ id, value: 'secret-value-0', until: Date.now() + 20_000 });
  vi.advanceTimersByTime(19_999);
  expect(useStore.getState().reveal).not.toBeNull();
  vi.advanceTimersByTime(1);
  expect(useStore.getState().reveal).toBeNull();
});

test('the reveal is dropped when the selection changes and on Hide', async () => {
  await unlockedWith(2);
  const [a, b] = useStore.getState().tokens.map((t) => t.id) as [string, string];
  useStore.getState().select(a);
  await useStore.getState().revealToken(a);
  useStore.getState().select(b);
  expect(useStore.getState().reveal).toBeNull();
  await useStore.getState().revealToken(b);
  useStore.getState().hideReveal();
  expect(useStore.getState().reveal).toBeNull();
});

test('a reveal answered after the user moved on is not kept', async () => {
  await unlockedWith(2);
  const [a, b] = useStore.getState().tokens.map((t) => t.id) as [string, string];
  useStore.getState().select(a);
  const pending = useStore.getState().revealToken(a);
  useStore.getState().select(b);
  await pending;
  expect(useStore.getState().reveal).toBeNull();
});
