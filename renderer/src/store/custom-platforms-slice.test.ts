// @vitest-environment jsdom
import { expect, test } from 'vitest';
import { installApp } from '../test-support/app-harness';
import { TEST_PASSWORD } from '../test-support/backend';
import { useUiTestCleanup } from '../test-support/setup';
import { useStore } from './index';

useUiTestCleanup();

const ACME = { name: 'Acme', baseUrl: 'https://api.acme.example', auth: { kind: 'bearer' as const } };

test('custom platforms load with the unlock and are forgotten on lock', async () => {
  await installApp({ customPlatforms: [ACME] });
  await useStore.getState().refreshStatus();
  expect(useStore.getState().customPlatforms).toEqual([]);
  await useStore.getState().unlock(TEST_PASSWORD);
  expect(useStore.getState()).toMatchObject({ customPlatformsLoaded: true, customPlatforms: [{ name: 'Acme', tokens: 0 }] });
  await useStore.getState().lock();
  expect(useStore.getState()).toMatchObject({ customPlatformsLoaded: false, customPlatforms: [] });
});

test('renaming a platform reloads the tokens, whose views carry its name', async () => {
  const { backend } = await installApp({
    unlocked: true,
    customPlatforms: [ACME],
    tokens: [{ name: 'T', platform: 'custom', customPlatform: 'Acme' }],
  });
  await useStore.getState().refreshStatus();
  const [acme] = await backend.call('platforms.custom.list', {});
  const saved = await useStore.getState().saveCustomPlatform(acme!.id, { ...ACME, name: 'Acme Corp' });
  expect(saved).toMatchObject({ id: acme!.id, name: 'Acme Corp', tokens: 1 });
  expect(useStore.getState().tokens[0]?.customPlatformName).toBe('Acme Corp');
  expect(useStore.getState().customPlatforms.map((p) => p.name)).toEqual(['Acme Corp']);
  await expect(useStore.getState().removeCustomPlatform(acme!.id)).rejects.toMatchObject({ code: 'BAD_INPUT' });
  expect(await backend.call('platforms.custom.list', {})).toHaveLength(1);
});
