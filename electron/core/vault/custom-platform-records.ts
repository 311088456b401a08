/**
 * User-defined platform records: finding one by id or name, and turning a record into what
 * lists show. Names are unique without regard to case, so the CLI can name one
 * (`--custom-platform Acme`) as safely as the app picks one by id.
 */
import { AppError } from '../../../shared/errors';
import type { CustomPlatform, CustomPlatformDef } from '../../../shared/domain/custom-platform';
import type { PlatformOverviewData } from './record-codec';
import type { PlatformRec, VaultState } from './vault-state';

/** The id of the custom platform `ref` names (its id, or its name without regard to case). */
export function resolveCustomPlatform(state: VaultState, ref: string): string {
  const wanted = ref.trim();
  if (state.platforms.has(wanted)) return wanted;
  const lower = wanted.toLowerCase();
  for (const p of state.platforms.values()) if (p.data.name.toLowerCase() === lower) return p.id;
  const names = [...state.platforms.values()].map((p) => p.data.name).sort();
  throw new AppError(
    'NOT_FOUND',
    names.length === 0
      ? `No custom platform named "${wanted}": none is defined yet (patvault custom-platform add, or Settings → Custom platforms).`
      : `No custom platform named "${wanted}" (defined: ${names.join(', ')}).`,
  );
}

/** Refuses a name another custom platform already has. */
export function assertNameFree(state: VaultState, name: string, exceptId: string | null): void {
  const lower = name.toLowerCase();
  for (const p of state.platforms.values()) {
    if (p.id !== exceptId && p.data.name.toLowerCase() === lower) {
      throw new AppError('BAD_INPUT', `A custom platform named "${p.data.name}" already exists.`);
    }
  }
}

/** How many tokens use each custom platform (through their accounts). */
export function platformUsage(state: VaultState): Map<string, number> {
  const byAccount = new Map<string, string>();
  for (const a of state.accounts.values()) if (a.data.customPlatformId) byAccount.set(a.id, a.data.customPlatformId);
  const counts = new Map<string, number>();
  for (const t of state.tokens.values()) {
    const p = byAccount.get(t.data.accountId);
    if (p !== undefined) counts.set(p, (counts.get(p) ?? 0) + 1);
  }
  return counts;
}

/** The definition a record holds (optional fields only when set). */
export function definitionOf(data: PlatformOverviewData): CustomPlatformDef {
  return {
    name: data.name,
    baseUrl: data.baseUrl,
    auth: data.auth,
    validStatus: data.validStatus,
    ...(data.checkPath !== undefined ? { checkPath: data.checkPath } : {}),
    ...(data.tokenPageUrl !== undefined ? { tokenPageUrl: data.tokenPageUrl } : {}),
  };
}

/** The record for a validated definition. */
export function recordOf(def: CustomPlatformDef, createdAt: string, updatedAt: string): PlatformOverviewData {
  return {
    v: 1,
    kind: 'platform',
    name: def.name,
    baseUrl: def.baseUrl,
    auth: def.auth,
    validStatus: def.validStatus,
    ...(def.checkPath !== undefined ? { checkPath: def.checkPath } : {}),
    ...(def.tokenPageUrl !== undefined ? { tokenPageUrl: def.tokenPageUrl } : {}),
    createdAt,
    updatedAt,
  };
}

/** A record as lists show it. */
export function customPlatformView(rec: PlatformRec, tokens: number): CustomPlatform {
  return { id: rec.id, ...definitionOf(rec.data), createdAt: rec.data.createdAt, updatedAt: rec.data.updatedAt, tokens };
}
