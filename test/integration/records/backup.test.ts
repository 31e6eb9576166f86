import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openEncryptedDatabase } from '../../../src/main/store/open-database';
import { workspaceFiles } from '../../../src/main/store/workspace-files';
import { MIGRATIONS } from '../../../src/main/store/migrations';
import type { BackupSettings } from '../../../src/shared/ipc/records-schemas';
import { auditOf, casework, createPerson } from '../../support/casework';
import { findInFiles, ok, refused, tempFolder } from '../../support/workspace';
import { dataKeyOf, occurrences, sha256 } from './support';

const DAILY = { kind: 'daily', at: '18:00' } as const;

/** A casework workspace with the admin signed in and a backup folder chosen. */
async function withBackupFolder(keep = 14) {
  const work = await casework();
  const admin = await work.as('admin');
  const backups = tempFolder('linkdesk-backups-');
  await ok(admin, 'backup.updateSettings', { folder: backups, schedule: { kind: 'off' }, keep });
  return { ...work, admin, backups };
}

describe('backup settings', () => {
  it('start with no folder and backups on demand only, keeping 14', async () => {
    const { as } = await casework();
    const admin = await as('admin');
    expect(await ok(admin, 'backup.settings')).toEqual({ folder: null, schedule: { kind: 'off' }, keep: 14, lastSuccessAt: null, lastFailure: null, nextDueAt: null });
    expect((await refused(admin, 'backup.run')).message).toBe('Choose a backup folder in the backup settings first.');
  });

  it('check the typed folder in main and name what is wrong with it', async () => {
    const { as, folder } = await casework();
    const admin = await as('admin');
    const file = join(tempFolder(), 'a-file.txt');
    writeFileSync(file, 'x');
    const cases: [string, string][] = [
      ['backups', 'Enter the full path of the folder, for example D:\\Linkdesk backups or /media/backup'],
      [join(tempFolder(), 'missing'), 'This folder does not exist. Create it first, or check the drive is plugged in'],
      [file, 'This is a file, not a folder'],
      [folder, 'Choose a folder outside the workspace folder, ideally on another drive: a backup beside the workspace is lost with it'],
    ];
    for (const [typed, message] of cases) {
      expect(await refused(admin, 'backup.updateSettings', { folder: typed, schedule: { kind: 'off' }, keep: 5 }), typed).toEqual({
        code: 'invalid_input',
        message: 'Some of the details are not right.',
        fields: { folder: message },
      });
    }
    const inside = join(folder, 'backups');
    mkdirSync(inside);
    expect((await refused(admin, 'backup.updateSettings', { folder: inside, schedule: { kind: 'off' }, keep: 5 })).fields?.folder).toMatch(/outside the workspace folder/);
    expect((await refused(admin, 'backup.updateSettings', { folder: '', schedule: DAILY, keep: 5 })).fields?.folder).toBe('Choose a folder before turning on scheduled backups');
    expect((await refused(admin, 'backup.updateSettings', { folder: '', schedule: { kind: 'daily', at: '25:00' }, keep: 0 })).fields).toEqual({
      'schedule.at': 'Use a 24-hour time like 18:30',
      keep: 'Keep at least 1 backup',
    });
  });

  it('are saved and audited without the folder path', async () => {
    const { as } = await casework();
    const admin = await as('admin');
    const backups = tempFolder('linkdesk-backups-');
    const saved = await ok<BackupSettings>(admin, 'backup.updateSettings', { folder: backups, schedule: { kind: 'weekly', weekday: 5, at: '17:30' }, keep: 8 });
    expect(saved).toMatchObject({ folder: backups, schedule: { kind: 'weekly', weekday: 5, at: '17:30' }, keep: 8 });
    const [entry] = auditOf(admin, 'backup.settings_updated');
    expect(JSON.parse(entry!.details_json)).toEqual({ schedule: 'weekly', keep: 8, folderChosen: true });
  });
});

describe('backing up', () => {
  it('writes an encrypted copy, the keyring and a manifest into a folder named by date and time only', async () => {
    const { admin, backups, worker, folder } = await withBackupFolder();
    const person = await createPerson(worker, { givenName: 'Marigold', familyName: 'Featherstonehaugh', nhsNumber: '943 476 5919' });
    expect(person.id).toBeTruthy();
    const made = await ok<{ name: string; path: string; bytes: number; trigger: string; removed: number }>(admin, 'backup.run');
    expect(made.name).toMatch(/^linkdesk-backup-\d{8}-\d{6}$/);
    expect(made).toMatchObject({ path: join(backups, made.name), trigger: 'manual', removed: 0 });
    expect(readdirSync(made.path).sort()).toEqual(['backup.json', 'keyring.json', 'linkdesk.db']);
    expect(readFileSync(join(made.path, 'keyring.json'), 'utf8')).toBe(readFileSync(workspaceFiles(folder).keyring, 'utf8'));

    const manifest = JSON.parse(readFileSync(join(made.path, 'backup.json'), 'utf8'));
    expect(manifest).toMatchObject({ format: 'linkdesk-backup', version: 1, trigger: 'manual', schemaVersion: MIGRATIONS.length, database: { bytes: made.bytes, sha256: sha256(join(made.path, 'linkdesk.db')) } });
    expect(readFileSync(join(made.path, 'linkdesk.db')).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    expect(findInFiles(backups, ['Marigold', 'Featherstonehaugh', '9434765919'])).toEqual([]);

    // The backup holds what was written a moment ago, still in the WAL, and opens with the same key.
    const copy = openEncryptedDatabase(join(made.path, 'linkdesk.db'), dataKeyOf(admin), { create: false });
    try {
      expect(copy.prepare('SELECT family_name FROM people WHERE id = ?').get(person.id)).toEqual({ family_name: 'Featherstonehaugh' });
      expect(manifest.audit.entries).toBe((copy.prepare('SELECT max(id) AS n FROM audit_log').get() as { n: number }).n);
    } finally {
      copy.close();
    }
    const [entry] = auditOf(admin, 'backup.created');
    expect(entry).toMatchObject({ entity_type: 'backup', entity_id: made.name });
    expect(JSON.parse(entry!.details_json)).toMatchObject({ trigger: 'manual', bytes: made.bytes, sha256: manifest.database.sha256, removed: 0 });
    expect(occurrences(entry!.details_json, [backups])).toEqual([]);
    const listed = await ok<{ backups: { name: string }[] }>(admin, 'backup.list');
    expect(listed.backups.map((b) => b.name)).toEqual([made.name]);
    expect((await ok<BackupSettings>(admin, 'backup.settings')).lastSuccessAt).toBe('2026-03-02T09:00:00.000Z');
  });

  it('keeps the newest N of this workspace’s backups and leaves anything else in the folder alone', async () => {
    const { admin, backups, clock } = await withBackupFolder(3);
    const stranger = join(backups, 'linkdesk-backup-20200101-000000');
    mkdirSync(stranger);
    writeFileSync(join(stranger, 'backup.json'), JSON.stringify({ format: 'linkdesk-backup', workspaceId: 'someone-else' }));
    mkdirSync(join(backups, 'holiday photos'));
    const names: string[] = [];
    const removed: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const made = await ok<{ name: string; removed: number }>(admin, 'backup.run');
      names.push(made.name);
      removed.push(made.removed);
      clock.advanceMinutes(61);
    }
    expect(removed).toEqual([0, 0, 0, 1, 1]);
    const listed = await ok<{ backups: { name: string }[] }>(admin, 'backup.list');
    expect(listed.backups.map((b) => b.name)).toEqual(names.slice(2).reverse());
    expect(existsSync(stranger)).toBe(true);
    expect(existsSync(join(backups, 'holiday photos'))).toBe(true);
    expect(readdirSync(backups).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('gives a second backup in the same second its own name', async () => {
    const { admin } = await withBackupFolder();
    const first = await ok<{ name: string }>(admin, 'backup.run');
    const second = await ok<{ name: string }>(admin, 'backup.run');
    expect(second.name).toBe(`${first.name}-2`);
  });

  it('records a failure (the drive unplugged) in the log, the audit and the settings, and leaves no partial backup', async () => {
    const { admin, backups } = await withBackupFolder();
    rmSync(backups, { recursive: true });
    expect(await refused(admin, 'backup.run')).toEqual({
      code: 'conflict',
      message: 'The backup folder cannot be used: This folder does not exist. Create it first, or check the drive is plugged in.',
    });
    expect(auditOf(admin, 'backup.failed').map((row) => JSON.parse(row.details_json))).toEqual([{ trigger: 'manual' }]);
    const settings = await ok<BackupSettings>(admin, 'backup.settings');
    expect(settings.lastFailure).toEqual({ at: '2026-03-02T09:00:00.000Z', message: 'The backup folder cannot be used: This folder does not exist. Create it first, or check the drive is plugged in.' });
    expect(settings.lastSuccessAt).toBeNull();
  });

  it('is for admins only', async () => {
    const { worker, as } = await withBackupFolder();
    const supervisor = await as('supervisor');
    for (const session of [worker, supervisor]) {
      for (const name of ['backup.run', 'backup.settings', 'backup.list', 'retention.policy']) expect((await refused(session, name)).code, name).toBe('forbidden');
    }
  });
});
