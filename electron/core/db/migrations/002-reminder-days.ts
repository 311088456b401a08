import type { Migration } from './types';

/**
 * Per-token reminder days beside the plaintext expiry date: NULL = the global policy, else a
 * JSON array of whole days before expiry ("[14,3]", "[]" = no reminders). Plaintext for the
 * same reason as the date: reminders fire while the vault is locked, and a token told to stay
 * quiet must stay quiet then too. A few small integers per random id name nothing; the sealed
 * overview holds the same list and unlock checks that the two agree.
 */
export const migration002: Migration = {
  version: 2,
  name: 'reminder-days',
  up: 'ALTER TABLE expiries ADD COLUMN remind_days TEXT',
};
