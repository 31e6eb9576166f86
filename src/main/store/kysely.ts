import { Kysely, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver } from 'kysely';
import { logger } from '../logger';
import type { RawDatabase } from './open-database';
import type { LinkdeskSchema } from './schema';
import { cachingStatements } from './statement-cache';

export type LinkdeskDb = Kysely<LinkdeskSchema>;

/**
 * SQLite ends a transaction by itself when a write fails with SQLITE_FULL, SQLITE_IOERR and the
 * like. Kysely then sends ROLLBACK anyway, which fails with "no transaction is active" and would
 * replace the real error (a full disk) with a meaningless one. So: roll back only what is open.
 */
class RollbackSafeSqliteDriver extends SqliteDriver {
  constructor(private readonly raw: RawDatabase) {
    // Prepared statements are reused (./statement-cache.ts); the raw connection is kept for inTransaction.
    super({ database: cachingStatements(raw) });
  }

  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (this.raw.inTransaction) await super.rollbackTransaction(connection);
  }
}

class LinkdeskSqliteDialect extends SqliteDialect {
  constructor(private readonly raw: RawDatabase) {
    super({ database: raw });
  }

  override createDriver(): Driver {
    return new RollbackSafeSqliteDriver(this.raw);
  }
}

export function createKysely(db: RawDatabase): LinkdeskDb {
  return new Kysely<LinkdeskSchema>({ dialect: new LinkdeskSqliteDialect(db) });
}

/**
 * Checkpoints the WAL (leaving one encrypted file) and closes. Kysely's destroy() closes the connection.
 * The connection is closed even if the checkpoint fails (a full disk): the WAL holds only committed,
 * encrypted pages and is replayed at the next open, while a connection left open would keep the key.
 */
export async function closeConnection(raw: RawDatabase, db: LinkdeskDb): Promise<void> {
  try {
    if (raw.open) raw.pragma('wal_checkpoint(TRUNCATE)');
  } catch (error) {
    logger.warn('store.checkpoint_failed', { code: String((error as { code?: unknown }).code ?? 'unknown') });
  } finally {
    await db.destroy();
    if (raw.open) raw.close();
  }
}
