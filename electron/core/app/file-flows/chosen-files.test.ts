/** The chosen-file registry: unguessable ids, kind checked, bounded, cleared whole. */
import { expect, it } from 'vitest';
import { isAppError } from '../../../../shared/errors';
import { ChosenFiles, MAX_CHOSEN_FILES } from './chosen-files';

const refused = (fn: () => unknown): boolean => {
  try {
    fn();
    return false;
  } catch (e) {
    return isAppError(e) && e.code === 'BAD_INPUT';
  }
};

it('hands out distinct url-safe ids, each only for the kind it was chosen for', () => {
  const files = new ChosenFiles();
  const a = files.add('/home/u/backup.patvault-backup', 'backup');
  const b = files.add('/home/u/tokens.env', 'import');
  expect(a).toMatch(/^[A-Za-z0-9_-]{32}$/);
  expect(a).not.toBe(b);
  expect(files.path(a, 'backup')).toBe('/home/u/backup.patvault-backup');
  expect(refused(() => files.path(a, 'import'))).toBe(true);
  expect(refused(() => files.path('guessed', 'backup'))).toBe(true);
});

it('keeps at most MAX_CHOSEN_FILES, dropping the oldest; clear forgets all', () => {
  const files = new ChosenFiles();
  const ids = Array.from({ length: MAX_CHOSEN_FILES + 3 }, (_, i) => files.add(`/f${i}`, 'import'));
  expect(files.size).toBe(MAX_CHOSEN_FILES);
  expect(refused(() => files.path(ids[0] as string, 'import'))).toBe(true);
  expect(files.path(ids.at(-1) as string, 'import')).toBe(`/f${MAX_CHOSEN_FILES + 2}`);
  files.clear();
  expect(files.size).toBe(0);
  expect(refused(() => files.path(ids.at(-1) as string, 'import'))).toBe(true);
});
