import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { openEncryptedDatabase } from '../../src/main/store/open-database';
import { workspaceFiles } from '../../src/main/store/workspace-files';
import type { AuditVerification, UserSummary } from '../../src/shared/ipc/contract';
import { ADMIN, ManualClock, adminWorkspace, auditRows, newSession, ok, type AuditRow } from '../support/workspace';
import type { WorkspaceSession } from '../../src/main/services/workspace-session';

const DISPLAY_NAME = 'Bartholomew Featherstonehaugh';
const TEMPORARY_PASSWORD = 'temporary password for bart';

/** A workspace with a few audit entries, then closed; returns what a tamperer with the key would need. */
async function closedWorkspaceWithHistory() {
  const { folder, session } = await adminWorkspace();
  await ok(session, 'users.create', { username: 'bart.f', displayName: DISPLAY_NAME, role: 'link_worker', temporaryPassword: TEMPORARY_PASSWORD });
  await ok(session, 'settings.update', { workspaceName: 'Brook Lane PCN', idleMinutes: 15 });
  const key = Buffer.from(session.requireUnlocked().dataKey);
  const before = auditRows(session.requireUnlocked().raw);
  await session.close();
  return { folder, key, before };
}

/** Edits the database file directly, as someone holding the data key and a SQLite tool could. */
function tamper(folder: string, key: Buffer, sql: string): void {
  const raw = openEncryptedDatabase(workspaceFiles(folder).database, key, { create: false });
  try {
    raw.exec(sql);
  } finally {
    raw.close();
  }
}

async function verifyAsAdmin(folder: string): Promise<{ result: AuditVerification; session: WorkspaceSession }> {
  const session = newSession(folder);
  await ok(session, 'session.signIn', { username: ADMIN.username, password: ADMIN.password });
  return { result: await ok<AuditVerification>(session, 'audit.verify'), session };
}

describe('the audit log', () => {
  it('numbers entries that requests write at the same moment one after another, and the chain still verifies', async () => {
    const { session } = await adminWorkspace();
    const before = auditRows(session.requireUnlocked().raw).length;
    // Ten reads audited outside any transaction of their own, all in flight at once (as IPC calls can be).
    await Promise.all(Array.from({ length: 10 }, (_, count) => session.audit({ action: 'people.searched', details: { resultCount: count } })));
    const rows = auditRows(session.requireUnlocked().raw);
    expect(rows).toHaveLength(before + 10);
    expect(rows.slice(before).map((row) => JSON.parse(row.details_json).resultCount).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(await ok<AuditVerification>(session, 'audit.verify')).toMatchObject({ ok: true, entriesChecked: before + 10 });
    await session.close();
  });

  it('records who, when, what and which record, and never the personal data itself', async () => {
    const clock = new ManualClock('2026-05-11T14:30:00.000Z');
    const { session, adminId } = await adminWorkspace({ clock });
    clock.advanceMinutes(3);
    const created = await ok<UserSummary>(session, 'users.create', {
      username: 'bart.f',
      displayName: DISPLAY_NAME,
      role: 'gp_supervisor',
      temporaryPassword: TEMPORARY_PASSWORD,
    });
    const rows = auditRows(session.requireUnlocked().raw);
    expect(rows.at(-1)).toMatchObject({
      at: '2026-05-11T14:33:00.000Z',
      actor_user_id: adminId,
      actor_username: ADMIN.username,
      action: 'user.created',
      entity_type: 'user',
      entity_id: created.id,
      details_json: JSON.stringify({ role: 'gp_supervisor' }),
    });
    expect(rows.map((row) => row.action)).toEqual(['workspace.created', 'user.created', 'sign_in.succeeded', 'user.created']);
    const everything = JSON.stringify(rows);
    for (const secret of [DISPLAY_NAME, 'Bartholomew', 'Featherstonehaugh', ADMIN.displayName, TEMPORARY_PASSWORD, ADMIN.password]) {
      expect(everything).not.toContain(secret);
    }
  });

  it('verifies an intact log, and the verification itself is audited', async () => {
    const { folder, before } = await closedWorkspaceWithHistory();
    const { result, session } = await verifyAsAdmin(folder);
    // The entries before, plus this sign-in.
    expect(result).toEqual({ ok: true, entriesChecked: before.length + 1, firstBrokenEntryId: null, message: `All ${before.length + 1} audit entries are intact.` });
    expect(auditRows(session.requireUnlocked().raw).at(-1)).toMatchObject({ action: 'audit.verified', details_json: JSON.stringify({ ok: true, entriesChecked: before.length + 1 }) });
    expect((await ok<AuditVerification>(session, 'audit.verify')).ok).toBe(true);
  });

  it('finds an entry edited in the file around the append-only trigger', async () => {
    const { folder, key, before } = await closedWorkspaceWithHistory();
    const target = before.find((row) => row.action === 'user.created' && row.details_json.includes('link_worker'))!;
    tamper(folder, key, `DROP TRIGGER audit_log_no_update; UPDATE audit_log SET details_json = '{"role":"admin"}' WHERE id = ${target.id};`);
    const { result } = await verifyAsAdmin(folder);
    expect(result).toMatchObject({ ok: false, firstBrokenEntryId: target.id, entriesChecked: target.id - 1 });
    expect(result.message).toBe(`The audit log has been tampered with: entry ${target.id} was changed after it was written.`);
  });

  it('finds an edit even when the edited entry was given a freshly computed hash', async () => {
    const { folder, key, before } = await closedWorkspaceWithHistory();
    const target = before[2]!;
    const forged: AuditRow = { ...target, actor_username: 'someone.else' };
    const hash = createHash('sha256')
      .update(JSON.stringify([forged.id, forged.at, forged.actor_user_id, forged.actor_username, forged.action, forged.entity_type, forged.entity_id, forged.details_json, forged.prev_hash]))
      .digest('hex');
    tamper(folder, key, `DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor_username = 'someone.else', hash = '${hash}' WHERE id = ${target.id};`);
    const { result } = await verifyAsAdmin(folder);
    expect(result).toMatchObject({ ok: false, firstBrokenEntryId: target.id + 1 });
    expect(result.message).toContain(`entry ${target.id + 1} does not follow the entry before it`);
  });

  it('finds an entry deleted from the middle', async () => {
    const { folder, key, before } = await closedWorkspaceWithHistory();
    expect(before.length).toBeGreaterThanOrEqual(4);
    const middle = before[1]!.id;
    tamper(folder, key, `DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE id = ${middle};`);
    const { result } = await verifyAsAdmin(folder);
    expect(result).toMatchObject({ ok: false, firstBrokenEntryId: middle + 1, entriesChecked: middle - 1 });
    expect(result.message).toBe(`The audit log has been tampered with: entry ${middle} is missing.`);
  });
});
