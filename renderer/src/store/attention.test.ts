// @vitest-environment jsdom
import { beforeEach, expect, test } from 'vitest';
import { installApp } from '../test-support/app-harness';
import { ATTENTION_EXPECTED, ATTENTION_NOW, attentionVault, useAttentionClock } from '../test-support/attention-fixtures';
import { useUiTestCleanup } from '../test-support/setup';
import { selectAttention } from './attention';
import { useStore } from './index';
import type { TokenView } from '../api/types';

useUiTestCleanup();
useAttentionClock();

/** The vault's own views and platform list, as main answers them. */
let tokens: readonly TokenView[];
let platforms: ReturnType<typeof useStore.getState>['platforms'];
beforeEach(async () => {
  const { backend } = await installApp(attentionVault());
  tokens = await backend.call('tokens.list', {});
  platforms = await backend.call('platforms.list', {});
});

const load = () => useStore.setState({ tokens, platforms });

test('the list follows the shared rule: most urgent first, one action each, the healthy and unchecked tokens left out', () => {
  load();
  const entries = selectAttention(useStore.getState(), ATTENTION_NOW);
  expect(entries.map((e) => e.token.name)).toEqual(ATTENTION_EXPECTED.map((e) => e.name));
  expect(entries.map((e) => e.item.action)).toEqual(['check', 'renew', 'renew', 'renew', 'rotate', 'remove']);
});

test('without the platform list, no token is offered a rotation (the platform has not said it can)', () => {
  load();
  useStore.setState({ platforms: [] });
  expect(selectAttention(useStore.getState(), ATTENTION_NOW).find((e) => e.token.name === 'Rolling')?.item.action).toBe('renew');
});

test('the same array comes back while tokens and minute are unchanged (zustand needs it stable)', () => {
  load();
  const a = selectAttention(useStore.getState(), ATTENTION_NOW);
  expect(selectAttention(useStore.getState(), new Date(ATTENTION_NOW.getTime() + 30_000))).toBe(a);
  // A day later the expiring token has expired: a new answer.
  const later = selectAttention(useStore.getState(), new Date('2026-11-27T12:00:00Z'));
  expect(later).not.toBe(a);
  expect(later.find((e) => e.token.name === 'Soon')?.item.reason).toBe('expired');
  useStore.setState({ tokens: [...tokens] });
  expect(selectAttention(useStore.getState(), new Date('2026-11-27T12:00:00Z'))).not.toBe(later);
});
