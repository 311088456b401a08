/**
 * The shape of `window.api` now lives in shared/ipc/api.ts (PatVaultApi), next to the contract
 * it is built from. Kept as a re-export for code that still imports it from here.
 */
export type { PatVaultApi, PatVaultApi as PreloadApi } from '../../shared/ipc/api';
