/** What each platform can do, for `platforms.list`. */
import type { Response } from '../../../shared/ipc/contract';
import { PLATFORMS } from '../../../shared/domain/platform-ids';
import { tokenPageFor } from '../../../shared/domain/token-pages';
import { listPresets } from '../platforms/registry';

/**
 * Every platform with its capabilities. Custom platforms: checked when their definition has a
 * check path (the result says so otherwise), guided revoke, no rotate; the definition gives
 * the base URL.
 */
export function platformInfos(): Response<'platforms.list'> {
  const byId = new Map(listPresets().map((p) => [p.id, p]));
  return PLATFORMS.map(({ id, name }) => {
    const p = byId.get(id);
    return {
      id,
      name: p?.name ?? name,
      check: id === 'custom' || p?.check !== undefined,
      revoke: p?.revoke ? ('api' as const) : ('guided' as const),
      rotate: p?.rotate !== undefined,
      needsPassword: { revoke: p?.revoke?.needsPassword ?? false, rotate: p?.rotate?.needsPassword ?? false },
      acceptsLogin: { revoke: p?.revoke?.acceptsLogin ?? false, rotate: p?.rotate?.acceptsLogin ?? false },
      rotateExpiry: p?.rotate?.takesExpiry === true,
      needsBaseUrl: id === 'custom' ? false : p ? p.defaultBaseUrl === null : true,
      // The page without an account: the fixed one, or the default host's (per-account pages are per token).
      tokenPageUrl: id === 'custom' ? null : (tokenPageFor(id, null)?.url ?? null),
    };
  });
}
