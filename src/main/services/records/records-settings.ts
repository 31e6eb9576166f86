import { z } from 'zod';
import { BACKUP_KEEP_DEFAULT, CLOSED_DIRECTORY_ENTRIES_YEARS_DEFAULT, CLOSED_EPISODES_YEARS_DEFAULT, type BackupSchedule } from '../../../shared/domain/records';
import { backupKeepSchema, backupScheduleSchema, retentionPolicySchema, type RetentionPolicy } from '../../../shared/ipc/records-schemas';
import type { LinkdeskDb } from '../../store/kysely';

/**
 * Backup settings and the retention policy, each kept as one JSON value in the settings table.
 * A value that no longer parses (edited by hand, or from an older version) falls back to the
 * defaults rather than stopping the app.
 */
export interface StoredBackupSettings {
  folder: string | null;
  schedule: BackupSchedule;
  keep: number;
}

export const DEFAULT_BACKUP_SETTINGS: StoredBackupSettings = { folder: null, schedule: { kind: 'off' }, keep: BACKUP_KEEP_DEFAULT };
export const DEFAULT_RETENTION_POLICY: RetentionPolicy = {
  closedEpisodesYears: CLOSED_EPISODES_YEARS_DEFAULT,
  closedDirectoryEntriesYears: CLOSED_DIRECTORY_ENTRIES_YEARS_DEFAULT,
};

const storedBackupSchema = z.object({ folder: z.string().min(1).nullable(), schedule: backupScheduleSchema, keep: backupKeepSchema });

async function readJson(db: LinkdeskDb, key: string): Promise<unknown> {
  const row = await db.selectFrom('settings').select('value_json').where('key', '=', key).executeTakeFirst();
  return row ? (JSON.parse(row.value_json) as unknown) : undefined;
}

async function writeJson(db: LinkdeskDb, key: string, value: unknown): Promise<void> {
  const value_json = JSON.stringify(value);
  await db
    .insertInto('settings')
    .values({ key, value_json })
    .onConflict((conflict) => conflict.column('key').doUpdateSet({ value_json }))
    .execute();
}

export async function readBackupSettings(db: LinkdeskDb): Promise<StoredBackupSettings> {
  const parsed = storedBackupSchema.safeParse(await readJson(db, 'backup'));
  return parsed.success ? parsed.data : DEFAULT_BACKUP_SETTINGS;
}

export function writeBackupSettings(db: LinkdeskDb, settings: StoredBackupSettings): Promise<void> {
  return writeJson(db, 'backup', settings);
}

export async function readRetentionPolicy(db: LinkdeskDb): Promise<RetentionPolicy> {
  const parsed = retentionPolicySchema.safeParse(await readJson(db, 'retention'));
  return parsed.success ? parsed.data : DEFAULT_RETENTION_POLICY;
}

export function writeRetentionPolicy(db: LinkdeskDb, policy: RetentionPolicy): Promise<void> {
  return writeJson(db, 'retention', policy);
}

/** Set in an erasure's transaction and cleared once the file has been rewritten (VACUUM). */
export async function readCompactionPending(db: LinkdeskDb): Promise<boolean> {
  return (await readJson(db, 'erasureCompactionPending')) === true;
}

export function writeCompactionPending(db: LinkdeskDb, pending: boolean): Promise<void> {
  return writeJson(db, 'erasureCompactionPending', pending);
}
