import { describe, expect, it } from 'vitest';
import { CHANNELS, EVENT_NAMES, isChannelName, isEventName } from './channels';
import { CONTRACT, EVENTS } from './contract';

describe('channel name lists', () => {
  it('match the contract exactly (the type check in contract.ts enforces the same at compile time)', () => {
    expect([...CHANNELS].sort()).toEqual(Object.keys(CONTRACT).sort());
    expect([...EVENT_NAMES].sort()).toEqual(Object.keys(EVENTS).sort());
    expect(new Set(CHANNELS).size).toBe(CHANNELS.length);
  });

  it('recognise only listed names, never inherited properties', () => {
    expect(isChannelName('tokens.copy')).toBe(true);
    expect(isEventName('vault.locked')).toBe(true);
    for (const bad of ['__proto__', 'constructor', 'toString', '', 'tokens', 42, null, undefined, {}]) {
      expect(isChannelName(bad)).toBe(false);
      expect(isEventName(bad)).toBe(false);
    }
  });
});
