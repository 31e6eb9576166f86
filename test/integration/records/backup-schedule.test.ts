import { describe, expect, it } from 'vitest';
import { isBackupDue, nextBackupDue } from '../../../src/main/services/records/backup-schedule';
import { runScheduledBackupIfDue } from '../../../src/main/services/records/backup-scheduler';
import type { BackupSchedule } from '../../../src/shared/domain/records';
import type { BackupSettings } from '../../../src/shared/ipc/records-schemas';
import { auditOf, casework } from '../../support/casework';
import { ok, tempFolder } from '../../support/workspace';

/** Local times, so the tests mean the same on a PC in any time zone. */
const at = (day: number, hours: number, minutes = 0) => new Date(2026, 2, day, hours, minutes);
const never = { lastSuccessAt: null, lastAttemptAt: null };
const succeeded = (when: Date) => ({ lastSuccessAt: when, lastAttemptAt: when });

describe('when a scheduled backup is due', () => {
  const daily: BackupSchedule = { kind: 'daily', at: '18:00' };
  const weekly: BackupSchedule = { kind: 'weekly', weekday: 5, at: '17:30' }; // Fridays; 6 March 2026 is a Friday
  const hourly: BackupSchedule = { kind: 'hourly', everyHours: 4 };

  it('never, when backups are on demand only', () => {
    expect(isBackupDue({ kind: 'off' }, never, at(2, 9))).toBe(false);
    expect(nextBackupDue({ kind: 'off' }, never, at(2, 9))).toBeNull();
  });

  it('at once when there has never been a backup', () => {
    for (const schedule of [daily, weekly, hourly]) expect(isBackupDue(schedule, never, at(2, 9))).toBe(true);
  });

  it('daily: from the set time, once, catching up a slot missed while Linkdesk was closed', () => {
    const last = succeeded(at(2, 18, 1));
    expect(isBackupDue(daily, last, at(3, 17, 59))).toBe(false);
    expect(nextBackupDue(daily, last, at(3, 17, 59))).toEqual(at(3, 18));
    expect(isBackupDue(daily, last, at(3, 18))).toBe(true);
    expect(isBackupDue(daily, last, at(6, 9))).toBe(true); // three slots missed: one backup
    expect(isBackupDue(daily, succeeded(at(6, 9)), at(6, 12))).toBe(false);
  });

  it('weekly: on the set day and time', () => {
    const last = succeeded(at(2, 9));
    expect(isBackupDue(weekly, last, at(6, 17, 29))).toBe(false);
    expect(nextBackupDue(weekly, last, at(3, 9))).toEqual(at(6, 17, 30));
    expect(isBackupDue(weekly, last, at(6, 17, 30))).toBe(true);
    expect(isBackupDue(weekly, succeeded(at(6, 17, 31)), at(12, 9))).toBe(false);
    expect(isBackupDue(weekly, succeeded(at(6, 17, 31)), at(13, 17, 30))).toBe(true);
  });

  it('every N hours, counted from the last backup', () => {
    const last = succeeded(at(2, 9));
    expect(isBackupDue(hourly, last, at(2, 12, 59))).toBe(false);
    expect(nextBackupDue(hourly, last, at(2, 10))).toEqual(at(2, 13));
    expect(isBackupDue(hourly, last, at(2, 13))).toBe(true);
  });

  it('after a failure, again an hour later rather than every minute', () => {
    const failed = { lastSuccessAt: at(1, 18), lastAttemptAt: at(2, 18) };
    expect(isBackupDue(daily, failed, at(2, 18, 30))).toBe(false);
    expect(nextBackupDue(daily, failed, at(2, 18, 30))).toEqual(at(2, 19));
    expect(isBackupDue(daily, failed, at(2, 19))).toBe(true);
  });
});

describe('the backup timer', () => {
  it('runs while the workspace is unlocked and stops when it locks', async () => {
    const { as } = await casework();
    const admin = await as('admin');
    expect(admin.backupSchedulerRunning).toBe(true);
    await ok(admin, 'session.signOut');
    expect(admin.backupSchedulerRunning).toBe(false);
    expect(await runScheduledBackupIfDue(admin)).toBeNull();
  });

  it('makes the scheduled backups as the clock moves, audited as made by Linkdesk, with no real waiting', async () => {
    const { as, clock } = await casework(at(2, 9).toISOString());
    const admin = await as('admin');
    const folder = tempFolder('linkdesk-backups-');
    await ok(admin, 'backup.updateSettings', { folder, schedule: { kind: 'daily', at: '18:00' }, keep: 5 });

    const first = await runScheduledBackupIfDue(admin); // none yet: one now
    expect(first).toMatch(/^linkdesk-backup-20260302-090000$/);
    expect(await runScheduledBackupIfDue(admin)).toBeNull();
    clock.advanceMinutes(8 * 60 + 59); // 17:59
    expect(await runScheduledBackupIfDue(admin)).toBeNull();
    expect((await ok<BackupSettings>(admin, 'backup.settings')).nextDueAt).toBe(at(2, 18).toISOString());
    clock.advanceMinutes(1); // 18:00
    expect(await runScheduledBackupIfDue(admin)).toBe('linkdesk-backup-20260302-180000');
    clock.advanceMinutes(60);
    expect(await runScheduledBackupIfDue(admin)).toBeNull();

    const entries = auditOf(admin, 'backup.created');
    expect(entries).toHaveLength(2);
    for (const entry of entries) {
      expect(entry.actor_user_id).toBeNull();
      expect(JSON.parse(entry.details_json)).toMatchObject({ trigger: 'scheduled' });
    }
    expect((await ok<{ backups: { trigger: string }[] }>(admin, 'backup.list')).backups.map((b) => b.trigger)).toEqual(['scheduled', 'scheduled']);
  });
});
