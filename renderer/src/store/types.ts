/** The shape of the whole store, built from one slice per concern. */
import type { SessionSlice } from './session-slice';
import type { TokensSlice } from './tokens-slice';
import type { DetailSlice } from './detail-slice';
import type { SettingsSlice } from './settings-slice';
import type { UiSlice } from './ui-slice';
import type { OpsSlice } from './ops-slice';
import type { CustomPlatformsSlice } from './custom-platforms-slice';
import type { FileFlowsSlice } from './file-flows-slice';

/** Every slice together: what `useStore` holds. */
export type All = SessionSlice & TokensSlice & DetailSlice & SettingsSlice & UiSlice & OpsSlice & CustomPlatformsSlice & FileFlowsSlice;
