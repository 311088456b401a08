import { expect, test } from 'vitest';
import { EMPTY_OPTIONS, initialMapping, toPreviewRequest } from './import-options';

const CHOSEN = { fileId: 'f1', fileName: 'tokens.csv', sizeBytes: 10, headers: ['Title', 'Secret', 'Org'], suggestedMapping: { name: 'Title', token: 'Secret', account: 'Org', notes: 'Gone', bogus: 'Title' } };

test('the guessed mapping keeps known fields whose column the header has', () => {
  expect(initialMapping(CHOSEN)).toEqual({ name: 'Title', token: 'Secret', account: 'Org' });
});

test('.env needs an account; CSV needs token and name columns; no field may read the token column', () => {
  expect(toPreviewRequest('f1', 'env', EMPTY_OPTIONS)).toEqual({ ok: false, errors: { account: expect.stringMatching(/names no account/) } });
  expect(toPreviewRequest('f1', 'csv', EMPTY_OPTIONS)).toEqual({
    ok: false,
    errors: { 'column-token': 'Choose the column that holds the token.', 'column-name': 'Choose the column that holds the name.' },
  });
  const clash = toPreviewRequest('f1', 'csv', { ...EMPTY_OPTIONS, mapping: { token: 'Secret', name: 'Title', notes: 'Secret' } });
  expect(clash).toEqual({ ok: false, errors: { 'column-notes': '“Secret” is the token column: a value must never become the notes.' } });
  expect(toPreviewRequest('f1', 'keepassxc', { ...EMPTY_OPTIONS, account: 'x'.repeat(201) })).toMatchObject({ ok: false, errors: { account: expect.stringMatching(/longer than 200/) } });
});

test('the request carries only what was given, trimmed', () => {
  expect(toPreviewRequest('f1', 'env', { account: ' me ', client: '', platform: 'github', mapping: { token: 'ignored' } })).toEqual({
    ok: true,
    value: { fileId: 'f1', format: 'env', account: 'me', platform: 'github' },
  });
  expect(toPreviewRequest('f1', 'csv', { account: '', client: 'Acme', platform: '', mapping: { token: 'Secret', name: 'Title', scopes: '' } })).toEqual({
    ok: true,
    value: { fileId: 'f1', format: 'csv', client: 'Acme', mapping: { token: 'Secret', name: 'Title' } },
  });
});
