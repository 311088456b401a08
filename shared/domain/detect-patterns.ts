/**
 * Token formats, one source for both sides: offline detection (shared/domain/detect, used by
 * the renderer and the CLI) and the presets' `tokenPattern` (electron/core/platforms/presets).
 * Pure regexes, anchored, no flags (so `.test` keeps no state).
 *
 * Sources: PLATFORMS.md "format" rows, the Brass seed (`1|pat-ZuKp…`, Laravel Sanctum
 * `id|secret`), the iObeya seed (a JWT), gitleaks/trufflehog rules for GitHub and GitLab.
 * YesWeHack and Jelastic/Virtuozzo document no format: they have no pattern and detection never
 * claims a token for them.
 */
import type { PlatformId } from './platform-ids';

/** GitHub classic PAT: `ghp_` + base62 (36 today; a range so a longer future form still matches). */
export const GITHUB_CLASSIC_PATTERN = /^ghp_[A-Za-z0-9]{30,255}$/;
/** GitHub fine-grained PAT: `github_pat_` + base62 and underscores (82 today). */
export const GITHUB_FINE_GRAINED_PATTERN = /^github_pat_[A-Za-z0-9_]{30,255}$/;
/** GitLab PAT: `glpat-` + 20 (legacy) or the longer routable form with dots. */
export const GITLAB_PATTERN = /^glpat-[A-Za-z0-9_.-]{20,255}$/;
/** Brass PAT: Laravel Sanctum `id|secret`, the secret being `pat-` + 40 alphanumerics. */
export const BRASS_PATTERN = /^\d{1,20}\|pat-[A-Za-z0-9]{40}$/;
/**
 * A signed JWT in compact form: a base64url JSON header (`{"` → `eyJ`), a payload and a
 * signature, all non-empty except the header's tail. The shape alone is not proof: detection
 * also decodes the header and payload.
 */
export const JWT_PATTERN = /^eyJ[\w-]*\.[\w-]+\.[\w-]+$/;

/** Both GitHub forms, for the preset's single `tokenPattern`. */
export const GITHUB_PATTERN = new RegExp(
  `^(?:${GITHUB_CLASSIC_PATTERN.source.slice(1, -1)}|${GITHUB_FINE_GRAINED_PATTERN.source.slice(1, -1)})$`,
);

/** Each platform's token pattern, or null when its format is undocumented (then detection never claims it). */
export const PRESET_TOKEN_PATTERNS: Readonly<Record<PlatformId, RegExp | null>> = {
  github: GITHUB_PATTERN,
  gitlab: GITLAB_PATTERN,
  yeswehack: null,
  brass: BRASS_PATTERN,
  jelastic: null,
  iobeya: JWT_PATTERN,
  custom: null,
};

/** Prefix-style shapes, checked in order by detection (the JWT is handled apart: it needs decoding). */
export const TOKEN_SHAPES: readonly { readonly re: RegExp; readonly platform: PlatformId; readonly label: string }[] = [
  { re: GITHUB_CLASSIC_PATTERN, platform: 'github', label: 'GitHub classic token' },
  { re: GITHUB_FINE_GRAINED_PATTERN, platform: 'github', label: 'GitHub fine-grained token' },
  { re: GITLAB_PATTERN, platform: 'gitlab', label: 'GitLab personal access token' },
  { re: BRASS_PATTERN, platform: 'brass', label: 'Brass personal access token' },
];
