/**
 * The JSON object for one token, as `patvault list/search/show/export --json` print it. The
 * shape is a promise to scripts: fields may be added, never renamed or removed. Which fields,
 * and in which order, is said once in shared/domain/token-view.ts (JSON_FIELDS).
 */
import { z } from 'zod';
import { JSON_FIELDS, TOKEN_VIEW_FIELDS, type JsonField, type TokenView } from '../../../shared/domain/token-view';

/**
 * The view's fields that are in JSON, as a zod object: parsing with it copies exactly those
 * fields, in that order, and strips anything else at every level (a check may grow fields
 * that are not for export), so nothing new leaks in by accident.
 */
const tokenJsonSchema = z.object(
  Object.fromEntries(JSON_FIELDS.map((k) => [k, TOKEN_VIEW_FIELDS[k].schema])) as {
    readonly [K in JsonField]: (typeof TOKEN_VIEW_FIELDS)[K]['schema'];
  },
);

/** The JSON object for one token (list, search, show, export). */
export type TokenJson = z.output<typeof tokenJsonSchema>;

/** A view as JSON. */
export function tokenJson(v: TokenView): TokenJson {
  return tokenJsonSchema.parse(v);
}

/** The whole export: a pretty-printed array and a newline, byte for byte what the CLI always printed. */
export function jsonInventory(views: readonly TokenView[]): string {
  return `${JSON.stringify(views.map(tokenJson), null, 2)}\n`;
}
