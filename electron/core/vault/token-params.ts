/**
 * A token's platform specifics as stored (record-codec `tokenParams`): from a new token's
 * fields, and after an edit. The YesWeHack fields (role, scope, access type) mean something
 * only on a YesWeHack token: given for another platform they are refused, and a token moved
 * off YesWeHack drops them, as a token moved off 'custom' drops its custom platform.
 */
import { AppError } from '../../../shared/errors';
import type { PlatformId } from '../../../shared/domain/platform-ids';
import { ywhFieldGiven, type NewTokenInput, type TokenPatchInput } from '../../../shared/domain/token-input';
import { YWH_ONLY_MESSAGE, type YwhFields } from '../../../shared/domain/yeswehack';
import type { TokenParams } from './record-codec';

type ParamFields = Pick<NewTokenInput, 'programSlug' | 'platformTokenId' | 'ywhRole' | 'ywhScope' | 'ywhAccess'>;

/** The stored form: only the fields that are set; undefined when none is. */
function compact(f: ParamFields): TokenParams | undefined {
  const p: TokenParams = {
    ...(f.programSlug ? { programSlug: f.programSlug } : {}),
    ...(f.platformTokenId ? { tokenId: f.platformTokenId } : {}),
    ...(f.ywhRole ? { ywhRole: f.ywhRole } : {}),
    ...(f.ywhScope ? { ywhScope: f.ywhScope } : {}),
    ...(f.ywhAccess ? { ywhAccess: f.ywhAccess } : {}),
  };
  return Object.keys(p).length > 0 ? p : undefined;
}

/** A new token's specifics (newTokenInput already refused YesWeHack fields on other platforms). */
export function paramsOfInput(input: ParamFields): TokenParams | undefined {
  return compact(input);
}

/**
 * The specifics after `patch` on a token that will be on `platform`: a field given replaces
 * (null clears), the others stay. BAD_INPUT for a YesWeHack field on another platform.
 */
export function patchedParams(old: TokenParams | undefined, patch: TokenPatchInput, platform: PlatformId): TokenParams | undefined {
  const given = ywhFieldGiven(patch);
  if (given !== undefined && platform !== 'yeswehack') {
    throw new AppError('BAD_INPUT', `${given}: ${YWH_ONLY_MESSAGE} (this token is on ${platform})`);
  }
  const pick = <T>(changed: T | null | undefined, kept: T | undefined): T | null | undefined => (changed !== undefined ? changed : kept);
  const ywh = platform === 'yeswehack';
  return compact({
    programSlug: pick(patch.programSlug, old?.programSlug),
    platformTokenId: pick(patch.platformTokenId, old?.tokenId),
    ywhRole: ywh ? pick(patch.ywhRole, old?.ywhRole) : null,
    ywhScope: ywh ? pick(patch.ywhScope, old?.ywhScope) : null,
    ywhAccess: ywh ? pick(patch.ywhAccess, old?.ywhAccess) : null,
  });
}

/** The YesWeHack fields of stored specifics, as views show them (null = not set). */
export function ywhFieldsOf(p: TokenParams | undefined): YwhFields {
  return { ywhRole: p?.ywhRole ?? null, ywhScope: p?.ywhScope ?? null, ywhAccess: p?.ywhAccess ?? null };
}
