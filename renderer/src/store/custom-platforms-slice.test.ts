// @vitest-environment jsdom
import { expect, test } from 'vitest';
import { installFakeApi } from '../test-support/fake-api';
import { useUiTestCleanup } from '../test-support/setup';
import { useStore } from './index';

useUiTestCleanup();

const ACME = { name: 'Acme', baseUrl: 'https://api.acme.example', auth: { kind: 'bearer' as const } };

test('custom platforms load with the unlock and are forgotten on lock', async () => {
  const api = installFakeApi({ customPlatforms: [ACME] });
  await useStore.getState().refreshStatus();
  expect(useStore.getState().customPlatforms).toEqual([]);
  await useStore.getState().unlock(api.state.password);
  expect(useStore.getState()).toMatchObject({ customPlatformsLoaded: true, customPlatforms: [{ id: 'cp0001', name: 'Acme', tokens: 0 }] });
  await useStore.getState().lock();
  expect(useStore.getState()).toMatchObject({ customPlatformsLoaded: false, customPlatforms: [] });
});

test('renaming a platform reloads the tokens, whose views carry its name', async () => {
  const api = installFakeApi({
    unlocked: true,
    customPlatforms: [ACME],
    tokens: [{ name: 'T', platform: 'custom', customPlatformId: 'cp0001', customPlatformName: 'Acme' }],
  });
  await useStore.getState().refreshStatus();
  const saved = await useStore.getState().saveCustomPlatform('cp0001', { ...ACME, name: 'Acme Corp' });
  expect(saved).toMatchObject({ id: 'cp0001', name: 'Acme Corp', tokens: 1 });
  expect(useStore.getState().tokens[0]?.customPlatformName).toBe('Acme Corp');
  expect(useStore.getState().customPlatforms.map((p) => p.name)).toEqual(['Acme Corp']);
  await expect(useStore.getState().removeCustomPlatform('cp0001')).rejects.toMatchObject({ code: 'BAD_INPUT' });
  expect(api.state.customPlatforms.size).toBe(1);
});
