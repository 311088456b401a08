/**
 * A token's value history: every value it held is kept (rotated, merged, replaced, edited), with
 * why; lists of it carry dates and reasons only; one entry's value comes out only through an
 * audited reveal.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { codeOf } from '../test-support/app-errors';
import { SAMPLE_TOKENS, addSamples } from '../test-support/sample-tokens';
import { createTestVault, fixedClock, tempDir } from '../test-support/temp-vault';
import type { PortableRecords } from '../backup/records';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const FIRST = SAMPLE_TOKENS[0].token;
const TYPED = 'ghp_TYPEDbyHANDtypedBYhandTYPEDbyHAND01';
const ROTATED = 'ghp_ROTATEDvalueROTATEDvalueROTATEDva02';

test('a value typed over by hand is kept in the history as "edited", never lost', async () => {
  const clock = fixedClock('2026-11-23T10:00:00.000Z');
  const v = await createTestVault(dir, { clock });
  const [id] = addSamples(v);
  clock.set('2026-11-24T09:00:00.000Z');
  v.tokens.edit(id!, { token: TYPED });
  expect(v.tokens.readSecret(id!, 'get').value).toBe(TYPED);
  expect(v.results.valueHistory(id!)).toEqual([{ at: '2026-11-24T09:00:00.000Z', reason: 'edited' }]);

  // Edits that do not change the value add nothing; a rotation appends with its own reason.
  v.tokens.edit(id!, { name: 'renamed', token: TYPED });
  clock.set('2026-11-25T09:00:00.000Z');
  v.results.rotate(id!, ROTATED);
  expect(v.results.valueHistory(id!)).toEqual([
    { at: '2026-11-24T09:00:00.000Z', reason: 'edited' },
    { at: '2026-11-25T09:00:00.000Z', reason: 'rotated' },
  ]);
  expect(v.results.readHistory(id!)).toEqual([
    { value: FIRST, rotatedAt: '2026-11-24T09:00:00.000Z', reason: 'edited' },
    { value: TYPED, rotatedAt: '2026-11-25T09:00:00.000Z', reason: 'rotated' },
  ]);
  v.close();
  // Sealed: none of the three values is in the file's bytes.
  const bytes = readFileSync(v.path);
  for (const s of [FIRST, TYPED, ROTATED]) expect(bytes.includes(Buffer.from(s))).toBe(false);
});

test('listing the history opens no value and writes no audit entry; reading it all is a reveal', async () => {
  const v = await createTestVault(dir);
  const [id] = addSamples(v);
  v.tokens.edit(id!, { token: TYPED });
  const before = v.audit.log().length;
  const listed = v.results.valueHistory(id!);
  expect(JSON.stringify(listed)).not.toContain(FIRST);
  expect(v.audit.log()).toHaveLength(before);
  v.results.readHistory(id!);
  expect(v.audit.log().at(-1)).toMatchObject({ action: 'reveal', tokenId: id, detail: 'history: 1 earlier value' });
  v.close();
});

test('one entry is revealed by index, audited as a reveal naming it; a wrong index or a moved entry reveals nothing', async () => {
  const clock = fixedClock('2026-11-23T10:00:00.000Z');
  const v = await createTestVault(dir, { clock });
  const [id] = addSamples(v);
  clock.set('2026-11-24T09:00:00.000Z');
  v.tokens.edit(id!, { token: TYPED });
  clock.set('2026-11-25T09:00:00.000Z');
  v.results.rotate(id!, ROTATED);

  expect(v.results.revealHistoryEntry(id!, 1, '2026-11-25T09:00:00.000Z')).toMatchObject({ value: TYPED, reason: 'rotated' });
  expect(v.audit.log().at(-1)).toMatchObject({ action: 'reveal', tokenId: id, detail: 'earlier value 2 (rotated, kept 2026-11-25T09:00:00.000Z)' });
  expect(v.results.revealHistoryEntry(id!, 0).value).toBe(FIRST);

  const audited = v.audit.log().length;
  expect(await codeOf(() => v.results.revealHistoryEntry(id!, 2))).toBe('NOT_FOUND');
  // The list the user saw said entry 0 was kept on the 25th: it is not, so nothing is shown.
  expect(await codeOf(() => v.results.revealHistoryEntry(id!, 0, '2026-11-25T09:00:00.000Z'))).toBe('NOT_FOUND');
  expect(v.audit.log()).toHaveLength(audited);
  v.close();
});

test('entries kept before reasons were recorded read back as "earlier value" (reason null)', async () => {
  const v = await createTestVault(dir);
  const old = await createTestVault(dir, { name: 'old.sqlite' });
  const [id] = addSamples(old);
  old.results.rotate(id!, ROTATED);
  const records = old.backup.export();
  old.close();
  // As a vault written before reasons existed holds it: value and date only.
  const withoutReasons: PortableRecords = {
    ...records,
    tokens: records.tokens.map((t) => ({ ...t, history: t.history.map(({ value, rotatedAt }) => ({ value, rotatedAt })) })),
  };
  v.backup.restore(withoutReasons);
  expect(v.results.valueHistory(id!)).toEqual([{ at: expect.any(String), reason: null }]);
  expect(v.results.revealHistoryEntry(id!, 0).value).toBe(FIRST);
  v.close();
});
