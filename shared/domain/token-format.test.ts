import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { detectToken } from './detect';
import { PLATFORM_IDS, type PlatformId } from './platform-ids';
import { platformConflict } from './token-format';

const b64url = (o: unknown): string => btoa(JSON.stringify(o)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const jwt = (payload: unknown): string => `${b64url({ alg: 'RS256', typ: 'JWT' })}.${b64url(payload)}.c2lnbmF0dXJl`;
const alnum = (n: number): string => 'Zq7'.repeat(Math.ceil(n / 3)).slice(0, n);

/** One real-format sample per platform that has a format. */
const SAMPLE: Readonly<Partial<Record<PlatformId, string>>> = {
  github: `ghp_${alnum(36)}`,
  gitlab: `glpat-${alnum(20)}`,
  brass: `7|pat-${alnum(40)}`,
  iobeya: jwt({ iss: 'https://acme.iobeya.com', sub: 'jane' }),
};

describe('a value of one platform’s format given to another platform', () => {
  test('a GitLab PAT chosen as GitHub: a conflict naming both platforms, never the value', () => {
    const value = SAMPLE.gitlab as string;
    const c = platformConflict(value, 'github');
    expect(c).toEqual({
      chosen: 'github',
      detected: 'gitlab',
      label: 'GitLab personal access token',
      message: 'This looks like a GitLab personal access token, not a GitHub token.',
    });
    expect(c?.message).not.toContain(value);
  });

  test('every pair of platforms with formats conflicts both ways', () => {
    for (const [a, va] of Object.entries(SAMPLE) as [PlatformId, string][]) {
      for (const b of Object.keys(SAMPLE) as PlatformId[]) {
        const c = platformConflict(va, b);
        if (a === b) expect(c, `${a} on ${b}`).toBeNull();
        else expect(c, `${a} on ${b}`).toMatchObject({ chosen: b, detected: a });
      }
    }
  });

  test('platforms without a documented format conflict only with another platform’s known format', () => {
    for (const chosen of ['yeswehack', 'jelastic', 'custom'] as const) {
      expect(platformConflict(SAMPLE.github as string, chosen)?.detected).toBe('github');
      expect(platformConflict('d6f4e314a5b5fefd164995169f28ae32d987704f', chosen)).toBeNull();
      expect(platformConflict('just-some-opaque-value-1234', chosen)).toBeNull();
    }
    expect(platformConflict(SAMPLE.brass as string, 'custom')?.message).toBe('This looks like a Brass personal access token, not a token for a custom platform.');
    expect(platformConflict(SAMPLE.gitlab as string, 'jelastic')?.message).toBe('This looks like a GitLab personal access token, not a Jelastic / Virtuozzo token.');
    expect(platformConflict(SAMPLE.github as string, 'iobeya')?.message).toBe('This looks like a GitHub classic personal access token, not an iObeya token.');
  });

  test('a JWT of unknown origin conflicts with nothing; an iObeya JWT with every other platform', () => {
    const generic = jwt({ iss: 'https://auth.example.com', sub: 'svc', exp: 2_000_000_000 });
    for (const p of PLATFORM_IDS) expect(platformConflict(generic, p), p).toBeNull();
    expect(platformConflict(SAMPLE.iobeya as string, 'gitlab')?.message).toBe(
      'This looks like an iObeya personal access token (a JSON Web Token), not a GitLab token.',
    );
  });

  test('GitHub’s non-PAT tokens and GitLab’s other kinds still belong to their platform', () => {
    expect(platformConflict(`gho_${alnum(36)}`, 'github')).toBeNull();
    expect(platformConflict(`gho_${alnum(36)}`, 'gitlab')?.label).toMatch(/GitHub OAuth access token/);
    expect(platformConflict(`gldt-${alnum(20)}`, 'gitlab')).toBeNull();
    expect(platformConflict(`gldt-${alnum(20)}`, 'github')?.message).toBe(
      'This looks like a GitLab deploy token (not a personal access token), not a GitHub token.',
    );
  });
});

describe('properties', () => {
  const platform = fc.constantFrom(...PLATFORM_IDS);

  test('a value no platform claims never conflicts', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), platform, (value, p) => {
        fc.pre(detectToken(value)?.platform == null);
        expect(platformConflict(value, p)).toBeNull();
      }),
    );
  });

  test('a value conflicts exactly when its detected platform differs from the chosen one', () => {
    const claimed = fc.oneof(
      fc.stringMatching(/^gh[pousr]_[A-Za-z0-9]{36}$/),
      fc.stringMatching(/^glpat-[A-Za-z0-9_-]{20}$/),
      fc.stringMatching(/^gl(?:dt|ft|soat|ffct)-[A-Za-z0-9_-]{20}$/),
      fc.stringMatching(/^\d{1,20}\|pat-[A-Za-z0-9]{40}$/),
    );
    fc.assert(
      fc.property(claimed, platform, (value, p) => {
        const detected = detectToken(value)?.platform;
        const c = platformConflict(value, p);
        expect(c === null).toBe(detected === p);
        if (c !== null) {
          expect(c.detected).toBe(detected);
          expect(c.message).not.toContain(value);
        }
      }),
    );
  });
});
