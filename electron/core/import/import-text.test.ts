import { describe, expect, it } from 'vitest';
import { errorOf } from '../test-support/app-errors';
import { decodeImportBytes, IMPORT_MAX_BYTES, lineOfIndex, prepareImportText } from './import-text';

describe('prepareImportText', () => {
  it('removes a BOM and nothing else', () => {
    expect(prepareImportText('\ufeffA=1\r\n')).toBe('A=1\r\n');
    expect(prepareImportText('A=é中文🔑')).toBe('A=é中文🔑');
  });

  it.each([
    ['', 'The file is empty.'],
    ['\ufeff \r\n\t', 'The file is empty.'],
    ['a\nb\n\u0000', 'The file contains NUL bytes (line 3)'],
    ['a\r\nb\ufffd', 'The file has unreadable characters at line 2'],
    ['a\n\ud800b', 'The file has unreadable characters at line 2'],
    [42 as unknown as string, 'The file must be given as text.'],
  ])('%j → BAD_INPUT', async (text, message) => {
    const err = await errorOf(() => prepareImportText(text));
    expect(err.code).toBe('BAD_INPUT');
    expect(err.message).toContain(message);
  });

  it('refuses a file over the size limit', async () => {
    const err = await errorOf(() => prepareImportText('x'.repeat(IMPORT_MAX_BYTES + 1), 'CSV file'));
    expect(err.message).toBe('The CSV file is too large (16.0 MiB; at most 16.0 MiB).');
  });
});

describe('decodeImportBytes', () => {
  const utf16 = (s: string, be: boolean) => {
    const le = Buffer.from(`\ufeff${s}`, 'utf16le');
    return be ? le.swap16() : le;
  };

  it('reads UTF-8 with or without BOM and UTF-16 with a BOM', () => {
    expect(decodeImportBytes(Buffer.from('\ufeffA=é🔑\n'))).toBe('A=é🔑\n');
    expect(decodeImportBytes(Buffer.from('A=é🔑\n'))).toBe('A=é🔑\n');
    expect(decodeImportBytes(utf16('A=é🔑\r\n', false))).toBe('A=é🔑\r\n');
    expect(decodeImportBytes(utf16('A=é🔑\r\n', true))).toBe('A=é🔑\r\n');
  });

  it('refuses bytes that are not UTF-8, naming the line', async () => {
    expect(await errorOf(() => decodeImportBytes(Buffer.from([0x41, 0x0a, 0x42, 0xe9, 0x0a]), '.env file'))).toEqual({
      code: 'BAD_INPUT',
      message: 'The .env file is not UTF-8 text (line 2): save it as UTF-8 and import it again.',
    });
  });

  it('calls UTF-16 without BOM binary (NUL bytes)', async () => {
    const err = await errorOf(() => decodeImportBytes(Buffer.from('A=1\n', 'utf16le')));
    expect(err.message).toContain('contains NUL bytes (line 1)');
  });

  it('refuses too many bytes before decoding them', async () => {
    expect((await errorOf(() => decodeImportBytes(new Uint8Array(IMPORT_MAX_BYTES + 1)))).message).toContain('too large');
  });
});

describe('lineOfIndex', () => {
  it('counts LF, CRLF (once) and lone CR', () => {
    expect(lineOfIndex('a\nb\r\nc\rd', 8)).toBe(4);
    expect(lineOfIndex('a\r\nb', 2)).toBe(1);
  });
});
