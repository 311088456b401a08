import { describe, expect, it } from 'vitest';
import { errorOf } from '../test-support/app-errors';
import { NO_PLATFORM, parseCsvFile } from './csv-file';
import { csvHeaders } from './csv-table';
import type { CsvMapping } from './csv-mapping';
import { suggestMapping } from './csv-mapping';
import { CSV, expectNoSecret, readFixture } from './fixtures';

const MAPPING: CsvMapping = {
  token: 'Token',
  name: 'Name',
  platform: 'Platform',
  account: 'Account',
  client: 'Client',
  username: 'User',
  baseUrl: 'Base URL',
  scopes: 'Scopes',
  expiresAt: 'Expires',
  notes: 'Notes',
};
const DEFAULTS = { account: 'default-acct', client: 'Default Client' };

describe('parseCsvFile on the fixture (BOM, CRLF, quotes, commas, newlines, unicode, duplicates)', () => {
  const text = readFixture('generic.csv');
  const plan = parseCsvFile(text, MAPPING, DEFAULTS);

  it('the suggested mapping for its header is the one users would pick', () => {
    expect(suggestMapping(csvHeaders(text))).toEqual(MAPPING);
  });

  it('lists every usable row with its line', () => {
    expect(plan.format).toBe('csv');
    expect(plan.candidates).toEqual([
      {
        source: { line: 2, label: 'CI deploy' },
        input: {
          platform: 'github',
          account: 'octo-org',
          client: 'Acme',
          username: 'octocat',
          name: 'CI deploy',
          token: CSV.github,
          scopes: ['repo', 'read:org'],
          expiresAt: '2027-03-04',
          notes: 'rotate quarterly, "soon"',
        },
        detectedPlatform: false,
      },
      {
        // A timestamp with an offset becomes its UTC day; the note keeps its CRLF.
        source: { line: 3, label: 'Registry pull' },
        input: {
          platform: 'gitlab',
          account: 'gl-team',
          client: 'Globex',
          baseUrl: 'https://gitlab.globex.example/api/v4',
          name: 'Registry pull',
          token: CSV.gitlab,
          scopes: ['read_registry', 'write_registry'],
          expiresAt: '2026-12-02',
          notes: 'multi\r\nline note, with comma',
        },
        detectedPlatform: false,
      },
      {
        // No platform cell: the token's format tells; no client cell: the default.
        source: { line: 5, label: 'Payables bot' },
        input: { platform: 'brass', account: 'brass-acct', client: 'Default Client', name: 'Payables bot', token: CSV.brass },
        detectedPlatform: true,
      },
      {
        // Blank scopes/expiry/user cells: the JWT's claims fill them.
        source: { line: 6, label: 'Board sync' },
        input: {
          platform: 'iobeya',
          account: 'iobeya-acct',
          client: 'Umbrella',
          username: 'umbrella-bot',
          baseUrl: 'https://umbrella.api.iobeya.com/v1',
          name: 'Board sync',
          token: CSV.iobeya,
          scopes: ['rooms:read'],
          expiresAt: '2027-06-15',
        },
        detectedPlatform: false,
      },
      {
        source: { line: 7, label: 'Maven plugin' },
        input: {
          platform: 'jelastic',
          account: 'jel-acct',
          client: 'Initech',
          baseUrl: 'https://app.jelastic.initech.example',
          name: 'Maven plugin',
          token: CSV.jelastic,
          scopes: ['Extended', 'Marketplace'],
          expiresAt: '2028-01-31',
        },
        detectedPlatform: false,
      },
      {
        source: { line: 10, label: 'CI deploy copy' },
        input: { platform: 'github', account: 'octo-org', client: 'Acme', name: 'CI deploy copy', token: CSV.github },
        detectedPlatform: false,
        duplicateOfLine: 2,
      },
      {
        // No account cell: the default account; notes kept with their spaces.
        source: { line: 16, label: 'No account' },
        input: {
          platform: 'gitlab',
          account: 'default-acct',
          client: 'Default Client',
          name: 'No account',
          token: CSV.gitlabNoAccount,
          notes: '  spaced note 🔑  ',
        },
        detectedPlatform: false,
      },
    ]);
  });

  it('skips the rest with reasons and line numbers, never the value', () => {
    expect(plan.skipped).toEqual([
      { line: 8, label: 'Jira token', reason: "unknown platform 'Jira'" },
      { line: 9, label: 'Mystery', reason: NO_PLATFORM },
      { line: 11, label: 'Clé 中文 🔑', reason: 'expiresAt: must be a date written YYYY-MM-DD' },
      { line: 12, label: 'Empty token', reason: 'empty token value' },
      // Too few fields: columns may have shifted, so not even the name is shown.
      { line: 13, label: '', reason: 'has 3 fields where the header has 10 (an unquoted separator inside a field?)' },
      { line: 14, label: 'Bad expiry', reason: 'expiresAt: must be a date written YYYY-MM-DD or an ISO 8601 timestamp' },
    ]);
    expectNoSecret(JSON.stringify(plan.skipped));
  });

  it('reads the same plan from LF without BOM', () => {
    const lf = text.replace(/^\ufeff/, '').replace(/\r\n/g, '\n');
    const plan2 = parseCsvFile(lf, MAPPING, DEFAULTS);
    expect(plan2.skipped).toEqual(plan.skipped);
    // Only the CRLF inside the quoted note follows the file's line ends.
    expect(plan2.candidates[1]?.input.notes).toBe('multi\nline note, with comma');
    expect(plan2.candidates.map((c) => c.source)).toEqual(plan.candidates.map((c) => c.source));
  });
});

describe('parseCsvFile defaults and options', () => {
  it('a default platform takes rows whose platform nothing tells', () => {
    const plan = parseCsvFile(readFixture('generic.csv'), MAPPING, { ...DEFAULTS, platform: 'custom' });
    const mystery = plan.candidates.find((c) => c.source.label === 'Mystery');
    expect(mystery).toEqual({
      source: { line: 9, label: 'Mystery' },
      input: { platform: 'custom', account: 'mystery-acct', client: 'Default Client', name: 'Mystery', token: CSV.unknown },
      detectedPlatform: false,
    });
    // …but a detectable format still wins over the default.
    expect(plan.candidates.find((c) => c.source.label === 'Payables bot')?.input.platform).toBe('brass');
  });

  it('semicolon-separated files are detected (and a delimiter inside quotes is data)', () => {
    const plan = parseCsvFile(readFixture('semicolon.csv'), { token: 'Valeur', name: 'Titre', platform: 'Plateforme', account: 'Compte' });
    expect(plan.candidates).toEqual([
      {
        source: { line: 2, label: 'Clé ; point-virgule' },
        input: { platform: 'github', account: 'compte-é', name: 'Clé ; point-virgule', token: CSV.github },
        detectedPlatform: false,
      },
    ]);
  });

  it('tab-separated with only token and name columns: account from the default, platform from the format', () => {
    const plan = parseCsvFile(`token\tname\n${CSV.gitlab}\tci\n`, { token: 'token', name: 'name' }, { account: 'acct' });
    expect(plan.candidates.map((c) => c.input)).toEqual([{ platform: 'gitlab', account: 'acct', name: 'ci', token: CSV.gitlab }]);
  });

  it('platform cells match ids and display names without case', () => {
    const rows = ['GITHUB', 'GitLab', 'yeswehack', 'Jelastic / Virtuozzo', 'virtuozzo', 'IOBEYA', 'custom platform'];
    const text = ['n,t,p', ...rows.map((p, i) => `r${i},tok-${i}-abcdef,${p}`)].join('\n');
    const plan = parseCsvFile(text, { token: 't', name: 'n', platform: 'p' }, { account: 'a' });
    expect(plan.candidates.map((c) => c.input.platform)).toEqual(['github', 'gitlab', 'yeswehack', 'jelastic', 'jelastic', 'iobeya', 'custom']);
  });

  it('a blank account cell without a default account is a row problem', () => {
    const plan = parseCsvFile(`n,t,a\nx,${CSV.gitlab},\n`, { token: 't', name: 'n', account: 'a' });
    expect(plan.skipped).toEqual([{ line: 2, label: 'x', reason: 'account: account must not be empty' }]);
  });

  it('an invalid base URL is a row problem with the schema message', () => {
    const plan = parseCsvFile(`n,t,u\nx,${CSV.gitlab},http://gitlab.example\n`, { token: 't', name: 'n', baseUrl: 'u' }, { account: 'a' });
    expect(plan.skipped).toEqual([{ line: 2, label: 'x', reason: 'baseUrl: base URL must be an https:// URL (http:// only for localhost), without credentials' }]);
  });
});

describe('parseCsvFile refuses unusable files and mappings (nothing to write), without showing a value', () => {
  const generic = readFixture('generic.csv');
  it.each([
    ['mapping names a column that does not exist', () => parseCsvFile(generic, { ...MAPPING, expiresAt: 'Valid until' }, DEFAULTS), "Column mapping: the expiresAt column 'Valid until' is not in the header"],
    ['no account column and no default account', () => parseCsvFile(generic, { token: 'Token', name: 'Name' }), 'Column mapping: map an account column or give a default account.'],
    ['unterminated quote', () => parseCsvFile(readFixture('unterminated-quote.csv'), { token: 'Token', name: 'Name', account: 'Account' }), 'Line 3: a quoted field is never closed'],
    ['no header row', () => parseCsvFile(readFixture('no-header.csv'), { token: 'Token', name: 'Name' }, { account: 'a' }), 'Line 1: the first row holds a value shaped like a token'],
    ['NUL bytes', () => parseCsvFile(`${generic}\u0000`, MAPPING, DEFAULTS), 'The CSV file contains NUL bytes (line 17)'],
    ['empty file', () => parseCsvFile('\ufeff', MAPPING, DEFAULTS), 'The CSV file is empty.'],
    ['unknown default platform', () => parseCsvFile(generic, MAPPING, { platform: 'jira' as 'custom' }), 'Import defaults: platform: unknown platform'],
  ])('%s', async (_what, run, message) => {
    const err = await errorOf(run);
    expect(err.code).toBe('BAD_INPUT');
    expect(err.message).toContain(message);
    expectNoSecret(err.message);
  });
});
