import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { cachingStatements } from '../../src/main/store/statement-cache';

/** The prepared-statement cache under Kysely (see docs/performance.md for why it exists). */
const opened: Database.Database[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) if (db.open) db.close();
});

function database() {
  const db = new Database(':memory:');
  opened.push(db);
  db.exec('CREATE TABLE t (n INTEGER)');
  db.prepare('INSERT INTO t (n) VALUES (1), (2), (3)').run();
  return db;
}

describe('the statement cache', () => {
  it('hands out the same prepared statement for the same SQL, and the right rows each time', () => {
    const cache = cachingStatements(database());
    const first = cache.prepare('SELECT n FROM t WHERE n >= ? ORDER BY n');
    expect(cache.prepare('SELECT n FROM t WHERE n >= ? ORDER BY n')).toBe(first);
    expect(first.all([2])).toEqual([{ n: 2 }, { n: 3 }]);
    expect(first.all([3])).toEqual([{ n: 3 }]);
  });

  it('keeps only the most recently used statements', () => {
    const cache = cachingStatements(database(), 2);
    const a = cache.prepare('SELECT 1');
    const b = cache.prepare('SELECT 2');
    expect(cache.prepare('SELECT 1')).toBe(a);
    cache.prepare('SELECT 3');
    expect(cache.prepare('SELECT 1')).toBe(a);
    expect(cache.prepare('SELECT 2')).not.toBe(b);
  });

  it('never hands out a statement that is still being iterated', () => {
    const cache = cachingStatements(database());
    const streaming = cache.prepare('SELECT n FROM t ORDER BY n');
    const rows = streaming.iterate([]);
    rows.next();
    const again = cache.prepare('SELECT n FROM t ORDER BY n');
    expect(again).not.toBe(streaming);
    expect(again.all([])).toHaveLength(3);
    rows.return?.();
  });

  it('sees a schema change made after the statement was prepared', () => {
    const db = database();
    const cache = cachingStatements(db);
    expect(cache.prepare('SELECT * FROM t WHERE n = 1').all([])).toEqual([{ n: 1 }]);
    db.exec('ALTER TABLE t ADD COLUMN label TEXT');
    expect(cache.prepare('SELECT * FROM t WHERE n = 1').all([])).toEqual([{ n: 1, label: null }]);
  });
});
