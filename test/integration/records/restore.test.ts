import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { restoreIntoFolder } from '../../../src/main/services/records/restore';
import { openEncryptedDatabase, type RawDatabase } from '../../../src/main/store/open-database';
import { workspaceFiles } from '../../../src/main/store/workspace-files';
import type { BackupVerification } from '../../../src/shared/ipc/records-schemas';
import { casework, STAFF, uniquePerson, createPerson } from '../../support/casework';
import { ADMIN, adminWorkspace, auditRows, ManualClock, newSession, ok, refused, tableHashes, tempFolder, WORKSPACE_NAME } from '../../support/workspace';
import { dataKeyOf, fullRecord, sha256 } from './support';

const CLOCK = new ManualClock('2026-06-01T10:00:00.000Z');
const adminSecret = (backupPath: string) => ({ method: 'password' as const, backupPath, username: ADMIN.username, password: ADMIN.password });

/** A workspace with casework in it, one backup made, and the tables as they were at that moment. */
async function backedUp() {
  const work = await casework();
  await fullRecord(work.worker, work.clock, { given: 'Restorina', family: 'Backhouse', seed: 777 });
  await createPerson(work.worker, uniquePerson());
  const admin = await work.as('admin');
  const backups = tempFolder('linkdesk-backups-');
  await ok(admin, 'backup.updateSettings', { folder: backups, schedule: { kind: 'off' }, keep: 5 });
  const raw = admin.requireUnlocked().raw;
  const before = tableHashes(raw, { except: ['audit_log'] });
  const auditBefore = auditRows(raw);
  const made = await ok<{ path: string; name: string }>(admin, 'backup.run');
  return { ...work, admin, backups, made, before, auditBefore, key: dataKeyOf(admin) };
}

/** Edits the backup's database (with its key) and re-records its hash, as a careful forger would. */
function forge(backupPath: string, key: Buffer, edit: (raw: RawDatabase) => void): void {
  const path = join(backupPath, 'linkdesk.db');
  const raw = openEncryptedDatabase(path, key, { create: false });
  edit(raw);
  raw.pragma('wal_checkpoint(TRUNCATE)');
  raw.pragma('journal_mode=DELETE');
  raw.close();
  const manifestPath = join(backupPath, 'backup.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  manifest.database.sha256 = sha256(path);
  writeFileSync(manifestPath, JSON.stringify(manifest));
}

function failedChecks(verification: BackupVerification) {
  return verification.checks.filter((check) => !check.ok).map((check) => `${check.name}: ${check.message}`);
}

describe('restoring a backup', () => {
  it('into a fresh folder gives back every table as it was, and the same passwords sign in', async () => {
    const { made, before, auditBefore, key } = await backedUp();
    const fresh = join(tempFolder(), 'restored');
    const { verification, restored } = await restoreIntoFolder(fresh, adminSecret(made.path), CLOCK, { expectLocked: true });
    expect(restored).toBe(true);
    expect(failedChecks(verification)).toEqual([]);
    expect(verification.checks.map((check) => check.name)).toEqual(['File', 'Opens', 'Version', 'Workspace', 'Integrity', 'Audit log', 'Permission']);
    expect(readdirSync(fresh).sort()).toEqual(['keyring.json', 'linkdesk.db']);

    // Every table, read straight from the restored file before anyone signs in (which changes users).
    const raw = openEncryptedDatabase(workspaceFiles(fresh).database, key, { create: false });
    try {
      const after = tableHashes(raw, { except: ['audit_log'] });
      expect(Object.keys(after).length).toBeGreaterThan(30);
      expect(after).toEqual(before);
      const audit = auditRows(raw);
      expect(audit.slice(0, auditBefore.length)).toEqual(auditBefore);
      expect(audit.slice(auditBefore.length).map((row) => [row.action, row.actor_username])).toEqual([['backup.restored', ADMIN.username]]);
    } finally {
      raw.close();
    }
    const session = newSession(fresh, { clock: CLOCK });
    await ok(session, 'session.signIn', { username: STAFF.worker.username, password: STAFF.worker.password });
    expect(await ok(session, 'workspace.status')).toMatchObject({ workspaceName: WORKSPACE_NAME });
  });

  it('opens with the recovery key as well as an admin’s password of that day, but not with a link worker’s', async () => {
    const work = await casework();
    const admin = await work.as('admin');
    const backups = tempFolder('linkdesk-backups-');
    await ok(admin, 'backup.updateSettings', { folder: backups, schedule: { kind: 'off' }, keep: 5 });
    const made = await ok<{ path: string }>(admin, 'backup.run');
    const worker = { method: 'password' as const, backupPath: made.path, username: STAFF.worker.username, password: STAFF.worker.password };
    expect(failedChecks(await ok<BackupVerification>(admin, 'backup.verify', worker))).toEqual([
      'Permission: Only someone who was an admin when the backup was made (or the recovery key) can restore it.',
    ]);
    expect((await refused(admin, 'backup.verify', { ...worker, password: 'not the password at all' })).code).toBe('wrong_credentials');
    const badKey = await refused(admin, 'backup.verify', { method: 'recovery_key', backupPath: made.path, recoveryKey: 'AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA' });
    expect(badKey).toMatchObject({ code: 'wrong_credentials', message: 'That recovery key does not open this backup.' });
    expect(JSON.parse(readFileSync(join(made.path, 'backup.json'), 'utf8')).workspaceId).toBeTruthy();
  });

  it('refuses a backup whose file changed, naming the check that failed, and replaces nothing', async () => {
    const { made, admin, folder } = await backedUp();
    const path = join(made.path, 'linkdesk.db');
    const bytes = readFileSync(path);
    bytes[bytes.length - 100] = bytes[bytes.length - 100]! ^ 0xff;
    writeFileSync(path, bytes);
    const hashes = tableHashes(admin.requireUnlocked().raw);
    const error = await refused(admin, 'backup.restore', adminSecret(made.path));
    expect(error).toEqual({
      code: 'conflict',
      message: 'The backup did not pass its checks, so nothing was replaced. File: The database file has changed or is incomplete since the backup was made.',
    });
    expect(admin.isUnlocked).toBe(true);
    expect(tableHashes(admin.requireUnlocked().raw, { except: ['audit_log'] })).toEqual(Object.fromEntries(Object.entries(hashes).filter(([name]) => name !== 'audit_log')));
    expect(readdirSync(folder).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('refuses a backup whose audit log was edited, or cut short, even with its hash re-recorded', async () => {
    const { made, key, backups } = await backedUp();
    const second = join(backups, 'copy-of-backup');
    cpSync(made.path, second, { recursive: true });
    forge(made.path, key, (raw) => {
      raw.exec(`DROP TRIGGER audit_log_no_update; UPDATE audit_log SET details_json = '{"forged":true}' WHERE id = 3;`);
    });
    const edited = await restoreIntoFolder(join(tempFolder(), 'a'), adminSecret(made.path), CLOCK, { expectLocked: true });
    expect(edited.restored).toBe(false);
    expect(failedChecks(edited.verification)).toEqual(['Audit log: The audit log has been tampered with: entry 3 was changed after it was written.']);

    forge(second, key, (raw) => {
      raw.exec(`DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log);`);
    });
    const cut = await restoreIntoFolder(join(tempFolder(), 'b'), adminSecret(second), CLOCK, { expectLocked: true });
    expect(failedChecks(cut.verification)).toEqual([expect.stringMatching(/^Audit log: The audit log does not end where it did when the backup was made/)]);
  });

  it('refuses a backup made by a newer Linkdesk', async () => {
    const { made, key } = await backedUp();
    forge(made.path, key, (raw) => raw.pragma('user_version=99'));
    const result = await restoreIntoFolder(join(tempFolder(), 'new'), adminSecret(made.path), CLOCK, { expectLocked: true });
    expect(result.restored).toBe(false);
    expect(failedChecks(result.verification)).toEqual(['Version: The backup was made by a newer Linkdesk (schema 99); update Linkdesk before restoring it.']);
    expect(existsSync(workspaceFiles(join(tempFolder(), 'new')).database)).toBe(false);
  });

  it('from the app: checks, locks, replaces the workspace and keeps nothing aside afterwards', async () => {
    const { made, admin, worker, folder, before } = await backedUp();
    const added = await createPerson(worker, uniquePerson({ familyName: 'Afterthebackup' }));
    await worker.close();
    const result = await ok<{ locked: boolean; checks: unknown[] }>(admin, 'backup.restore', adminSecret(made.path));
    expect(result.locked).toBe(true);
    expect(admin.isUnlocked).toBe(false);
    expect(readdirSync(folder).filter((name) => name.startsWith('.'))).toEqual([]);

    const again = newSession(folder);
    await ok(again, 'session.signIn', { username: ADMIN.username, password: ADMIN.password });
    const raw = again.requireUnlocked().raw;
    expect(raw.prepare('SELECT id FROM people WHERE id = ?').get(added.id)).toBeUndefined();
    expect(tableHashes(raw, { except: ['audit_log', 'users', 'backup_runs'] })).toEqual(
      Object.fromEntries(Object.entries(before).filter(([name]) => !['users', 'backup_runs'].includes(name))),
    );
    const restoredEntry = auditRows(raw).find((row) => row.action === 'backup.restored');
    expect(restoredEntry).toMatchObject({ actor_username: ADMIN.username, entity_id: made.name });
    expect(await ok(again, 'audit.verify')).toMatchObject({ ok: true });
    // Its own log ends before the backup was made; the backup in the folder still counts as the last one.
    const manifest = JSON.parse(readFileSync(join(made.path, 'backup.json'), 'utf8')) as { createdAt: string };
    expect((await ok<{ lastSuccessAt: string }>(again, 'backup.settings')).lastSuccessAt).toBe(manifest.createdAt);
  });

  it('refuses a backup of another workspace, and a workspace that is open elsewhere', async () => {
    const { made, folder } = await backedUp();
    const other = await adminWorkspace();
    expect((await refused(other.session, 'backup.restore', adminSecret(made.path))).message).toMatch(/^This backup is of another workspace/);
    // The first workspace is still open in its test sessions: its WAL file is there.
    await expect(restoreIntoFolder(folder, adminSecret(made.path), CLOCK, { expectLocked: true })).rejects.toThrow(/Linkdesk seems to have this workspace open/);
  });
});
