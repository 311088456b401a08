/**
 * The one main-process module that touches `ipcMain` (lint enforces it). Registers one
 * handler per contract channel, in one loop, each checking the sender before anything else;
 * validation, the call and error shaping are `dispatch`'s job (core, tested under Node).
 * Also the one place that sends events to the renderer, validated against the contract.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { CHANNELS, EVENTS, type Envelope, type EventName, type EventPayload } from '../../shared/ipc/contract';
import type { AppService } from '../core/app/app-service';
import { dispatch } from '../core/app/dispatch';
import { isTrustedSenderUrl, type RendererOrigin } from '../core/security/trusted-sender';

const UNTRUSTED: Envelope<never> = { ok: false, error: { code: 'BAD_INPUT', message: 'Request from an untrusted page.' } };

/**
 * True when the call comes from the main frame of our window's web contents, showing our
 * renderer page. Sub-frames, other windows and any other page are refused.
 */
function isTrustedSender(event: IpcMainInvokeEvent, win: BrowserWindow | null, origin: RendererOrigin): boolean {
  const frame = event.senderFrame;
  if (frame === null || frame.isDestroyed() || frame.parent !== null) return false;
  if (win === null || win.isDestroyed()) return false;
  const contents = win.webContents;
  if (event.sender !== contents) return false;
  const main = contents.mainFrame;
  // Compared by identity tokens, not object identity: Electron may hand out a new wrapper.
  if (frame.processId !== main.processId || frame.frameToken !== main.frameToken) return false;
  return isTrustedSenderUrl(frame.url, origin, { caseInsensitivePaths: process.platform === 'win32' });
}

/**
 * Registers every channel's handler. `getWindow` returns the current main window (it may be
 * recreated on macOS). Returns a function removing the handlers again.
 */
export function registerIpc(service: AppService, getWindow: () => BrowserWindow | null, origin: RendererOrigin): () => void {
  for (const channel of CHANNELS) {
    // Extra arguments are ignored: the contract has one request object per call.
    ipcMain.handle(channel, async (event, payload: unknown) => {
      if (!isTrustedSender(event, getWindow(), origin)) return UNTRUSTED;
      return dispatch(service, channel, payload);
    });
  }
  return () => {
    for (const channel of CHANNELS) ipcMain.removeHandler(channel);
  };
}

/**
 * Sends an event to the window's renderer after checking the payload against the contract
 * (so main can never push a shape — or a field — the contract does not allow). A closed
 * window, or an invalid payload, sends nothing.
 */
export function sendEvent<E extends EventName>(win: BrowserWindow | null, event: E, payload: EventPayload<E>): void {
  const checked = EVENTS[event].safeParse(payload);
  if (!checked.success) {
    console.error(`patvault: not sending event ${event}: its payload does not match the contract`);
    return;
  }
  if (win === null || win.isDestroyed() || win.webContents.isDestroyed()) return;
  win.webContents.send(event, checked.data);
}
