import { describe, expect, it } from 'vitest';
import { platformByName, platformFromUrl, urlHost } from './platform-hints';

describe('platformByName', () => {
  it.each([
    ['github', 'github'],
    [' GitHub ', 'github'],
    ['GITLAB', 'gitlab'],
    ['YesWeHack', 'yeswehack'],
    ['Yes We Hack', 'yeswehack'],
    ['brass', 'brass'],
    ['Jelastic / Virtuozzo', 'jelastic'],
    ['jelastic  /  virtuozzo', 'jelastic'],
    ['Virtuozzo', 'jelastic'],
    ['iObeya', 'iobeya'],
    ['Custom platform', 'custom'],
    ['Jira', null],
    ['', null],
  ])('%j → %j', (cell, id) => {
    expect(platformByName(cell)).toBe(id);
  });
});

describe('platformFromUrl', () => {
  it.each([
    ['https://github.com/settings/tokens', { platform: 'github', baseUrl: null, host: 'github.com' }],
    ['github.com', { platform: 'github', baseUrl: null, host: 'github.com' }],
    ['https://api.github.com', { platform: 'github', baseUrl: null, host: 'api.github.com' }],
    ['https://gitlab.com/-/user_settings/personal_access_tokens', { platform: 'gitlab', baseUrl: null, host: 'gitlab.com' }],
    ['https://gitlab.acme.example/users/sign_in', { platform: 'gitlab', baseUrl: 'https://gitlab.acme.example/api/v4', host: 'gitlab.acme.example' }],
    ['http://code-gitlab.intra.example:8443/', { platform: 'gitlab', baseUrl: 'https://code-gitlab.intra.example:8443/api/v4', host: 'code-gitlab.intra.example:8443' }],
    ['https://yeswehack.com/programs/x', { platform: 'yeswehack', baseUrl: null, host: 'yeswehack.com' }],
    ['https://apps.yeswehack.com', { platform: 'yeswehack', baseUrl: null, host: 'apps.yeswehack.com' }],
    ['https://umbrella.iobeya.com/', { platform: 'iobeya', baseUrl: 'https://umbrella.api.iobeya.com/v1', host: 'umbrella.iobeya.com' }],
    ['https://umbrella.api.iobeya.com/v1', { platform: 'iobeya', baseUrl: 'https://umbrella.api.iobeya.com/v1', host: 'umbrella.api.iobeya.com' }],
    ['https://iobeya.acme.example', { platform: 'iobeya', baseUrl: null, host: 'iobeya.acme.example' }],
    ['app.jelastic.hoster.example', { platform: 'jelastic', baseUrl: 'https://app.jelastic.hoster.example', host: 'app.jelastic.hoster.example' }],
    ['https://virtuozzo.hoster.example/docs', { platform: 'jelastic', baseUrl: null, host: 'virtuozzo.hoster.example' }],
  ])('%j', (url, hint) => {
    expect(platformFromUrl(url)).toEqual(hint);
  });

  it.each(['', 'not a url', 'https://bank.example', 'ftp://github.com', 'localhost-ish', 'https://notgithub.com'])('%j → null', (url) => {
    expect(platformFromUrl(url)).toBeNull();
  });

  it('urlHost accepts URLs with and without scheme', () => {
    expect(urlHost('HTTPS://Wiki.Acme.example/x')).toBe('wiki.acme.example');
    expect(urlHost('wiki.acme.example')).toBe('wiki.acme.example');
    expect(urlHost('just words')).toBeNull();
  });
});
