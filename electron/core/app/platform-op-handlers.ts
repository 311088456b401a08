/** Channels that call a token's platform: check one or all, revoke, rotate. */
import { AppError } from '../../../shared/errors';
import { RotationNotSaved } from '../platforms/rotation-recovery';
import { rotateToken } from '../platforms/rotate-token';
import { checkToken, checkTokens, revokeToken } from '../platforms/token-ops';
import type { HandlerContext } from './handler-context';
import type { Handlers } from './handlers';

/** tokens.check, tokens.checkAll, tokens.revoke, tokens.rotate. */
export function platformOpHandlers(s: HandlerContext) {
  const d = s.deps;
  return {
    'tokens.check': async ({ id, programSlug, platformTokenId }) => {
      const extra = { ...(programSlug !== undefined ? { programSlug } : {}), ...(platformTokenId !== undefined ? { platformTokenId } : {}) };
      return checkToken(s.unlocked(), id, Object.keys(extra).length > 0 ? extra : undefined, s.ops());
    },
    'tokens.checkAll': async () => {
      const v = s.unlocked();
      const ids = v.tokens.list().map((t) => t.id);
      d.emit('tokens.checkProgress', { done: 0, total: ids.length });
      const results = await checkTokens(v, ids, {
        ...s.ops(),
        onProgress: (done, total) => d.emit('tokens.checkProgress', { done, total }),
      });
      return { checked: results.length };
    },
    'tokens.revoke': async ({ id, password, login, confirmedGuided }) => {
      // The password (and login) go to the connector once and are dropped with this call's scope.
      const extra = {
        ...(password !== undefined ? { password } : {}),
        ...(login !== undefined ? { login } : {}),
        ...(confirmedGuided !== undefined ? { confirmedGuided } : {}),
      };
      const r = await revokeToken(s.unlocked(), id, extra, s.ops());
      return r.mode === 'api'
        ? { mode: 'api' as const, token: r.view, pageUrl: null, confirmed: true, reason: null }
        : { mode: 'guided' as const, token: r.view, pageUrl: r.pageUrl, confirmed: r.confirmed, reason: r.reason };
    },
    'tokens.rotate': async ({ id, password, login, expiresAt }) => {
      try {
        // The password (and login) go to the connector once and are dropped with this call's scope.
        const extra = {
          ...(password !== undefined ? { password } : {}),
          ...(login !== undefined ? { login } : {}),
          ...(expiresAt !== undefined ? { expiresAt } : {}),
        };
        const r = await rotateToken(s.unlocked(), id, Object.keys(extra).length > 0 ? extra : undefined, s.ops());
        return { token: r.view, expiryCapped: r.expiryCapped };
      } catch (e) {
        if (!(e instanceof RotationNotSaved)) throw e;
        s.keepPendingRotation(e);
        throw new AppError(
          'ROTATION_NOT_SAVED',
          `${e.message}. PAT Vault keeps the new value in memory and saves it as soon as the vault is unlocked: do not quit until then.`,
        );
      }
    },
  } satisfies Partial<Handlers>;
}
