import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { errorOf } from '../test-support/app-errors';
import { tempDir } from '../test-support/temp-vault';
import { DEFAULT_SETTINGS, SettingsStore, peekSettings, reminderPolicyFrom, settingsPathFor } from './settings-store';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function settingsPath(): string {
  const { dir, cleanup } = tempDir('patvault-settings-');
  cleanups.push(cleanup);
  return join(dir, 'nested', 'settings.json');
}

describe('SettingsStore', () => {
  it('gives defaults when there is no file, and writes nothing for a read', () => {
    const path = settingsPath();
    expect(new SettingsStore(path).get()).toEqual(DEFAULT_SETTINGS);
    expect(existsSync(path)).toBe(false);
  });

  it('persists a change (owner-only file) and reads it back in a new store', () => {
    const path = settingsPath();
    const next = new SettingsStore(path).set({ autoLockMinutes: 3, theme: 'light' });
    expect(next).toEqual({ ...DEFAULT_SETTINGS, autoLockMinutes: 3, theme: 'light' });
    expect(new SettingsStore(path).get()).toEqual(next);
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('refuses invalid or unknown settings with BAD_INPUT and keeps the file as it was', async () => {
    const path = settingsPath();
    const store = new SettingsStore(path);
    store.set({ clipboardClearSeconds: 20 });
    const before = readFileSync(path, 'utf8');
    for (const bad of [{ clipboardClearSeconds: 1 }, { theme: 'blue' }, { colour: 'red' }, null, 'x', []]) {
      expect((await errorOf(() => store.set(bad))).code).toBe('BAD_INPUT');
    }
    expect(readFileSync(path, 'utf8')).toBe(before);
    expect(store.get().clipboardClearSeconds).toBe(20);
  });

  it.each([
    ['not JSON', '{ "theme": '],
    ['a wrong value', JSON.stringify({ autoLockMinutes: -4 })],
    ['not an object', '[1,2,3]'],
  ])('a corrupt file (%s) gives defaults and is kept aside as .bad', (_what, content) => {
    const path = settingsPath();
    new SettingsStore(path).set({}); // creates the folder
    writeFileSync(path, content);
    expect(new SettingsStore(path).get()).toEqual(DEFAULT_SETTINGS);
    expect(existsSync(path)).toBe(false);
    expect(readFileSync(`${path}.bad`, 'utf8')).toBe(content);
  });

  it('fills settings missing from an older file with defaults', () => {
    const path = settingsPath();
    new SettingsStore(path).set({});
    writeFileSync(path, JSON.stringify({ theme: 'dark' }));
    expect(new SettingsStore(path).get()).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' });
  });

  it('hands out frozen settings, so a caller cannot change them behind the store', () => {
    const store = new SettingsStore(settingsPath());
    expect(Object.isFrozen(store.get())).toBe(true);
    expect(Object.isFrozen(store.set({ theme: 'dark' }))).toBe(true);
  });
});

describe('peekSettings, settingsPathFor, reminderPolicyFrom (what the CLI reads)', () => {
  it('puts the settings file beside the vault', () => {
    const vault = join('some', 'folder', 'vault.sqlite');
    expect(settingsPathFor(vault)).toBe(join('some', 'folder', 'settings.json'));
  });

  it("reads what the app's store wrote, defaults for anything missing", () => {
    const path = settingsPath();
    new SettingsStore(path).set({ reminderDays: [14, 3], theme: 'dark' });
    expect(peekSettings(path)).toEqual({ ...DEFAULT_SETTINGS, reminderDays: [14, 3], theme: 'dark' });
    expect(Object.isFrozen(peekSettings(path))).toBe(true);
  });

  it('gives defaults for a missing or bad file, and never moves or writes it', () => {
    const path = settingsPath();
    expect(peekSettings(path)).toEqual(DEFAULT_SETTINGS);
    expect(existsSync(dirname(path))).toBe(false);
    new SettingsStore(path).set({}); // creates the folder
    writeFileSync(path, '{ "theme": ');
    expect(peekSettings(path)).toEqual(DEFAULT_SETTINGS);
    expect(readFileSync(path, 'utf8')).toBe('{ "theme": ');
    expect(existsSync(`${path}.bad`)).toBe(false);
  });

  it('turns the settings into the reminder policy, the default for anything missing', () => {
    expect(reminderPolicyFrom(DEFAULT_SETTINGS)).toEqual({ days: [7, 1], hour: 9 });
    expect(reminderPolicyFrom({ reminderDays: [], reminderHour: 18 })).toEqual({ days: [], hour: 18 });
    expect(reminderPolicyFrom({})).toEqual({ days: [7, 1], hour: 9 });
  });
});
