/** The file name offered when saving an export: `patvault-inventory-2026-11-23-acme-corp.csv`. */
import { utcDay } from './labels';

/** Longest client part, in characters: enough to tell clients apart, short enough for any file system. */
const MAX_SLUG = 48;

/**
 * A client name as a file-name part: letters and digits of any script kept (lower-cased,
 * accents dropped from Latin letters only: in other scripts the marks are the spelling),
 * every run of anything else (spaces, `/`, `:`, quotes…) one hyphen.
 */
export function slug(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  const cut = [...s].slice(0, MAX_SLUG).join('').replace(/-+$/, '');
  return cut === '' ? 'client' : cut;
}

/** `patvault-inventory-YYYY-MM-DD[-client].ext`, the date being `now`'s UTC day. */
export function suggestedFileName(now: Date, client: string | null, extension: string): string {
  return `patvault-inventory-${utcDay(now)}${client === null ? '' : `-${slug(client)}`}.${extension}`;
}
