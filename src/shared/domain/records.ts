/**
 * Records management rules shared by main and the renderer: backup schedules, how many backups
 * to keep, retention periods and the reasons an admin may erase a person's record.
 */

export const BACKUP_KEEP_MIN = 1;
export const BACKUP_KEEP_MAX = 100;
export const BACKUP_KEEP_DEFAULT = 14;
export const BACKUP_EVERY_HOURS_MIN = 1;
export const BACKUP_EVERY_HOURS_MAX = 24;

/** Weekdays as Date.getDay() numbers them (0 is Sunday), with the words the form shows. */
export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

export type BackupSchedule =
  | { kind: 'off' }
  | { kind: 'daily'; at: string }
  | { kind: 'weekly'; weekday: number; at: string }
  | { kind: 'hourly'; everyHours: number };

export const BACKUP_SCHEDULE_KINDS = {
  off: 'Only when I press “Back up now”',
  daily: 'Every day at a set time',
  weekly: 'Every week on a set day and time',
  hourly: 'Every few hours while Linkdesk is open',
} as const;

/** Plain words for a schedule, e.g. "every Friday at 17:30". */
export function describeSchedule(schedule: BackupSchedule): string {
  switch (schedule.kind) {
    case 'off':
      return 'only on demand';
    case 'daily':
      return `every day at ${schedule.at}`;
    case 'weekly':
      return `every ${WEEKDAYS[schedule.weekday] ?? 'week'} at ${schedule.at}`;
    case 'hourly':
      return schedule.everyHours === 1 ? 'every hour while Linkdesk is open' : `every ${schedule.everyHours} hours while Linkdesk is open`;
  }
}

export const RETENTION_YEARS_MIN = 1;
export const RETENTION_YEARS_MAX = 100;
/** NHS records management code of practice: social care and GP-related records are commonly kept 8 years after the end of care. */
export const CLOSED_EPISODES_YEARS_DEFAULT = 8;
export const CLOSED_DIRECTORY_ENTRIES_YEARS_DEFAULT = 2;

export const ERASURE_REASONS = {
  retention_period_ended: 'The retention period has ended',
  erasure_request: 'The person’s request for erasure was agreed',
  recorded_in_error: 'The record was created in error',
} as const;
export type ErasureReason = keyof typeof ERASURE_REASONS;
