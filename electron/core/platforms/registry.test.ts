import { describe, expect, it } from 'vitest';
import { PLATFORM_IDS } from '../../../shared/domain/platform-ids';
import { BUILT_IN_PRESETS, listPresets, presetFor } from './registry';

describe('preset registry', () => {
  it('has an entry for every built-in platform id, each preset under its own id', () => {
    expect(Object.keys(BUILT_IN_PRESETS).sort()).toEqual(PLATFORM_IDS.filter((id) => id !== 'custom').sort());
    for (const [id, p] of Object.entries(BUILT_IN_PRESETS)) expect(p.id).toBe(id);
    expect(listPresets().map((p) => p.id)).toEqual(expect.arrayContaining(['github', 'gitlab']));
  });

  it('every preset declares https URLs only', () => {
    for (const p of listPresets()) {
      if (p.defaultBaseUrl !== null) expect(new URL(p.defaultBaseUrl).protocol).toBe('https:');
      if (p.tokenPageUrl !== null) expect(new URL(p.tokenPageUrl).protocol).toBe('https:');
    }
  });

  it('builds custom presets from their definition', () => {
    expect(presetFor('github')?.name).toBe('GitHub');
    expect(presetFor('custom')).toBeUndefined();
    const p = presetFor('custom', { name: 'Acme', baseUrl: 'https://api.acme.example', auth: { kind: 'bearer' } });
    expect(p?.name).toBe('Acme');
  });
});
