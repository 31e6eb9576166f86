import { randomUUID } from 'node:crypto';
import type { UserSummary } from '../../shared/ipc/contract';
import type { Role } from '../../shared/roles';
import { AppError } from '../errors';
import { sealSlot, withUserSlot, withoutUserSlot } from '../keys/keyring';
import type { UsersTable } from '../store/schema';
import type { WorkspaceSession } from './workspace-session';

/** Staff accounts. Each account's key slot lives in the keyring; its role and status in the database. */
function toSummary(row: UsersTable): UserSummary {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    disabled: row.disabled_at !== null,
    createdAt: row.created_at,
    lastSignInAt: row.last_sign_in_at,
  };
}

async function findUser(session: WorkspaceSession, userId: string): Promise<UsersTable> {
  const row = await session.requireUnlocked().db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
  if (!row) throw new AppError('not_found', 'That user does not exist.');
  return row;
}

export async function listUsers(session: WorkspaceSession): Promise<UserSummary[]> {
  const rows = await session.requireUnlocked().db.selectFrom('users').selectAll().orderBy('display_name').execute();
  return rows.map(toSummary);
}

export async function createUser(
  session: WorkspaceSession,
  input: { username: string; displayName: string; role: Role; temporaryPassword: string },
): Promise<UserSummary> {
  const unlocked = session.requireUnlocked();
  const { db, user: admin, workspaceId, dataKey } = unlocked;
  const taken = await db.selectFrom('users').select('id').where('username', '=', input.username).executeTakeFirst();
  if (taken) throw new AppError('conflict', 'That user name is already taken.', { username: 'That user name is already taken' });
  const id = randomUUID();
  const slot = await sealSlot(workspaceId, { kind: 'user', userId: id, username: input.username }, input.temporaryPassword, dataKey);
  session.requireStillUnlocked(unlocked);
  const row: UsersTable = {
    id,
    username: input.username,
    display_name: input.displayName,
    role: input.role,
    disabled_at: null,
    created_at: session.clock.now().toISOString(),
    created_by: admin.id,
    last_sign_in_at: null,
  };
  // The keyring is written last inside the transaction: if it fails, the account is rolled back too.
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('users').values(row).execute();
    await session.audit({ action: 'user.created', entityType: 'user', entityId: id, details: { role: input.role } }, trx);
    session.updateKeyring((keyring) => withUserSlot(keyring, slot));
  });
  return toSummary(row);
}

export async function disableUser(session: WorkspaceSession, userId: string): Promise<UserSummary> {
  const { db, user: admin } = session.requireUnlocked();
  if (userId === admin.id) throw new AppError('conflict', 'You cannot disable your own account.');
  const target = await findUser(session, userId);
  if (target.role === 'admin' && target.disabled_at === null) {
    const activeAdmins = await db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('role', '=', 'admin')
      .where('disabled_at', 'is', null)
      .executeTakeFirstOrThrow();
    if (Number(activeAdmins.n) <= 1) throw new AppError('conflict', 'The workspace must keep at least one active admin.');
  }
  const disabledAt = target.disabled_at ?? session.clock.now().toISOString();
  // Removing the key slot means the password no longer opens anything, not just that the app says no.
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ disabled_at: disabledAt }).where('id', '=', userId).execute();
    await session.audit({ action: 'user.disabled', entityType: 'user', entityId: userId }, trx);
    session.updateKeyring((keyring) => withoutUserSlot(keyring, userId));
  });
  return toSummary({ ...target, disabled_at: disabledAt });
}

/** Sets a temporary password (for a forgotten password, or to enable a disabled account again). */
export async function setTemporaryPassword(session: WorkspaceSession, userId: string, temporaryPassword: string): Promise<UserSummary> {
  const unlocked = session.requireUnlocked();
  const { db, workspaceId, dataKey } = unlocked;
  const target = await findUser(session, userId);
  const slot = await sealSlot(workspaceId, { kind: 'user', userId, username: target.username }, temporaryPassword, dataKey);
  session.requireStillUnlocked(unlocked);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ disabled_at: null }).where('id', '=', userId).execute();
    await session.audit({ action: 'user.temporary_password_set', entityType: 'user', entityId: userId, details: { reenabled: target.disabled_at !== null } }, trx);
    session.updateKeyring((keyring) => withUserSlot(keyring, slot));
  });
  return toSummary({ ...target, disabled_at: null });
}
