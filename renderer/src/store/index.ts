/** The one bound store, made of slices; `resetStore` puts it back as new (tests, lock). */
import { create } from 'zustand';
import { resetAttentionMemo } from './attention';
import { createCustomPlatformsSlice } from './custom-platforms-slice';
import { createDetailSlice } from './detail-slice';
import { createFileFlowsSlice } from './file-flows-slice';
import { createOpsSlice } from './ops-slice';
import { resetSelectorMemos } from './selectors';
import { createSessionSlice } from './session-slice';
import { createSettingsSlice } from './settings-slice';
import { createTokensSlice } from './tokens-slice';
import type { All } from './types';
import { createUiSlice } from './ui-slice';

/** The app's state and actions. Read it with narrow selectors: `useStore((s) => s.query)`. */
export const useStore = create<All>()((...a) => ({
  ...createSessionSlice(...a),
  ...createTokensSlice(...a),
  ...createDetailSlice(...a),
  ...createSettingsSlice(...a),
  ...createUiSlice(...a),
  ...createOpsSlice(...a),
  ...createCustomPlatformsSlice(...a),
  ...createFileFlowsSlice(...a),
}));

const initialState = useStore.getState();

/** Back to the state of a fresh start (tests call it between cases). */
export function resetStore(): void {
  useStore.getState().clearDetail();
  useStore.setState(initialState, true);
  resetSelectorMemos();
  resetAttentionMemo();
}

export type { All } from './types';
