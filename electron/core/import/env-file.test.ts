import { describe, expect, it } from 'vitest';
import { errorOf } from '../test-support/app-errors';
import { parseEnvFile, JWT_OF_NO_PLATFORM, NOT_A_TOKEN } from './env-file';
import { ENV, ENV_BROKEN, expectNoSecret, readFixture } from './fixtures';
import type { EnvImportOptions } from './options';

const OPTIONS: EnvImportOptions = {
  account: 'env-account',
  client: 'Client é',
  platformFor: { JELASTIC_SESSION: 'jelastic', YWH_PAT: 'yeswehack', CUSTOM_TOKEN: 'custom' },
};
const base = { account: 'env-account', client: 'Client é' };

describe('parseEnvFile on the fixture (BOM, CRLF, quotes, comments, unicode, duplicates)', () => {
  const plan = parseEnvFile(readFixture('tokens.env'), OPTIONS);

  it('lists every token with its line, name and platform', () => {
    expect(plan.format).toBe('env');
    expect(plan.candidates).toEqual([
      { source: { line: 2, label: 'GITHUB_TOKEN' }, input: { platform: 'github', ...base, name: 'GITHUB_TOKEN', token: ENV.github }, detectedPlatform: true },
      { source: { line: 3, label: 'GITLAB_TOKEN' }, input: { platform: 'gitlab', ...base, name: 'GITLAB_TOKEN', token: ENV.gitlab }, detectedPlatform: true },
      { source: { line: 4, label: 'BRASS_PAT' }, input: { platform: 'brass', ...base, name: 'BRASS_PAT', token: ENV.brass }, detectedPlatform: true },
      {
        source: { line: 5, label: 'IOBEYA_PAT' },
        // The JWT's claims: sub → username, scope → scopes, exp → expiry day (UTC).
        input: {
          platform: 'iobeya',
          ...base,
          username: 'marie.curie',
          name: 'IOBEYA_PAT',
          token: ENV.iobeya,
          scopes: ['rooms:read', 'boards:write'],
          expiresAt: '2028-01-01',
        },
        detectedPlatform: true,
      },
      { source: { line: 10, label: 'JELASTIC_SESSION' }, input: { platform: 'jelastic', ...base, name: 'JELASTIC_SESSION', token: ENV.jelastic }, detectedPlatform: false },
      { source: { line: 11, label: 'YWH_PAT' }, input: { platform: 'yeswehack', ...base, name: 'YWH_PAT', token: ENV.yeswehack }, detectedPlatform: false },
      // Double quotes: \" and \\ unescaped; Unicode kept as written.
      { source: { line: 12, label: 'CUSTOM_TOKEN' }, input: { platform: 'custom', ...base, name: 'CUSTOM_TOKEN', token: ENV.custom }, detectedPlatform: false },
      {
        source: { line: 17, label: 'GITHUB_TOKEN_COPY' },
        input: { platform: 'github', ...base, name: 'GITHUB_TOKEN_COPY', token: ENV.github },
        detectedPlatform: true,
        duplicateOfLine: 2,
      },
      { source: { line: 20, label: 'GITLAB_LEGACY' }, input: { platform: 'gitlab', ...base, name: 'GITLAB_LEGACY', token: ENV.gitlabLegacy }, detectedPlatform: true },
    ]);
  });

  it('skips non-token variables and bad lines with their line numbers (after a value spanning two lines)', () => {
    expect(plan.skipped).toEqual([
      { line: 7, label: 'PORT', reason: NOT_A_TOKEN },
      { line: 8, label: 'DEBUG', reason: NOT_A_TOKEN },
      { line: 9, label: 'API_URL', reason: NOT_A_TOKEN },
      { line: 13, label: 'MOTD', reason: NOT_A_TOKEN },
      { line: 15, label: '', reason: "not a KEY=value line (no '=')" },
      { line: 16, label: '1NVALID-NAME', reason: 'invalid variable name (a letter or _ first, then letters, digits, _ . or -)' },
      { line: 18, label: 'EMPTY_VAR', reason: 'empty value' },
      { line: 19, label: 'UNKNOWN_SECRET', reason: NOT_A_TOKEN },
    ]);
  });

  it('never puts a value in a label or reason', () => {
    expectNoSecret(JSON.stringify(plan.skipped));
    expectNoSecret(JSON.stringify(plan.candidates.map((c) => c.source)));
  });

  it('reads the same plan without BOM and with LF or CR line ends', () => {
    const crlf = readFixture('tokens.env');
    const lf = crlf.replace(/^\ufeff/, '').replace(/\r\n/g, '\n');
    expect(parseEnvFile(lf, OPTIONS)).toEqual(plan);
    expect(parseEnvFile(lf.replace(/\n/g, '\r'), OPTIONS)).toEqual(plan);
  });
});

describe('parseEnvFile options', () => {
  it('platformFor imports a variable whose value says nothing; one that contradicts the value’s format is skipped with the reason', () => {
    const plan = parseEnvFile('PORT=3000\nGH=' + ENV.github + '\n', { account: 'a', platformFor: { PORT: 'custom', GH: 'custom' } });
    expect(plan.candidates.map((c) => [c.input.name, c.input.platform, c.detectedPlatform])).toEqual([['PORT', 'custom', false]]);
    expect(plan.skipped).toEqual([
      { line: 2, label: 'GH', reason: 'looks like a GitHub classic personal access token, not a token for a custom platform; correct its platform to import it' },
    ]);
  });

  it('without a client, candidates have none', () => {
    const plan = parseEnvFile(`T=${ENV.github}`, { account: ' acct ' });
    expect(plan.candidates[0]?.input).toEqual({ platform: 'github', account: 'acct', name: 'T', token: ENV.github });
  });

  it.each([
    [{ account: '' }, 'Import options: account: account must not be empty'],
    [{ account: 'a', platformFor: { X: 'bitbucket' } }, 'Import options: platformFor.X: unknown platform'],
    [{ account: 'a', extra: 1 }, 'Import options: '],
  ])('bad options %j → BAD_INPUT', async (opts, message) => {
    const err = await errorOf(() => parseEnvFile(`T=${ENV.github}`, opts as EnvImportOptions));
    expect(err.code).toBe('BAD_INPUT');
    expect(err.message).toContain(message);
  });

  it('JWT claims that do not fit are dropped, not the token', () => {
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const jwt = `${b64({ alg: 'HS256' })}.${b64({ iss: 'https://acme.iobeya.com', sub: 'u'.repeat(300), exp: 1830340800 })}.sigPart`;
    const plan = parseEnvFile(`JWT=${jwt}`, { account: 'a' });
    expect(plan.candidates[0]?.input).toEqual({ platform: 'iobeya', account: 'a', name: 'JWT', token: jwt, expiresAt: '2028-01-01' });
  });

  it('a JWT whose claims do not name iObeya is not imported as iObeya: skipped unless mapped, then with its claims', () => {
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const jwt = `${b64({ alg: 'RS256' })}.${b64({ iss: 'https://gitlab.example.com', sub: 'ci-bot', exp: 1830340800 })}.sigPart`;
    const plan = parseEnvFile(`CI_JOB_JWT=${jwt}`, { account: 'a' });
    expect(plan.candidates).toEqual([]);
    expect(plan.skipped).toEqual([{ line: 1, label: 'CI_JOB_JWT', reason: JWT_OF_NO_PLATFORM }]);
    const mapped = parseEnvFile(`CI_JOB_JWT=${jwt}`, { account: 'a', platformFor: { CI_JOB_JWT: 'custom' } });
    expect(mapped.candidates[0]?.input).toMatchObject({ platform: 'custom', username: 'ci-bot', expiresAt: '2028-01-01' });
  });
});

describe('parseEnvFile refuses malformed files (nothing to write), without showing a value', () => {
  it.each([
    ['unterminated double quote', readFixture('unterminated-quote.env'), 'Line 2: the double-quoted value of BROKEN is never closed (missing ").'],
    ['unterminated single quote', `A='${ENV_BROKEN.gitlab}\nB=${ENV_BROKEN.brass}\n`, "Line 1: the single-quoted value of A is never closed (missing ')."],
    ['empty file', '', 'The .env file is empty.'],
    ['only a BOM and blank lines', '\ufeff\r\n  \r\n', 'The .env file is empty.'],
    ['only comments', '# nothing here\n  # still nothing\n', 'The .env file has no KEY=value lines.'],
    ['nothing parses (a CSV picked by mistake)', `name;token\nci;${ENV_BROKEN.github}\n`, "This does not look like a .env file: no line is KEY=value (line 1: not a KEY=value line (no '='))."],
    ['NUL bytes', `A=${ENV_BROKEN.github}\n\u0000\u0001binary`, 'The .env file contains NUL bytes (line 2)'],
    ['unreadable bytes', `A=${ENV_BROKEN.github}\nB=caf\ufffd\n`, 'The .env file has unreadable characters at line 2'],
  ])('%s', async (_what, text, message) => {
    const err = await errorOf(() => parseEnvFile(text, { account: 'a' }));
    expect(err.code).toBe('BAD_INPUT');
    expect(err.message).toContain(message);
    expectNoSecret(err.message);
  });

  it('a token-shaped name on a bad line is not echoed as the label', () => {
    const plan = parseEnvFile(`OK=${ENV.github}\nmy ${ENV_BROKEN.github}=x\n`, { account: 'a' });
    expect(plan.skipped).toEqual([{ line: 2, label: '', reason: expect.stringContaining('invalid variable name') }]);
  });
});
