/**
 * The app:// scheme in Electron: registered as privileged (standard, secure) before `ready`,
 * then answered from the built renderer folder only (core/security/app-protocol.ts decides
 * what is served, with the CSP header on every response).
 */
import type { Protocol, Session } from 'electron';
import { APP_SCHEME, appProtocolResponse } from '../core/security/app-protocol';
import { rendererRoot } from './renderer-origin';

/** Before `ready`: app:// behaves like https (standard URL parsing, a secure context). */
export function registerAppScheme(protocol: Protocol): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/** After `ready`: serves app://pat-vault/… from out/renderer, and nothing else. */
export function registerAppProtocol(session: Session): void {
  const root = rendererRoot();
  session.protocol.handle(APP_SCHEME, (request) => {
    const r = appProtocolResponse(root, { method: request.method, url: request.url });
    return new Response(r.body === null ? null : new Uint8Array(r.body), { status: r.status, headers: r.headers });
  });
}
