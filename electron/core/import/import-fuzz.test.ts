/**
 * Properties over generated files: what a well-formed file holds survives exactly, and no
 * file — however broken — makes a parser crash or echo a token value.
 */
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../shared/errors';
import { parseCsvFile } from './csv-file';
import { csvHeaders } from './csv-table';
import { parseEnvFile } from './env-file';
import { ALL_SECRETS } from './fixtures';
import { parseKeePassXcCsv } from './keepassxc';
import type { ImportPlan } from './plan';
import { looksLikeSecret } from './redact';

const ghToken = (i: number) => `ghp_Fuzz${String(i).padStart(4, '0')}abcdefghijklmnopqrstuvwxyzAB`;
/** Text the files could hold, minus what makes a file unreadable (NUL, U+FFFD) by design. */
const readable = (s: string) => !/[\u0000\ufffd]/.test(s);
const SPECIAL = fc.constantFrom(',', ';', '\t', '"', '""', "'", '\n', '\r\n', '\r', ' ', '=', '#', 'é', '中文', '🔑', '\\');
const messy = (maxLength: number) =>
  fc
    .array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 4 }), SPECIAL), { maxLength })
    .map((parts) => parts.join(''))
    .filter(readable);
/** A name as the schema accepts it: no control characters, not blank. */
const label = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 24 })
  .filter((s) => readable(s) && s.trim() !== '' && !/[\u0000-\u001f\u007f]/.test(s));

describe('what a well-formed CSV holds survives exactly', () => {
  it('names, accounts, clients and notes with quotes, separators, newlines and Unicode', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ name: label, account: label, client: label, notes: messy(12) }), { minLength: 1, maxLength: 6 }),
        fc.constantFrom(',', ';', '\t'),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        fc.boolean(),
        (rows, delimiter, eol, bom, giveDelimiter) => {
          const body = stringify(
            [['Name', 'Token', 'Account', 'Client', 'Notes'], ...rows.map((r, i) => [r.name, ghToken(i), r.account, r.client, r.notes])],
            // csv-stringify quotes only the record delimiter it writes; spreadsheets quote any line break.
            { delimiter, record_delimiter: eol === '\n' ? 'unix' : 'windows', quoted_match: /[\r\n]/ },
          );
          const text = (bom ? '\ufeff' : '') + body;
          const mapping = { token: 'Token', name: 'Name', account: 'Account', client: 'Client', notes: 'Notes' };
          expect(csvHeaders(text)).toEqual(['Name', 'Token', 'Account', 'Client', 'Notes']);
          const plan = parseCsvFile(text, mapping, {}, giveDelimiter ? { delimiter } : {});
          expect(plan.skipped).toEqual([]);
          expect(plan.candidates.map((c) => c.input)).toEqual(
            rows.map((r, i) => ({
              platform: 'github',
              account: r.account.trim(),
              client: r.client.trim(),
              name: r.name.trim(),
              token: ghToken(i),
              ...(r.notes !== '' ? { notes: r.notes } : {}),
            })),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('.env values survive exactly', () => {
  const value = fc
    .string({ unit: 'grapheme', minLength: 1, maxLength: 30 })
    .map((s) => `v-${s}-x`)
    .filter((s) => readable(s) && !/[\u0000-\u001f\u007f]/.test(s));

  it('double-quoted with escapes, single-quoted when it has no quote', () => {
    fc.assert(
      fc.property(value, fc.boolean(), (v, single) => {
        const useSingle = single && !v.includes("'");
        const written = useSingle ? `'${v}'` : `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
        const plan = parseEnvFile(`# x\nexport MY_KEY = ${written} # note\n`, { account: 'a', platformFor: { MY_KEY: 'custom' } });
        expect(plan.candidates.map((c) => [c.source.line, c.input.token])).toEqual([[2, v]]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('no file makes a parser crash or show a value', () => {
  // Values that look like secrets: known formats, or long runs with digits. (Names in the file's
  // structure — keys, headers, titles, platform cells — are shown as written otherwise: a short
  // undocumented token in a header cell cannot be told from a name.)
  const tokens = [...ALL_SECRETS.filter(looksLikeSecret), ghToken(1)];
  const piece = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...tokens) }, { weight: 4, arbitrary: SPECIAL }, {
    weight: 3,
    arbitrary: fc.constantFrom('Group', 'Title', 'Password', 'Name', 'Token', 'Root/Recycle Bin', 'github', 'KEY', 'export ', 'https://gitlab.x.example', '2027-01-01', 'Jira'),
  });
  const file = fc.array(piece, { maxLength: 60 }).map((p) => p.join(''));
  const keepassHeader = '"Group","Title","Username","Password","URL","Notes"\n';
  const csvHeader = 'Name,Token,Platform,Account,Notes\n';

  /** Every text a user could see: messages, labels, reasons. */
  function shown(run: () => ImportPlan): string[] {
    try {
      const plan = run();
      return [...plan.skipped.flatMap((s) => [s.label, s.reason]), ...plan.candidates.map((c) => c.source.label)];
    } catch (e) {
      if (!isAppError(e) || e.code !== 'BAD_INPUT') throw e;
      return [e.message];
    }
  }

  it.each([
    ['.env', (text: string) => parseEnvFile(text, { account: 'a' })],
    ['CSV', (text: string) => parseCsvFile(csvHeader + text, { token: 'Token', name: 'Name', platform: 'Platform', notes: 'Notes' }, { account: 'a', platform: 'custom' })],
    ['CSV headers', (text: string) => ({ format: 'csv' as const, candidates: [], skipped: csvHeaders(text).map((h) => ({ line: 1, label: '', reason: h })) })],
    ['KeePassXC', (text: string) => parseKeePassXcCsv(keepassHeader + text)],
  ])('%s', (_what, parse) => {
    fc.assert(
      fc.property(file, (text) => {
        for (const line of shown(() => parse(text))) {
          for (const t of tokens) expect(line).not.toContain(t);
        }
      }),
      { numRuns: 400 },
    );
  });
});
