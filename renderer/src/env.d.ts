// window.api is typed from the shared contract, the same type the preloads implement.
import type { PatVaultApi } from '../../shared/ipc/api';

declare global {
  interface Window {
    /** Set by the preload; absent when the renderer runs in a plain browser or in tests without a fake. */
    readonly api?: PatVaultApi;
  }
}

export {};
