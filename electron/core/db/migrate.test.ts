import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { isAppError } from '../../../shared/errors';
import { tempDir } from '../test-support/temp-vault';
import { assertNotNewer, migrate, schemaVersion } from './migrate';
import type { Migration } from './migrations/types';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const steps: Migration[] = [
  { version: 1, name: 'a', up: 'CREATE TABLE a (x)' },
  { version: 2, name: 'b', up: (db) => db.exec('CREATE TABLE b (y)') },
];

test('applies pending migrations in order and records the version', () => {
  const db = new Database(`${dir}/m.sqlite`);
  expect(migrate(db, steps.slice(0, 1))).toEqual([1]);
  expect(migrate(db, steps)).toEqual([2]);
  expect(migrate(db, steps)).toEqual([]);
  expect(schemaVersion(db)).toBe(2);
  db.close();
});

test('a failing migration leaves the file at its previous version, untouched', () => {
  const db = new Database(`${dir}/m.sqlite`);
  migrate(db, steps.slice(0, 1));
  const broken: Migration[] = [...steps.slice(0, 1), { version: 2, name: 'bad', up: 'CREATE TABLE c (z); CREATE TABLE a (x)' }];
  expect(() => migrate(db, broken)).toThrow();
  expect(schemaVersion(db)).toBe(1);
  expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'c'").get()).toBeUndefined();
  db.close();
});

test('a file from a newer schema is refused with VAULT_TOO_NEW before any change', () => {
  const db = new Database(`${dir}/m.sqlite`);
  db.pragma('user_version = 5');
  let err: unknown;
  try {
    assertNotNewer(db, steps);
  } catch (e) {
    err = e;
  }
  expect(isAppError(err) && err.code).toBe('VAULT_TOO_NEW');
  expect(() => migrate(db, steps)).toThrow(/newer version/);
  expect(schemaVersion(db)).toBe(5);
  db.close();
});

test('misnumbered migrations are a programming error, caught before running', () => {
  const db = new Database(':memory:');
  expect(() => migrate(db, [{ version: 2, name: 'x', up: '' }])).toThrow(/numbered 2, expected 1/);
  db.close();
});
