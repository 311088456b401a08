/**
 * Sample tokens with distinctive text in every field, so raw-byte scans and round trips can
 * tell each field apart. Values are synthetic, shaped like each platform's real tokens.
 */
import type { Vault } from '../vault/vault';

export const SAMPLE_TOKENS = [
  {
    platform: 'github',
    account: 'octocat-account-zq1',
    client: 'Acme Client zq1',
    username: 'octo-user-zq1',
    name: 'CI deploy token zq1',
    token: 'ghp_ZQ1abcdefghijklmnopqrstuvwxyz0123456',
    scopes: ['repo-scope-zq1', 'read:org-zq1'],
    expiresAt: '2027-03-04',
    notes: 'rotate quarterly, note zq1 — ünïcödé',
  },
  {
    platform: 'gitlab',
    account: 'gitlab-account-zq2',
    client: 'Globex Client zq2',
    baseUrl: 'https://gitlab.zq2-hoster.example',
    name: 'Registry pull zq2',
    token: 'glpat-ZQ2aaaabbbbccccdddd',
    scopes: ['read_registry_zq2'],
    expiresAt: '2026-12-01',
    notes: 'notes zq2, "quoted", with, commas\nand a newline',
  },
  {
    platform: 'brass',
    account: 'brass-account-zq3',
    name: 'Payables bot zq3',
    token: '123|pat-ZQ3aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    scopes: ['Payable Admin zq3'],
    notes: '',
  },
  {
    platform: 'jelastic',
    account: 'jelastic-account-zq4',
    client: 'Initech zq4',
    baseUrl: 'https://app.zq4-hoster.example',
    name: 'Maven plugin zq4',
    token: 'zq4d6f0a1b2c3d4e5f60718293a4b5c6d7e8f9012',
    scopes: ['Maven Plugin zq4'],
    expiresAt: '2028-01-31',
  },
  {
    platform: 'yeswehack',
    account: 'ywh-account-zq5',
    client: 'Acme Client zq1',
    name: 'Reports reader zq5',
    token: 'ywh-zq5-0123456789abcdef0123456789abcdef',
    scopes: ['Program Manager zq5', 'program-slug-zq5'],
    expiresAt: '2026-11-30',
    ywhRole: 'business-unit-manager',
    ywhScope: 'business-unit',
    ywhAccess: 'read-write',
  },
  {
    platform: 'iobeya',
    account: 'iobeya-account-zq6',
    client: 'Umbrella zq6',
    baseUrl: 'https://umbrella-zq6.api.iobeya.com',
    name: 'Board sync zq6',
    token: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ6cTYifQ.ZQ6signaturepart',
    notes: 'one token per user zq6',
  },
] as const;

/** Every distinctive string in the samples: none may appear in the vault file's bytes. */
export function sampleSecretsAndMetadata(): string[] {
  const out: string[] = [];
  for (const t of SAMPLE_TOKENS) {
    const r = t as Record<string, unknown>;
    for (const k of ['account', 'client', 'username', 'name', 'token', 'notes', 'baseUrl']) {
      const v = r[k];
      if (typeof v === 'string' && v.length > 0) out.push(v);
    }
    for (const s of (r['scopes'] as readonly string[] | undefined) ?? []) out.push(s);
  }
  return out;
}

/** Adds every sample token; returns their ids in order. */
export function addSamples(vault: Vault): string[] {
  return SAMPLE_TOKENS.map((t) => vault.tokens.add({ ...t, scopes: 'scopes' in t ? [...t.scopes] : undefined }).id);
}
