import { chmodSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { DAMAGED_DATABASE_MESSAGE, WorkspaceOpenError, WRONG_KEY_MESSAGE } from './store-error';

export type RawDatabase = Database.Database;

/** 'LKDS' in ASCII, stored in the SQLite header so a foreign SQLCipher file is told apart from ours. */
export const LINKDESK_APPLICATION_ID = 0x4c4b4453;

/**
 * Opens (or creates) the workspace database with SQLCipher 4 encryption under a raw 256-bit key.
 * A wrong key and a missing cipher setting both surface as SQLITE_NOTADB, so the key is proven by
 * reading the schema straight away and reported in words a user understands.
 */
export function openEncryptedDatabase(path: string, dataKey: Buffer, options: { create: boolean; readOnly?: boolean }): RawDatabase {
  if (dataKey.length !== 32) throw new Error('The data key must be 256 bits');
  let db: RawDatabase;
  try {
    db = new Database(path, { fileMustExist: !options.create, readonly: options.readOnly === true });
    // Owner-only, like the keyring; SQLite gives the -wal and -shm files the same permissions.
    if (options.create) chmodSync(path, 0o600);
  } catch {
    throw new WorkspaceOpenError('The workspace database is missing or cannot be opened.');
  }
  try {
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    db.pragma(`key="x'${dataKey.toString('hex')}'"`);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    if (db.pragma('cipher', { simple: true }) !== 'sqlcipher') throw new WorkspaceOpenError('The database is not encrypted as expected.');
    // Temporary tables and sort spills are not encrypted, so they must never touch the disk.
    db.pragma('temp_store=MEMORY');
    // Deleted rows are overwritten with zeros, so an erased person's data does not linger in free
    // pages or the WAL (docs/backup-and-retention.md). SQLite3MultipleCiphers defaults to it; say so.
    db.pragma('secure_delete=ON');
    // A read-only connection (an export worker's) reads the WAL the writer keeps; it sets nothing.
    if (!options.readOnly) {
      db.pragma('journal_mode=WAL');
      db.pragma('synchronous=FULL');
    }
    db.pragma('foreign_keys=ON');
    db.pragma('busy_timeout=5000');
    // 64 MiB of decrypted pages (the default is 2 MiB): every page read from disk costs a decryption.
    db.pragma('cache_size=-65536');
    const applicationId = db.pragma('application_id', { simple: true }) as number;
    if (options.create && applicationId === 0) db.pragma(`application_id=${LINKDESK_APPLICATION_ID}`);
    else if (applicationId !== LINKDESK_APPLICATION_ID) throw new WorkspaceOpenError(WRONG_KEY_MESSAGE);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof WorkspaceOpenError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_NOTADB') throw new WorkspaceOpenError(WRONG_KEY_MESSAGE);
    if (code === 'SQLITE_CORRUPT') throw new WorkspaceOpenError(DAMAGED_DATABASE_MESSAGE);
    throw error;
  }
}
