/**
 * Stand-in for the `electron` module at its import boundary, for the IPC wiring test: the
 * main side's handler registry, the renderer side's invoke and listeners, and contextBridge,
 * joined in process. It keeps the rules of Electron's own IPC that the wiring depends on:
 *
 *   - one handler per channel (a second registration throws, as Electron's does);
 *   - invoking a channel with no handler rejects ("No handler registered for …");
 *   - arguments, answers and events are structured-cloned across, never shared;
 *   - a handler sees the event Electron gives it: `sender` (the web contents) and
 *     `senderFrame` (the frame that called), which a test chooses with `sendFrom`;
 *   - contextBridge hands the page the object the preload exposed, under its key.
 *
 * Windows and frames are plain objects with the fields main's sender check reads.
 */

/** A frame as main's sender check reads it. */
export interface FakeFrame {
  readonly processId: number;
  readonly frameToken: string;
  url: string;
  parent: FakeFrame | null;
  destroyed: boolean;
  isDestroyed(): boolean;
}

/** A window's web contents: its main frame, and `send` for main's events. */
export interface FakeWebContents {
  readonly mainFrame: FakeFrame;
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
}

/** A BrowserWindow, as far as the wiring uses one. */
export interface FakeWindow {
  readonly webContents: FakeWebContents;
  isDestroyed(): boolean;
}

type Handler = (event: { sender: FakeWebContents; senderFrame: FakeFrame | null }, ...args: unknown[]) => unknown;
type RendererListener = (event: { sender: unknown }, ...args: unknown[]) => void;

let nextId = 1;
const handlers = new Map<string, Handler>();
const listeners = new Map<string, Set<RendererListener>>();
const exposed = new Map<string, unknown>();
/** Every channel the page invoked, in order (also the ones main had no handler for). */
const invoked: string[] = [];
let sender: { contents: FakeWebContents; frame: FakeFrame | null } | null = null;

/** A frame in its own renderer process unless `processId` is given. */
export function makeFrame(url: string, o: { parent?: FakeFrame; processId?: number } = {}): FakeFrame {
  const frame: FakeFrame = {
    processId: o.processId ?? nextId++,
    frameToken: `frame-${nextId++}`,
    url,
    parent: o.parent ?? null,
    destroyed: false,
    isDestroyed: () => frame.destroyed,
  };
  return frame;
}

/** A window whose main frame shows `url`; its `send` delivers to the page's listeners. */
export function makeWindow(url: string): FakeWindow {
  const mainFrame = makeFrame(url);
  const webContents: FakeWebContents = {
    mainFrame,
    isDestroyed: () => false,
    send(channel, ...args) {
      for (const l of [...(listeners.get(channel) ?? [])]) l({ sender: rendererSide }, ...structuredClone(args));
    },
  };
  return { webContents, isDestroyed: () => false };
}

/** Which contents and frame the page's next calls come from. */
export function sendFrom(contents: FakeWebContents, frame: FakeFrame | null): void {
  sender = { contents, frame };
}

/** What the preload exposed on the page under `key`. */
export function exposedInMainWorld(key: string): unknown {
  return exposed.get(key);
}

/** The channels main has a handler for, and the channels the page invoked. */
export function ipcState(): { handled: string[]; invoked: readonly string[] } {
  return { handled: [...handlers.keys()], invoked };
}

const mainSide = {
  handle(channel: string, handler: Handler): void {
    if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    handlers.set(channel, handler);
  },
  removeHandler(channel: string): void {
    handlers.delete(channel);
  },
};

const rendererSide = {
  async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    invoked.push(channel);
    const handler = handlers.get(channel);
    if (handler === undefined) throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`);
    if (sender === null) throw new Error('the test chose no sender (sendFrom)');
    const answer = await handler({ sender: sender.contents, senderFrame: sender.frame }, ...structuredClone(args));
    return structuredClone(answer);
  },
  on(channel: string, listener: RendererListener): void {
    let set = listeners.get(channel);
    if (!set) listeners.set(channel, (set = new Set()));
    set.add(listener);
  },
  removeListener(channel: string, listener: RendererListener): void {
    listeners.get(channel)?.delete(listener);
  },
};

const contextBridge = {
  exposeInMainWorld(key: string, api: unknown): void {
    if (exposed.has(key)) throw new Error(`Cannot bind an API on top of an existing property on the window object: ${key}`);
    exposed.set(key, api);
  },
};

/** The module `vi.mock('electron', …)` returns: only what main's IPC and the preload import. */
export const electronModule = { ipcMain: mainSide, ipcRenderer: rendererSide, contextBridge };
