/**
 * Which tokens an export covers: all, or the ones held for one client. A client the vault
 * does not know is an error that names the ones it does, so a typo is not mistaken for
 * "this client has no tokens" and an empty report handed over.
 */
import { AppError } from '../../../shared/errors';
import type { TokenView } from '../../../shared/domain/token';

/** Known client names listed in the error, at most; more would not fit one readable line. */
const MAX_LISTED = 20;

/** How client names compare: trimmed, same Unicode form, case ignored. */
export function clientKey(name: string): string {
  return name.trim().normalize('NFC').toLowerCase();
}

/** The tokens to export and the client's name as stored (null: everything). */
export interface Selection {
  readonly views: readonly TokenView[];
  readonly client: string | null;
}

/** Every token, or only those whose client matches `client`; throws BAD_INPUT when none does. */
export function selectClient(views: readonly TokenView[], client: string | undefined): Selection {
  if (client === undefined) return { views, client: null };
  const key = clientKey(client);
  if (key === '') throw new AppError('BAD_INPUT', 'The client name is empty; leave it out to export every token.');
  const chosen = views.filter((v) => v.client !== null && clientKey(v.client) === key);
  const first = chosen[0];
  if (first === undefined || first.client === null) throw new AppError('BAD_INPUT', unknownClientMessage(client.trim(), views));
  return { views: chosen, client: first.client };
}

function unknownClientMessage(asked: string, views: readonly TokenView[]): string {
  const known = new Map<string, string>();
  for (const v of views) if (v.client !== null && !known.has(clientKey(v.client))) known.set(clientKey(v.client), v.client);
  if (known.size === 0) return `No token is held for client "${asked}": no token in the vault has a client.`;
  const names = [...known.values()].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }));
  const listed = names.slice(0, MAX_LISTED).map((n) => `"${n}"`).join(', ');
  const more = names.length > MAX_LISTED ? ` and ${names.length - MAX_LISTED} more` : '';
  return `No token is held for client "${asked}". Known clients: ${listed}${more}.`;
}
