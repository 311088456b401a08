import { describe, expect, it } from 'vitest';
import { errorOf } from '../test-support/app-errors';
import { readEnvEntries, type EnvEntry } from './env-syntax';

const values = (text: string): [string, string][] =>
  readEnvEntries(text).flatMap((e: EnvEntry) => (e.kind === 'variable' ? [[e.key, e.value] as [string, string]] : []));

describe('.env syntax', () => {
  it.each([
    ['plain', 'KEY=value', 'value'],
    ['export prefix', 'export KEY=value', 'value'],
    ['export with tabs and leading spaces', '  export\tKEY=value', 'value'],
    ['spaces around =', 'KEY = value  ', 'value'],
    ['inline comment after a space', 'KEY=value # note', 'value'],
    ['inline comment after a tab', 'KEY=value\t# note', 'value'],
    ['# glued to the value stays (URL fragment)', 'KEY=https://x.example/a#frag', 'https://x.example/a#frag'],
    ['= inside the value stays', 'KEY=a=b==', 'a=b=='],
    ['single quotes are literal', "KEY='a\\nb \"c\" # not a comment'", 'a\\nb "c" # not a comment'],
    ['backticks are literal', 'KEY=`a b`', 'a b'],
    ['double quotes unescape \\n \\t \\" \\\\', 'KEY="a\\nb\\tc \\"d\\" e\\\\f"', 'a\nb\tc "d" e\\f'],
    ['unknown escapes stay as written', 'KEY="a\\$b\\x"', 'a\\$b\\x'],
    ['comment after a closing quote', 'KEY="v" # note', 'v'],
    ['quoted spaces are kept', "KEY='  v  '", '  v  '],
    ['unicode', 'KEY=é中文🔑', 'é中文🔑'],
    ['empty value', 'KEY=', ''],
    ['empty quoted value', 'KEY=""', ''],
    ['dots and dashes in names', 'my.app-KEY=v', 'v'],
  ])('%s', (_what, text, value) => {
    const key = text.includes('my.app-KEY') ? 'my.app-KEY' : 'KEY';
    expect(values(text)).toEqual([[key, value]]);
  });

  it('multi-line quoted values keep later line numbers right, whatever the line ends', () => {
    for (const nl of ['\n', '\r\n', '\r']) {
      const text = ['A="one', 'two', 'three"', "B='x", "y'", 'C=z'].join(nl);
      expect(readEnvEntries(text)).toEqual([
        { kind: 'variable', line: 1, key: 'A', value: 'one\ntwo\nthree' },
        { kind: 'variable', line: 4, key: 'B', value: 'x\ny' },
        { kind: 'variable', line: 6, key: 'C', value: 'z' },
      ]);
    }
  });

  it('reports bad lines and goes on', () => {
    expect(readEnvEntries('# c\nno equals\n9LIVES=1\nK="v" trailing\nbad key=1\nOK=1')).toEqual([
      { kind: 'problem', line: 2, label: '', reason: "not a KEY=value line (no '=')" },
      { kind: 'problem', line: 3, label: '9LIVES', reason: expect.stringContaining('invalid variable name') },
      { kind: 'problem', line: 4, label: 'K', reason: 'unexpected text after the closing quote' },
      { kind: 'problem', line: 5, label: 'bad key', reason: expect.stringContaining('invalid variable name') },
      { kind: 'variable', line: 6, key: 'OK', value: '1' },
    ]);
  });

  it('a quote never closed stops the file: everything after it would be misread', async () => {
    expect(await errorOf(() => readEnvEntries('A=1\n\nB=`x\nC=2'))).toEqual({
      code: 'BAD_INPUT',
      message: 'Line 3: the backtick-quoted value of B is never closed (missing `).',
    });
  });
});
