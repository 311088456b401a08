/** The in-memory KeyProtector behaves like the real one (same codes, copies, switch-off). */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MemoryKeyProtector } from './memory-protector';

describe('MemoryKeyProtector', () => {
  it('keeps a copy; recover returns a copy; forget is idempotent', async () => {
    const p = new MemoryKeyProtector();
    const secret = randomBytes(32);
    const original = Buffer.from(secret);
    expect((await p.protect('v', secret)).length).toBe(0);
    secret.fill(0);
    const back = await p.recover('v', Buffer.alloc(0));
    expect(back.equals(original)).toBe(true);
    back.fill(0);
    expect((await p.recover('v', Buffer.alloc(0))).equals(original)).toBe(true);
    await p.forget('v');
    await p.forget('v');
    await expect(p.recover('v', Buffer.alloc(0))).rejects.toMatchObject({ code: 'KEYCHAIN_NOT_ENABLED' });
    expect(p.calls).toEqual(['protect:v', 'recover:v', 'recover:v', 'forget:v', 'forget:v', 'recover:v']);
  });

  it('switched off: info none, calls KEYCHAIN_UNAVAILABLE', async () => {
    const p = new MemoryKeyProtector();
    await p.protect('v', randomBytes(32));
    p.setAvailable(false);
    expect((await p.info()).strength).toBe('none');
    await expect(p.recover('v', Buffer.alloc(0))).rejects.toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE' });
    p.setAvailable(true);
    expect(p.has('v')).toBe(true);
  });

  it('rejects bad input like the real adapter', async () => {
    const p = new MemoryKeyProtector();
    await expect(p.protect('v', randomBytes(31))).rejects.toMatchObject({ code: 'BAD_INPUT' });
    await expect(p.protect('', randomBytes(32))).rejects.toMatchObject({ code: 'BAD_INPUT' });
    expect(p.size).toBe(0);
  });
});
