/** Data shapes as they cross the wire (the contract's zod outputs), for the renderer to use. */
import type { Response } from '../../../shared/ipc/contract';
import type { TokenView } from '../../../shared/domain/token-view';
import { sameType } from '../../../shared/same';

/** A token as the list shows it: never the value. One type in every process (token-view.ts). */
export type { TokenView };
sameType<Response<'tokens.list'>[number], TokenView>(true);
/** One line of a token's audit trail. */
export type AuditEntry = Response<'tokens.details'>['audit'][number];
/** What a platform can do (check, revoke by API or guided, rotate, password needed). */
export type PlatformInfo = Response<'platforms.list'>[number];
/** A user-defined platform as Settings lists it (definition, id, how many tokens use it). */
export type CustomPlatformView = Response<'platforms.custom.list'>[number];
/** One earlier value of a token as the detail pane lists it: when and why it was kept (never the value). */
export type HistoryEntry = Response<'tokens.details'>['history'][number];
