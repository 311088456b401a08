import { describe, expect, it } from 'vitest';
import { reminderNotification, type DueReminder } from './reminder-text';

const due = (id: string, expiresAt: string, daysLeft: number, client: string | null = null): DueReminder => ({
  tokenId: id,
  expiresAt,
  daysLeft,
  label: { name: `Name ${id}`, platform: 'GitHub', account: `acct-${id}`, client },
});

describe('reminderNotification', () => {
  it('nothing due, nothing to say', () => {
    expect(reminderNotification([], false)).toBeNull();
  });

  it('names a single token, with the client only when there is one', () => {
    expect(reminderNotification([due('a', '2026-12-01', 0)], false)).toEqual({
      title: 'Token expires today',
      body: 'Name a — GitHub / acct-a, on 2026-12-01',
      tokenId: 'a',
    });
    expect(reminderNotification([due('a', '2026-12-01', 1, 'Acme')], false)?.body).toBe('Name a — GitHub / acct-a (Acme), on 2026-12-01');
  });

  it('groups several, naming three and counting the rest', () => {
    const n = reminderNotification(
      [due('e', '2026-12-05', 5), due('a', '2026-12-01', 1), due('c', '2026-12-03', 3), due('b', '2026-12-02', 2)],
      false,
    );
    expect(n).toEqual({
      title: '4 tokens expire within 5 days',
      body: 'Name a, Name b, Name c and 1 more; the first on 2026-12-01, the last on 2026-12-05.',
      tokenId: null,
    });
    expect(reminderNotification([due('a', '2026-12-01', 0), due('b', '2026-12-01', 0)], false)).toEqual({
      title: '2 tokens expire today',
      body: 'Name a and Name b; all on 2026-12-01.',
      tokenId: null,
    });
    expect(reminderNotification([due('a', '2026-11-30', -1), due('b', '2026-12-01', 0)], false)?.title).toBe(
      '2 tokens expired or expire soon',
    );
  });

  it('stays anonymous when any label is missing, even unlocked', () => {
    const n = reminderNotification([due('a', '2026-12-01', 1), { ...due('b', '2026-12-02', 2), label: null }], false);
    expect(n?.body).toBe('The first on 2026-12-01, the last on 2026-12-02. Unlock PAT Vault to see which.');
    expect(JSON.stringify(n)).not.toMatch(/Name|acct|GitHub/);
    expect(reminderNotification([{ ...due('b', '2026-12-02', 2), label: null }], false)).toEqual({
      title: 'Token expires in 2 days',
      body: 'On 2026-12-02. Unlock PAT Vault to see which.',
      tokenId: null,
    });
  });
});
