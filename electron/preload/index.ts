/**
 * Preload: runs sandboxed before the page, and is the only bridge between page and main.
 * It exposes a small typed object; exposing ipcRenderer itself would let any script in the
 * page send any message to main.
 */
import { contextBridge } from 'electron';
import type { PreloadApi } from './api';

// Injected by electron.vite.config.ts (`define`): a sandboxed preload cannot read package.json.
declare const __APP_VERSION__: string;

const api: PreloadApi = Object.freeze({ version: __APP_VERSION__ });

contextBridge.exposeInMainWorld('api', api);
