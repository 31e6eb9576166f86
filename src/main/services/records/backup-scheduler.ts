import { logger } from '../../logger';
import type { WorkspaceSession } from '../workspace-session';
import { backupHistory, runBackup } from './backup';
import { isBackupDue } from './backup-schedule';
import { readBackupSettings } from './records-settings';

/** How often the timer asks whether a backup is due. The answer comes from the session clock. */
export const BACKUP_CHECK_INTERVAL_MS = 60_000;

/**
 * Makes a scheduled backup if one is due by the session clock. Runs as one of the session's
 * state changes, so a lock cannot close the database half-way through. Returns the backup's
 * name, or null when none was due (or the workspace is locked).
 */
export async function runScheduledBackupIfDue(session: WorkspaceSession): Promise<string | null> {
  if (!session.isUnlocked) return null;
  return session.runExclusive(async () => {
    if (!session.isUnlocked) return null;
    const { db, workspaceId } = session.requireUnlocked();
    const settings = await readBackupSettings(db);
    if (!settings.folder || !isBackupDue(settings.schedule, await backupHistory(db, settings.folder, workspaceId), session.clock.now())) return null;
    try {
      return (await runBackup(session, 'scheduled')).name;
    } catch {
      // Already logged in backup_runs and the audit log; the admin page shows the failure.
      return null;
    }
  });
}

/** Starts the timer when a workspace is unlocked; the returned function stops it at the lock. */
export function startBackupScheduler(session: WorkspaceSession, intervalMs = BACKUP_CHECK_INTERVAL_MS): () => void {
  const timer = setInterval(() => {
    runScheduledBackupIfDue(session).catch((error: unknown) => logger.warn('backup.schedule_check_failed', { error: error instanceof Error ? error.name : 'unknown' }));
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
