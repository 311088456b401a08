/**
 * The plaintext the safeStorage adapter encrypts: a versioned label, the vault id and the
 * secret. No 'electron' import, so it is unit-tested under Node.
 *
 * Why not the bare secret: safeStorage uses one key for the whole app, so a blob copied from
 * another vault's file would decrypt fine. Binding the vault id makes recover() refuse it,
 * and the label lets the format change later without guessing.
 */

const LABEL = 'patvault/safe-storage/v1';
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Builds the string to encrypt for `vaultId`. safeStorage takes strings, hence base64. */
export function encodeSafeStoragePayload(vaultId: string, secret: Buffer): string {
  if (vaultId === '' || vaultId.includes('\n')) throw new Error('vault id must be one non-empty line');
  return `${LABEL}\n${vaultId}\n${secret.toString('base64')}`;
}

/**
 * Returns the secret if `payload` is a v1 payload for `vaultId`, otherwise null (wrong
 * vault, other format, damaged) — the caller turns null into its own error.
 */
export function decodeSafeStoragePayload(vaultId: string, payload: string): Buffer | null {
  const parts = payload.split('\n');
  if (parts.length !== 3) return null;
  const [label, id, b64] = parts as [string, string, string];
  if (label !== LABEL || id !== vaultId) return null;
  if (b64 === '' || b64.length % 4 !== 0 || !BASE64.test(b64)) return null;
  return Buffer.from(b64, 'base64');
}
