/** The handler table's type: one async handler per contract channel, taking its validated request. */
import type { z } from 'zod';
import type { CONTRACT, Channel, Response } from '../../../shared/ipc/contract';

/** A channel's request after `dispatch` validated it (defaults applied, strings trimmed where the schema says). */
export type ValidRequest<C extends Channel> = z.output<(typeof CONTRACT)[C]['request']>;

/** One async handler per channel, taking the validated request. */
export type Handlers = {
  [C in Channel]: (req: ValidRequest<C>) => Promise<Response<C>>;
};
