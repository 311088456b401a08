/**
 * Fixtures of the fake `window.api`: token views with defaults, the platform capabilities,
 * and the error the fake throws (turned into the contract's error envelope).
 */
import type { TokenView } from '../api/types';
import type { Response } from '../../../shared/ipc/contract';
import type { FakeHistoryEntry } from './fake-history';

/** A token as the fake vault holds it. */
export interface StoredToken {
  view: TokenView;
  value: string;
  notes: string;
  /** Earlier values, oldest first (fake-history.ts). */
  history?: FakeHistoryEntry[];
}

/** Platform capabilities as the real presets declare them (kept in step by hand). */
export const FAKE_PLATFORMS: Response<'platforms.list'> = [
  { id: 'github', name: 'GitHub', check: true, revoke: 'api', rotate: false, needsPassword: { revoke: false, rotate: false }, acceptsLogin: { revoke: false, rotate: false }, rotateExpiry: false, needsBaseUrl: false, tokenPageUrl: 'https://github.com/settings/tokens' },
  { id: 'gitlab', name: 'GitLab', check: true, revoke: 'api', rotate: true, needsPassword: { revoke: false, rotate: false }, acceptsLogin: { revoke: false, rotate: false }, rotateExpiry: true, needsBaseUrl: false, tokenPageUrl: 'https://gitlab.com/-/user_settings/personal_access_tokens' },
  { id: 'yeswehack', name: 'YesWeHack', check: true, revoke: 'guided', rotate: false, needsPassword: { revoke: false, rotate: false }, acceptsLogin: { revoke: false, rotate: false }, rotateExpiry: false, needsBaseUrl: false, tokenPageUrl: 'https://yeswehack.com/' },
  { id: 'brass', name: 'Brass', check: true, revoke: 'guided', rotate: false, needsPassword: { revoke: false, rotate: false }, acceptsLogin: { revoke: false, rotate: false }, rotateExpiry: false, needsBaseUrl: false, tokenPageUrl: 'https://getbrass.co/' },
  { id: 'jelastic', name: 'Jelastic / Virtuozzo', check: true, revoke: 'api', rotate: true, needsPassword: { revoke: true, rotate: true }, acceptsLogin: { revoke: true, rotate: true }, rotateExpiry: false, needsBaseUrl: true, tokenPageUrl: null },
  { id: 'iobeya', name: 'iObeya', check: true, revoke: 'guided', rotate: false, needsPassword: { revoke: false, rotate: false }, acceptsLogin: { revoke: false, rotate: false }, rotateExpiry: false, needsBaseUrl: true, tokenPageUrl: null },
  { id: 'custom', name: 'Custom platform', check: true, revoke: 'guided', rotate: false, needsPassword: { revoke: false, rotate: false }, acceptsLogin: { revoke: false, rotate: false }, rotateExpiry: false, needsBaseUrl: false, tokenPageUrl: null },
];

/** A failure with the contract's error code. */
export class Fail extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A token view with defaults, for building fixtures. A fixture that gives only `expiresAt`
 * (a typed day) gets the matching `expiry`, as the vault's views have.
 */
export function makeToken(i: number, over: Partial<TokenView> = {}): TokenView {
  const platforms = ['github', 'gitlab', 'brass', 'iobeya'] as const;
  const expiry = over.expiry !== undefined ? over.expiry : (over.expiresAt ?? null);
  return {
    id: `tok${String(i).padStart(6, '0')}`,
    platform: platforms[i % platforms.length] as TokenView['platform'],
    account: `account-${i % 50}`,
    accountId: `acc${i % 50}`,
    client: i % 3 === 0 ? null : `Client ${i % 7}`,
    username: null,
    baseUrl: null,
    customPlatformId: null,
    customPlatformName: null,
    programSlug: null,
    platformTokenId: null,
    ywhRole: null,
    ywhScope: null,
    ywhAccess: null,
    reminderDays: null,
    name: `Token ${i}`,
    scopes: ['repo', 'read:org'],
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    expiresAt: null,
    expiry,
    expirySource: expiry === null ? null : 'user',
    expiryRaw: null,
    neverExpires: false,
    enteredExpiresAt: over.expiresAt ?? null,
    lastUsedAt: null,
    lastCheck: null,
    verdict: null,
    rotationUnconfirmed: null,
    status: 'unknown',
    ...over,
  };
}
