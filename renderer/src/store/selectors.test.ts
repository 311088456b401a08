// @vitest-environment jsdom
import { beforeEach, expect, test, vi } from 'vitest';
import type { TokenView } from '../api/types';
import { installApp } from '../test-support/app-harness';
import type { Backend } from '../test-support/backend';
import { GITHUB_API, githubUser } from '../test-support/platform-answers';
import type { SeedOptions } from '../test-support/seed';
import { useUiTestCleanup } from '../test-support/setup';
import { tokenSearchText as haystack } from '../../../shared/domain/search';
import { useStore } from './index';
import { selectClients, selectRows } from './selectors';

useUiTestCleanup();

/** CI deploy and Nightly were checked and work; Registry expires within the week; Board sync has expired. */
const VAULT: SeedOptions = {
  unlocked: true,
  tokens: [
    { name: 'CI deploy', platform: 'github', client: 'Acme', scopes: ['repo'] },
    { name: 'Registry', platform: 'gitlab', client: 'Globex', baseUrl: 'https://git.globex.example', scopes: ['api'], expiresAt: '2026-11-26' },
    { name: 'Board sync', platform: 'iobeya', username: 'alice', expiresAt: '2026-11-01' },
    { name: 'Nightly', platform: 'github', client: 'Globex', scopes: ['read:org'] },
  ],
  prepare: async (backend, idOf) => {
    backend.web.answer('GET', `${GITHUB_API}/user`, githubUser('octocat'));
    for (const name of ['CI deploy', 'Nightly']) await backend.call('tokens.check', { id: idOf(name) });
  },
};

/** The vault's views, as `tokens.list` answers them. */
async function viewsOf(opts: SeedOptions): Promise<{ views: readonly TokenView[]; backend: Backend }> {
  const { backend } = await installApp(opts);
  return { views: await backend.call('tokens.list', {}), backend };
}

const load = (list: readonly TokenView[]) => {
  // What loadTokens does with a response, without the round trip.
  useStore.setState({ phase: 'unlocked' });
  useStore.setState({ tokens: list, haystacks: list.map(haystack) });
};

const names = () => selectRows(useStore.getState()).map((r) => (r.kind === 'token' ? r.token.name : `[${r.label}]`));

let tokens: readonly TokenView[];
beforeEach(async () => {
  vi.useFakeTimers({ now: new Date('2026-11-23T12:00:00Z'), toFake: ['Date'] });
  tokens = (await viewsOf(VAULT)).views;
  load(tokens);
});

test('the vault says what the filters below rely on', () => {
  expect(Object.fromEntries(tokens.map((t) => [t.name, t.status]))).toEqual({ 'CI deploy': 'active', Registry: 'expiring', 'Board sync': 'expired', Nightly: 'active' });
});

test('search matches any field, case-insensitively, every word required', () => {
  const { setQuery } = useStore.getState();
  setQuery('GLOBEX');
  expect(names().sort()).toEqual(['Nightly', 'Registry']);
  setQuery('git.globex');
  expect(names()).toEqual(['Registry']);
  setQuery('alice');
  expect(names()).toEqual(['Board sync']);
  setQuery('read:org globex');
  expect(names()).toEqual(['Nightly']);
  setQuery('iObeya'); // the platform's display name
  expect(names()).toEqual(['Board sync']);
  setQuery('nothing-like-this');
  expect(names()).toEqual([]);
});

test('typing more narrows the previous result; deleting widens it again', () => {
  const { setQuery } = useStore.getState();
  for (const q of ['g', 'gl', 'glo', 'glob', 'globe', 'globex', 'globe', 'g', '']) {
    setQuery(q);
    const expected = tokens.filter((t) => haystack(t).includes(q.toLowerCase())).map((t) => t.name);
    expect(names(), q).toEqual(expected);
  }
});

test('filters by platform, client and status combine with the query', () => {
  const { setFilter, setQuery } = useStore.getState();
  setFilter('platform', 'github');
  expect(names().sort()).toEqual(['CI deploy', 'Nightly']);
  setFilter('client', 'Globex');
  expect(names()).toEqual(['Nightly']);
  setFilter('client', '');
  setFilter('status', 'active');
  setQuery('ci');
  expect(names()).toEqual(['CI deploy']);
});

test('grouping by client or platform adds headers, "No client" last', () => {
  useStore.getState().setGrouping('client');
  expect(names()).toEqual(['[Acme]', 'CI deploy', '[Globex]', ...tokens.filter((t) => t.client === 'Globex').map((t) => t.name), '[No client]', 'Board sync']);
  useStore.getState().setGrouping('platform');
  expect(names()).toEqual(['[GitHub]', ...tokens.filter((t) => t.platform === 'github').map((t) => t.name), '[GitLab]', 'Registry', '[iObeya]', 'Board sync']);
  expect(selectClients(useStore.getState())).toEqual(['Acme', 'Globex']);
});

test('grouped by platform, each custom platform is a group under its name; search finds the name', async () => {
  const bearer = { kind: 'bearer' as const };
  const { views } = await viewsOf({
    unlocked: true,
    customPlatforms: [
      { name: 'Zeta API', baseUrl: 'https://zeta.example', auth: bearer },
      { name: 'Acme API', baseUrl: 'https://acme.example', auth: bearer },
    ],
    tokens: [
      { name: 'Hooks', platform: 'custom', customPlatform: 'Zeta API' },
      { name: 'Feed', platform: 'custom', customPlatform: 'Acme API' },
      { name: 'Loose', platform: 'custom' },
    ],
  });
  load([...tokens, ...views]);
  useStore.getState().setGrouping('platform');
  expect(names().slice(0, 6)).toEqual(['[Custom platform]', 'Loose', '[Acme API]', 'Feed', '[Zeta API]', 'Hooks']);
  useStore.getState().setGrouping('none');
  useStore.getState().setQuery('zeta');
  expect(names()).toEqual(['Hooks']);
});

test('selectors are memoised: same inputs, same array', () => {
  const a = selectRows(useStore.getState());
  useStore.getState().select(null);
  expect(selectRows(useStore.getState())).toBe(a);
});

// Speed per keystroke is measured by `npm run bench:ui` (keystroke p95 in real Chromium), not
// by a timed test: a shared CI machine makes wall-clock assertions flaky. What a test can pin
// is that the shortcut which makes it fast (re-checking only the previous matches) never
// changes the answer, at the size users have. The 10,000 views are copies of one the vault
// made (its shape exactly), with their own ids and names.
test('over 10,000 tokens, every keystroke shows exactly what a fresh search would', () => {
  const base = tokens[0]!;
  // Ids are searched too: a fixed prefix without digits, so a random vault id holding "42"
  // cannot make every row match "project 42".
  const big = Array.from({ length: 10_000 }, (_, i) => ({ ...base, id: `${'f'.repeat(22)}${String(i).padStart(10, '0')}`, name: `Token ${i} for project ${i % 97}` }));
  load(big);
  const { setQuery } = useStore.getState();
  const keystrokes = ['p', 'pr', 'pro', 'proj', 'project', 'project ', 'project 4', 'project 42', 'project 4', 'x', ''];
  for (const q of keystrokes) {
    setQuery(q);
    const shown = selectRows(useStore.getState()).map((r) => (r.kind === 'token' ? r.token.id : r.key));
    const words = q.toLowerCase().split(/\s+/).filter(Boolean);
    const fresh = big.filter((t) => words.every((w) => haystack(t).includes(w))).map((t) => t.id);
    expect(shown, `query "${q}"`).toEqual(fresh);
  }
  // Not vacuous: the narrowing steps really narrowed something.
  setQuery('project 42');
  const narrowed = selectRows(useStore.getState()).length;
  expect(narrowed).toBeGreaterThan(0);
  expect(narrowed).toBeLessThan(big.length / 10);
});
