/**
 * Preload: runs sandboxed before the page and is the only module that touches `ipcRenderer`
 * (lint enforces it). It exposes a frozen, typed `window.api`: one call per contract channel
 * and a listener per contract event — never ipcRenderer itself, which would let any script
 * in the page send anything to main.
 *
 * It imports only the channel name lists (shared/ipc/channels.ts), not the zod contract:
 * main validates every request, so the preload needs no schemas, and its bundle stays small.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { PatVaultApi } from '../../shared/ipc/api';
import type { Envelope } from '../../shared/ipc/contract';
import { isChannelName, isEventName } from '../../shared/ipc/channels';

// Injected by electron.vite.config.ts (`define`): a sandboxed preload cannot read package.json.
declare const __APP_VERSION__: string;

const failure = (code: string, message: string): Envelope<never> => ({ ok: false, error: { code, message } });

const api: PatVaultApi = {
  version: __APP_VERSION__,

  invoke(channel, request) {
    if (!isChannelName(channel)) return Promise.resolve(failure('BAD_INPUT', 'Unknown request.'));
    // Main's handlers answer with an envelope and never throw; a rejection means main had no
    // handler or went away, which the page should see as an error value too.
    return (ipcRenderer.invoke(channel, request) as Promise<never>).catch(() =>
      failure('INTERNAL', 'The app did not answer the request. Try again, or restart the app.'),
    );
  },

  on(event, listener) {
    if (!isEventName(event)) throw new TypeError('Unknown event.');
    if (typeof listener !== 'function') throw new TypeError('The listener must be a function.');
    // Only the payload reaches the page: the IpcRendererEvent carries `sender` (ipcRenderer).
    const forward = (_event: IpcRendererEvent, payload: unknown): void => listener(payload as never);
    ipcRenderer.on(event, forward);
    let subscribed = true;
    return () => {
      if (!subscribed) return;
      subscribed = false;
      ipcRenderer.removeListener(event, forward);
    };
  },
};

contextBridge.exposeInMainWorld('api', Object.freeze(api));
