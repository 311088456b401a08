/**
 * The e2e stand-in for electron/preload: runs in the page (via playwright's addInitScript,
 * before any page script) and defines `window.api` — the same PatVaultApi shape the real
 * preload exposes — forwarding every call to the loopback bridge's /rpc and /events routes
 * (scripts/e2e/bridge-api-routes.ts).
 *
 * Bundled by esbuild to an IIFE string at test time (see page-builds.ts `testPreloadSource`); the
 * bridge token is passed in as an argument, never fetched. Like contextBridge's object, the
 * api is frozen and `window.api` cannot be replaced. Nothing else is added to the page.
 *
 * Written against a few browser globals declared here, because scripts/ is type-checked
 * with Node's libs (no DOM).
 */
import type { PatVaultApi } from '../../shared/ipc/api';
import type { Envelope } from '../../shared/ipc/contract';

/** What the harness passes in. */
export interface TestPreloadConfig {
  /** The bridge's one-time token. */
  readonly token: string;
  /** Header name for it. */
  readonly header: string;
  /** What `window.api.version` reports. */
  readonly version: string;
}

interface StreamReader {
  read(): Promise<{ done: boolean; value?: Uint8Array }>;
}
interface BrowserGlobals {
  fetch(url: string, init: Record<string, unknown>): Promise<{ ok: boolean; status: number; json(): Promise<unknown>; body: { getReader(): StreamReader } | null }>;
  setTimeout(fn: () => void, ms: number): unknown;
  TextDecoder: new () => { decode(b?: Uint8Array, o?: { stream: boolean }): string };
}

/** Installs `window.api`. */
export function install(config: TestPreloadConfig): void {
  const g = globalThis as unknown as BrowserGlobals & { api?: unknown };
  const headers = { [config.header]: config.token };
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let streaming = false;

  const failure = (message: string): Envelope<never> => ({ ok: false, error: { code: 'INTERNAL', message } });

  const invoke = async (channel: string, request: unknown): Promise<Envelope<unknown>> => {
    try {
      const res = await g.fetch('/rpc', {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ channel, request: request ?? {} }),
        credentials: 'omit',
        cache: 'no-store',
      });
      if (!res.ok) return failure(`bridge answered HTTP ${res.status}`);
      return (await res.json()) as Envelope<unknown>;
    } catch {
      return failure('The app core is not reachable.');
    }
  };

  const deliver = (event: string, data: string): void => {
    let payload: unknown;
    try {
      payload = JSON.parse(data);
    } catch {
      return;
    }
    for (const l of [...(listeners.get(event) ?? [])]) {
      try {
        l(payload);
      } catch {
        // a listener's failure must not stop the others
      }
    }
  };

  /** Reads the SSE stream with fetch (headers allowed, unlike EventSource); reconnects. */
  const stream = async (): Promise<void> => {
    for (;;) {
      try {
        const res = await g.fetch('/events', { headers, credentials: 'omit', cache: 'no-store' });
        if (!res.ok || !res.body) throw new Error('no stream');
        const reader = res.body.getReader();
        const decoder = new g.TextDecoder();
        let buf = '';
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          buf += decoder.decode(value, { stream: true });
          let cut: number;
          while ((cut = buf.indexOf('\n\n')) >= 0) {
            const frame = buf.slice(0, cut);
            buf = buf.slice(cut + 2);
            let event = 'message';
            const data: string[] = [];
            for (const line of frame.split('\n')) {
              if (line.startsWith('event:')) event = line.slice(6).trim();
              else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
            }
            if (data.length) deliver(event, data.join('\n'));
          }
        }
      } catch {
        // bridge gone or page unloading: retry below
      }
      await new Promise<void>((ok) => g.setTimeout(ok, 500));
    }
  };

  const on = (event: string, listener: (payload: unknown) => void): (() => void) => {
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    set.add(listener);
    if (!streaming) {
      streaming = true;
      void stream();
    }
    return () => {
      listeners.get(event)?.delete(listener);
    };
  };

  const api = Object.freeze({ version: config.version, invoke, on }) as unknown as PatVaultApi;
  Object.defineProperty(g, 'api', { value: api, writable: false, configurable: false, enumerable: true });
}
