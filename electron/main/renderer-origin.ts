/** Where the renderer page is loaded from, in one place for the window and the IPC sender check. */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RendererOrigin } from '../core/security/trusted-sender';

/** The built renderer's index.html (out/renderer, beside out/main). */
export function rendererIndexPath(): string {
  return join(__dirname, '../renderer/index.html');
}

/** The origin IPC senders must come from: the dev server when given, else the built file. */
export function rendererOrigin(devUrl: string | undefined): RendererOrigin {
  return devUrl !== undefined
    ? { kind: 'dev', url: devUrl }
    : { kind: 'file', indexUrl: pathToFileURL(rendererIndexPath()).href };
}
