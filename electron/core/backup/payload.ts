/**
 * What a backup holds once decrypted: JSON, checked with zod before anything uses it. The
 * records are the vault's own (records.ts), so a backup restores every field.
 */
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { checkRecordLinks, portableRecordsShape, type PortableRecords } from './records';
import { damagedBackup } from './format';

/** Payload format this build writes and reads. */
export const PAYLOAD_FORMAT = 1;

/** The decrypted payload. */
export const backupPayload = z
  .strictObject({
    format: z.literal(PAYLOAD_FORMAT),
    /** Id of the vault it was taken from (random, names nothing). */
    vaultId: z.string().regex(/^[0-9a-f]{32}$/),
    exportedAt: z.iso.datetime(),
    ...portableRecordsShape,
  })
  .superRefine(checkRecordLinks);

/** A checked backup payload. */
export type BackupPayload = z.output<typeof backupPayload>;

/** The payload for a vault's records. */
export function makePayload(vaultId: string, exportedAt: Date, records: PortableRecords): BackupPayload {
  return { format: PAYLOAD_FORMAT, vaultId, exportedAt: exportedAt.toISOString(), ...records } as BackupPayload;
}

/** Decrypted bytes → checked payload. Messages name the place of a problem, never content. */
export function decodePayload(plain: Buffer, file: string): BackupPayload {
  let raw: unknown;
  try {
    raw = JSON.parse(plain.toString('utf8'));
  } catch {
    throw damagedBackup('content is not readable', file);
  }
  const format = (raw as { format?: unknown } | null)?.format;
  if (typeof format === 'number' && format > PAYLOAD_FORMAT) {
    throw new AppError(
      'VAULT_TOO_NEW',
      `${file} was written by a newer version of PAT Vault (content format ${format}; this version reads ${PAYLOAD_FORMAT}). Update PAT Vault to restore it.`,
    );
  }
  const r = backupPayload.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0];
    const where = issue?.path.join('.') || 'top level';
    // The payload authenticated, so it was written by PAT Vault: fields this build does not
    // know come from a newer version (records gain optional fields), not from damage.
    if (issue?.code === 'unrecognized_keys') {
      throw new AppError(
        'VAULT_TOO_NEW',
        `${file} holds fields this version of PAT Vault does not know (at ${where}): it was written by a newer version. Update PAT Vault to restore it.`,
      );
    }
    throw damagedBackup(`invalid content at ${where}`, file);
  }
  return r.data;
}
