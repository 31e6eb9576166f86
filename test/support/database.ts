import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { openEncryptedDatabase, type RawDatabase } from '../../src/main/store/open-database';
import { onCleanup, tempFolder } from './workspace';

/** A new, empty encrypted database in a temp folder (no migrations applied), closed after the test. */
export function freshDatabase(): { raw: RawDatabase; path: string; key: Buffer } {
  const key = randomBytes(32);
  const path = join(tempFolder('linkdesk-db-'), 'linkdesk.db');
  const raw = openEncryptedDatabase(path, key, { create: true });
  onCleanup(() => {
    if (raw.open) raw.close();
  });
  return { raw, path, key };
}

export interface ColumnInfo {
  name: string;
  type: string;
  notnull: 0 | 1;
  dflt_value: string | null;
  pk: number;
}

export function columns(raw: RawDatabase, table: string): ColumnInfo[] {
  return raw.prepare(`SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(?)`).all(table) as ColumnInfo[];
}

export function tableNames(raw: RawDatabase): string[] {
  return (raw.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[]).map(
    (row) => row.name,
  );
}

export function schemaObjects(raw: RawDatabase, type: 'index' | 'trigger', table: string): string[] {
  return (raw.prepare(`SELECT name FROM sqlite_master WHERE type = ? AND tbl_name = ? AND name NOT LIKE 'sqlite_%' ORDER BY name`).all(type, table) as { name: string }[]).map(
    (row) => row.name,
  );
}

/** Whether a table was declared STRICT (SQLite then refuses values of the wrong type). */
export function isStrict(raw: RawDatabase, table: string): boolean {
  const row = raw.prepare(`SELECT strict FROM pragma_table_list WHERE name = ?`).get(table) as { strict: number } | undefined;
  return row?.strict === 1;
}
