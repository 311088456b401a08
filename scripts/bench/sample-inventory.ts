/** A realistic synthetic inventory for the benchmarks: tokens spread over accounts, clients and platforms. */
import { randomBytes } from 'node:crypto';
import { PLATFORM_IDS } from '../../shared/domain/platform-ids';

/** `tokens` import items over `accounts` accounts and 60 clients; every 10th has notes. */
export function sampleInventory(tokens: number, accounts: number): Record<string, unknown>[] {
  const clients = Array.from({ length: 60 }, (_, i) => `Client ${i} ${['Acme', 'Globex', 'Initech', 'Umbrella'][i % 4]}`);
  return Array.from({ length: tokens }, (_, i) => {
    const a = i % accounts;
    return {
      platform: PLATFORM_IDS[a % (PLATFORM_IDS.length - 1)],
      account: `account-${a}`,
      client: clients[a % clients.length],
      name: `${['CI', 'deploy', 'reader', 'backup', 'sync'][i % 5]} token ${i}`,
      token: `tok_${randomBytes(20).toString('hex')}`,
      scopes: ['read', i % 3 === 0 ? 'write' : 'api'],
      expiresAt: i % 4 === 0 ? null : `2027-${String((i % 12) + 1).padStart(2, '0')}-15`,
      notes: i % 10 === 0 ? `note for token ${i}` : undefined,
    };
  });
}
