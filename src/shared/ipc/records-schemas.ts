import { z } from 'zod';
import {
  BACKUP_EVERY_HOURS_MAX,
  BACKUP_EVERY_HOURS_MIN,
  BACKUP_KEEP_MAX,
  BACKUP_KEEP_MIN,
  ERASURE_REASONS,
  RETENTION_YEARS_MAX,
  RETENTION_YEARS_MIN,
} from '../domain/records';
import { enteredPasswordSchema, idSchema, recoveryKeySchema, usernameSchema } from '../validation';

/** Schemas of the records channels: backups, restore, retention and erasure. */

const timeOfDay = z.string({ error: 'Enter a time' }).regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'Use a 24-hour time like 18:30');

export const backupScheduleSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('off') }),
    z.strictObject({ kind: z.literal('daily'), at: timeOfDay }),
    z.strictObject({ kind: z.literal('weekly'), weekday: z.number({ error: 'Choose a day' }).int().min(0, 'Choose a day').max(6, 'Choose a day'), at: timeOfDay }),
    z.strictObject({
      kind: z.literal('hourly'),
      everyHours: z
        .number({ error: 'Enter a number of hours' })
        .int('Use a whole number of hours')
        .min(BACKUP_EVERY_HOURS_MIN, `Use at least ${BACKUP_EVERY_HOURS_MIN} hour`)
        .max(BACKUP_EVERY_HOURS_MAX, `Use at most ${BACKUP_EVERY_HOURS_MAX} hours`),
    }),
  ],
  { error: 'Choose when backups run' },
);

/** A folder typed as a full path; main checks that it exists, is a folder and can be written to. */
export const folderPathSchema = z
  .string({ error: 'Enter a folder' })
  .trim()
  .min(1, 'Enter a folder')
  .max(1000, 'Use at most 1000 characters')
  .regex(/^[^\p{Cc}]*$/u, 'Remove control characters');

export const backupKeepSchema = z
  .number({ error: 'Enter how many backups to keep' })
  .int('Use a whole number')
  .min(BACKUP_KEEP_MIN, `Keep at least ${BACKUP_KEEP_MIN} backup`)
  .max(BACKUP_KEEP_MAX, `Keep at most ${BACKUP_KEEP_MAX} backups`);

export const updateBackupSettingsSchema = z.strictObject({
  /** Empty means "no folder chosen": nothing is backed up until one is. */
  folder: z.union([z.literal(''), folderPathSchema]),
  schedule: backupScheduleSchema,
  keep: backupKeepSchema,
});

export const backupSettingsSchema = z.object({
  folder: z.string().nullable(),
  schedule: backupScheduleSchema,
  keep: z.number().int(),
  lastSuccessAt: z.string().nullable(),
  lastFailure: z.object({ at: z.string(), message: z.string() }).nullable(),
  /** When the schedule next makes a backup (if Linkdesk is open and unlocked then). */
  nextDueAt: z.string().nullable(),
});
export type BackupSettings = z.infer<typeof backupSettingsSchema>;

export const backupInfoSchema = z.object({
  name: z.string(),
  path: z.string(),
  createdAt: z.string(),
  bytes: z.number().int(),
  trigger: z.enum(['manual', 'scheduled']),
  schemaVersion: z.number().int(),
  auditEntries: z.number().int(),
});
export type BackupInfo = z.infer<typeof backupInfoSchema>;

export const backupRunResultSchema = backupInfoSchema.extend({
  /** Older backups removed to keep the last N. */
  removed: z.number().int(),
  milliseconds: z.number().int(),
});

export const backupListSchema = z.object({ folder: z.string().nullable(), backups: z.array(backupInfoSchema) });

const backupPath = folderPathSchema;

/** Which secret opens the backup: a password that was valid when it was made, or the recovery key. */
export const backupSecretSchema = z.discriminatedUnion(
  'method',
  [
    z.strictObject({ method: z.literal('password'), backupPath, username: usernameSchema, password: enteredPasswordSchema }),
    z.strictObject({ method: z.literal('recovery_key'), backupPath, recoveryKey: recoveryKeySchema }),
  ],
  { error: 'Choose a password or the recovery key' },
);
export type BackupSecretInput = z.infer<typeof backupSecretSchema>;

export const backupCheckSchema = z.object({ name: z.string(), ok: z.boolean(), message: z.string() });
export const backupVerificationSchema = z.object({
  backupName: z.string(),
  createdAt: z.string(),
  schemaVersion: z.number().int(),
  auditEntries: z.number().int(),
  checks: z.array(backupCheckSchema),
});
export type BackupVerification = z.infer<typeof backupVerificationSchema>;

export const restoreResultSchema = backupVerificationSchema.extend({
  /** The workspace is locked after a restore: everyone signs in again. */
  locked: z.boolean(),
});

const retentionYears = (what: string) =>
  z
    .number({ error: `Enter a number of years for ${what}` })
    .int('Use a whole number of years')
    .min(RETENTION_YEARS_MIN, `Use at least ${RETENTION_YEARS_MIN} year`)
    .max(RETENTION_YEARS_MAX, `Use at most ${RETENTION_YEARS_MAX} years`);

export const retentionPolicySchema = z.strictObject({
  closedEpisodesYears: retentionYears('closed referrals'),
  closedDirectoryEntriesYears: retentionYears('closed directory entries'),
});
export type RetentionPolicy = z.infer<typeof retentionPolicySchema>;

export const retentionReviewInputSchema = z.strictObject({
  page: z.number().int().min(0).max(1_000_000),
  pageSize: z.number().int().min(1).max(100),
});

export const retentionReviewRowSchema = z.object({
  personId: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  dateOfBirth: z.string().nullable(),
  nhsNumber: z.string().nullable(),
  episodes: z.number().int(),
  /** The last referral's closing date, or null for a person never referred. */
  lastClosedOn: z.string().nullable(),
  /** The day the retention period ended. */
  retentionEndedOn: z.string(),
});
export type RetentionReviewRow = z.infer<typeof retentionReviewRowSchema>;

export const directoryReviewRowSchema = z.object({
  serviceId: z.string(),
  name: z.string(),
  organisationName: z.string(),
  closedSince: z.string(),
  retentionEndedOn: z.string(),
  hasContactDetails: z.boolean(),
});

export const eraseInputSchema = z.strictObject({
  personId: idSchema,
  /** The person's name typed again, so the wrong record is not erased by a slip. */
  confirmName: z.string({ error: 'Type the person’s name' }).trim().min(1, 'Type the person’s name').max(200, 'Use at most 200 characters'),
  reason: z.enum(Object.keys(ERASURE_REASONS) as [keyof typeof ERASURE_REASONS, ...(keyof typeof ERASURE_REASONS)[]], 'Choose a reason'),
});

export const erasureResultSchema = z.object({
  rowsRemoved: z.number().int(),
  tables: z.array(z.object({ table: z.string(), rows: z.number().int() })),
  milliseconds: z.number().int(),
});
export type ErasureResult = z.infer<typeof erasureResultSchema>;
