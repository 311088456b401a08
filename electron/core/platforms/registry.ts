/**
 * The built-in presets by id, and the one way to get the preset of an account: a built-in one,
 * or a custom platform built from its stored definition.
 *
 * Seed presets (YesWeHack, Brass, Jelastic/Virtuozzo, iObeya) follow each platform's own PAT
 * documentation, cited in each preset file beside the fact it gives, with what is unverified
 * marked there; ./PLATFORMS.md sums up what each platform's answers mean.
 */
import type { PlatformId } from '../../../shared/domain/platform-ids';
import { customPreset, type CustomPlatformInput } from './presets/custom';
import { githubPreset } from './presets/github';
import { gitlabPreset } from './presets/gitlab';
import { brassPreset } from './presets/brass';
import { iobeyaPreset } from './presets/iobeya';
import { jelasticPreset } from './presets/jelastic';
import { yeswehackPreset } from './presets/yeswehack';
import type { PlatformPreset } from './types';

/** Platforms with a built-in preset. */
export type BuiltInPlatformId = Exclude<PlatformId, 'custom'>;

/** Built-in presets, one per platform id (the type makes a missing one a compile error). */
export const BUILT_IN_PRESETS: Readonly<Record<BuiltInPlatformId, PlatformPreset>> = {
  github: githubPreset,
  gitlab: gitlabPreset,
  yeswehack: yeswehackPreset,
  brass: brassPreset,
  jelastic: jelasticPreset,
  iobeya: iobeyaPreset,
};

/** The built-in presets, in the order of PLATFORMS. */
export function listPresets(): PlatformPreset[] {
  return Object.values(BUILT_IN_PRESETS);
}

/**
 * The preset for `id`: a built-in one, or for 'custom' the preset built from `custom` (its
 * stored definition; required). Undefined when there is none.
 */
export function presetFor(id: PlatformId, custom?: CustomPlatformInput): PlatformPreset | undefined {
  if (id === 'custom') return custom === undefined ? undefined : customPreset(custom);
  return BUILT_IN_PRESETS[id];
}
