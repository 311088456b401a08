/**
 * Custom platforms in the fake `window.api`, with the vault's rules: names unique without
 * regard to case, found by id or name, not removable while a token uses them; a token's view
 * carries its platform's name.
 */
import type { CustomPlatformDef } from '../../../shared/domain/custom-platform';
import type { AuditAction } from '../../../shared/domain/token';
import type { CustomPlatformView, TokenView } from '../api/types';
import { Fail, type StoredToken } from './fake-fixtures';

/** A custom platform as the fake holds it. */
export interface StoredCustomPlatform {
  readonly id: string;
  def: CustomPlatformDef;
  readonly createdAt: string;
  updatedAt: string;
}

/** The fake's custom platforms over the fake's own map (tests read `state.customPlatforms`). */
export class FakeCustomPlatforms {
  private nextId = 1;

  constructor(
    private readonly platforms: Map<string, StoredCustomPlatform>,
    private readonly tokens: () => Iterable<StoredToken>,
    private readonly now: Date,
    private readonly log: (action: AuditAction, tokenId: string | null) => void,
  ) {}

  define(def: CustomPlatformDef): StoredCustomPlatform {
    const id = `cp${String(this.nextId++).padStart(4, '0')}`;
    const p = { id, def, createdAt: this.now.toISOString(), updatedAt: this.now.toISOString() };
    this.platforms.set(id, p);
    return p;
  }

  /** Like the vault: by id, or by name without regard to case. */
  resolve(ref: string): StoredCustomPlatform {
    const wanted = ref.trim();
    const p = this.platforms.get(wanted) ?? [...this.platforms.values()].find((c) => c.def.name.toLowerCase() === wanted.toLowerCase());
    if (!p) throw new Fail('NOT_FOUND', `No custom platform named "${wanted}".`);
    return p;
  }

  list(): CustomPlatformView[] {
    return [...this.platforms.values()].map((p) => this.view(p)).sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }));
  }

  save(id: string | undefined, definition: CustomPlatformDef): CustomPlatformView {
    if (id === undefined) {
      this.assertNameFree(definition.name, null);
      this.log('platform-add', null);
      return this.view(this.define(definition));
    }
    const p = this.resolve(id);
    this.assertNameFree(definition.name, p.id);
    p.def = definition;
    p.updatedAt = this.now.toISOString();
    for (const t of this.tokens()) if (t.view.customPlatformId === p.id) t.view = { ...t.view, customPlatformName: definition.name };
    this.log('platform-edit', null);
    return this.view(p);
  }

  remove(id: string): void {
    const p = this.resolve(id);
    const used = this.usage(p.id);
    if (used > 0) {
      throw new Fail('BAD_INPUT', `Custom platform "${p.def.name}" is used by ${used} token${used === 1 ? '' : 's'}: move or delete ${used === 1 ? 'it' : 'them'} first.`);
    }
    this.platforms.delete(p.id);
    this.log('platform-remove', null);
  }

  /** The custom platform fields of a view after `ref` was given (undefined: unchanged). */
  fieldsFor(platform: TokenView['platform'], ref: string | null | undefined, old: Pick<TokenView, 'customPlatformId'> | null) {
    if (platform !== 'custom') {
      if (ref) throw new Fail('BAD_INPUT', 'customPlatform: a custom platform can only be given with platform custom');
      return { customPlatformId: null, customPlatformName: null };
    }
    const id = ref === undefined ? (old?.customPlatformId ?? null) : ref === null ? null : this.resolve(ref).id;
    return { customPlatformId: id, customPlatformName: id === null ? null : (this.platforms.get(id)?.def.name ?? null) };
  }

  private assertNameFree(name: string, exceptId: string | null): void {
    for (const p of this.platforms.values()) {
      if (p.id !== exceptId && p.def.name.toLowerCase() === name.toLowerCase()) {
        throw new Fail('BAD_INPUT', `A custom platform named "${p.def.name}" already exists.`);
      }
    }
  }

  private usage(id: string): number {
    let n = 0;
    for (const t of this.tokens()) if (t.view.customPlatformId === id) n++;
    return n;
  }

  private view(p: StoredCustomPlatform): CustomPlatformView {
    return { id: p.id, ...p.def, createdAt: p.createdAt, updatedAt: p.updatedAt, tokens: this.usage(p.id) };
  }
}
