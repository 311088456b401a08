/**
 * The app's file flows — inventory export, backup and restore, import — behind their eight
 * channels. Paths only ever come from the host's FileDialogs (Electron's dialog in the app, a
 * test double in the e2e bridge); the renderer gets opaque ids for them.
 */
import { AppError } from '../../../../shared/errors';
import type { Channel } from '../../../../shared/ipc/contract';
import type { FileDialogs } from '../../ports';
import type { Handlers } from '../handlers';
import { chooseBackup, createBackup, mergeChosenBackup, restoreChosenBackup } from './backup-flow';
import { ChosenFiles } from './chosen-files';
import type { FileFlowContext } from './context';
import { saveInventory } from './export-flow';
import { ImportPlans, applyImport, chooseImport, previewChosenImport } from './import-flow';

/** The channels served here: every contract channel of these three areas. */
export type FileChannel = Extract<Channel, `reports.${string}` | `backup.${string}` | `import.${string}`>;

/** The session's chosen files and import plan, and the handlers using them. */
export class FileFlows {
  private readonly files = new ChosenFiles();
  private readonly plans = new ImportPlans();
  readonly handlers: Pick<Handlers, FileChannel>;

  /** `ctx` without dialogs (a host that has none): every file channel answers BAD_INPUT. */
  constructor(dialogs: FileDialogs | undefined, ctx: Omit<FileFlowContext, 'dialogs' | 'files'>) {
    const withDialogs = (): FileFlowContext => {
      if (dialogs === undefined) throw new AppError('BAD_INPUT', 'File dialogs are not available here.');
      return { ...ctx, dialogs, files: this.files };
    };
    this.handlers = {
      'reports.export': async (req) => saveInventory(withDialogs(), req),
      'backup.create': async (req) => createBackup(withDialogs(), req),
      'backup.choose': async () => chooseBackup(withDialogs()),
      'backup.merge': async (req) => mergeChosenBackup(withDialogs(), req),
      'backup.restoreNew': async (req) => restoreChosenBackup(withDialogs(), req),
      'import.choose': async (req) => chooseImport(withDialogs(), req),
      'import.preview': async (req) => previewChosenImport(withDialogs(), this.plans, req),
      'import.apply': async (req) => applyImport(withDialogs(), this.plans, req),
    };
  }

  /** Forgets every chosen file and the import plan (lock, quit): ids handed out before no longer work. */
  forget(): void {
    this.files.clear();
    this.plans.clear();
  }

  /** How many chosen-file ids are held (tests). */
  get chosenCount(): number {
    return this.files.size;
  }
}
