import type { z } from 'zod';
import type { BackupInfo, BackupSettings, updateBackupSettingsSchema } from '../../../shared/ipc/records-schemas';
import { AppError } from '../../errors';
import type { LinkdeskDb } from '../../store/kysely';
import { logger } from '../../logger';
import { appendAudit, type AuditEvent } from '../audit-log';
import type { WorkspaceSession } from '../workspace-session';
import { listBackups, pruneBackups, writeBackup } from './backup-files';
import { nextBackupDue, type BackupHistory } from './backup-schedule';
import { checkWritableFolder } from './folder-check';
import { readBackupSettings, writeBackupSettings } from './records-settings';

/**
 * Backups on demand and on a schedule: settings, running one, listing them. Every run, failed
 * or not, is logged in backup_runs and the audit log. Scheduled runs are made by Linkdesk itself,
 * so their audit entries have no user.
 */
export type BackupTrigger = 'manual' | 'scheduled';

/**
 * The last successful and attempted backups. The backups in the folder count too: a restored
 * workspace's log ends just before the backup it came from was made, yet that backup exists.
 */
export async function backupHistory(db: LinkdeskDb, folder: string | null, workspaceId: string): Promise<BackupHistory & { lastFailure: { at: string; message: string } | null }> {
  const lastSuccess = await db.selectFrom('backup_runs').select('started_at').where('outcome', '=', 'succeeded').orderBy('id', 'desc').limit(1).executeTakeFirst();
  const lastAttempt = await db.selectFrom('backup_runs').select(['started_at', 'outcome', 'failure']).orderBy('id', 'desc').limit(1).executeTakeFirst();
  const newestInFolder = folder ? (listBackups(folder, workspaceId)[0]?.createdAt ?? null) : null;
  const successes = [lastSuccess?.started_at, newestInFolder].filter((at): at is string => Boolean(at)).sort();
  return {
    lastSuccessAt: successes.length > 0 ? new Date(successes.at(-1)!) : null,
    lastAttemptAt: lastAttempt ? new Date(lastAttempt.started_at) : null,
    lastFailure: lastAttempt?.outcome === 'failed' ? { at: lastAttempt.started_at, message: lastAttempt.failure ?? '' } : null,
  };
}

export async function getBackupSettings(session: WorkspaceSession): Promise<BackupSettings> {
  const { db, workspaceId } = session.requireUnlocked();
  const settings = await readBackupSettings(db);
  const history = await backupHistory(db, settings.folder, workspaceId);
  const next = settings.folder ? nextBackupDue(settings.schedule, history, session.clock.now()) : null;
  return {
    ...settings,
    lastSuccessAt: history.lastSuccessAt?.toISOString() ?? null,
    lastFailure: history.lastFailure,
    nextDueAt: next?.toISOString() ?? null,
  };
}

export async function updateBackupSettings(session: WorkspaceSession, input: z.output<typeof updateBackupSettingsSchema>): Promise<BackupSettings> {
  const { db } = session.requireUnlocked();
  if (input.schedule.kind !== 'off' && input.folder === '') {
    throw new AppError('invalid_input', 'Some of the details are not right.', { folder: 'Choose a folder before turning on scheduled backups' });
  }
  const folder = input.folder === '' ? null : checkWritableFolder(input.folder, 'folder', session.files.folder);
  await db.transaction().execute(async (trx) => {
    await writeBackupSettings(trx, { folder, schedule: input.schedule, keep: input.keep });
    await session.audit({ action: 'backup.settings_updated', details: { schedule: input.schedule.kind, keep: input.keep, folderChosen: folder !== null } }, trx);
  });
  return getBackupSettings(session);
}

export async function listWorkspaceBackups(session: WorkspaceSession): Promise<{ folder: string | null; backups: BackupInfo[] }> {
  const { db, workspaceId } = session.requireUnlocked();
  const { folder } = await readBackupSettings(db);
  return { folder, backups: folder ? listBackups(folder, workspaceId) : [] };
}

async function auditAs(session: WorkspaceSession, trigger: BackupTrigger, event: Omit<AuditEvent, 'actor' | 'at'>, db: LinkdeskDb): Promise<void> {
  if (trigger === 'manual') await session.audit(event, db);
  else await appendAudit(db, { ...event, actor: null, at: session.clock.now() });
}

/** Makes one backup into the chosen folder and keeps the newest N. */
export async function runBackup(session: WorkspaceSession, trigger: BackupTrigger): Promise<BackupInfo & { removed: number; milliseconds: number }> {
  const unlocked = session.requireUnlocked();
  const { db, raw, workspaceId, user } = unlocked;
  const settings = await readBackupSettings(db);
  if (!settings.folder) throw new AppError('conflict', 'Choose a backup folder in the backup settings first.');
  const startedAt = session.clock.now();
  const started = performance.now();
  const runBy = trigger === 'manual' ? user.id : null;
  let made;
  try {
    checkWritableFolder(settings.folder, 'folder', session.files.folder);
    made = writeBackup({ raw, keyringPath: session.files.keyring, folder: settings.folder, workspaceId, at: startedAt, trigger });
  } catch (error) {
    const message =
      error instanceof AppError ? `The backup folder cannot be used: ${Object.values(error.fields ?? {})[0] ?? error.message}.` : 'The backup could not be written to the folder (is the drive full?).';
    logger.warn('backup.failed', { trigger, error: error instanceof Error ? error.name : 'unknown' });
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('backup_runs')
        .values({ started_at: startedAt.toISOString(), finished_at: session.clock.now().toISOString(), trigger, outcome: 'failed', failure: message, run_by: runBy })
        .execute();
      await auditAs(session, trigger, { action: 'backup.failed', details: { trigger } }, trx);
    });
    throw new AppError('conflict', message);
  }
  const removed = pruneBackups(settings.folder, workspaceId, settings.keep);
  const milliseconds = Math.round(performance.now() - started);
  await session.requireStillUnlocked(unlocked).db.transaction().execute(async (trx) => {
    await trx
      .insertInto('backup_runs')
      .values({
        started_at: startedAt.toISOString(),
        finished_at: session.clock.now().toISOString(),
        trigger,
        outcome: 'succeeded',
        name: made.info.name,
        bytes: made.info.bytes,
        sha256: made.sha256,
        run_by: runBy,
      })
      .execute();
    await auditAs(
      session,
      trigger,
      { action: 'backup.created', entityType: 'backup', entityId: made.info.name, details: { trigger, bytes: made.info.bytes, sha256: made.sha256, removed, milliseconds } },
      trx,
    );
  });
  logger.info('backup.created', { trigger, bytes: made.info.bytes, milliseconds, removed });
  return { ...made.info, removed, milliseconds };
}
