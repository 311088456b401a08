/**
 * Platform operations from the app: check one, check all (with progress from main's
 * `tokens.checkProgress` events), revoke, rotate, and usage snippets. Results come back as
 * token views (never values) and replace the list's row. A password an operation needs lives
 * only in the confirmation dialog's own state and in the one call that uses it.
 */
import type { StateCreator } from 'zustand';
import type { PlatformInfo, TokenView } from '../api/types';
import type { Request, Response } from '../../../shared/ipc/contract';
import { STATUS_LABEL } from '../lib/format';
import { call, toUiError } from '../api/client';
import type { All } from './types';

/** Check-all progress. */
export interface CheckProgress {
  readonly done: number;
  readonly total: number;
}

export interface OpsSlice {
  /** Capabilities per platform; empty until loaded. */
  platforms: readonly PlatformInfo[];
  /** Ids being checked one by one (the Check button shows busy). */
  checkingIds: readonly string[];
  /** Set while check-all runs. */
  checkAllProgress: CheckProgress | null;
  loadPlatforms: () => Promise<void>;
  checkToken: (id: string) => Promise<void>;
  checkAll: () => Promise<void>;
  /** From main's events while check-all runs. */
  setCheckProgress: (p: CheckProgress) => void;
  /** Revokes; throws a UiError the dialog shows. */
  revokeToken: (req: Request<'tokens.revoke'>) => Promise<Response<'tokens.revoke'>>;
  /** Rotates; throws a UiError the dialog shows. Says when the platform capped the asked expiry. */
  rotateToken: (req: Request<'tokens.rotate'>) => Promise<Response<'tokens.rotate'>>;
  copySnippet: (id: string, kind: 'header' | 'curl') => Promise<void>;
}

export const createOpsSlice: StateCreator<All, [], [], OpsSlice> = (set, get) => {
  /** A token came back from main: update its row and, if shown, its details (audit gained a line). */
  const updated = (token: TokenView): void => {
    get().replaceToken(token);
    if (get().selectedId === token.id) void get().loadDetails(token.id);
  };
  return {
    platforms: [],
    checkingIds: [],
    checkAllProgress: null,
    loadPlatforms: async () => {
      try {
        set({ platforms: await call('platforms.list', {}) });
      } catch (e) {
        get().showError(toUiError(e).message);
      }
    },
    checkToken: async (id) => {
      set((s) => ({ checkingIds: [...s.checkingIds, id] }));
      try {
        const token = await call('tokens.check', { id });
        updated(token);
        const check = token.lastCheck;
        get().showToast(`Checked “${token.name}”: ${STATUS_LABEL[token.status]}${check?.reason ? ` (${check.reason})` : ''}`);
      } catch (e) {
        get().showError(toUiError(e).message);
      } finally {
        set((s) => ({ checkingIds: s.checkingIds.filter((x) => x !== id) }));
      }
    },
    checkAll: async () => {
      if (get().checkAllProgress !== null) return;
      set({ checkAllProgress: { done: 0, total: get().tokens.length } });
      try {
        const { checked } = await call('tokens.checkAll', {});
        await get().loadTokens();
        const id = get().selectedId;
        if (id !== null) void get().loadDetails(id);
        get().showToast(`Checked ${checked} token${checked === 1 ? '' : 's'}`);
      } catch (e) {
        get().showError(toUiError(e).message);
      } finally {
        set({ checkAllProgress: null });
      }
    },
    setCheckProgress: (p) => {
      if (get().checkAllProgress !== null) set({ checkAllProgress: p });
    },
    revokeToken: async (req) => {
      const r = await call('tokens.revoke', req);
      if (r.confirmed) updated(r.token);
      return r;
    },
    rotateToken: async (req) => {
      try {
        const r = await call('tokens.rotate', req);
        updated(r.token);
        return r;
      } catch (e) {
        // A rotation that failed may still have changed the token (marked "rotation
        // unconfirmed", or its last check): show what main now holds.
        if (toUiError(e).code === 'ROTATION_UNCONFIRMED') {
          await get().loadTokens();
          if (get().selectedId === req.id) void get().loadDetails(req.id);
        }
        throw e;
      }
    },
    copySnippet: async (id, kind) => {
      try {
        const { clearsInSeconds } = await call('tokens.copySnippet', { id, kind });
        get().showToast(`Copied ${kind === 'curl' ? 'curl command' : 'header'} — clears in ${clearsInSeconds} s`);
        if (get().selectedId === id) void get().loadDetails(id);
      } catch (e) {
        get().showError(toUiError(e).message);
      }
    },
  };
};
