/**
 * Files the user picked in main's open dialog, handed to the renderer as random opaque ids:
 * the page never sends a path, so a compromised page can only refer to files the user chose
 * in this session. Forgotten on lock; bounded, so a page calling the dialog in a loop cannot
 * grow main's memory.
 */
import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { AppError } from '../../../../shared/errors';

/** What a chosen file is for: a backup to merge or restore, or a file to import. */
export type ChosenKind = 'backup' | 'import';

/** Ids kept at most; the oldest goes first (a screen only ever needs the latest one or two). */
export const MAX_CHOSEN_FILES = 16;

/** The registry of chosen files. */
export class ChosenFiles {
  private readonly byId = new Map<string, { readonly path: string; readonly kind: ChosenKind }>();

  /** Registers `path` and returns its new id (24 random bytes, base64url: unguessable, 32 characters). */
  add(path: string, kind: ChosenKind): string {
    while (this.byId.size >= MAX_CHOSEN_FILES) {
      const oldest = this.byId.keys().next().value;
      if (oldest === undefined) break;
      this.byId.delete(oldest);
    }
    const id = randomBytes(24).toString('base64url');
    this.byId.set(id, { path, kind });
    return id;
  }

  /** The path behind `id`, which must have been chosen for `kind`; BAD_INPUT otherwise. */
  path(id: string, kind: ChosenKind): string {
    const entry = this.byId.get(id);
    if (entry === undefined || entry.kind !== kind) {
      throw new AppError('BAD_INPUT', 'That file is no longer open here (the vault was locked since it was chosen): choose it again.');
    }
    return entry.path;
  }

  /** Forgets every id (lock, quit). */
  clear(): void {
    this.byId.clear();
  }

  /** How many ids are held (tests). */
  get size(): number {
    return this.byId.size;
  }
}

/** The file's name (without its folder) and size, for the screen. */
export function describeFile(path: string): { fileName: string; sizeBytes: number } {
  return { fileName: basename(path), sizeBytes: statSync(path).size };
}
