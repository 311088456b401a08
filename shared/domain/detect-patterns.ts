/**
 * Token formats, one source for both sides: offline detection (shared/domain/detect, used by
 * the renderer, the CLI and import) and the presets' `tokenPattern`
 * (electron/core/platforms/presets). Pure regexes, anchored, no flags (so `.test` keeps no state).
 *
 * Sources, beside each format below:
 * - GitHub: "Authentication token format updates" (https://github.blog/changelog/2021-03-31-authentication-token-format-updates-are-generally-available):
 *   `ghp_` PAT, `gho_` OAuth, `ghu_` App user-to-server, `ghs_` App server-to-server, `ghr_`
 *   refresh; "plan to support tokens up to 255 characters". gitleaks/gitleaks
 *   cmd/generate/config/rules/github.go: `gh[pousr]_[0-9a-zA-Z]{36}` today.
 * - GitLab: "Token prefixes" (https://docs.gitlab.com/ee/security/tokens/index.html#token-prefixes)
 *   names each prefix; the lengths are gitleaks/gitleaks cmd/generate/config/rules/gitlab.go.
 * - Brass: the seed document (`1|pat-ZuKp…`, Laravel Sanctum `id|secret`).
 * - iObeya: the seed document (a JWT); which JWTs are iObeya's is decided in ./detect.
 * YesWeHack and Jelastic/Virtuozzo document no format: they have no pattern and detection never
 * claims a token for them.
 */
import type { PlatformId } from './platform-ids';

/** One recognisable token format. */
export interface TokenFormat {
  /** Stable id of the format (scripts may read it from `patvault detect --json`). */
  readonly kind: string;
  readonly re: RegExp;
  readonly platform: PlatformId;
  /** What it is, without an article: "GitLab deploy token". */
  readonly label: string;
  /** False for tokens that are not personal access tokens (OAuth, app, deploy, runner…). */
  readonly personalAccessToken: boolean;
}

/** GitHub's suffix: base62, 36 today, up to 255 announced (changelog above). */
const GH = '[A-Za-z0-9]{30,255}';
/** GitHub classic PAT: `ghp_` + base62 (36 today; a range so a longer future form still matches). */
export const GITHUB_CLASSIC_PATTERN = new RegExp(`^ghp_${GH}$`);
/** GitHub fine-grained PAT: `github_pat_` + base62 and underscores (82 today: 22 + `_` + 59). */
export const GITHUB_FINE_GRAINED_PATTERN = /^github_pat_[A-Za-z0-9_]{30,255}$/;

/**
 * GitLab PAT (also project, group and impersonation tokens: the docs' table gives them the same
 * `glpat-` prefix). Three shapes:
 * - legacy: 20 characters of `[\w-]` (gitleaks `gitlab-pat`); up to 22 as trufflehog's
 *   pkg/detectors/gitlab/v2/gitlab_v2.go accepts (`glpat-[a-zA-Z0-9\-=_]{20,22}`);
 * - routable: `<payload 27–300>.<length 2><crc 7>` (gitleaks `gitlab-pat-routable`; example
 *   `glpat-bzox79Of-KE9FD2LjoXXF4CvyxA.0r03gxo7s` in gitleaks/gitleaks#1655, from GitLab's own
 *   secret-detection rules);
 * - routable with a version: `<payload>.<version 2>.<length 2><crc 7>` (trufflehog
 *   pkg/detectors/gitlab/v3/gitlab_v3.go, after gitlab-org/gitlab!169322; example
 *   `glpat-TESTtokenGq5K56y8RBbu286MQp1OmFwOAk.01.0z11111is` in betterleaks/betterleaks#83).
 */
export const GITLAB_PATTERN = /^glpat-(?:[\w-]{20,22}|[\w-]{27,300}\.(?:[0-9a-z]{2}\.)?[0-9a-z]{9})$/;
/** Brass PAT: Laravel Sanctum `id|secret`, the secret being `pat-` + 40 alphanumerics. */
export const BRASS_PATTERN = /^\d{1,20}\|pat-[A-Za-z0-9]{40}$/;
/**
 * A signed JWT in compact form: a base64url JSON header (`{"` → `eyJ`), a payload and a
 * signature, all non-empty except the header's tail. The shape alone is not proof: detection
 * also decodes the header and payload.
 */
export const JWT_PATTERN = /^eyJ[\w-]*\.[\w-]+\.[\w-]+$/;

/** GitLab's other token kinds: prefix → body, label (gitleaks rules/gitlab.go; prefixes from GitLab's table). */
const GITLAB_OTHER: readonly (readonly [kind: string, re: RegExp, label: string])[] = [
  ['gitlab-oauth-app-secret', /^gloas-[\w-]{64}$/, 'GitLab OAuth application secret'],
  ['gitlab-deploy', /^gldt-[\w-]{20}$/, 'GitLab deploy token'],
  // Routable runner tokens: gitleaks `gitlab-runner-authentication-token-routable` (gitleaks/gitleaks#1819).
  ['gitlab-runner', /^glrt-(?:[\w-]{20}|t\d_[\w-]{27,300}\.[0-9a-z]{9})$/, 'GitLab runner authentication token'],
  ['gitlab-runner-registration', /^GR1348941[\w-]{20}$/, 'GitLab runner registration token (deprecated)'],
  ['gitlab-ci-job', /^glcbt-[A-Za-z0-9]{1,5}_[\w-]{20}$/, 'GitLab CI/CD job token'],
  ['gitlab-trigger', /^glptt-[0-9a-f]{40}$/, 'GitLab pipeline trigger token'],
  ['gitlab-feed', /^glft-[\w-]{20}$/, 'GitLab feed token'],
  ['gitlab-incoming-mail', /^glimt-[\w-]{25}$/, 'GitLab incoming mail token'],
  ['gitlab-agent', /^glagent-[\w-]{50}$/, 'GitLab agent for Kubernetes token'],
  ['gitlab-scim', /^glsoat-[\w-]{20}$/, 'GitLab SCIM token'],
  ['gitlab-feature-flags', /^glffct-[\w-]{20}$/, 'GitLab feature flags client token'],
];

const NOT_A_PAT = '(not a personal access token)';

/** Prefix-style formats, checked in order by detection (the JWT is handled apart: it needs decoding). */
export const TOKEN_SHAPES: readonly TokenFormat[] = [
  { kind: 'github-classic', re: GITHUB_CLASSIC_PATTERN, platform: 'github', label: 'GitHub classic personal access token', personalAccessToken: true },
  { kind: 'github-fine-grained', re: GITHUB_FINE_GRAINED_PATTERN, platform: 'github', label: 'GitHub fine-grained personal access token', personalAccessToken: true },
  { kind: 'github-oauth', re: new RegExp(`^gho_${GH}$`), platform: 'github', label: `GitHub OAuth access token ${NOT_A_PAT}`, personalAccessToken: false },
  { kind: 'github-user-to-server', re: new RegExp(`^ghu_${GH}$`), platform: 'github', label: `GitHub App user-to-server token ${NOT_A_PAT}`, personalAccessToken: false },
  { kind: 'github-server-to-server', re: new RegExp(`^ghs_${GH}$`), platform: 'github', label: `GitHub App server-to-server token ${NOT_A_PAT}`, personalAccessToken: false },
  { kind: 'github-refresh', re: new RegExp(`^ghr_${GH}$`), platform: 'github', label: `GitHub App refresh token ${NOT_A_PAT}`, personalAccessToken: false },
  { kind: 'gitlab-pat', re: GITLAB_PATTERN, platform: 'gitlab', label: 'GitLab personal access token', personalAccessToken: true },
  ...GITLAB_OTHER.map(([kind, re, label]): TokenFormat => ({ kind, re, platform: 'gitlab', label: `${label} ${NOT_A_PAT}`, personalAccessToken: false })),
  { kind: 'brass-pat', re: BRASS_PATTERN, platform: 'brass', label: 'Brass personal access token', personalAccessToken: true },
];

/** One anchored pattern matching any of `res`. */
function anyOf(res: readonly RegExp[]): RegExp {
  return new RegExp(`^(?:${res.map((re) => re.source.slice(1, -1)).join('|')})$`);
}

const shapesOf = (platform: PlatformId): RegExp[] => TOKEN_SHAPES.filter((s) => s.platform === platform).map((s) => s.re);

/** Every GitHub form, for the preset's single `tokenPattern`. */
export const GITHUB_PATTERN = anyOf(shapesOf('github'));

/**
 * Each platform's token pattern (any of its formats), or null when its format is undocumented.
 * iObeya's is the JWT shape: an iObeya token is a JWT, though not every JWT is iObeya's.
 */
export const PRESET_TOKEN_PATTERNS: Readonly<Record<PlatformId, RegExp | null>> = {
  github: GITHUB_PATTERN,
  gitlab: anyOf(shapesOf('gitlab')),
  yeswehack: null,
  brass: BRASS_PATTERN,
  jelastic: null,
  iobeya: JWT_PATTERN,
  custom: null,
};
