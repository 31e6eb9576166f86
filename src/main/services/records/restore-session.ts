import type { BackupSecretInput, BackupVerification } from '../../../shared/ipc/records-schemas';
import { AppError } from '../../errors';
import type { WorkspaceSession } from '../workspace-session';
import { checkTarget, refusalMessage, replaceWorkspace, stageAndCheck, unlockBackup } from './restore';

/** Checking and restoring a backup from the app, by a signed-in admin. */

export async function verifyBackup(session: WorkspaceSession, secret: BackupSecretInput): Promise<BackupVerification> {
  session.requireUnlocked();
  const backup = await unlockBackup(secret);
  try {
    const staged = stageAndCheck(backup, session.files.folder);
    staged.discard();
    await session.audit({ action: 'backup.verified', entityType: 'backup', entityId: backup.name, details: { ok: staged.ok, method: secret.method } });
    return staged.verification;
  } finally {
    backup.dataKey.fill(0);
  }
}

/**
 * Checks the backup first; only if it passes does the app lock (closing the database), put the
 * backup in place and stay locked, so everyone signs in again to the restored workspace.
 */
export async function restoreBackup(session: WorkspaceSession, secret: BackupSecretInput): Promise<BackupVerification & { locked: boolean }> {
  const { user } = session.requireUnlocked();
  const backup = await unlockBackup(secret);
  try {
    checkTarget(session.files, backup, { expectLocked: false });
    const staged = stageAndCheck(backup, session.files.folder);
    if (!staged.ok) {
      staged.discard();
      await session.audit({ action: 'backup.restore_refused', entityType: 'backup', entityId: backup.name, details: { method: secret.method } });
      throw new AppError('conflict', refusalMessage(staged.verification));
    }
    await session.lock('signed_out');
    await session.runExclusive(async () => {
      if (session.isUnlocked) {
        staged.discard();
        throw new AppError('conflict', 'Someone signed in while the backup was being checked, so nothing was replaced. Try again.');
      }
      await replaceWorkspace(session.files, backup, staged, { actor: { id: user.id, username: user.username }, clock: session.clock });
    });
    return { ...staged.verification, locked: true };
  } finally {
    backup.dataKey.fill(0);
  }
}
