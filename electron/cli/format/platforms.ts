/**
 * How `patvault platforms` shows the built-in presets: what each needs (base URL, where the
 * token goes) and what it supports (check, API or guided revoke, rotate). The JSON shape is a
 * promise to scripts: fields are only ever added.
 */
import { describeAuth } from '../../../shared/domain/custom-platform';
import { PLATFORMS } from '../../../shared/domain/platform-ids';
import type { PlatformPreset } from '../../core/platforms/types';

export { describeAuth };
import { renderTable } from './table';

const NAMES = new Map<string, string>(PLATFORMS.map((p) => [p.id, p.name]));

/** A built-in platform's name ("GitHub"); any other id (custom, unknown) as it is. */
export const platformName = (id: string): string => NAMES.get(id) ?? id;

/** One preset as JSON. */
export interface PlatformJson {
  readonly id: string;
  readonly name: string;
  /** Default API base URL, or null when each customer or hoster has its own. */
  readonly defaultBaseUrl: string | null;
  /** Where the token goes, e.g. "header X-AUTH-TOKEN", "Authorization: Bearer", "query ?session=". */
  readonly auth: string;
  readonly check: boolean;
  readonly revoke: 'api' | 'guided';
  readonly rotate: boolean;
  /** Whether revoke / rotate need the account password (asked for once, never stored). */
  readonly revokeNeedsPassword: boolean;
  readonly rotateNeedsPassword: boolean;
  /** Whether revoke / rotate can sign in with the account login (`--login`) when the token itself cannot. */
  readonly revokeAcceptsLogin: boolean;
  readonly rotateAcceptsLogin: boolean;
  readonly expiry: PlatformPreset['expiry'];
  readonly tokenPageUrl: string | null;
  readonly notesCount: number;
  readonly notes: readonly string[];
}

/** A preset as JSON, fields listed one by one. */
export function platformJson(p: PlatformPreset): PlatformJson {
  return {
    id: p.id,
    name: p.name,
    defaultBaseUrl: p.defaultBaseUrl,
    auth: describeAuth(p.auth),
    check: p.check !== undefined,
    revoke: p.revoke ? 'api' : 'guided',
    rotate: p.rotate !== undefined,
    revokeNeedsPassword: p.revoke?.needsPassword === true,
    rotateNeedsPassword: p.rotate?.needsPassword === true,
    revokeAcceptsLogin: p.revoke?.acceptsLogin === true,
    rotateAcceptsLogin: p.rotate?.acceptsLogin === true,
    expiry: p.expiry,
    tokenPageUrl: p.tokenPageUrl,
    notesCount: p.notes.length,
    notes: [...p.notes],
  };
}

const yesNo = (b: boolean): string => (b ? 'yes' : 'no');
const withPassword = (s: string, needs: boolean): string => (needs ? `${s} (password)` : s);

/** The table of `platforms`: one line per preset. */
export function platformTable(presets: readonly PlatformPreset[]): string {
  return renderTable(
    [
      { header: 'ID' },
      { header: 'NAME' },
      { header: 'BASE URL' },
      { header: 'AUTH' },
      { header: 'CHECK' },
      { header: 'REVOKE' },
      { header: 'ROTATE' },
      { header: 'EXPIRY' },
      { header: 'NOTES' },
    ],
    presets.map(platformJson).map((p) => [
      p.id,
      p.name,
      p.defaultBaseUrl ?? 'per customer/hoster',
      p.auth,
      yesNo(p.check),
      withPassword(p.revoke, p.revokeNeedsPassword),
      p.rotate ? withPassword('api', p.rotateNeedsPassword) : 'no',
      p.expiry,
      String(p.notesCount),
    ]),
  );
}
