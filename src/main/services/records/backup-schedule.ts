import type { BackupSchedule } from '../../../shared/domain/records';

/**
 * When a scheduled backup is due. Pure functions of the schedule, the last runs and "now", so
 * tests move a ManualClock instead of waiting. Times of day are the PC's local time: "every day
 * at 18:00" means 18:00 at the practice.
 *
 * A slot that passed while Linkdesk was closed or locked is caught up at the next chance (once,
 * not once per missed slot). A failed attempt is retried an hour later, not every minute.
 */
export interface BackupHistory {
  lastSuccessAt: Date | null;
  lastAttemptAt: Date | null;
}

const HOUR = 3_600_000;
export const RETRY_AFTER_FAILURE_MS = HOUR;

function atTime(day: Date, at: string): Date {
  const [hours, minutes] = at.split(':').map(Number) as [number, number];
  return new Date(day.getFullYear(), day.getMonth(), day.getDate(), hours, minutes, 0, 0);
}

function addDays(day: Date, days: number): Date {
  return new Date(day.getFullYear(), day.getMonth(), day.getDate() + days, day.getHours(), day.getMinutes());
}

/** The latest daily or weekly slot at or before `now`. */
export function latestSlot(schedule: Extract<BackupSchedule, { kind: 'daily' | 'weekly' }>, now: Date): Date {
  for (let back = 0; back <= 7; back += 1) {
    const slot = atTime(addDays(now, -back), schedule.at);
    if (slot > now) continue;
    if (schedule.kind === 'daily' || slot.getDay() === schedule.weekday) return slot;
  }
  throw new Error('unreachable: a weekly slot falls within 8 days');
}

/** The first daily or weekly slot after `now`. */
function nextSlot(schedule: Extract<BackupSchedule, { kind: 'daily' | 'weekly' }>, now: Date): Date {
  for (let ahead = 0; ahead <= 7; ahead += 1) {
    const slot = atTime(addDays(now, ahead), schedule.at);
    if (slot <= now) continue;
    if (schedule.kind === 'daily' || slot.getDay() === schedule.weekday) return slot;
  }
  throw new Error('unreachable: a weekly slot falls within 8 days');
}

function retryingTooSoon(history: BackupHistory, now: Date): boolean {
  const { lastAttemptAt, lastSuccessAt } = history;
  const lastFailed = lastAttemptAt !== null && (lastSuccessAt === null || lastAttemptAt > lastSuccessAt);
  return lastFailed && now.getTime() - lastAttemptAt.getTime() < RETRY_AFTER_FAILURE_MS;
}

export function isBackupDue(schedule: BackupSchedule, history: BackupHistory, now: Date): boolean {
  if (schedule.kind === 'off' || retryingTooSoon(history, now)) return false;
  const { lastSuccessAt } = history;
  if (lastSuccessAt === null) return true;
  if (schedule.kind === 'hourly') return now.getTime() - lastSuccessAt.getTime() >= schedule.everyHours * HOUR;
  return lastSuccessAt < latestSlot(schedule, now);
}

/** When the schedule next makes a backup, for the admin page; null when backups are on demand only. */
export function nextBackupDue(schedule: BackupSchedule, history: BackupHistory, now: Date): Date | null {
  if (schedule.kind === 'off') return null;
  if (retryingTooSoon(history, now)) return new Date(history.lastAttemptAt!.getTime() + RETRY_AFTER_FAILURE_MS);
  if (isBackupDue(schedule, history, now)) return now;
  if (schedule.kind === 'hourly') return new Date(history.lastSuccessAt!.getTime() + schedule.everyHours * HOUR);
  return nextSlot(schedule, now);
}
