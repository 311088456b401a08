/**
 * Every IPC channel between the renderer and main, each with a zod request and response
 * schema. Main registers one handler per channel from this list (a channel without a handler
 * does not compile); the preload builds `window.api` from it; the e2e bridge serves it.
 */
import { z } from 'zod';
import { newTokenInput, tokenPatchInput } from '../domain/token-input';
import { customPlatformSchema } from '../domain/custom-platform';
import {
  addedTokenSchema,
  auditEntrySchema,
  checkRequest,
  customPlatformViewSchema,
  empty,
  historyEntrySchema,
  historyRevealRequest,
  idRequest,
  keychainInfoSchema,
  passwordRequest,
  platformInfoSchema,
  revokeRequest,
  revokeResponse,
  rotateRequest,
  rotateResponse,
  settingsSchema,
  snippetRequest,
  tokenViewSchema,
  vaultStatusSchema,
} from './schemas';
import {
  backupCreateRequest,
  backupCreateResponse,
  backupInfoSchema,
  backupMergeRequest,
  backupRestoreNewRequest,
  backupRestoreNewResponse,
  exportRequest,
  exportResponse,
  importApplyRequest,
  importApplyResponse,
  importChooseRequest,
  importChosenSchema,
  importPreviewRequest,
  importPreviewResponse,
  mergeSummarySchema,
} from './file-schemas';
import { CHANNELS, EVENT_NAMES, type ChannelName, type EventNameListed } from './channels';

const channel = <Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res) => ({ request, response });

/** Request/response channels. Names are `area.action`. */
export const CONTRACT = {
  'vault.status': channel(empty, vaultStatusSchema),
  'vault.create': channel(passwordRequest, z.null()),
  'vault.unlock': channel(passwordRequest, z.null()),
  'vault.unlockWithKeychain': channel(empty, z.null()),
  'vault.lock': channel(empty, z.null()),
  /**
   * Changes the master password and re-keys the vault. `dropped`: quick-unlock slots the app
   * could not keep (other keychains, e.g. the CLI's), to tell the user to turn them on again there.
   */
  'vault.changePassword': channel(
    z.object({ current: z.string().min(1).max(1024), next: z.string().min(1).max(1024) }),
    z.object({ dropped: z.array(z.string()) }),
  ),

  'tokens.list': channel(empty, z.array(tokenViewSchema).readonly()),
  /** A token with its notes, audit trail and value history (dates and reasons only). */
  'tokens.details': channel(
    idRequest,
    z.object({ token: tokenViewSchema, notes: z.string(), audit: z.array(auditEntrySchema).readonly(), history: z.array(historyEntrySchema).readonly() }),
  ),
  /** `replaced`: the value replaced that of the user's token (iObeya: one token per user), whose view this is. */
  'tokens.add': channel(newTokenInput, addedTokenSchema),
  'tokens.edit': channel(z.object({ id: z.string().min(1).max(64), patch: tokenPatchInput }), tokenViewSchema),
  'tokens.remove': channel(idRequest, z.null()),
  /** Copies the value in main; the renderer learns only when the clipboard will be cleared. */
  'tokens.copy': channel(idRequest, z.object({ clearsInSeconds: z.number() })),
  /** The one response that carries a token value: only on the user's explicit reveal. */
  'tokens.reveal': channel(idRequest, z.object({ value: z.string(), hidesInSeconds: z.number() })),
  /** Like reveal, for one earlier value from the token's history (audited as a reveal naming it). */
  'tokens.revealHistory': channel(historyRevealRequest, z.object({ value: z.string(), hidesInSeconds: z.number() })),

  /** Checks one token against its platform; the result is stored (sealed) and returned. */
  'tokens.check': channel(checkRequest, tokenViewSchema),
  /** Checks every token, emitting `tokens.checkProgress` after each; the renderer reloads the list at the end. */
  'tokens.checkAll': channel(empty, z.object({ checked: z.number() })),
  /**
   * Revokes through the platform's API, or guided: the first call answers `confirmed: false`
   * with the token page; a second call with `confirmedGuided` marks the token revoked.
   */
  'tokens.revoke': channel(revokeRequest, revokeResponse),
  /** Rotates through the platform's API; the new value stays in main (never returned). */
  'tokens.rotate': channel(rotateRequest, rotateResponse),
  /** Copies a usage snippet (header line or curl command) built in main; like copy, the value never crosses. */
  'tokens.copySnippet': channel(snippetRequest, z.object({ clearsInSeconds: z.number() })),

  /** What each platform can do (check, revoke by API or guided, rotate, password needed). */
  'platforms.list': channel(empty, z.array(platformInfoSchema).readonly()),
  /** User-defined platforms stored in the vault. */
  'platforms.custom.list': channel(empty, z.array(customPlatformViewSchema).readonly()),
  /** Defines a custom platform, or replaces the definition of `id`. */
  'platforms.custom.save': channel(z.strictObject({ id: z.string().min(1).max(64).optional(), definition: customPlatformSchema }), customPlatformViewSchema),
  /** Removes a custom platform no token uses. */
  'platforms.custom.remove': channel(idRequest, z.null()),

  /** Saves the inventory (no values) where the user picks in main's save dialog. Audited. */
  'reports.export': channel(exportRequest, exportResponse),

  /** Writes the whole vault, values included, to a file sealed with a backup password (save dialog in main). */
  'backup.create': channel(backupCreateRequest, backupCreateResponse),
  /** Opens a backup file (open dialog in main) and reads its header; null when cancelled. Works locked or before any vault. */
  'backup.choose': channel(empty, backupInfoSchema),
  /** Merges a chosen backup into the unlocked vault (same id or same value; later updatedAt wins; nothing deleted), or previews it. */
  'backup.merge': channel(backupMergeRequest, mergeSummarySchema),
  /** First run: creates the vault from a chosen backup, with a new master password, and unlocks it. */
  'backup.restoreNew': channel(backupRestoreNewRequest, backupRestoreNewResponse),

  /** Picks a file to import (open dialog in main); null when cancelled. */
  'import.choose': channel(importChooseRequest, importChosenSchema),
  /** Parses the chosen file into a plan (kept in main) and returns its rows, never a value. */
  'import.preview': channel(importPreviewRequest, importPreviewResponse),
  /** Adds the plan's new tokens (duplicates and skipped rows are left out). */
  'import.apply': channel(importApplyRequest, importApplyResponse),

  'settings.get': channel(empty, settingsSchema),
  'settings.set': channel(settingsSchema.partial().strict(), settingsSchema),

  'keychain.status': channel(empty, keychainInfoSchema),
  'keychain.enable': channel(empty, keychainInfoSchema),
  /** Turns quick unlock off for the app's keychain and re-keys the vault: needs the master password. */
  'keychain.disable': channel(passwordRequest, keychainInfoSchema),

  /** The renderer saw user input: postpones auto-lock. */
  'app.activity': channel(empty, z.null()),
  /**
   * Opens a token's token-management page in the browser. Only a token id crosses IPC: main
   * rebuilds the page from the stored account by the platform's fixed template and checks it
   * (https, the account's own host) before opening it (core/app/token-page-opener.ts);
   * `opened: false` when there is none (custom platforms, an account without a page).
   */
  'app.openTokenPage': channel(z.strictObject({ id: z.string().min(1).max(64) }), z.object({ opened: z.boolean() })),
} as const;

/** Events main sends to the renderer (no reply). */
export const EVENTS = {
  /** The vault was locked by main (idle timer, suspend, screen lock). */
  'vault.locked': z.object({ reason: z.enum(['idle', 'suspend', 'screen-lock', 'user']) }),
  /** A value the user revealed or copied expired on the main side (clipboard cleared). */
  'clipboard.cleared': z.object({ id: z.string() }),
  /** Check-all progress, after each token. */
  'tokens.checkProgress': z.object({ done: z.number(), total: z.number() }),
  /** The user clicked a reminder about one token: show it. */
  'reminders.openToken': z.object({ tokenId: z.string() }),
} as const;

export type Channel = keyof typeof CONTRACT;
export type EventName = keyof typeof EVENTS;
export type Request<C extends Channel> = z.input<(typeof CONTRACT)[C]['request']>;
export type Response<C extends Channel> = z.output<(typeof CONTRACT)[C]['response']>;
export type EventPayload<E extends EventName> = z.output<(typeof EVENTS)[E]>;

/**
 * Every channel and event name, for building the preload api and registering handlers. The
 * lists live in channels.ts (the preload bundles them without zod); these two lines fail to
 * compile if a list misses a contract entry or names one the contract lacks.
 */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const channelsMatchContract: Same<ChannelName, Channel> = true;
const eventsMatchContract: Same<EventNameListed, EventName> = true;
void channelsMatchContract;
void eventsMatchContract;
export { CHANNELS, EVENT_NAMES };

/** What crosses the wire for every call: a value or an error, never a thrown exception. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
