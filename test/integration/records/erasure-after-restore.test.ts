import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { workspaceFiles } from '../../../src/main/store/workspace-files';
import { ADMIN, auditRows, findInFiles, newSession, ok, tempFolder } from '../../support/workspace';
import { dataKeyOf, dumpEverything, occurrences, twoClosedRecords } from './support';

const VICTIM = { given: 'Quillimore', family: 'Restorbury', seed: 616_161 };
const BYSTANDER = { given: 'Tamsinell', family: 'Keepsafe', seed: 717_171 };
const adminSecret = (backupPath: string) => ({ method: 'password' as const, backupPath, username: ADMIN.username, password: ADMIN.password });

describe('an erasure and a backup made before it', () => {
  it('erases the person again when that backup is restored, audited, and keeps only keyed hashes outside the database', async () => {
    const work = await twoClosedRecords(VICTIM, BYSTANDER);
    const { victim, bystander, admin } = work;
    const key = dataKeyOf(admin);
    await ok(admin, 'backup.updateSettings', { folder: tempFolder('linkdesk-backups-'), schedule: { kind: 'off' }, keep: 5 });
    const before = await ok<{ path: string }>(admin, 'backup.run');

    await ok(admin, 'retention.erase', { personId: victim.personId, confirmName: `${VICTIM.given} ${VICTIM.family}`, reason: 'retention_period_ended' });
    // The ledger beside the database names no one: one keyed hash and a time.
    const files = workspaceFiles(work.folder);
    const ledger = readFileSync(files.erasures, 'utf8');
    expect(JSON.parse(ledger)).toMatchObject({ format: 'linkdesk-erasures', version: 1, entries: [{ subject: expect.stringMatching(/^[0-9a-f]{64}$/) }] });
    expect(occurrences(ledger, [victim.personId, victim.nhs, VICTIM.family, VICTIM.given])).toEqual([]);

    // Restoring the backup from before the erasure brings the record back for a moment only.
    await ok(admin, 'backup.restore', adminSecret(before.path));
    const again = newSession(work.folder);
    await ok(again, 'session.signIn', { username: ADMIN.username, password: ADMIN.password });
    const raw = again.requireUnlocked().raw;
    expect(raw.prepare('SELECT id FROM people WHERE id = ?').get(victim.personId)).toBeUndefined();
    expect(raw.prepare('SELECT id FROM people WHERE id = ?').get(bystander.personId)).toEqual({ id: bystander.personId });
    const erasures = auditRows(raw).filter((row) => row.action === 'person.erased');
    // The restored log ends before the first erasure; the restore and the erasure again follow it.
    expect(erasures).toHaveLength(1);
    expect(erasures[0]).toMatchObject({ entity_id: victim.personId, actor_username: ADMIN.username });
    expect(JSON.parse(erasures[0]!.details_json)).toMatchObject({ reason: 'erased_before_restore' });
    const actions = auditRows(raw).map((row) => row.action);
    expect(actions.indexOf('backup.restored')).toBeLessThan(actions.indexOf('person.erased'));
    expect(await ok(again, 'audit.verify')).toMatchObject({ ok: true });
    await again.close();

    // Nowhere in the files either, while the bystander is.
    expect(occurrences(dumpEverything(files.database, key), [VICTIM.family, victim.nhs])).toEqual([]);
    expect(occurrences(dumpEverything(files.database, key), [BYSTANDER.family])).not.toEqual([]);
    expect(findInFiles(work.folder, [VICTIM.family, VICTIM.given, victim.nhs])).toEqual([]);
  });
});
