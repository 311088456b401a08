/**
 * The file flows of the fake `window.api`: export, backup, restore/merge and import. Main's
 * system file dialogs are replaced by answers a test sets on `api.dialogs` (a path or a file,
 * or null for "the user cancelled"). Just enough of the core's rules to drive the UI: backup
 * password checked, damaged file refused, merge by id or value with the later change winning,
 * an import plan kept "in main" and referred to by id.
 */
import type { AuditAction } from '../../../shared/domain/token';
import type { Request, Response } from '../../../shared/ipc/contract';
import type { TokenView } from '../api/types';
import { Fail, makeToken, type StoredToken } from './fake-fixtures';

/** A backup file the fake open dialog can pick. */
export interface FakeBackupFile {
  readonly fileName: string;
  /** When it was written (ISO). */
  readonly createdAt: string;
  readonly sizeBytes?: number;
  /** Its backup password. */
  readonly password: string;
  /** Reading it fails as a damaged file would. */
  readonly damaged?: boolean;
  /** The tokens in it (ids matter: the same id as a vault token is the same token). */
  readonly tokens: readonly (Partial<TokenView> & { value?: string })[];
  readonly platforms?: number;
}

/** One row of an import file, as the preview would show it (account/client may come from the options). */
export type FakeImportRow = Omit<Response<'import.preview'>['rows'][number], 'account' | 'client' | 'detectedPlatform'> &
  Partial<Pick<Response<'import.preview'>['rows'][number], 'account' | 'client' | 'detectedPlatform'>>;

/** A file the fake import dialog can pick. */
export interface FakeImportFile {
  readonly fileName: string;
  readonly sizeBytes?: number;
  /** CSV: the header row. */
  readonly headers?: readonly string[];
  /** CSV: field → column guessed. */
  readonly suggestedMapping?: Readonly<Record<string, string>>;
  readonly rows: readonly FakeImportRow[];
}

/** What main's system dialogs answer next. Each answer stays until a test changes it. */
export interface FakeFileDialogs {
  /** The save dialog: a path, null = cancelled; undefined = a default path in /home/user. */
  savePath: string | null | undefined;
  /** The open dialog of `backup.choose`: null = cancelled. */
  backupFile: FakeBackupFile | null;
  /** The open dialog of `import.choose`: null = cancelled. */
  importFile: FakeImportFile | null;
}

/** What the file flows need of the rest of the fake. */
export interface FileFlowsContext {
  readonly state: { exists: boolean; unlocked: boolean; password: string; tokens: Map<string, StoredToken> };
  readonly dialogs: FakeFileDialogs;
  readonly now: Date;
  readonly log: (action: AuditAction, tokenId: string | null) => void;
  /** Throws unless the vault exists and is unlocked. */
  readonly unlocked: () => void;
}

type FileChannel =
  | 'reports.export'
  | 'backup.create'
  | 'backup.choose'
  | 'backup.merge'
  | 'backup.restoreNew'
  | 'import.choose'
  | 'import.preview'
  | 'import.apply';

type Handlers = { [C in FileChannel]: (req: Request<C>) => Response<C> };

type Conflict = Response<'backup.merge'>['conflicts'][number];

/** The eight file-flow channels over the fake's state. */
export function fileFlowHandlers(ctx: FileFlowsContext): Handlers {
  const { state, dialogs, now } = ctx;
  const opened = new Map<string, { kind: 'backup'; file: FakeBackupFile } | { kind: 'import'; file: FakeImportFile }>();
  const plans = new Map<string, Response<'import.preview'>['rows']>();
  let seq = 0;
  const handle = (prefix: string) => `${prefix}${String(++seq).padStart(4, '0')}`;
  const saveAs = (name: string): string | null => (dialogs.savePath === undefined ? `/home/user/${name}` : dialogs.savePath);

  const openedBackup = (fileId: string): FakeBackupFile => {
    const f = opened.get(fileId);
    if (f?.kind !== 'backup') throw new Fail('NOT_FOUND', 'That file is no longer open: choose it again.');
    return f.file;
  };
  /** Refuses what the real reader refuses, in its words. */
  const readBackup = (fileId: string, password: string): FakeBackupFile => {
    const file = openedBackup(fileId);
    if (file.damaged) throw new Fail('VAULT_DAMAGED', `The backup file is damaged (checksum mismatch): ${file.fileName}. Nothing was read from it.`);
    if (password !== file.password) throw new Fail('WRONG_PASSWORD', 'Wrong backup password. Nothing was changed.');
    return file;
  };
  const stored = (t: FakeBackupFile['tokens'][number], i: number): StoredToken => {
    const { value, ...view } = t;
    return { view: makeToken(900 + i, view), value: value ?? `backup-value-${i}`, notes: '' };
  };

  const merge = (file: FakeBackupFile, dryRun: boolean): Response<'backup.merge'> => {
    let added = 0;
    let updated = 0;
    let skipped = 0;
    const conflicts: Conflict[] = [];
    file.tokens.forEach((t, i) => {
      const incoming = stored(t, i);
      const byId = state.tokens.get(incoming.view.id);
      const mine = byId ?? [...state.tokens.values()].find((s) => s.value === incoming.value);
      if (mine === undefined) {
        added++;
        if (!dryRun) state.tokens.set(incoming.view.id, incoming);
        return;
      }
      const backupWins = incoming.view.updatedAt > mine.view.updatedAt;
      const differs = incoming.view.name !== mine.view.name || incoming.value !== mine.value;
      if (differs) {
        conflicts.push({
          kind: 'token',
          id: mine.view.id,
          backupId: incoming.view.id,
          name: backupWins ? incoming.view.name : mine.view.name,
          matchedBy: byId ? 'id' : 'value',
          kept: backupWins ? 'backup' : 'vault',
          reason: backupWins ? 'the backup copy was changed later' : 'the vault copy was changed later',
        });
      }
      if (!backupWins) {
        skipped++;
        return;
      }
      updated++;
      if (!dryRun) Object.assign(mine, { view: { ...incoming.view, id: mine.view.id }, value: incoming.value });
    });
    if (!dryRun) ctx.log('restore', null);
    const platforms = file.platforms ?? 0;
    return { added, updated, skipped, platforms: { added: platforms, updated: 0, skipped: 0 }, conflicts, dryRun };
  };

  const previewRows = (file: FakeImportFile, req: Request<'import.preview'>): Response<'import.preview'>['rows'] => {
    if (req.format === 'env' && !req.account?.trim()) throw new Fail('BAD_INPUT', 'Import options: a .env file names no account: give one.');
    if (req.format === 'csv') {
      const m = req.mapping ?? {};
      for (const field of ['token', 'name']) if (!m[field]) throw new Fail('BAD_INPUT', `Column mapping: ${field} is required.`);
      for (const [field, column] of Object.entries(m)) {
        if (!(file.headers ?? []).includes(column)) throw new Fail('BAD_INPUT', `Column mapping: the ${field} column "${column}" is not in the header.`);
      }
    }
    return file.rows.map((r) => ({
      ...r,
      account: r.account ?? req.account ?? null,
      client: r.client ?? req.client ?? null,
      platform: r.platform ?? req.platform ?? null,
      detectedPlatform: r.detectedPlatform ?? false,
    }));
  };

  return {
    'reports.export': ({ format, client }) => {
      ctx.unlocked();
      const path = saveAs(`pat-vault-inventory.${format}`);
      if (path === null) return { saved: false, path: null, count: 0 };
      const tokens = [...state.tokens.values()].filter((t) => client === undefined || t.view.client === client);
      ctx.log('export', null);
      // A calendar holds one event per token with an expiry date.
      return { saved: true, path, count: format === 'ics' ? tokens.filter((t) => t.view.expiresAt !== null).length : tokens.length };
    },
    'backup.create': () => {
      ctx.unlocked();
      const path = saveAs('pat-vault.patvault-backup');
      if (path === null) return { saved: false, path: null, tokens: 0, platforms: 0 };
      ctx.log('backup', null);
      return { saved: true, path, tokens: state.tokens.size, platforms: 0 };
    },
    'backup.choose': () => {
      const file = dialogs.backupFile;
      if (file === null) return null;
      const fileId = handle('file');
      opened.set(fileId, { kind: 'backup', file });
      return { fileId, fileName: file.fileName, sizeBytes: file.sizeBytes ?? 4096, createdAt: file.createdAt };
    },
    'backup.merge': ({ fileId, password, dryRun }) => {
      ctx.unlocked();
      return merge(readBackup(fileId, password), dryRun);
    },
    'backup.restoreNew': ({ fileId, password, newPassword }) => {
      if (state.exists) throw new Fail('VAULT_EXISTS', 'A vault already exists.');
      const file = readBackup(fileId, password);
      if (newPassword.length < 8) throw new Fail('BAD_INPUT', 'password: at least 8 characters');
      file.tokens.forEach((t, i) => {
        const s = stored(t, i);
        state.tokens.set(s.view.id, s);
      });
      Object.assign(state, { exists: true, unlocked: true, password: newPassword });
      ctx.log('restore', null);
      return { tokens: file.tokens.length, platforms: file.platforms ?? 0 };
    },
    'import.choose': () => {
      ctx.unlocked();
      const file = dialogs.importFile;
      if (file === null) return null;
      const fileId = handle('file');
      opened.set(fileId, { kind: 'import', file });
      return { fileId, fileName: file.fileName, sizeBytes: file.sizeBytes ?? 512, headers: file.headers ?? [], suggestedMapping: { ...file.suggestedMapping } };
    },
    'import.preview': (req) => {
      ctx.unlocked();
      const f = opened.get(req.fileId);
      if (f?.kind !== 'import') throw new Fail('NOT_FOUND', 'That file is no longer open: choose it again.');
      const rows = previewRows(f.file, req);
      const planId = handle('plan');
      plans.set(planId, rows);
      const count = (a: string) => rows.filter((r) => r.action === a).length;
      return { planId, rows, counts: { import: count('import'), duplicates: count('duplicate-in-file') + count('duplicate-in-vault'), skipped: count('skip') } };
    },
    'import.apply': ({ planId }) => {
      ctx.unlocked();
      const rows = plans.get(planId);
      if (rows === undefined) throw new Fail('NOT_FOUND', 'That preview is out of date: preview the import again.');
      plans.delete(planId);
      const news = rows.filter((r) => r.action === 'import');
      news.forEach((r, i) => {
        const view = makeToken(800 + i, {
          id: handle('imp'),
          name: r.name ?? r.label,
          platform: (r.platform ?? 'github') as TokenView['platform'],
          account: r.account ?? 'imported',
          client: r.client,
          createdAt: now.toISOString(),
          updatedAt: now.toISOString(),
          scopes: [],
        });
        state.tokens.set(view.id, { view, value: `imported-value-${r.line}`, notes: '' });
      });
      if (news.length > 0) ctx.log('import', null);
      const dup = rows.filter((r) => r.action === 'duplicate-in-file' || r.action === 'duplicate-in-vault').length;
      return { added: news.length, replaced: 0, duplicates: dup, skipped: rows.filter((r) => r.action === 'skip').length };
    },
  };
}

/** Default answers: the save dialog saves in /home/user, the open dialogs are cancelled. */
export function defaultDialogs(over: Partial<FakeFileDialogs> = {}): FakeFileDialogs {
  return { savePath: undefined, backupFile: null, importFile: null, ...over };
}
