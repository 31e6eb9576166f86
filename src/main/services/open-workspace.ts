import type { Keyring } from '../keys/keyring';
import { closeConnection, createKysely, type LinkdeskDb } from '../store/kysely';
import { migrate } from '../store/migrate';
import { openEncryptedDatabase, type RawDatabase } from '../store/open-database';
import { WorkspaceOpenError } from '../store/store-error';
import type { WorkspaceFiles } from '../store/workspace-files';

export interface OpenDatabase {
  raw: RawDatabase;
  db: LinkdeskDb;
  workspaceId: string;
  workspaceName: string;
}

/**
 * Opens the encrypted database with an unwrapped data key, brings the schema up to date and checks
 * the database belongs to this keyring (a keyring copied beside another workspace is refused).
 */
export function openWorkspaceDatabase(files: WorkspaceFiles, keyring: Keyring, dataKey: Buffer): OpenDatabase {
  const raw = openEncryptedDatabase(files.database, dataKey, { create: false });
  try {
    migrate(raw);
    const row = raw.prepare('SELECT id, name FROM workspace').get() as { id: string; name: string } | undefined;
    if (!row || row.id !== keyring.workspaceId) {
      throw new WorkspaceOpenError('The keyring and the database belong to different workspaces.');
    }
    return { raw, db: createKysely(raw), workspaceId: row.id, workspaceName: row.name };
  } catch (error) {
    raw.close();
    throw error;
  }
}

export function closeWorkspaceDatabase(open: OpenDatabase): Promise<void> {
  return closeConnection(open.raw, open.db);
}
