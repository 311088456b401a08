/**
 * Which CSV column holds which token field. Columns are named by their header text, matched
 * without case and surrounding spaces; `suggestMapping` guesses from common names so the
 * mapping step usually only needs confirming.
 */
import { z } from 'zod';
import { describeZodError } from '../../../shared/domain/token-input';
import { AppError } from '../../../shared/errors';
import { quoted } from './redact';
import type { CsvMappingField } from '../../../shared/ipc/file-schemas';

const column = z.string().trim().min(1, { message: 'column name must not be empty' });

/** Field → header name. `token` and `name` are required; the rest optional. */
export const csvMappingSchema = z.strictObject({
  token: column,
  name: column,
  platform: column.optional(),
  account: column.optional(),
  client: column.optional(),
  username: column.optional(),
  baseUrl: column.optional(),
  scopes: column.optional(),
  expiresAt: column.optional(),
  notes: column.optional(),
});

/** A column mapping, as the caller gives it. */
export type CsvMapping = z.input<typeof csvMappingSchema>;
/** A field a column can be mapped to. */
export type CsvField = keyof CsvMapping;

// The app's mapping form lists the fields from shared/ipc; this fails to compile if the lists differ.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const fieldsMatchForm: Same<CsvField, CsvMappingField> = true;
void fieldsMatchForm;

/** Field → column index, for the fields mapped. */
export type CsvColumns = { readonly token: number; readonly name: number } & Partial<Record<Exclude<CsvField, 'token' | 'name'>, number>>;

const fold = (s: string): string => s.trim().toLowerCase();
/** For guessing only: "Base URL", "base_url" and "baseUrl" are the same name. */
const squash = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** Common header names per field, best first (squashed). */
const SYNONYMS: Readonly<Record<CsvField, readonly string[]>> = {
  token: ['token', 'tokenvalue', 'value', 'password', 'secret', 'pat', 'accesstoken', 'personalaccesstoken', 'apikey', 'apitoken', 'key'],
  name: ['name', 'title', 'tokenname', 'label', 'entry', 'key', 'variable'],
  platform: ['platform', 'service', 'provider', 'type'],
  account: ['account', 'accountname', 'accountlabel', 'organization', 'organisation', 'org'],
  client: ['client', 'customer', 'project'],
  username: ['username', 'user', 'login', 'userlogin', 'email'],
  baseUrl: ['baseurl', 'url', 'apiurl', 'host', 'website', 'server'],
  scopes: ['scopes', 'scope', 'permissions', 'roles'],
  expiresAt: ['expiresat', 'expires', 'expiry', 'expiration', 'expirydate', 'expirationdate', 'expireson', 'validuntil'],
  notes: ['notes', 'note', 'comments', 'comment', 'description'],
};

/** Fields in the order they claim columns: the most specific first, so "Password" goes to token before anything else looks. */
const GUESS_ORDER: readonly CsvField[] = ['token', 'name', 'platform', 'account', 'client', 'username', 'baseUrl', 'scopes', 'expiresAt', 'notes'];

/** Guesses a mapping from header names; each column is used at most once. Returns header names trimmed. */
export function suggestMapping(headers: readonly string[]): Partial<CsvMapping> {
  const free = new Map<string, string>();
  for (const h of headers) {
    const k = squash(h);
    if (k !== '' && !free.has(k)) free.set(k, h.trim());
  }
  const out: Partial<Record<CsvField, string>> = {};
  for (const field of GUESS_ORDER) {
    for (const syn of SYNONYMS[field]) {
      const header = free.get(syn);
      if (header === undefined) continue;
      out[field] = header;
      free.delete(syn);
      break;
    }
  }
  return out;
}

/**
 * Mapping + header → column indexes. Throws BAD_INPUT for an invalid mapping, a column the
 * header does not have (listing the ones it has), a name found twice, or a field that would
 * read the token column (the value must never become a name, a note or a label).
 */
export function resolveColumns(headers: readonly string[], mapping: unknown): { columns: CsvColumns; mapping: z.output<typeof csvMappingSchema> } {
  const parsed = csvMappingSchema.safeParse(mapping);
  if (!parsed.success) throw new AppError('BAD_INPUT', describeZodError(parsed.error, 'Column mapping: '));
  const m = parsed.data;
  const out: Partial<Record<CsvField, number>> = {};
  for (const [field, name] of Object.entries(m) as [CsvField, string | undefined][]) {
    if (name === undefined) continue;
    const hits = headers.flatMap((h, i) => (fold(h) === fold(name) ? [i] : []));
    if (hits.length === 0) {
      const have = headers.filter((h) => h !== '').map(quoted).join(', ');
      throw new AppError('BAD_INPUT', `Column mapping: the ${field} column ${quoted(name)} is not in the header (columns: ${have}).`);
    }
    if (hits.length > 1) throw new AppError('BAD_INPUT', `Column mapping: the header has ${hits.length} columns named ${quoted(name)}; rename them apart.`);
    out[field] = hits[0] as number;
  }
  for (const [field, index] of Object.entries(out) as [CsvField, number][]) {
    if (field !== 'token' && index === out.token) {
      throw new AppError('BAD_INPUT', `Column mapping: ${quoted(m[field] ?? '')} is the token column; it cannot also be the ${field}.`);
    }
  }
  return { columns: out as CsvColumns, mapping: m };
}
