/**
 * The backup channels: write the whole vault to a password-sealed file (save dialog), pick a
 * backup (open dialog, header read without a password), merge it into the unlocked vault or
 * preview the merge, and — on first run — restore it into a new vault that becomes the
 * session's, unlocked. Wrong password, damage or a foreign file: the AppErrors of
 * core/backup, and nothing changes.
 */
import { existsSync } from 'node:fs';
import { AppError } from '../../../../shared/errors';
import type { Response } from '../../../../shared/ipc/contract';
import { mergeBackup, readBackup, readBackupInfo, restoreBackupToNewVault, writeBackup } from '../../backup';
import { utcDay } from '../../reports/labels';
import { assertPassword } from '../../vault/key-wrap';
import { Vault } from '../../vault/vault';
import type { ValidRequest } from '../handlers';
import { describeFile } from './chosen-files';
import { ALL_FILES, BACKUP_FILTER, assertNotVaultFile, type FileFlowContext } from './context';

/**
 * Asks where to save, then writes the backup (replacing a file the dialog confirmed). The
 * read of every secret is audited by writeBackup before the file is written: a write that
 * then fails still shows as a backup in the log — the values were decrypted, and the log
 * errs on the side of saying so.
 */
export async function createBackup(ctx: FileFlowContext, { password }: ValidRequest<'backup.create'>): Promise<Response<'backup.create'>> {
  // Checked before the dialog, so a too-short password does not cost the user a file choice.
  assertPassword(password, 'Backup password');
  ctx.unlocked();
  const defaultName = `patvault-backup-${utcDay(ctx.clock.now())}.patvault-backup`;
  const path = await ctx.dialogs.saveFile({ title: 'Save a backup of the vault', defaultName, filters: [BACKUP_FILTER] });
  if (path === null) return { saved: false, path: null, tokens: 0, platforms: 0 };
  assertNotVaultFile(path, ctx.vaultPath);
  const r = await writeBackup(ctx.unlocked(), path, password, { kdf: ctx.kdf, overwrite: true, clock: ctx.clock });
  return { saved: true, path, tokens: r.tokens, platforms: r.platforms };
}

/** Picks a backup file and reads its authenticated header; a file that is not one gets no id. Works locked or with no vault. */
export async function chooseBackup(ctx: FileFlowContext): Promise<Response<'backup.choose'>> {
  const path = await ctx.dialogs.openFile({ title: 'Choose a PAT Vault backup', filters: [BACKUP_FILTER, ALL_FILES] });
  if (path === null) return null;
  const { createdAt } = readBackupInfo(path);
  const about = describeFile(path);
  return { fileId: ctx.files.add(path, 'backup'), ...about, createdAt: createdAt.toISOString() };
}

/** Merges the chosen backup into the unlocked vault (one transaction), or decides the same and writes nothing. */
export async function mergeChosenBackup(ctx: FileFlowContext, { fileId, password, dryRun }: ValidRequest<'backup.merge'>): Promise<Response<'backup.merge'>> {
  ctx.unlocked();
  const payload = await readBackup(ctx.files.path(fileId, 'backup'), password);
  // Checked again after the slow key derivation: the vault may have locked meanwhile.
  const summary = mergeBackup(ctx.unlocked(), payload, { dryRun });
  return { ...summary, dryRun };
}

/**
 * First run: the chosen backup into a new vault at the session's path, with a new master
 * password (the rules of vault.create), then opened and unlocked as the session's vault.
 * Refused when a vault file exists (merge into it instead).
 */
export async function restoreChosenBackup(ctx: FileFlowContext, req: ValidRequest<'backup.restoreNew'>): Promise<Response<'backup.restoreNew'>> {
  if (existsSync(ctx.vaultPath)) throw new AppError('VAULT_EXISTS', 'A vault already exists; unlock it and merge the backup into it instead.');
  const file = ctx.files.path(req.fileId, 'backup');
  // Reads (password checked, content verified) before anything is created; nothing is left on failure.
  const r = await restoreBackupToNewVault(file, req.password, ctx.vaultPath, req.newPassword, { kdf: ctx.kdf, clock: ctx.clock });
  const vault = Vault.open(ctx.vaultPath, { clock: ctx.clock });
  try {
    await vault.unlock(req.newPassword);
  } catch (e) {
    vault.close();
    throw e;
  }
  ctx.adopt(vault);
  return { tokens: r.tokens, platforms: r.platforms };
}
