/**
 * The platforms the vault knows by id. Connectors (check/revoke/rotate) live in the core's
 * platform presets; this list only names them, so shared code, the CLI and the renderer agree
 * on ids. `custom` is a user-defined platform.
 */
export const PLATFORMS = [
  { id: 'github', name: 'GitHub' },
  { id: 'gitlab', name: 'GitLab' },
  { id: 'yeswehack', name: 'YesWeHack' },
  { id: 'brass', name: 'Brass' },
  { id: 'jelastic', name: 'Jelastic / Virtuozzo' },
  { id: 'iobeya', name: 'iObeya' },
  { id: 'custom', name: 'Custom platform' },
] as const;

/** A known platform id. */
export type PlatformId = (typeof PLATFORMS)[number]['id'];

/** Ids, for validation and help texts. */
export const PLATFORM_IDS: readonly PlatformId[] = PLATFORMS.map((p) => p.id);

/** True when `id` names a known platform. */
export function isPlatformId(id: string): id is PlatformId {
  return (PLATFORM_IDS as readonly string[]).includes(id);
}
