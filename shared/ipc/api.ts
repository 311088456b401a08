/**
 * The shape of `window.api`: a typed door onto the contract's channels, never a generic
 * ipcRenderer. Built by the real preload (over ipcRenderer.invoke, one IPC channel per
 * contract channel) and by the e2e test preload (over the loopback bridge).
 */
import type { Channel, Envelope, EventName, EventPayload, Request, Response } from './contract';

/** What the page can call. */
export interface PatVaultApi {
  /** App version, fixed at build time. */
  readonly version: string;
  /** Calls one contract channel; resolves to a value or an error, never rejects for app errors. */
  invoke<C extends Channel>(channel: C, request: Request<C>): Promise<Envelope<Response<C>>>;
  /** Subscribes to an event from main; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}
