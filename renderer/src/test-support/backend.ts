/**
 * The real app core for renderer tests: an AppService over a vault in a fresh temp folder
 * (real SQLite, real crypto with the KDF at its floor; made by core's app-under-test.ts, as the
 * e2e bridge's is), reached only through `dispatch` — the function main's IPC handlers and the
 * e2e bridge call. Only the machine's edges are doubles: the clipboard, the keychain, the
 * system's file dialogs, the browser that opens token pages, and the platforms' HTTP
 * (platform-web.ts).
 */
import './node-realm';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppService } from '../../../electron/core/app/app-service';
import { dispatch } from '../../../electron/core/app/dispatch';
import { MemoryKeyProtector } from '../../../electron/core/keychain/memory-protector';
import { createHostLimiter } from '../../../electron/core/platforms/http';
import type { FileDialogs } from '../../../electron/core/ports';
import { createAppUnderTest } from '../../../electron/core/test-support/app-under-test';
import { FakeClipboard } from '../../../electron/core/test-support/fake-clipboard';
import type { Channel, Envelope, EventName, EventPayload, Request, Response } from '../../../shared/ipc/contract';
import { PlatformWeb } from './platform-web';

/**
 * Main's system file dialogs. Each answer stays until a test changes it: `savePath` undefined
 * saves under the offered name in the backend's temp folder; null is "the user cancelled".
 */
export class FileDialogsDouble implements FileDialogs {
  savePath: string | null | undefined = undefined;
  /** What the open dialog (backup or import file) answers. */
  openPath: string | null = null;

  constructor(private readonly dir: string) {}

  async saveFile(o: { defaultName: string }): Promise<string | null> {
    return this.savePath === undefined ? join(this.dir, o.defaultName) : this.savePath;
  }

  async openFile(): Promise<string | null> {
    return this.openPath;
  }
}

type Listener = (event: EventName, payload: unknown) => void;

/** A running core with its doubles. */
export interface Backend {
  /** The temp folder: vault, settings, and files the test writes or the app saves. */
  readonly dir: string;
  readonly vaultPath: string;
  readonly service: AppService;
  readonly web: PlatformWeb;
  readonly dialogs: FileDialogsDouble;
  readonly keyProtector: MemoryKeyProtector;
  readonly clipboard: FakeClipboard;
  /** Pages the core asked the browser to open, in order (it builds them from the stored account). */
  readonly openedPages: string[];
  /** Calls a channel as main's IPC does (response checked against the contract). */
  dispatch(channel: Channel, request: unknown): Promise<Envelope<unknown>>;
  /** Calls a channel and returns its value; a refusal throws (for seeding and checks). */
  call<C extends Channel>(channel: C, request: Request<C>): Promise<Response<C>>;
  /**
   * Whether `password` unlocks the vault file, asked of a second session on the same file
   * (as the CLI beside the app would be), so this session's state is untouched.
   */
  passwordOpens(password: string): Promise<boolean>;
  /** Subscribes to the events the core emits. */
  listen(listener: Listener): () => void;
  /** Locks and closes the vault, restores fetch, removes the folder. */
  dispose(): Promise<void>;
}

/** The master password tests create vaults with. */
export const TEST_PASSWORD = 'correct horse battery';

/** Starts a core with no vault yet. */
export function startBackend(): Backend {
  const dir = mkdtempSync(join(tmpdir(), 'patvault-ui-'));
  const web = new PlatformWeb();
  const restoreFetch = web.install();
  const dialogs = new FileDialogsDouble(dir);
  const clipboard = new FakeClipboard(false);
  const openedPages: string[] = [];
  const listeners = new Set<Listener>();
  const { vaultPath, service, settings, keyProtector } = createAppUnderTest(dir, {
    clipboard,
    emit: <E extends EventName>(event: E, payload: EventPayload<E>) => {
      for (const l of listeners) l(event, payload);
    },
    dialogs,
    openTokenPage: (url) => {
      openedPages.push(url);
      return true;
    },
    // A fresh limiter per test, short timeouts and no waiting out rate limits.
    platformOps: { limiter: createHostLimiter(), timeoutMs: 5000, retryBudgetMs: 0 },
  });

  const run = (channel: Channel, request: unknown) => dispatch(service, channel, request, { checkResponse: true });
  return {
    dir,
    vaultPath,
    service,
    web,
    dialogs,
    keyProtector,
    clipboard,
    openedPages,
    dispatch: run,
    async call<C extends Channel>(channel: C, request: Request<C>): Promise<Response<C>> {
      const r = await run(channel, request);
      if (!r.ok) throw new Error(`${channel} was refused: ${r.error.code} ${r.error.message}`);
      return r.value as Response<C>;
    },
    async passwordOpens(password) {
      const other = new AppService({ vaultPath, settings, clipboard: new FakeClipboard(false), keyProtector: new MemoryKeyProtector(), emit: () => undefined });
      try {
        return (await dispatch(other, 'vault.unlock', { password })).ok;
      } finally {
        await other.dispose();
      }
    },
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async dispose() {
      listeners.clear();
      await service.dispose();
      restoreFetch();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
