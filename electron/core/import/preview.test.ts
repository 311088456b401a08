/**
 * The shared planning and preview step (CLI and app): options checked, the CSV mapping used as
 * given, rows in file order with the duplicate rule (file first, then vault), and no value in
 * any row.
 */
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../shared/errors';
import { ENV, KPX, expectNoSecret, readFixture } from './fixtures';
import { inspectImportText, planImport, previewImport } from './preview';

const noneInVault = (values: readonly string[]) => values.map(() => null);

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return isAppError(e) ? `${e.code}: ${e.message}` : String(e);
  }
  return 'no error';
}

describe('planImport', () => {
  it('.env needs an account; CSV needs token and name columns; the given mapping is not merged with guesses', () => {
    expect(codeOf(() => planImport(readFixture('tokens.env'), { format: 'env' }))).toMatch(/^BAD_INPUT: .*needs an account/);
    const csv = readFixture('generic.csv');
    expect(codeOf(() => planImport(csv, { format: 'csv', mapping: { token: 'Token' } }))).toMatch(/must name the token and name columns \(the file has: Name, Token/);
    const given = planImport(csv, { format: 'csv', mapping: { token: 'Token', name: 'Name' }, account: 'fallback', platform: 'github' });
    // Account not mapped: every row takes the fallback, although the file has an Account column.
    expect(new Set(given.candidates.map((c) => c.input.account))).toEqual(new Set(['fallback']));
    const guessed = planImport(csv, { format: 'csv', account: 'fallback', platform: 'github' });
    expect(guessed.candidates.some((c) => c.input.account === 'octo-org')).toBe(true);
  });
});

describe('previewImport', () => {
  it('marks repeats in the file before matches in the vault, sorts by line, and lists only fresh inputs', () => {
    const plan = planImport(readFixture('tokens.env'), { format: 'env', account: 'acct' });
    const inVault = (values: readonly string[]) => values.map((v) => (v === ENV.gitlab ? '0123456789abcdef0123456789abcdef' : null));
    const p = previewImport(plan, inVault);
    expect(p.rows.find((r) => r.label === 'GITLAB_TOKEN')).toMatchObject({ action: 'duplicate-in-vault', reason: 'already in the vault (01234567)' });
    expect(p.rows.find((r) => r.label === 'GITHUB_TOKEN_COPY')).toMatchObject({ action: 'duplicate-in-file', reason: 'duplicate of line 2' });
    expect(p.fresh.map((i) => i.token)).not.toContain(ENV.gitlab);
    expect(p.fresh.map((i) => i.token).filter((t) => t === ENV.github)).toHaveLength(1);
    expect(p.counts).toEqual({ import: p.fresh.length, duplicates: plan.candidates.length - p.fresh.length, skipped: plan.skipped.length });
    const lines = p.rows.map((r) => r.line);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    expectNoSecret(JSON.stringify(p.rows));
  });

  it('a row whose token belongs to another platform than its platform cell is skipped with the reason; the rest imports', () => {
    const gl = 'glpat-' + 'R'.repeat(20);
    const gh = 'ghp_' + 'S'.repeat(36);
    const csv = `Name,Token,Platform\r\nwrong,${gl},GitHub\r\nright,${gh},GitHub\r\n`;
    const p = previewImport(planImport(csv, { format: 'csv', account: 'acct' }), noneInVault);
    expect(p.rows).toEqual([
      expect.objectContaining({ line: 2, label: 'wrong', action: 'skip', reason: 'looks like a GitLab personal access token, not a GitHub token; correct its platform to import it' }),
      expect.objectContaining({ line: 3, label: 'right', action: 'import', platform: 'github' }),
    ]);
    expect(p.fresh.map((i) => i.token)).toEqual([gh]);
    expect(JSON.stringify(p.rows)).not.toContain(gl);
    // An .env mapping that contradicts the value is left out the same way.
    const env = planImport(`DEPLOY=${gl}\n`, { format: 'env', account: 'acct' });
    expect(env.candidates[0]?.input.platform).toBe('gitlab');
  });

  it('keeps KeePassXC rows free of values and of the TOTP secret', () => {
    const p = previewImport(planImport(readFixture('keepassxc-2.7.csv'), { format: 'keepassxc' }), noneInVault);
    expect(JSON.stringify(p.rows)).not.toContain(KPX.totpSecret);
    expectNoSecret(JSON.stringify(p.rows));
  });
});

describe('inspectImportText', () => {
  it('reads the whole file: malformed ones are refused; CSV gives headers and guesses', () => {
    expect(codeOf(() => inspectImportText(readFixture('unterminated-quote.env'), 'env'))).toMatch(/^BAD_INPUT: .*never closed/);
    expect(codeOf(() => inspectImportText(readFixture('unterminated-quote.csv'), 'csv'))).toMatch(/^BAD_INPUT/);
    expect(codeOf(() => inspectImportText(readFixture('keepassxc-missing-columns.csv'), 'keepassxc'))).toMatch(/^BAD_INPUT/);
    // French headers: read with the detected delimiter; nothing to guess from them.
    expect(inspectImportText(readFixture('semicolon.csv'), 'csv')).toEqual({ headers: ['Titre', 'Valeur', 'Plateforme', 'Compte'], suggestedMapping: {} });
    expect(inspectImportText(readFixture('generic.csv'), 'csv').suggestedMapping).toMatchObject({ token: 'Token', name: 'Name' });
    expect(inspectImportText(readFixture('tokens.env'), 'env')).toEqual({ headers: [], suggestedMapping: {} });
  });
});
