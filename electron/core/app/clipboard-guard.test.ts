import { describe, expect, it, vi } from 'vitest';
import { FakeClipboard } from '../test-support/fake-clipboard';
import { FakeTime } from '../test-support/fake-time';
import { ClipboardGuard } from './clipboard-guard';

function setup(async = true) {
  const time = new FakeTime();
  const clipboard = new FakeClipboard(async);
  return { time, clipboard, guard: new ClipboardGuard(clipboard, time) };
}

describe('ClipboardGuard', () => {
  for (const async of [true, false]) {
    it(`clears after the delay when the clipboard still holds the value (${async ? 'async' : 'sync'} clipboard)`, async () => {
      const { time, clipboard, guard } = setup(async);
      const onCleared = vi.fn();
      await guard.copy('secret-1', 30, onCleared);
      expect(clipboard.text).toBe('secret-1');
      await time.advance(29_999);
      expect(clipboard.text).toBe('secret-1');
      expect(onCleared).not.toHaveBeenCalled();
      await time.advance(1);
      expect(clipboard.text).toBe('');
      expect(onCleared).toHaveBeenCalledTimes(1);
      expect(guard.isPending).toBe(false);
    });
  }

  it('leaves something else the user copied alone, but still reports the expiry', async () => {
    const { time, clipboard, guard } = setup();
    const onCleared = vi.fn();
    await guard.copy('secret-1', 10, onCleared);
    clipboard.copyFromElsewhere('my notes');
    await time.advance(10_000);
    expect(clipboard.text).toBe('my notes');
    expect(clipboard.clears).toBe(0);
    expect(onCleared).toHaveBeenCalledTimes(1);
  });

  it('clearIfUnchanged (lock, quit) clears at once and cancels the timer', async () => {
    const { time, clipboard, guard } = setup();
    await guard.copy('secret-1', 30);
    await guard.clearIfUnchanged();
    expect(clipboard.text).toBe('');
    expect(time.pending).toBe(0);
    await guard.clearIfUnchanged(); // nothing pending: no-op
    expect(clipboard.clears).toBe(1);
  });

  it('a new copy replaces the old: the old one ends, only the new one is cleared, once', async () => {
    const { time, clipboard, guard } = setup();
    const first = vi.fn();
    const second = vi.fn();
    await guard.copy('secret-1', 30, first);
    await time.advance(20_000);
    await guard.copy('secret-2', 30, second);
    expect(first).toHaveBeenCalledTimes(1);
    await time.advance(10_000);
    expect(clipboard.text).toBe('secret-2');
    await time.advance(20_000);
    expect(clipboard.text).toBe('');
    expect(second).toHaveBeenCalledTimes(1);
    expect(clipboard.clears).toBe(1);
  });

  it('a clear that started before a new copy never wipes the new value', async () => {
    const { clipboard, guard } = setup();
    await guard.copy('secret-1', 30);
    // Lock (clear) and a new copy race: calls are serialised, so the clear compares against
    // the clipboard before the new write, and the new value survives.
    const clearing = guard.clearIfUnchanged();
    const copying = guard.copy('secret-2', 30);
    await Promise.all([clearing, copying]);
    expect(clipboard.text).toBe('secret-2');
    expect(guard.isPending).toBe(true);
  });

  it('a failed write keeps the earlier copy pending and reports the failure', async () => {
    const { time, clipboard, guard } = setup();
    await guard.copy('secret-1', 30);
    vi.spyOn(clipboard, 'writeSecret').mockRejectedValueOnce(new Error('clipboard busy'));
    await expect(guard.copy('secret-2', 30)).rejects.toThrow('clipboard busy');
    expect(clipboard.text).toBe('secret-1');
    await time.advance(30_000);
    expect(clipboard.text).toBe('');
  });
});
