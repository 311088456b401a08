/** Backup and restore of a whole vault in one password-protected file (README.md). */
export { readBackup, readBackupInfo, writeBackup, type BackupResult, type WriteBackupOptions } from './backup-file';
export { BACKUP_FORMAT, BACKUP_MAX_BYTES } from './format';
export { PAYLOAD_FORMAT, type BackupPayload } from './payload';
export {
  mergeBackup,
  restoreBackupToNewVault,
  restorePayloadToNewVault,
  type MergeOptions,
  type RestoreOptions,
  type RestoreResult,
} from './restore';
export type { MergeConflict, MergeSummary, PortableRecords } from './records';
export { VaultBackup } from './vault-backup';
