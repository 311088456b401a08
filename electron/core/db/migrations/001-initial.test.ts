import Database from 'better-sqlite3';
import { expect, test } from 'vitest';
import { migrate } from '../migrate';
import { migration001 } from './001-initial';

test('001 creates header, buckets, secrets, expiries and audit, with only ids, expiry and key data in clear', () => {
  const db = new Database(':memory:');
  migrate(db, [migration001]);
  const cols = (t: string) => (db.prepare(`PRAGMA table_info(${t})`).all() as { name: string }[]).map((c) => c.name);
  expect(cols('buckets')).toEqual(['bucket', 'overview']);
  expect(cols('secrets')).toEqual(['id', 'secret']);
  expect(cols('expiries')).toEqual(['id', 'expires_at']);
  expect(cols('audit')).toEqual(['seq', 'entry']);
  expect(cols('header')).toContain('kdf_memory_kib');
  const b = Buffer.alloc(16);
  const insertHeader = (id: number) =>
    db.prepare(`INSERT INTO header VALUES (?, ?, 1, 'argon2id', 19456, 2, 1, ?, ?, NULL, NULL, NULL, ?, ?)`).run(id, b, b, b, b, b);
  insertHeader(1);
  expect(() => insertHeader(2)).toThrow(/CHECK constraint/);
  db.prepare('INSERT INTO secrets VALUES (?, ?)').run(b, b);
  expect(() => db.prepare('INSERT INTO secrets VALUES (?, ?)').run(b, b)).toThrow(/UNIQUE/);
  db.close();
});
