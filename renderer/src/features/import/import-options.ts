/**
 * The import wizard's options as the form holds them, checked before main sees them: a .env
 * file names no account (one is required), CSV needs the token and name columns, and no other
 * field may read the token column (a value must never become a name or a note). Account and
 * client are checked with the token's own schema, so the messages are the ones main would give.
 */
import { newTokenInput } from '../../../../shared/domain/token-input';
import type { Request } from '../../../../shared/ipc/contract';
import type { ImportChosen, ImportFormat } from '../../store/file-flows-slice';
import { CSV_MAPPING_FIELDS, type CsvMappingField } from '../../../../shared/ipc/file-schemas';

/** The label of each field's column select ("Token column", …); every field needs one. */
const CSV_FIELD_LABELS: Readonly<Record<CsvMappingField, string>> = {
  token: 'Token',
  name: 'Name',
  platform: 'Platform',
  account: 'Account',
  client: 'Client',
  username: 'Username',
  baseUrl: 'Base URL',
  scopes: 'Scopes',
  expiresAt: 'Expires',
  notes: 'Notes',
};

/** Fields a CSV column can fill, in the form's order (the list is shared with main). */
export const CSV_FIELDS = CSV_MAPPING_FIELDS.map((field) => ({
  field,
  label: CSV_FIELD_LABELS[field],
  required: field === 'token' || field === 'name',
}));

/** A field a column can be mapped to. */
export type CsvField = CsvMappingField;

/** What the options step holds. */
export interface ImportOptions {
  readonly account: string;
  readonly client: string;
  /** Platform id for rows that name none ('' = from the file only). */
  readonly platform: string;
  /** Field → column ('' or absent = not in the file). */
  readonly mapping: Readonly<Partial<Record<CsvField, string>>>;
}

/** A mapping select's key: its own, apart from the account and client text fields. */
export type ColumnKey = `column-${CsvField}`;

/** One message per problem: the account or client field, or a column select. */
export type OptionErrors = Partial<Record<'account' | 'client' | ColumnKey, string>>;

export const EMPTY_OPTIONS: ImportOptions = { account: '', client: '', platform: '', mapping: {} };

/** The mapping main guessed, keeping only known fields and columns the header has. */
export function initialMapping(file: ImportChosen): ImportOptions['mapping'] {
  const out: Partial<Record<CsvField, string>> = {};
  for (const { field } of CSV_FIELDS) {
    const column = file.suggestedMapping[field];
    if (column !== undefined && file.headers.includes(column)) out[field] = column;
  }
  return out;
}

const firstMessage = (r: { success: boolean; error?: { issues: readonly { message: string }[] } }): string | null =>
  r.success ? null : (r.error?.issues[0]?.message ?? 'invalid');

/** The preview request, or the problems to show. */
export function toPreviewRequest(
  fileId: string,
  format: ImportFormat,
  o: ImportOptions,
): { ok: true; value: Request<'import.preview'> } | { ok: false; errors: OptionErrors } {
  const errors: OptionErrors = {};
  const account = o.account.trim();
  const client = o.client.trim();
  if (account === '' && format === 'env') errors.account = 'A .env file names no account: enter the account these tokens belong to.';
  else if (account !== '') errors.account = firstMessage(newTokenInput.shape.account.safeParse(account)) ?? undefined;
  if (client !== '') errors.client = firstMessage(newTokenInput.shape.client.safeParse(client)) ?? undefined;
  const mapping: Record<string, string> = {};
  if (format === 'csv') {
    for (const { field, label, required } of CSV_FIELDS) {
      const column = o.mapping[field] ?? '';
      if (column === '') {
        if (required) errors[`column-${field}`] = `Choose the column that holds the ${label.toLowerCase()}.`;
        continue;
      }
      if (field !== 'token' && column === o.mapping.token) errors[`column-${field}`] = `“${column}” is the token column: a value must never become the ${label.toLowerCase()}.`;
      mapping[field] = column;
    }
  }
  for (const k of Object.keys(errors) as (keyof OptionErrors)[]) if (errors[k] === undefined) delete errors[k];
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      fileId,
      format,
      ...(account !== '' ? { account } : {}),
      ...(client !== '' ? { client } : {}),
      ...(o.platform !== '' ? { platform: o.platform as NonNullable<Request<'import.preview'>['platform']> } : {}),
      ...(format === 'csv' ? { mapping } : {}),
    },
  };
}
