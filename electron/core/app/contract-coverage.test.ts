/**
 * Pins down the compile-time guarantee: every contract channel has a handler. `Handlers` is
 * a mapped type over the contract's keys and AppService builds its handler table as a
 * `Handlers` object literal, so a channel added to shared/ipc/contract.ts without a handler
 * fails `npm run typecheck` (the `@ts-expect-error` lines below fail it if that ever stops
 * being true). The runtime checks are a second line for the same rule.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { CHANNELS, CONTRACT, type Channel, type Request, type Response } from '../../../shared/ipc/contract';
import type { AppService, Handlers } from './app-service';

describe('contract coverage', () => {
  it('Handlers has exactly the contract channels as keys, each taking its request and returning its response', () => {
    expectTypeOf<keyof Handlers>().toEqualTypeOf<Channel>();
    expectTypeOf<Awaited<ReturnType<Handlers['tokens.copy']>>>().toEqualTypeOf<Response<'tokens.copy'>>();
    expectTypeOf<Parameters<Handlers['tokens.details']>[0]>().toExtend<Request<'tokens.details'>>();
    // The file channels too, though their handlers live in file-flows/.
    expectTypeOf<Awaited<ReturnType<Handlers['import.preview']>>>().toEqualTypeOf<Response<'import.preview'>>();
    expectTypeOf<AppService['handlers']>().toEqualTypeOf<Handlers>();
  });

  it('a handler table missing a channel, or with one the contract lacks, does not compile', () => {
    const check = (full: Handlers): void => {
      const { 'tokens.copy': _dropped, ...missingOne } = full;
      // @ts-expect-error — 'tokens.copy' has no handler
      const incomplete: Handlers = missingOne;
      // @ts-expect-error — 'tokens.frobnicate' is not a contract channel
      const extra: Handlers = { ...full, 'tokens.frobnicate': async () => null };
      void incomplete;
      void extra;
    };
    expect(typeof check).toBe('function');
  });

  it('the plain channel list the preload uses names the contract channels, once each, in order', () => {
    expect(CHANNELS).toEqual(Object.keys(CONTRACT));
    expect(new Set(CHANNELS).size).toBe(CHANNELS.length);
  });
});
