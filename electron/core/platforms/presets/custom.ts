/**
 * User-defined platforms (PLATFORMS.md "Generic (custom) platform"): name, base URL, auth
 * scheme, optional check path with the status meaning "valid", optional https token page for
 * guided revoke. The definition's schema lives in shared/domain/custom-platform.ts (the app's
 * form and the vault use it too); `customPreset(def)` turns one into a PlatformPreset. No API
 * revoke, no rotate.
 */
import { customPlatformSchema, type CustomPlatformInput } from '../../../../shared/domain/custom-platform';
import { failureOutcome, rateLimitedOutcome, statusReason } from '../http';
import type { AuthScheme, CheckOutcome, ConnectorInput, PlatformPreset } from '../types';

export { customPlatformSchema, type CustomPlatformDef, type CustomPlatformInput } from '../../../../shared/domain/custom-platform';

/** A PlatformPreset from a user definition. Throws a ZodError when the definition is invalid. */
export function customPreset(input: CustomPlatformInput): PlatformPreset {
  const def = customPlatformSchema.parse(input);
  const auth: AuthScheme = def.auth;
  const checkPath = def.checkPath;

  const check = checkPath
    ? async ({ token, http }: ConnectorInput): Promise<CheckOutcome> => {
        try {
          const res = await http.request({ method: 'GET', path: checkPath });
          if (res.status === def.validStatus) return { result: 'active' };
          const limited = rateLimitedOutcome(res);
          if (limited !== null) return limited;
          if (res.status === 401 || res.status === 403) return { result: 'invalid', reason: statusReason(res, token) };
          if (res.status >= 500) return { result: 'unknown', reason: `server error ${res.status}` };
          return { result: 'unknown', reason: `status ${res.status}, expected ${def.validStatus}` };
        } catch (e) {
          return failureOutcome(e);
        }
      }
    : undefined;

  return {
    id: 'custom',
    name: def.name,
    defaultBaseUrl: def.baseUrl,
    auth,
    tokenPattern: null,
    tokenPageUrl: def.tokenPageUrl ?? null,
    scopeVocabulary: [],
    expiry: 'unknown',
    notes: [
      'User-defined platform: the app knows only what its definition says.',
      ...(checkPath ? [] : ['No check path: the token cannot be checked.']),
      def.tokenPageUrl ? 'Revoke is guided: open the token page, then confirm.' : 'Revoke is guided: revoke on the platform, then confirm.',
    ],
    ...(check ? { check } : {}),
  };
}
