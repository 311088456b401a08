import { execFileSync } from 'node:child_process';
import { expect, test } from 'vitest';
import { buildSnippet, shellQuote } from './snippets';

const URL_ = 'https://api.example.test/v1/rooms?page=1';

test('header snippets use each platform scheme exactly', () => {
  expect(buildSnippet('header', { kind: 'header', name: 'X-AUTH-TOKEN' }, URL_, 'tok')).toBe('X-AUTH-TOKEN: tok');
  expect(buildSnippet('header', { kind: 'header', name: 'PRIVATE-TOKEN' }, URL_, 'glpat-x')).toBe('PRIVATE-TOKEN: glpat-x');
  expect(buildSnippet('header', { kind: 'bearer' }, URL_, 'abc')).toBe('Authorization: Bearer abc');
  expect(buildSnippet('header', { kind: 'basic', username: 'me' }, URL_, 'pw')).toBe(`Authorization: Basic ${Buffer.from('me:pw').toString('base64')}`);
  expect(buildSnippet('header', { kind: 'query', name: 'session' }, URL_, 'a b&c')).toBe('session=a%20b%26c');
});

test('curl snippets place the token where the platform expects it', () => {
  expect(buildSnippet('curl', { kind: 'bearer' }, URL_, 'abc')).toBe(`curl -H 'Authorization: Bearer abc' '${URL_}'`);
  expect(buildSnippet('curl', { kind: 'query', name: 'session' }, 'https://app.hoster.test/1.0/users/authentication/rest/checksign', 'tok')).toBe(
    "curl 'https://app.hoster.test/1.0/users/authentication/rest/checksign?session=tok'",
  );
});

test('shell quoting survives quotes, spaces, $ and backticks (checked by a real shell)', () => {
  const nasty = `a'b "c" $HOME \`id\` \\ end`;
  const out = execFileSync('sh', ['-c', `printf %s ${shellQuote(nasty)}`], { encoding: 'utf8' });
  expect(out).toBe(nasty);
});
