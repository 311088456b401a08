/** A realistic synthetic inventory for the benchmarks: tokens spread over accounts, clients and platforms. */
import { randomBytes } from 'node:crypto';
import { PLATFORM_IDS } from '../../shared/domain/platform-ids';
import { isOneTokenPerUser } from '../../shared/domain/one-token-per-user';

/**
 * `tokens` import items over `accounts` accounts and 60 clients; every 10th has notes. On a
 * platform where a user holds one token at a time (iObeya), each token is its own user's
 * account: a second token on the same account would replace the first on import, and the
 * vault would hold fewer than `tokens`.
 */
export function sampleInventory(tokens: number, accounts: number): Record<string, unknown>[] {
  const clients = Array.from({ length: 60 }, (_, i) => `Client ${i} ${['Acme', 'Globex', 'Initech', 'Umbrella'][i % 4]}`);
  return Array.from({ length: tokens }, (_, i) => {
    const a = i % accounts;
    const platform = PLATFORM_IDS[a % (PLATFORM_IDS.length - 1)] ?? 'github';
    return {
      platform,
      account: isOneTokenPerUser(platform) ? `account-${a} user ${i}` : `account-${a}`,
      client: clients[a % clients.length],
      name: `${['CI', 'deploy', 'reader', 'backup', 'sync'][i % 5]} token ${i}`,
      token: `tok_${randomBytes(20).toString('hex')}`,
      scopes: ['read', i % 3 === 0 ? 'write' : 'api'],
      expiresAt: i % 4 === 0 ? null : `2027-${String((i % 12) + 1).padStart(2, '0')}-15`,
      notes: i % 10 === 0 ? `note for token ${i}` : undefined,
    };
  });
}
