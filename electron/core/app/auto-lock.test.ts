import { describe, expect, it, vi } from 'vitest';
import { FakeTime } from '../test-support/fake-time';
import { AutoLock } from './auto-lock';

const MIN = 60_000;

function setup(minutes = 10) {
  const time = new FakeTime();
  let limit = minutes;
  const lock = vi.fn();
  const auto = new AutoLock(time, time, () => limit, lock);
  return { time, lock, auto, setMinutes: (m: number) => (limit = m) };
}

describe('AutoLock', () => {
  it('locks after the idle minutes from the last touch', async () => {
    const { time, lock, auto } = setup(10);
    auto.touch();
    await time.advance(10 * MIN - 1);
    expect(lock).not.toHaveBeenCalled();
    await time.advance(1);
    expect(lock).toHaveBeenCalledTimes(1);
    expect(auto.isRunning).toBe(false);
  });

  it('activity postpones the lock; touches cost one timer, not one each', async () => {
    const { time, lock, auto } = setup(10);
    auto.touch();
    for (let i = 0; i < 20; i += 1) {
      time.skip(MIN);
      auto.touch();
    }
    expect(time.pending).toBe(1);
    await time.advance(9 * MIN);
    expect(lock).not.toHaveBeenCalled();
    await time.advance(MIN);
    expect(lock).toHaveBeenCalledTimes(1);
  });

  it('stop() cancels the countdown', async () => {
    const { time, lock, auto } = setup(1);
    auto.touch();
    auto.stop();
    await time.advance(60 * MIN);
    expect(lock).not.toHaveBeenCalled();
    expect(time.pending).toBe(0);
  });

  it('reschedule() applies a shorter or longer setting to the running countdown', async () => {
    const { time, lock, auto, setMinutes } = setup(30);
    auto.touch();
    await time.advance(5 * MIN);
    setMinutes(10);
    auto.reschedule();
    await time.advance(5 * MIN);
    expect(lock).toHaveBeenCalledTimes(1);

    lock.mockClear();
    auto.touch();
    setMinutes(60);
    auto.reschedule();
    await time.advance(59 * MIN);
    expect(lock).not.toHaveBeenCalled();
    await time.advance(MIN);
    expect(lock).toHaveBeenCalledTimes(1);
  });

  it('reschedule() to a time already passed locks at once; without a countdown it does nothing', async () => {
    const { time, lock, auto, setMinutes } = setup(30);
    auto.reschedule();
    expect(time.pending).toBe(0);
    auto.touch();
    time.skip(5 * MIN);
    setMinutes(2);
    auto.reschedule();
    expect(lock).toHaveBeenCalledTimes(1);
  });
});
