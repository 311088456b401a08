/** Where the renderer page is loaded from, in one place for the window and the IPC sender check. */
import { dirname, join } from 'node:path';
import { APP_INDEX_URL } from '../core/security/app-protocol';
import type { RendererOrigin } from '../core/security/trusted-sender';

/** The built renderer's index.html (out/renderer, beside out/main). */
export function rendererIndexPath(): string {
  return join(__dirname, '../renderer/index.html');
}

/** The folder the app:// scheme serves (out/renderer), and nothing outside it. */
export function rendererRoot(): string {
  return dirname(rendererIndexPath());
}

/** The URL the window loads: the dev server when given, else the built page over app://. */
export function rendererUrl(devUrl: string | undefined): string {
  return devUrl ?? APP_INDEX_URL;
}

/** The origin IPC senders must come from: the dev server when given, else the app:// page. */
export function rendererOrigin(devUrl: string | undefined): RendererOrigin {
  return devUrl !== undefined ? { kind: 'dev', url: devUrl } : { kind: 'app', indexUrl: APP_INDEX_URL };
}
