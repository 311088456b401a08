import Database from 'better-sqlite3';
import { expect, test } from 'vitest';
import { migrate } from '../migrate';
import { migration001 } from './001-initial';

test('001 creates the header, items and audit tables with only ids, expiry and key data in clear', () => {
  const db = new Database(':memory:');
  migrate(db, [migration001]);
  const cols = (t: string) => (db.prepare(`PRAGMA table_info(${t})`).all() as { name: string }[]).map((c) => c.name);
  expect(cols('items')).toEqual(['id', 'expires_at', 'overview', 'secret']);
  expect(cols('audit')).toEqual(['seq', 'entry']);
  expect(cols('header')).toContain('kdf_memory_kib');
  // One header row only.
  const row = { v: Buffer.alloc(16) };
  const insert = (id: number) =>
    db
      .prepare(
        `INSERT INTO header VALUES (?, ?, 1, 'argon2id', 19456, 2, 1, ?, ?, NULL, NULL, NULL, ?, ?)`,
      )
      .run(id, row.v, row.v, row.v, row.v, row.v);
  insert(1);
  expect(() => insert(2)).toThrow(/CHECK constraint/);
  // Items are keyed by id: a second row with the same id is refused.
  db.prepare('INSERT INTO items VALUES (?, NULL, ?, ?)').run(row.v, row.v, row.v);
  expect(() => db.prepare('INSERT INTO items VALUES (?, NULL, ?, ?)').run(row.v, row.v, row.v)).toThrow(/UNIQUE/);
  db.close();
});
