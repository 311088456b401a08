/**
 * `window.api` for renderer tests, over the real core (backend.ts) — what the preload and
 * main's IPC do, in process: each request is structured-cloned across, as IPC does, and
 * handed to `dispatch`; each event main emits is checked against the contract (as main's
 * sendEvent does) before a clone reaches the page. Every call is recorded with its answer.
 *
 * The only thing it adds is fault injection: `failNext` makes main refuse one call with a
 * given error, for tests about how the page shows an error the real core cannot be made to
 * give on this machine (a busy vault, a token history changed by another session meanwhile).
 */
import { isChannelName, isEventName } from '../../../shared/ipc/channels';
import type { PatVaultApi } from '../../../shared/ipc/api';
import { EVENTS, type Channel, type Envelope } from '../../../shared/ipc/contract';
import type { Backend } from './backend';

/** One call the page made. */
export interface ApiCall {
  readonly channel: Channel;
  readonly request: unknown;
  /** Main's answer, once it came. */
  response?: Envelope<unknown>;
}

/** The page's api, with what tests look at. */
export interface TestApi extends PatVaultApi {
  /** Every call, in order. */
  readonly calls: ApiCall[];
  /** Makes the next call to `channel` fail with this error instead of reaching the core. */
  failNext(channel: Channel, code: string, message: string): void;
  /** Runs `fn` as each call leaves the page (what a native dialog does to focus, say). */
  onCall(fn: (channel: Channel) => void): void;
}

/** Builds the api over `backend`. */
export function createWindowApi(backend: Backend): TestApi {
  const failures = new Map<Channel, { code: string; message: string }>();
  const hooks: ((channel: Channel) => void)[] = [];
  const calls: ApiCall[] = [];

  const api: TestApi = {
    version: '0.0.0-test',
    calls,
    async invoke(channel, request) {
      // As the preload: an unknown name never reaches main.
      if (!isChannelName(channel)) return { ok: false, error: { code: 'BAD_INPUT', message: 'Unknown request.' } };
      const call: ApiCall = { channel, request: structuredClone(request) };
      calls.push(call);
      for (const fn of hooks) fn(channel);
      const failure = failures.get(channel);
      failures.delete(channel);
      const answer = failure ? { ok: false as const, error: failure } : await backend.dispatch(channel, structuredClone(request));
      call.response = answer;
      return structuredClone(answer) as never;
    },
    on(event, listener) {
      if (!isEventName(event)) throw new TypeError('Unknown event.');
      return backend.listen((name, payload) => {
        if (name !== event) return;
        const checked = EVENTS[event].safeParse(payload);
        if (checked.success) listener(structuredClone(checked.data) as never);
      });
    },
    failNext(channel, code, message) {
      failures.set(channel, { code, message });
    },
    onCall(fn) {
      hooks.push(fn);
    },
  };
  return api;
}

/** Puts `api` on `window` (replacing any earlier one). */
export function installWindowApi(api: TestApi): void {
  Object.defineProperty(window, 'api', { value: api, configurable: true, writable: false });
}

/** Removes `window.api`. */
export function removeWindowApi(): void {
  Reflect.deleteProperty(window, 'api');
}
