/**
 * A token as lists show it — joined with its account, with its status computed, never its
 * value — declared once, field by field. Everything that names the fields of a token view is
 * built from TOKEN_VIEW_FIELDS below: the `TokenView` type (z.output), the IPC schema that
 * checks it, the search text (search.ts), and the JSON and CSV exports (core/reports). Adding
 * a field to the view is one entry here (plus where its value comes from: core/vault/token-views.ts).
 *
 * Per field:
 *   schema  its zod type (the wire check and the TypeScript type);
 *   search  true when a person might type its text to find the token, or a function giving
 *           the words they might type (absent: not searched);
 *   csv     the CSV columns it fills, each at a fixed position: CSV columns may be appended,
 *           never moved, since scripts read them by position;
 *   json    false to keep it out of `--json` and the JSON export (default: in, in this order;
 *           fields may be added to that shape, never renamed or removed).
 */
import { z } from 'zod';
import { EXPIRY_SOURCES } from './expiry';
import { PLATFORM_IDS, PLATFORMS } from './platform-ids';
import { CHECK_RESULTS, TOKEN_STATUSES, VERDICT_RESULTS } from './status';
import { YWH_ACCESS, YWH_ACCESS_LABEL, YWH_ROLES, YWH_ROLE_LABEL, YWH_SCOPES, YWH_SCOPE_LABEL } from './yeswehack';

/** A view as the per-field functions may read it (for a column that depends on two fields). */
type AnyView = Readonly<Record<string, unknown>>;

/** One CSV column a field fills. */
interface CsvColumn<T> {
  readonly header: string;
  /** 0-based position in the CSV; never changed once released. */
  readonly at: number;
  /** The cell text (default: the value itself; null for an empty cell). */
  readonly text?: (value: T, view: AnyView) => string | null;
}

/** One field of the view. */
interface FieldDef<S extends z.ZodType> {
  readonly schema: S;
  /** `true`: the text itself (none when null); a function: the words to find it by. */
  readonly search?: true | ((value: z.output<S>) => string);
  readonly csv?: readonly CsvColumn<z.output<S>>[];
  readonly json?: false;
}

/** Uses of a field beside its schema. */
type FieldUses<S extends z.ZodType> = Omit<FieldDef<S>, 'schema'>;

// `U` keeps `json: false` visible in the type, so the JSON type leaves that field out too.
const field = <S extends z.ZodType, const U extends FieldUses<S> = FieldUses<S>>(schema: S, uses?: U): { readonly schema: S } & U =>
  ({ schema, ...uses }) as { readonly schema: S } & U;
const col = <T>(header: string, at: number, text?: (value: T, view: AnyView) => string | null): CsvColumn<T> => ({
  header,
  at,
  ...(text ? { text } : {}),
});
const platformName = new Map<string, string>(PLATFORMS.map((p) => [p.id, p.name]));
/** A YesWeHack field as typed in a search: its id ("read-write") and its words ("Read and write"). */
const labelled =
  <K extends string>(labels: Readonly<Record<K, string>>) =>
  (value: K | null): string =>
    value === null ? '' : `${value} ${labels[value]}`;

const lastCheck = z
  .object({ at: z.string(), result: z.enum(CHECK_RESULTS), reason: z.string().optional(), owner: z.string().optional() })
  .readonly()
  .nullable();

/** Every field of a token view, in the order `--json` prints them. */
export const TOKEN_VIEW_FIELDS = {
  id: field(z.string(), { search: true, csv: [col('id', 0)] }),
  platform: field(z.enum(PLATFORM_IDS as readonly [(typeof PLATFORM_IDS)[number], ...(typeof PLATFORM_IDS)[number][]]), {
    search: (p) => `${p}\n${platformName.get(p) ?? ''}`,
    csv: [col('platform', 1)],
  }),
  /** The account's label. */
  account: field(z.string(), { search: true, csv: [col('account', 2)] }),
  accountId: field(z.string()),
  client: field(z.string().nullable(), { search: true, csv: [col('client', 3)] }),
  username: field(z.string().nullable(), { search: true, csv: [col('username', 4)] }),
  baseUrl: field(z.string().nullable(), { search: true, csv: [col('baseUrl', 5)] }),
  name: field(z.string(), { search: true, csv: [col('name', 6)] }),
  // Space-separated in CSV, like OAuth scope strings.
  scopes: field(z.array(z.string()).readonly(), { search: (s) => s.join(' '), csv: [col('scopes', 7, (s) => s.join(' '))] }),
  /** "Expires on": the last day the token works, in this machine's time zone (YYYY-MM-DD). */
  expiresAt: field(z.string().nullable(), { search: true, csv: [col('expiresAt', 8)] }),
  status: field(z.enum(TOKEN_STATUSES), { search: true, csv: [col('status', 9)] }),
  createdAt: field(z.string(), { csv: [col('createdAt', 10)] }),
  updatedAt: field(z.string(), { csv: [col('updatedAt', 11)] }),
  /** The latest check, whatever it said. */
  lastCheck: field(lastCheck, {
    csv: [col('lastCheckAt', 12, (c) => c?.at ?? null), col('lastCheckResult', 13, (c) => c?.result ?? null)],
  }),
  /** For platform 'custom': the user-defined platform (id and name), null when none is assigned. */
  customPlatformId: field(z.string().nullable()),
  customPlatformName: field(z.string().nullable(), { search: true }),
  /** YesWeHack: the program a check reads (a PAT has no who-am-i). */
  programSlug: field(z.string().nullable(), { search: true }),
  /** The platform's own id of this token (Jelastic: revoke and rotate name it); an id, not a secret. */
  platformTokenId: field(z.string().nullable()),
  /** This token's reminder days before expiry; null = the global policy, [] = none. */
  reminderDays: field(z.array(z.number()).readonly().nullable()),
  /**
   * What the status is computed from: a day (`YYYY-MM-DD`, works through that local day) or an
   * instant (ISO, UTC: stops then). See expiry.ts.
   */
  expiry: field(z.string().nullable(), { csv: [col('expiry', 14, (e, v) => e ?? (v['neverExpires'] === true ? 'never' : null))] }),
  /** Where `expiry` came from: typed, reported by the platform, or read from the value. */
  expirySource: field(z.enum(EXPIRY_SOURCES).nullable(), { csv: [col('expirySource', 15)] }),
  /** The platform's own words for its expiry (its date, its header), when it reported one. */
  expiryRaw: field(z.string().nullable()),
  /** The platform says this token never expires. */
  neverExpires: field(z.boolean()),
  /** When the platform last saw the token used (ISO); null when it never was or did not say. */
  lastUsedAt: field(z.string().nullable(), { csv: [col('lastUsedAt', 16)] }),
  /** The platform's last definitive answer (never an `unknown` check). */
  verdict: field(z.object({ at: z.string(), result: z.enum(VERDICT_RESULTS) }).readonly().nullable()),
  /** A rotation whose answer never came: the platform may have a new value we do not hold. */
  rotationUnconfirmed: field(z.object({ at: z.string(), reason: z.string() }).readonly().nullable()),
  /** YesWeHack: the role the PAT was created with (yeswehack.ts); null when not set. */
  ywhRole: field(z.enum(YWH_ROLES).nullable(), { search: labelled(YWH_ROLE_LABEL), csv: [col('ywhRole', 17)] }),
  /** YesWeHack: what it reaches, program(s) or a business unit. */
  ywhScope: field(z.enum(YWH_SCOPES).nullable(), { search: labelled(YWH_SCOPE_LABEL), csv: [col('ywhScope', 18)] }),
  /** YesWeHack: its access type (names inferred: read, read-write). */
  ywhAccess: field(z.enum(YWH_ACCESS).nullable(), { search: labelled(YWH_ACCESS_LABEL), csv: [col('ywhAccess', 19)] }),
  /** The date the user typed (kept beside a reported expiry), or null. */
  enteredExpiresAt: field(z.string().nullable(), { json: false }),
} as const;

type Fields = typeof TOKEN_VIEW_FIELDS;
/** The name of one view field. */
export type TokenViewField = keyof Fields;

/** The view's zod shape, from the fields. */
const shape = Object.fromEntries(Object.entries(TOKEN_VIEW_FIELDS).map(([k, f]) => [k, f.schema])) as {
  readonly [K in TokenViewField]: Fields[K]['schema'];
};

/** A token as lists show it (never the value): checks what crosses IPC. */
export const tokenViewSchema = z.object(shape);

/** A token joined with its account and computed status: what lists show. Never the value. */
export type TokenView = Readonly<z.output<typeof tokenViewSchema>>;

/** The fields in `--json` and the JSON export. */
export type JsonField = { [K in TokenViewField]: Fields[K] extends { readonly json: false } ? never : K }[TokenViewField];

/** The fields in `--json` and the JSON export, in order. */
export const JSON_FIELDS = (Object.keys(TOKEN_VIEW_FIELDS) as TokenViewField[]).filter(
  (k): k is JsonField => (TOKEN_VIEW_FIELDS[k] as { json?: false }).json !== false,
);

/** The fields a search looks in: each with the function giving its words, or null for the text itself. */
export const SEARCH_FIELDS: readonly (readonly [TokenViewField, ((value: never) => string) | null])[] = (
  Object.entries(TOKEN_VIEW_FIELDS) as [TokenViewField, FieldDef<z.ZodType>][]
).flatMap(([k, f]) => (f.search === undefined ? [] : [[k, f.search === true ? null : (f.search as (value: never) => string)] as const]));

/** Every CSV column in position order, with the field it reads. */
export const CSV_FIELDS: readonly (readonly [TokenViewField, CsvColumn<never>])[] = (
  Object.entries(TOKEN_VIEW_FIELDS) as [TokenViewField, FieldDef<z.ZodType>][]
)
  .flatMap(([k, f]) => (f.csv ?? []).map((c) => [k, c as CsvColumn<never>] as const))
  .sort((a, b) => a[1].at - b[1].at);
