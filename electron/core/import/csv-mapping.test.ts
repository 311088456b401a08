import { describe, expect, it } from 'vitest';
import { errorOf } from '../test-support/app-errors';
import { resolveColumns, suggestMapping } from './csv-mapping';

describe('suggestMapping', () => {
  it('maps the usual names, without case, spaces or punctuation mattering', () => {
    expect(
      suggestMapping(['Title', ' PASSWORD ', 'Platform', 'Account', 'Client', 'Login', 'Base URL', 'Scopes', 'Expiry', 'Notes']),
    ).toEqual({
      token: 'PASSWORD',
      name: 'Title',
      platform: 'Platform',
      account: 'Account',
      client: 'Client',
      username: 'Login',
      baseUrl: 'Base URL',
      scopes: 'Scopes',
      expiresAt: 'Expiry',
      notes: 'Notes',
    });
  });

  it.each([
    [['name', 'value'], { name: 'name', token: 'value' }],
    [['Key', 'Value'], { name: 'Key', token: 'Value' }],
    [['token_name', 'secret', 'user', 'url', 'expires_at', 'expiration'], { name: 'token_name', token: 'secret', username: 'user', baseUrl: 'url', expiresAt: 'expires_at' }],
    [['Expiration Date', 'Token', 'Label', 'username'], { token: 'Token', name: 'Label', username: 'username', expiresAt: 'Expiration Date' }],
    [['a', 'b'], {}],
  ])('%j', (headers, mapping) => {
    expect(suggestMapping(headers)).toEqual(mapping);
  });

  it('prefers the most specific column when several could hold the token', () => {
    expect(suggestMapping(['Password', 'Token']).token).toBe('Token');
    expect(suggestMapping(['Value', 'Password']).token).toBe('Value');
  });
});

describe('resolveColumns', () => {
  const headers = ['Name', 'Token', 'Platform', ' Notes '];

  it('finds columns by header name, without case or surrounding spaces', () => {
    expect(resolveColumns(headers, { token: 'token', name: ' NAME', notes: 'notes' }).columns).toEqual({ token: 1, name: 0, notes: 3 });
  });

  it.each([
    [{ token: 'Secret', name: 'Name' }, "Column mapping: the token column 'Secret' is not in the header (columns: 'Name', 'Token', 'Platform', 'Notes')."],
    [{ token: 'Token', name: 'Name', expiresAt: 'Expires' }, "Column mapping: the expiresAt column 'Expires' is not in the header"],
    [{ token: 'Token', name: 'Token' }, "Column mapping: 'Token' is the token column; it cannot also be the name."],
    [{ token: 'Token', name: 'Name', notes: 'TOKEN' }, "Column mapping: 'TOKEN' is the token column; it cannot also be the notes."],
    [{ token: 'Token' }, 'Column mapping: name: '],
    [{ token: '  ', name: 'Name' }, 'Column mapping: token: column name must not be empty'],
    [{ token: 'Token', name: 'Name', colour: 'Platform' }, 'Column mapping: '],
  ])('%j → BAD_INPUT', async (mapping, message) => {
    const err = await errorOf(() => resolveColumns(headers, mapping));
    expect(err.code).toBe('BAD_INPUT');
    expect(err.message).toContain(message);
  });

  it('refuses a name the header has twice', async () => {
    expect((await errorOf(() => resolveColumns(['Name', 'Token', 'name'], { token: 'Token', name: 'Name' }))).message).toBe(
      "Column mapping: the header has 2 columns named 'Name'; rename them apart.",
    );
  });
});
