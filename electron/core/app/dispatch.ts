/**
 * One entry point for every IPC call, shared by main's ipcMain registration and the e2e
 * bridge: checks the channel exists, validates the payload with the contract's zod schema,
 * runs the handler and turns any failure into `{ ok: false, error: { code, message } }`.
 * Nothing thrown crosses to the renderer, and no message carries a secret.
 */
import { AppError, toAppError } from '../../../shared/errors';
import { describeZodError } from '../../../shared/domain/token-input';
import { CONTRACT, type Channel, type Envelope } from '../../../shared/ipc/contract';
import type { AppService } from './app-service';

const isChannel = (c: unknown): c is Channel => typeof c === 'string' && Object.prototype.hasOwnProperty.call(CONTRACT, c);

/** Runs one call. `checkResponse` also validates what goes back (tests and the e2e bridge). */
export async function dispatch(
  service: AppService,
  channel: unknown,
  payload: unknown,
  opts: { checkResponse?: boolean } = {},
): Promise<Envelope<unknown>> {
  try {
    if (!isChannel(channel)) throw new AppError('BAD_INPUT', 'Unknown request.');
    const spec = CONTRACT[channel];
    // A missing request means "no fields" (channels like vault.lock); null is malformed.
    const req = spec.request.safeParse(payload === undefined ? {} : payload);
    if (!req.success) throw new AppError('BAD_INPUT', describeZodError(req.error));
    if (channel !== 'vault.status' && channel !== 'app.activity') service.touch();
    const handler = service.handlers[channel] as (r: unknown) => Promise<unknown>;
    const value = await handler(req.data);
    if (opts.checkResponse) {
      const res = spec.response.safeParse(value);
      if (!res.success) throw new Error(`response of ${channel} does not match the contract: ${describeZodError(res.error)}`);
    }
    return { ok: true, value };
  } catch (e) {
    const err = toAppError(e);
    return { ok: false, error: { code: err.code, message: err.message } };
  }
}
