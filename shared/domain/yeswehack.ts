/**
 * What a YesWeHack PAT is made with (seed 000): the creator's role, what it reaches — a
 * business unit or program(s) — and its type of access. Stored as fields with the token's
 * platform specifics, so they can be validated, shown, searched and exported as such.
 *
 * Sources: the seed ("only users with one of the following role could generate PATs: Business
 * Unit Owner, Business Unit Manager, Program Manager"; the form sets "its extent (i.e.
 * program(s) and type of access)"; a PAT can "either access or modify data") and YesWeHack's
 * help center, https://helpcenter.yeswehack.io/en/articles/380967-api-personal-access-tokens
 * ("Select the “Business Unit or Program” and the “Role”"). The names of the access types are
 * not documented anywhere we found: read / read and write is inferred from "access or modify".
 */

/** The roles that may create a PAT. */
export const YWH_ROLES = ['business-unit-owner', 'business-unit-manager', 'program-manager'] as const;
/** What a PAT reaches. */
export const YWH_SCOPES = ['program', 'business-unit'] as const;
/** Its type of access (names inferred: the seed says only "access or modify data"). */
export const YWH_ACCESS = ['read', 'read-write'] as const;

export type YwhRole = (typeof YWH_ROLES)[number];
export type YwhScope = (typeof YWH_SCOPES)[number];
export type YwhAccess = (typeof YWH_ACCESS)[number];

/** The role as YesWeHack names it. */
export const YWH_ROLE_LABEL: Readonly<Record<YwhRole, string>> = {
  'business-unit-owner': 'Business Unit Owner',
  'business-unit-manager': 'Business Unit Manager',
  'program-manager': 'Program Manager',
};

/** What it reaches, in words. */
export const YWH_SCOPE_LABEL: Readonly<Record<YwhScope, string>> = {
  program: 'Program(s)',
  'business-unit': 'Business unit',
};

/** The access type, in words (inferred names). */
export const YWH_ACCESS_LABEL: Readonly<Record<YwhAccess, string>> = {
  read: 'Read',
  'read-write': 'Read and write',
};

/** The three fields, as a token carries them (null = not set). */
export interface YwhFields {
  readonly ywhRole: YwhRole | null;
  readonly ywhScope: YwhScope | null;
  readonly ywhAccess: YwhAccess | null;
}

/** The input field names, for messages and for refusing them on other platforms. */
export const YWH_FIELDS = ['ywhRole', 'ywhScope', 'ywhAccess'] as const;

/** Why a YesWeHack field is refused on a token of another platform. */
export const YWH_ONLY_MESSAGE = 'a YesWeHack role, scope or access type can only be given with platform yeswehack';
