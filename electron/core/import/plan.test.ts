import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../shared/domain/limits';
import { errorOf } from '../test-support/app-errors';
import { PlanBuilder } from './plan';
import { quoted } from './redact';

const GH = 'ghp_PlanAabcdefghijklmnopqrstuvwxyzABCDEF';
const input = (over: Record<string, unknown> = {}) => ({ platform: 'github', account: 'a', name: 'n', token: GH, ...over });

describe('PlanBuilder', () => {
  it('stores the validated, normalised input', () => {
    const b = new PlanBuilder('csv');
    b.add({ line: 2, label: 'n' }, input({ account: '  a  ', token: `  ${GH}\t`, scopes: ['x', 'x', ' y '], baseUrl: 'https://h.example/' }), true);
    expect(b.build().candidates[0]?.input).toEqual({ platform: 'github', account: 'a', name: 'n', token: GH, scopes: ['x', 'y'], baseUrl: 'https://h.example' });
  });

  it('marks a repeated value (compared as stored, trimmed) with the line of its first occurrence', () => {
    const b = new PlanBuilder('env');
    b.add({ line: 3, label: 'A' }, input(), true);
    b.add({ line: 5, label: 'B' }, input({ token: ` ${GH} ` }), true);
    b.add({ line: 9, label: 'C' }, input(), true);
    expect(b.build().candidates.map((c) => c.duplicateOfLine)).toEqual([undefined, 3, 3]);
  });

  it('an invalid row is skipped with the schema message', () => {
    const b = new PlanBuilder('csv');
    b.add({ line: 4, label: 'n' }, input({ name: ' ' }), true);
    b.add({ line: 5, label: 'm' }, input({ token: 'ab\u0001cd' }), true);
    expect(b.build().skipped).toEqual([
      { line: 4, label: 'n', reason: 'name: name must not be empty' },
      { line: 5, label: 'm', reason: 'token: token value contains control characters' },
    ]);
  });

  it('a value of another platform’s format is skipped with the reason, naming both platforms, never the value', () => {
    const gl = 'glpat-PlanB0123456789abcde';
    const b = new PlanBuilder('env');
    b.add({ line: 6, label: 'GITHUB_TOKEN' }, input({ token: gl }), false);
    b.add({ line: 7, label: 'CI_JWT' }, input({ token: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln' }), false);
    const plan = b.build();
    expect(plan.skipped).toEqual([
      { line: 6, label: 'GITHUB_TOKEN', reason: 'looks like a GitLab personal access token, not a GitHub token; correct its platform to import it' },
    ]);
    // A JWT of unknown origin contradicts no platform.
    expect(plan.candidates.map((c) => c.source.line)).toEqual([7]);
  });

  it('a wrong hint is dropped alone; a wrong field from the file skips the row', () => {
    const b = new PlanBuilder('keepassxc');
    b.add({ line: 2, label: 'n' }, input({ username: 'u'.repeat(300), expiresAt: '2028-01-01' }), true, ['username', 'expiresAt']);
    b.add({ line: 3, label: 'n' }, input({ username: 'u'.repeat(300), expiresAt: '2028-01-01' }), true, ['expiresAt']);
    const plan = b.build();
    expect(plan.candidates.map((c) => c.input)).toEqual([input({ expiresAt: '2028-01-01' })]);
    expect(plan.skipped).toEqual([{ line: 3, label: 'n', reason: 'username: username is longer than 200 characters' }]);
  });

  it('a label or reason that would repeat the value is blanked', () => {
    const b = new PlanBuilder('csv');
    b.add({ line: 2, label: `copy of ${GH}` }, input({ name: 'x' }), true);
    b.skip(3, GH, `bad ${GH}`, GH);
    const plan = b.build();
    expect(plan.candidates[0]?.source).toEqual({ line: 2, label: '' });
    expect(plan.skipped).toEqual([{ line: 3, label: '', reason: 'the row is invalid (the details would show its value)' }]);
  });

  it('refuses more rows than one import may hold', async () => {
    const b = new PlanBuilder('env');
    for (let i = 0; i < LIMITS.importMaxItems; i++) b.skip(i + 1, 'K', 'r');
    expect(await errorOf(() => b.skip(0, 'K', 'r'))).toEqual({
      code: 'BAD_INPUT',
      message: `The file has more than ${LIMITS.importMaxItems} entries; split it and import the parts.`,
    });
  });
});

describe('quoted', () => {
  it('quotes, shortens and neutralises file text for messages', () => {
    expect(quoted(' Jira ')).toBe("'Jira'");
    expect(quoted('a\nb')).toBe("'a b'");
    expect(quoted('é'.repeat(70))).toBe(`'${'é'.repeat(60)}…'`);
    expect(quoted(GH)).toBe('(a value shaped like a token)');
  });
});
