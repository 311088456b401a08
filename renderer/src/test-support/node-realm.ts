/**
 * Puts Node's own `Uint8Array` and `ArrayBuffer` back on the global object. Vitest's jsdom
 * environment replaces them with jsdom's (another realm), so every Buffer that better-sqlite3
 * and node:crypto hand the real core fails `instanceof Uint8Array`, and the vault reads its
 * own file as damaged. A page and its code share one realm in a browser; restoring Node's
 * makes the renderer and the core agree again. The renderer itself uses no typed arrays.
 * Import this before any core module runs (the backend harness imports it first).
 */
const nodeUint8Array = Object.getPrototypeOf(Buffer.prototype).constructor as typeof Uint8Array;
const nodeArrayBuffer = Buffer.alloc(1).buffer.constructor as typeof ArrayBuffer;

Object.assign(globalThis, { Uint8Array: nodeUint8Array, ArrayBuffer: nodeArrayBuffer });
