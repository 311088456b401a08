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
    expect(reminderNotification([due('a', '2026-12-01', 0)], false, true)).toEqual({
      title: 'Token expires today',
      body: 'Name a — GitHub / acct-a, on 2026-12-01',
      tokenId: 'a',
    });
    expect(reminderNotification([due('a', '2026-12-01', 1, 'Acme')], false, true)?.body).toBe('Name a — GitHub / acct-a (Acme), on 2026-12-01');
  });

  it('groups several, naming three and counting the rest', () => {
    const n = reminderNotification(
      [due('e', '2026-12-05', 5), due('a', '2026-12-01', 1), due('c', '2026-12-03', 3), due('b', '2026-12-02', 2)],
      false,
      true,
    );
    expect(n).toEqual({
      title: '4 tokens expire within 5 days',
      body: 'Name a, Name b, Name c and 1 more; the first on 2026-12-01, the last on 2026-12-05.',
      tokenId: null,
    });
    expect(reminderNotification([due('a', '2026-12-01', 0), due('b', '2026-12-01', 0)], false, true)).toEqual({
      title: '2 tokens expire today',
      body: 'Name a and Name b; all on 2026-12-01.',
      tokenId: null,
    });
    expect(reminderNotification([due('a', '2026-11-30', -1), due('b', '2026-12-01', 0)], false)?.title).toBe(
      '2 tokens expired or expire soon',
    );
  });

  it('stays anonymous when any label is missing, even unlocked', () => {
    const n = reminderNotification([due('a', '2026-12-01', 1), { ...due('b', '2026-12-02', 2), label: null }], false, true);
    expect(n?.body).toBe('The first on 2026-12-01, the last on 2026-12-02. Unlock PAT Vault to see which.');
    expect(JSON.stringify(n)).not.toMatch(/Name|acct|GitHub/);
    expect(reminderNotification([{ ...due('b', '2026-12-02', 2), label: null }], false, true)).toEqual({
      title: 'Token expires in 2 days',
      body: 'On 2026-12-02. Unlock PAT Vault to see which.',
      tokenId: null,
    });
  });

  it('names no token unless asked to: unlocked, "A token expires in 3 days", and a click still opens it', () => {
    const one = reminderNotification([due('a', '2026-12-03', 3, 'Acme')], false);
    expect(one).toEqual({ title: 'A token expires in 3 days', body: 'On 2026-12-03. Open PAT Vault to see which.', tokenId: 'a' });
    const many = reminderNotification([due('a', '2026-12-01', 1, 'Acme'), due('b', '2026-12-02', 2)], false, false);
    expect(many).toEqual({
      title: '2 tokens expire within 2 days',
      body: 'The first on 2026-12-01, the last on 2026-12-02. Open PAT Vault to see which.',
      tokenId: null,
    });
    for (const n of [one, many]) expect(JSON.stringify(n)).not.toMatch(/Name|acct|GitHub|Acme/);
  });

  it('locked, it never names a token, even with the setting on', () => {
    const n = reminderNotification([due('a', '2026-12-01', 1, 'Acme')], true, true);
    expect(n).toEqual({ title: 'Token expires tomorrow', body: 'On 2026-12-01. Unlock PAT Vault to see which.', tokenId: null });
  });
});
