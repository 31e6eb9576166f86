import { AppError } from '../errors';
import { findUserSlot, openSlot, readKeyring, recoverySlot, sealSlot, withUserSlot } from '../keys/keyring';
import { normaliseRecoveryKey } from '../keys/recovery-key';
import { WorkspaceOpenError } from '../store/store-error';
import { appendAudit } from './audit-log';
import { closeWorkspaceDatabase, openWorkspaceDatabase } from './open-workspace';
import type { WorkspaceSession } from './workspace-session';

/** A signed-in user changes their own password. Only their own key slot is re-wrapped. */
export async function changeOwnPassword(session: WorkspaceSession, currentPassword: string, newPassword: string): Promise<void> {
  const unlocked = session.requireUnlocked();
  const { user, keyring, workspaceId, dataKey } = unlocked;
  const slot = findUserSlot(keyring, user.username);
  const proven = slot ? await openSlot(workspaceId, slot, currentPassword) : null;
  if (!proven) throw new AppError('wrong_credentials', 'Your current password is not right.', { currentPassword: 'This is not your current password' });
  proven.fill(0);
  const replacement = await sealSlot(workspaceId, { kind: 'user', userId: user.id, username: user.username }, newPassword, dataKey);
  await session.requireStillUnlocked(unlocked).db.transaction().execute(async (trx) => {
    await session.audit({ action: 'user.password_changed', entityType: 'user', entityId: user.id }, trx);
    session.updateKeyring((current) => withUserSlot(current, replacement));
  });
}

/**
 * A forgotten password: the recovery key unwraps the data key, and the user's slot is sealed again
 * under a new password. Nothing else changes, so no data is lost. The workspace stays locked after.
 */
export function resetPasswordWithRecoveryKey(session: WorkspaceSession, username: string, typedKey: string, newPassword: string): Promise<void> {
  return session.runExclusive(async () => {
    const throttleKey = `recovery:${username}`;
    const throttle = session.signInThrottle;
    const retryAfter = throttle.retryAfterSeconds(throttleKey);
    if (retryAfter > 0) {
      throttle.record(throttleKey, 'throttled');
      throw new AppError('too_many_attempts', `Too many failed attempts. Try again in ${retryAfter} seconds.`, undefined, retryAfter);
    }
    const recoveryKey = normaliseRecoveryKey(typedKey);
    if (!recoveryKey) {
      throw new AppError('invalid_input', 'That is not a recovery key.', { recoveryKey: 'A recovery key has 32 letters and numbers, in 8 groups of 4' });
    }
    const keyring = readKeyring(session.files.keyring);
    const slot = keyring && recoverySlot(keyring);
    if (!keyring || !slot) throw new AppError('not_found', 'This workspace has no recovery key.');
    const dataKey = await openSlot(keyring.workspaceId, slot, recoveryKey);
    if (!dataKey) {
      throttle.record(throttleKey, 'failed');
      throw new AppError('wrong_credentials', 'That recovery key does not open this workspace.', { recoveryKey: 'This recovery key does not open this workspace' });
    }
    try {
      let open;
      try {
        open = openWorkspaceDatabase(session.files, keyring, dataKey);
      } catch (error) {
        if (error instanceof WorkspaceOpenError) throw new AppError('workspace_unreadable', error.message);
        throw error;
      }
      try {
        const user = await open.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
        if (!user || user.disabled_at !== null) {
          throw new AppError('not_found', 'There is no active user with that user name.', { username: 'No active user has this user name' });
        }
        const replacement = await sealSlot(keyring.workspaceId, { kind: 'user', userId: user.id, username: user.username }, newPassword, dataKey);
        await open.db.transaction().execute(async (trx) => {
          await appendAudit(trx, {
            actor: { id: user.id, username: user.username },
            action: 'user.password_reset_with_recovery_key',
            entityType: 'user',
            entityId: user.id,
            at: session.clock.now(),
          });
          session.updateKeyring((current) => withUserSlot(current, replacement));
        });
        throttle.succeeded(throttleKey);
      } finally {
        await closeWorkspaceDatabase(open);
      }
    } finally {
      dataKey.fill(0);
    }
  });
}
