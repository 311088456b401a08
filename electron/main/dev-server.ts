/** Where the renderer comes from: the Vite dev server in `electron-vite dev`, files otherwise. */
import { app } from 'electron';

/**
 * The dev server URL, only for an unpackaged app: a packaged build must never load code from
 * a URL an environment variable names.
 */
export function devServerUrl(): string | undefined {
  if (app.isPackaged) return undefined;
  const url = process.env['ELECTRON_RENDERER_URL'];
  return url !== undefined && url !== '' ? url : undefined;
}
