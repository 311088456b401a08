/**
 * The names of every IPC channel and event, as plain strings. The sandboxed preload imports
 * only this file, so its bundle carries no zod and no schemas; contract.ts checks at compile
 * time that these lists name exactly its channels and events (a mismatch does not compile).
 */

/** Request/response channels, in contract order. */
export const CHANNELS = [
  'vault.status',
  'vault.create',
  'vault.unlock',
  'vault.unlockWithKeychain',
  'vault.lock',
  'vault.changePassword',
  'tokens.list',
  'tokens.details',
  'tokens.add',
  'tokens.edit',
  'tokens.remove',
  'tokens.copy',
  'tokens.reveal',
  'tokens.revealHistory',
  'tokens.check',
  'tokens.checkAll',
  'tokens.revoke',
  'tokens.rotate',
  'tokens.copySnippet',
  'platforms.list',
  'platforms.custom.list',
  'platforms.custom.save',
  'platforms.custom.remove',
  'reports.export',
  'backup.create',
  'backup.choose',
  'backup.merge',
  'backup.restoreNew',
  'import.choose',
  'import.preview',
  'import.apply',
  'settings.get',
  'settings.set',
  'keychain.status',
  'keychain.enable',
  'keychain.disable',
  'app.activity',
  'app.openTokenPage',
] as const;

/** Events main sends to the renderer. */
export const EVENT_NAMES = ['vault.locked', 'clipboard.cleared', 'tokens.checkProgress', 'reminders.openToken'] as const;

/** A channel name as listed here (equal to contract.ts's `Channel`, which checks it). */
export type ChannelName = (typeof CHANNELS)[number];
/** An event name as listed here (equal to contract.ts's `EventName`). */
export type EventNameListed = (typeof EVENT_NAMES)[number];

/** Whether `value` names a channel (own list, so `toString` or `__proto__` never match). */
export function isChannelName(value: unknown): value is ChannelName {
  return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value);
}

/** Whether `value` names an event. */
export function isEventName(value: unknown): value is EventNameListed {
  return typeof value === 'string' && (EVENT_NAMES as readonly string[]).includes(value);
}
