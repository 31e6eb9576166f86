import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { AppError } from '../errors';
import type { Clock } from '../clock';
import { generateRecoveryKey } from '../keys/recovery-key';
import { sealSlot, writeKeyring, type Keyring } from '../keys/keyring';
import { closeConnection, createKysely } from '../store/kysely';
import { migrate } from '../store/migrate';
import { openEncryptedDatabase } from '../store/open-database';
import type { WorkspaceFiles } from '../store/workspace-files';
import { appendAudit } from './audit-log';
import { DEFAULT_SETTINGS, writeSettings } from './settings';

export interface SetupInput {
  workspaceName: string;
  adminUsername: string;
  adminDisplayName: string;
  adminPassword: string;
}

/**
 * First-run set-up: a new random data key, the encrypted database, the first admin, and the
 * keyring with the admin's slot and the recovery slot. Returns the recovery key, which exists
 * nowhere else afterwards. A failure part-way leaves no workspace behind.
 */
export async function createWorkspace(files: WorkspaceFiles, input: SetupInput, clock: Clock): Promise<{ recoveryKey: string }> {
  if (existsSync(files.keyring) || existsSync(files.database)) {
    throw new AppError('conflict', 'A workspace already exists in this folder.');
  }
  mkdirSync(files.folder, { recursive: true, mode: 0o700 });
  const dataKey = randomBytes(32);
  const workspaceId = randomUUID();
  const adminId = randomUUID();
  const recoveryKey = generateRecoveryKey();
  const now = clock.now();
  try {
    const [adminSlot, recovery] = await Promise.all([
      sealSlot(workspaceId, { kind: 'user', userId: adminId, username: input.adminUsername }, input.adminPassword, dataKey),
      sealSlot(workspaceId, { kind: 'recovery' }, recoveryKey, dataKey),
    ]);
    const raw = openEncryptedDatabase(files.database, dataKey, { create: true });
    const db = createKysely(raw);
    try {
      migrate(raw);
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('workspace').values({ id: workspaceId, name: input.workspaceName, created_at: now.toISOString() }).execute();
        await writeSettings(trx, DEFAULT_SETTINGS);
        await trx
          .insertInto('users')
          .values({
            id: adminId,
            username: input.adminUsername,
            display_name: input.adminDisplayName,
            role: 'admin',
            disabled_at: null,
            created_at: now.toISOString(),
            created_by: null,
            last_sign_in_at: null,
          })
          .execute();
        const actor = { id: adminId, username: input.adminUsername };
        await appendAudit(trx, { actor, action: 'workspace.created', entityType: 'workspace', entityId: workspaceId, at: now });
        await appendAudit(trx, { actor, action: 'user.created', entityType: 'user', entityId: adminId, details: { role: 'admin' }, at: now });
      });
    } finally {
      await closeConnection(raw, db);
    }
    const keyring: Keyring = { format: 'linkdesk-keyring', version: 1, workspaceId, workspaceName: input.workspaceName, slots: [adminSlot, recovery] };
    writeKeyring(files.keyring, keyring);
    return { recoveryKey };
  } catch (error) {
    for (const path of [files.keyring, files.database, `${files.database}-wal`, `${files.database}-shm`]) rmSync(path, { force: true });
    throw error;
  } finally {
    dataKey.fill(0);
  }
}
