import { Kysely, SqliteDialect } from 'kysely';
import type { RawDatabase } from './open-database';
import type { LinkdeskSchema } from './schema';
import { cachingStatements } from './statement-cache';

export type LinkdeskDb = Kysely<LinkdeskSchema>;

export function createKysely(db: RawDatabase): LinkdeskDb {
  return new Kysely<LinkdeskSchema>({ dialect: new SqliteDialect({ database: cachingStatements(db) }) });
}

/** Checkpoints the WAL (leaving one encrypted file) and closes. Kysely's destroy() closes the connection. */
export async function closeConnection(raw: RawDatabase, db: LinkdeskDb): Promise<void> {
  if (raw.open) raw.pragma('wal_checkpoint(TRUNCATE)');
  await db.destroy();
  if (raw.open) raw.close();
}
