/**
 * The vault's user-defined platforms: list, look up, define, change and remove them. A
 * module over the kernel (`vault.customPlatforms`); the record helpers are in
 * custom-platform-records.ts.
 */
import { customPlatformSchema, type CustomPlatform, type CustomPlatformDef, type CustomPlatformInput } from '../../../shared/domain/custom-platform';
import { AppError } from '../../../shared/errors';
import { assertNameFree, customPlatformView, definitionOf, platformUsage, recordOf, resolveCustomPlatform } from './custom-platform-records';
import { newId } from './ids';
import type { VaultKernel } from './kernel';
import { parseInput } from './parse-input';
import { deleteRecord, putPlatform } from './vault-records';

/** `vault.customPlatforms`. */
export class CustomPlatforms {
  constructor(private readonly kernel: VaultKernel) {}

  /** Every custom platform, by name, with how many tokens use it. */
  list(): CustomPlatform[] {
    const state = this.kernel.state();
    const usage = platformUsage(state);
    return [...state.platforms.values()]
      .map((p) => customPlatformView(p, usage.get(p.id) ?? 0))
      .sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }));
  }

  /** One custom platform by id or name. */
  get(ref: string): CustomPlatform {
    const state = this.kernel.state();
    const rec = state.platforms.get(resolveCustomPlatform(state, ref));
    if (!rec) throw new AppError('NOT_FOUND', `No custom platform named "${ref}".`);
    return customPlatformView(rec, platformUsage(state).get(rec.id) ?? 0);
  }

  /** The stored definition of a custom platform (for building its connector). */
  definition(id: string): CustomPlatformDef {
    const rec = this.kernel.state().platforms.get(id);
    if (!rec) throw new AppError('NOT_FOUND', 'That custom platform no longer exists.');
    return definitionOf(rec.data);
  }

  /** Defines a custom platform; its name must be new. */
  add(input: CustomPlatformInput): CustomPlatform {
    const def = parseInput(customPlatformSchema, input);
    const id = newId();
    this.kernel.write({ audit: { action: 'platform-add', detail: `custom platform "${def.name}"` } }, (ctx) => {
      assertNameFree(ctx.state, def.name, null);
      putPlatform(ctx, id, recordOf(def, ctx.now, ctx.now));
    });
    return this.get(id);
  }

  /** Replaces a custom platform's definition (its tokens follow: they refer to it by id). */
  update(ref: string, input: CustomPlatformInput): CustomPlatform {
    const def = parseInput(customPlatformSchema, input);
    const id = resolveCustomPlatform(this.kernel.state(), ref);
    this.kernel.write({ audit: { action: 'platform-edit', detail: `custom platform "${def.name}"` } }, (ctx) => {
      const rec = ctx.state.platforms.get(id);
      if (!rec) throw new AppError('NOT_FOUND', 'That custom platform was just removed elsewhere.');
      assertNameFree(ctx.state, def.name, id);
      putPlatform(ctx, id, recordOf(def, rec.data.createdAt, ctx.now));
    });
    return this.get(id);
  }

  /** Removes a custom platform no token uses. */
  remove(ref: string): CustomPlatform {
    const view = this.get(ref);
    this.kernel.write({ audit: { action: 'platform-remove', detail: `custom platform "${view.name}"` } }, (ctx) => {
      const used = platformUsage(ctx.state).get(view.id) ?? 0;
      if (used > 0) {
        throw new AppError(
          'BAD_INPUT',
          `Custom platform "${view.name}" is used by ${used} token${used === 1 ? '' : 's'}: move or delete ${used === 1 ? 'it' : 'them'} first.`,
        );
      }
      // Accounts without tokens are dropped with their last token, so none refers to it now.
      deleteRecord(ctx, view.id);
    });
    return view;
  }
}
