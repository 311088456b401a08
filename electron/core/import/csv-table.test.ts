import { describe, expect, it } from 'vitest';
import { errorOf } from '../test-support/app-errors';
import { csvHeaders, detectDelimiter, readCsvTable } from './csv-table';
import { CSV, expectNoSecret, readFixture } from './fixtures';

describe('detectDelimiter', () => {
  it.each([
    ['a,b,c\n1;2', ','],
    ['a;b;c\n1,2,3,4,5', ';'],
    ['a\tb\tc', '\t'],
    ['"x,y";b;c', ';'],
    ['single', ','],
    ['"multi\nline,header";b', ';'],
  ])('%j → %j', (text, delimiter) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });
});

describe('readCsvTable', () => {
  it('gives each row the line it starts on, across quoted newlines and blank lines, for every line-end style', () => {
    for (const nl of ['\n', '\r\n', '\r']) {
      const text = ['h1,h2', 'a,"x', 'y"', '', 'b,2', 'é,"中', '文"', 'c,3'].join(nl);
      const t = readCsvTable(text);
      expect(t.headers).toEqual(['h1', 'h2']);
      expect(t.rows.map((r) => [r.line, r.cells[0]])).toEqual([
        [2, 'a'],
        [5, 'b'],
        [6, 'é'],
        [8, 'c'],
      ]);
      // Newlines inside quoted cells survive exactly as written.
      expect(t.rows[0]?.cells[1]).toBe(`x${nl}y`);
    }
  });

  it('reads files whose lines mix CRLF and LF', () => {
    expect(readCsvTable('a,b\r\n1,2\n3,4\r\n').rows.map((r) => r.cells)).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('keeps quotes, commas, spaces and unicode in cells; trims header names only', () => {
    const t = readCsvTable('\ufeff Name , Notes \r\n"a, ""b""","  é 中文 🔑  "\r\n');
    expect(t.headers).toEqual(['Name', 'Notes']);
    expect(t.rows[0]?.cells).toEqual(['a, "b"', '  é 中文 🔑  ']);
  });

  it('drops rows of empty cells (spreadsheet padding) but keeps ragged rows for the parser to judge', () => {
    const t = readCsvTable('a,b,c\n,,\n1,2\n , ,\n1,2,3,4\n');
    expect(t.rows.map((r) => [r.line, r.cells.length])).toEqual([
      [3, 2],
      [5, 4],
    ]);
  });

  it('uses the given delimiter over detection', () => {
    expect(readCsvTable('a;b,c\n1;2,3', { delimiter: ',' }).headers).toEqual(['a;b', 'c']);
  });

  it('csvHeaders reads only the header row', () => {
    expect(csvHeaders(readFixture('generic.csv'))).toEqual(['Name', 'Token', 'Platform', 'Account', 'Client', 'User', 'Base URL', 'Scopes', 'Expires', 'Notes']);
    expect(csvHeaders(readFixture('semicolon.csv'))).toEqual(['Titre', 'Valeur', 'Plateforme', 'Compte']);
    // The broken row comes later: the header can still be shown for mapping.
    expect(csvHeaders(readFixture('unterminated-quote.csv'))).toEqual(['Name', 'Token', 'Platform', 'Account']);
  });
});

describe('malformed CSV → BAD_INPUT naming the line, never the content', () => {
  it.each([
    ['unterminated quote (fixture)', readFixture('unterminated-quote.csv'), 'Line 3: a quoted field is never closed (unterminated "), so the rest of the CSV file cannot be read.'],
    ['text after a closing quote', `n,t\r\nx,"y"\r\nq,"${CSV.github}"z\r\n`, 'Line 3: text follows a closing quote in this row'],
    ['a quote inside an unquoted field', `n,t\na,"multi\nline"\nb,ab"${CSV.gitlab}\n`, 'Line 4: a " appears inside an unquoted field in this row'],
    ['first row is data, not a header', readFixture('no-header.csv'), 'Line 1: the first row holds a value shaped like a token, so it is data, not a header row.'],
    ['first row is data with a token of no known shape', `Jelastic,${CSV.jelastic},acct\n`, 'Line 1: the first row holds a value shaped like a token'],
    ['empty', '', 'The CSV file is empty.'],
    ['blank lines only', '\r\n\r\n', 'The CSV file is empty.'],
    ['empty header row', ',,\n1,2,3\n', 'Line 1: the header row of the CSV file is empty.'],
    ['NUL bytes', `a,b\n${CSV.github},\u0000\n`, 'The CSV file contains NUL bytes (line 2)'],
  ])('%s', async (_what, text, message) => {
    const err = await errorOf(() => readCsvTable(text));
    expect(err.code).toBe('BAD_INPUT');
    expect(err.message).toContain(message);
    expectNoSecret(err.message);
  });

  it('a delimiter that is not allowed', async () => {
    expect((await errorOf(() => readCsvTable('a|b', { delimiter: '|' as ',' }))).message).toBe(
      'The CSV delimiter must be a comma, a semicolon or a tab.',
    );
  });
});
