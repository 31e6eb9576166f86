import Database from 'better-sqlite3-multiple-ciphers';
import type { Keyring } from '../../src/main/keys/keyring';
import type { UnlockedWorkspace } from '../../src/main/services/workspace-session';
import { WorkspaceSession } from '../../src/main/services/workspace-session';
import { createKysely } from '../../src/main/store/kysely';
import type { RawDatabase } from '../../src/main/store/open-database';
import type { Clock } from '../../src/main/clock';
import type { SessionUser } from '../../src/shared/ipc/contract';

/**
 * The plain (unencrypted) side of the comparisons: a connection to the decrypted copy with every
 * setting the app's own open uses (open-database.ts) except the cipher, and a session on it, so
 * the very same services and router run on plain SQLite.
 */
export function openPlainDatabase(path: string): RawDatabase {
  const db = new Database(path, { fileMustExist: true });
  db.pragma('temp_store=MEMORY');
  db.pragma('journal_mode=WAL');
  db.pragma('synchronous=FULL');
  db.pragma('foreign_keys=ON');
  db.pragma('busy_timeout=5000');
  db.pragma('cache_size=-65536');
  return db;
}

/**
 * A session signed in as `user` on the plain copy. Sign-in itself needs the keyring and the
 * cipher, so this puts the unlocked state in place directly: bench-only, never in the app.
 */
export function plainSession(options: { path: string; user: SessionUser; clock: Clock; folder: string }): WorkspaceSession {
  const session = new WorkspaceSession({ folder: options.folder, clock: options.clock, idleMillisecondsOverride: Number.MAX_SAFE_INTEGER });
  const raw = openPlainDatabase(options.path);
  const workspace = raw.prepare('SELECT id, name FROM workspace').get() as { id: string; name: string };
  const keyring: Keyring = { format: 'linkdesk-keyring', version: 1, workspaceId: workspace.id, workspaceName: workspace.name, slots: [] };
  const unlocked: UnlockedWorkspace = { raw, db: createKysely(raw), workspaceId: workspace.id, workspaceName: workspace.name, user: options.user, dataKey: Buffer.alloc(32), keyring, idleMinutes: 10 };
  Object.assign(session, { unlocked });
  return session;
}
