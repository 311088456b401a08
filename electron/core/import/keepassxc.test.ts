import { describe, expect, it } from 'vitest';
import { errorOf } from '../test-support/app-errors';
import { expectNoSecret, KPX, readFixture } from './fixtures';
import { EMPTY_PASSWORD, IN_RECYCLE_BIN, parseKeePassXcCsv, PLATFORM_NOT_RECOGNISED } from './keepassxc';

describe('parseKeePassXcCsv on a KeePassXC 2.7 export (10 columns, all quoted, LF)', () => {
  const text = readFixture('keepassxc-2.7.csv');
  const plan = parseKeePassXcCsv(text);

  it('maps title, password, username, notes, group and URL', () => {
    expect(plan.format).toBe('keepassxc');
    expect(plan.candidates).toEqual([
      {
        // Group "Root" alone: no client. Account: the URL's host.
        source: { line: 2, label: 'GitHub CI' },
        input: { platform: 'github', account: 'github.com', username: 'octocat', name: 'GitHub CI', token: KPX.github, notes: 'classic PAT' },
        detectedPlatform: true,
      },
      {
        // Self-hosted GitLab: base URL from the host; notes with newline, quotes and commas intact.
        source: { line: 3, label: 'Acme GitLab' },
        input: {
          platform: 'gitlab',
          account: 'gitlab.acme.example',
          client: 'Acme',
          username: 'acme-bot',
          baseUrl: 'https://gitlab.acme.example/api/v4',
          name: 'Acme GitLab',
          token: KPX.gitlab,
          notes: 'multi\nline "note", with commas',
        },
        detectedPlatform: true,
      },
      {
        // YesWeHack tokens have no known format: the URL tells.
        source: { line: 5, label: 'YesWeHack reports' },
        input: { platform: 'yeswehack', account: 'yeswehack.com', client: 'Umbrella', username: 'hunter', name: 'YesWeHack reports', token: KPX.yeswehack },
        detectedPlatform: false,
      },
      {
        // A URL stored without scheme still names the host.
        source: { line: 6, label: 'Jelastic Maven' },
        input: {
          platform: 'jelastic',
          account: 'app.jelastic.initech.example',
          client: 'Initech',
          username: 'dev@initech.example',
          baseUrl: 'https://app.jelastic.initech.example',
          name: 'Jelastic Maven',
          token: KPX.jelastic,
        },
        detectedPlatform: false,
      },
      {
        // A JWT: its claims fill username, scopes and expiry; the web-app URL gives the API base.
        source: { line: 7, label: 'iObeya board' },
        input: {
          platform: 'iobeya',
          account: 'umbrella.iobeya.com',
          client: 'Umbrella',
          username: 'marie.curie',
          baseUrl: 'https://umbrella.api.iobeya.com/v1',
          name: 'iObeya board',
          token: KPX.iobeya,
          scopes: ['boards:write'],
          expiresAt: '2029-02-28',
        },
        detectedPlatform: true,
      },
      {
        // No URL: the account is the title. Unicode group and notes survive.
        source: { line: 8, label: 'Clé 🔑 Brass' },
        input: { platform: 'brass', account: 'Clé 🔑 Brass', client: 'Société 中文', name: 'Clé 🔑 Brass', token: KPX.brass, notes: 'note é 中文 🔑' },
        detectedPlatform: true,
      },
      {
        source: { line: 12, label: 'GitHub CI (copy)' },
        input: { platform: 'github', account: 'github.com', client: 'Acme', username: 'octocat', name: 'GitHub CI (copy)', token: KPX.github },
        detectedPlatform: true,
        duplicateOfLine: 2,
      },
    ]);
  });

  it('skips deleted entries, empty passwords and unknown platforms', () => {
    expect(plan.skipped).toEqual([
      { line: 9, label: 'Old GitHub', reason: IN_RECYCLE_BIN },
      { line: 10, label: 'Wiki login', reason: EMPTY_PASSWORD },
      { line: 11, label: 'Bank', reason: PLATFORM_NOT_RECOGNISED },
    ]);
    expectNoSecret(JSON.stringify(plan.skipped));
  });

  it('never reads the TOTP column', () => {
    expect(text).toContain(KPX.totpSecret);
    expect(JSON.stringify(plan)).not.toContain(KPX.totpSecret);
  });

  it('reads the same plan after a round through Windows (CRLF, BOM)', () => {
    expect(parseKeePassXcCsv(`\ufeff${text.replace(/\n/g, '\r\n')}`).skipped).toEqual(plan.skipped);
  });

  it('a default platform takes entries nothing else identifies; a default client fills entries in Root', () => {
    const withDefaults = parseKeePassXcCsv(text, { platform: 'custom', client: 'Mine' });
    expect(withDefaults.candidates.find((c) => c.source.label === 'Bank')).toEqual({
      source: { line: 11, label: 'Bank' },
      input: { platform: 'custom', account: 'bank.example', client: 'Personal', username: 'alice', name: 'Bank', token: KPX.bank },
      detectedPlatform: false,
    });
    expect(withDefaults.candidates[0]?.input.client).toBe('Mine');
  });
});

describe('parseKeePassXcCsv on other exports', () => {
  it('reads the older 6-column export', () => {
    expect(parseKeePassXcCsv(readFixture('keepassxc-2.5.csv'))).toEqual({
      format: 'keepassxc',
      candidates: [
        {
          source: { line: 2, label: 'GitLab self-hosted' },
          input: {
            platform: 'gitlab',
            account: 'gitlab.globex.example',
            client: 'Globex',
            username: 'ops',
            baseUrl: 'https://gitlab.globex.example/api/v4',
            name: 'GitLab self-hosted',
            token: KPX.gitlabOld,
          },
          detectedPlatform: true,
        },
      ],
      skipped: [],
    });
  });

  it('a Recycle Bin below another group is an ordinary group', () => {
    const text = `"Group","Title","Password"\n"Root/Archive/Recycle Bin","Kept","${KPX.github}"\n"Root/Recycle Bin/Old","Gone","${KPX.gitlab}"\n`;
    const plan = parseKeePassXcCsv(text);
    expect(plan.candidates.map((c) => [c.input.name, c.input.client])).toEqual([['Kept', 'Recycle Bin']]);
    expect(plan.skipped).toEqual([{ line: 3, label: 'Gone', reason: IN_RECYCLE_BIN }]);
  });

  it('a row with the wrong number of fields is skipped without a label', () => {
    const plan = parseKeePassXcCsv(`"Group","Title","Password"\n"Root","${KPX.github}"\n`);
    expect(plan.skipped).toEqual([{ line: 2, label: '', reason: 'has 2 fields where the header has 3' }]);
  });
});

describe('parseKeePassXcCsv refuses files that are not exports, without showing a value', () => {
  it.each([
    ['missing columns (fixture)', readFixture('keepassxc-missing-columns.csv'), 'Line 1: this is not a KeePassXC CSV export: the header has no Group, Password columns'],
    ['a generic CSV', readFixture('generic.csv'), 'the header has no Group, Title, Password columns'],
    ['unterminated quote', `"Group","Title","Password"\n"Root","x","${KPX.github}\n`, 'Line 2: a quoted field is never closed'],
    ['headerless export', `"Root","GitHub","octocat","${KPX.github}","",""\n`, 'Line 1: the first row holds a value shaped like a token'],
    ['empty', '', 'The KeePassXC export is empty.'],
    ['binary', '\u0000\u0001\u0002', 'The KeePassXC export contains NUL bytes (line 1)'],
  ])('%s', async (_what, text, message) => {
    const err = await errorOf(() => parseKeePassXcCsv(text));
    expect(err.code).toBe('BAD_INPUT');
    expect(err.message).toContain(message);
    expectNoSecret(err.message);
  });
});
