/**
 * Schemas of the file flows — inventory export, backup and restore, import. Files are always
 * chosen in main with the system's dialog: the renderer never names a path. A chosen file is
 * then referred to by an opaque `fileId` main hands out (it forgets them on lock), and an
 * import preview by a `planId` (the parsed values stay in main).
 */
import { z } from 'zod';
import { PLATFORM_IDS, type PlatformId } from '../domain/platform-ids';

const platformIdSchema = z.enum(PLATFORM_IDS as unknown as [PlatformId, ...PlatformId[]]);
const handle = z.string().min(1).max(64);
const shortText = z.string().max(200);

/** Inventory export formats (never a value in any of them). */
export const EXPORT_FORMATS = ['csv', 'json', 'html', 'ics'] as const;

export const exportRequest = z.strictObject({
  format: z.enum(EXPORT_FORMATS),
  /** Only this client's tokens; absent for all. */
  client: shortText.optional(),
});

/** `saved: false` when the user cancelled the save dialog (nothing written). */
export const exportResponse = z.object({
  saved: z.boolean(),
  /** Where it was written (null when cancelled). */
  path: z.string().nullable(),
  /** Tokens in the export (for a calendar: events). */
  count: z.number().int().min(0),
});

/** A file the user chose in main's open dialog; null when cancelled. */
export const chosenFileSchema = z
  .object({
    fileId: handle,
    /** The file's name, without its folder, for the screen. */
    fileName: z.string(),
    sizeBytes: z.number().int().min(0),
  })
  .nullable();

export const backupCreateRequest = z.strictObject({
  /** The backup password (the file's own, not the master password). */
  password: z.string().min(1).max(1024),
});

export const backupCreateResponse = z.object({
  saved: z.boolean(),
  path: z.string().nullable(),
  tokens: z.number().int().min(0),
  platforms: z.number().int().min(0),
});

/** What a backup file says about itself before any password (from its authenticated header). */
export const backupInfoSchema = z
  .object({
    fileId: handle,
    fileName: z.string(),
    sizeBytes: z.number().int().min(0),
    /** When the backup was written (ISO). */
    createdAt: z.string(),
  })
  .nullable();

export const backupMergeRequest = z.strictObject({
  fileId: handle,
  password: z.string().min(1).max(1024),
  /** Preview only: nothing changes. */
  dryRun: z.boolean(),
});

export const mergeCountsSchema = z.object({ added: z.number(), updated: z.number(), skipped: z.number() });

export const mergeSummarySchema = z.object({
  added: z.number(),
  updated: z.number(),
  skipped: z.number(),
  platforms: mergeCountsSchema,
  conflicts: z
    .array(
      z.object({
        kind: z.enum(['token', 'platform']),
        id: z.string(),
        backupId: z.string(),
        name: z.string(),
        matchedBy: z.enum(['id', 'value', 'name']),
        kept: z.enum(['backup', 'vault']),
        reason: z.string(),
      }),
    )
    .readonly(),
  dryRun: z.boolean(),
});

/** Restore into a new vault (first run): the backup's password, then the new master password. */
export const backupRestoreNewRequest = z.strictObject({
  fileId: handle,
  password: z.string().min(1).max(1024),
  newPassword: z.string().min(1).max(1024),
});

export const backupRestoreNewResponse = z.object({ tokens: z.number(), platforms: z.number() });

/** Import sources. */
export const IMPORT_FORMATS = ['env', 'csv', 'keepassxc'] as const;

/**
 * Token fields a CSV column can fill, in the form's order (token and name are required). The
 * core's csvMappingSchema is checked against this list at compile time.
 */
export const CSV_MAPPING_FIELDS = ['token', 'name', 'platform', 'account', 'client', 'username', 'baseUrl', 'scopes', 'expiresAt', 'notes'] as const;

/** One of the CSV mapping fields. */
export type CsvMappingField = (typeof CSV_MAPPING_FIELDS)[number];

export const importChooseRequest = z.strictObject({ format: z.enum(IMPORT_FORMATS) });

/** The chosen file; for CSV also its header row and the guessed column mapping. */
export const importChosenSchema = z
  .object({
    fileId: handle,
    fileName: z.string(),
    sizeBytes: z.number().int().min(0),
    /** CSV only: the columns of the header row ([] for other formats). */
    headers: z.array(z.string()).readonly(),
    /** CSV only: field → column guessed from the header names. */
    suggestedMapping: z.record(z.string(), z.string()),
  })
  .nullable();

export const importPreviewRequest = z.strictObject({
  fileId: handle,
  format: z.enum(IMPORT_FORMATS),
  /** Account for every row (required for .env, a fallback otherwise). */
  account: shortText.optional(),
  client: shortText.optional(),
  /** Platform for rows whose format or file says none. */
  platform: platformIdSchema.optional(),
  /** CSV only: field → column (token and name required). */
  mapping: z.record(z.string(), z.string()).optional(),
});

/** What happens to one row of the file. Never holds a value. */
export const importRowSchema = z.object({
  line: z.number().int(),
  /** The row's key or title in the file. */
  label: z.string(),
  action: z.enum(['import', 'duplicate-in-file', 'duplicate-in-vault', 'skip']),
  name: z.string().nullable(),
  platform: z.string().nullable(),
  account: z.string().nullable(),
  client: z.string().nullable(),
  /** Platform read from the token's own format. */
  detectedPlatform: z.boolean(),
  /** Why it is skipped or a duplicate; for an import, the token whose value it replaces (iObeya). */
  reason: z.string().nullable(),
});

export const importPreviewResponse = z.object({
  planId: handle,
  rows: z.array(importRowSchema).readonly(),
  counts: z.object({ import: z.number(), duplicates: z.number(), skipped: z.number() }),
});

export const importApplyRequest = z.strictObject({ planId: handle });

/** `replaced`: rows that gave a user's token its new value (one token per user: iObeya), not counted in `added`. */
export const importApplyResponse = z.object({ added: z.number(), replaced: z.number(), duplicates: z.number(), skipped: z.number() });
