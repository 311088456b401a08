// window.api is typed from the preload's own declaration, so the two cannot disagree.
import type { PreloadApi } from '../../electron/preload/api';

declare global {
  interface Window {
    /** Set by electron/preload; absent when the renderer runs in a plain browser or in tests. */
    readonly api?: PreloadApi;
  }
}

export {};
