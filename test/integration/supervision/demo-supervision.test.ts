import { describe, expect, it } from 'vitest';
import { createDemoWorkspace, DEMO_PASSWORD } from '../../../src/main/demo/demo-workspace';
import type { CaseloadRow } from '../../../src/shared/ipc/casework-schemas';
import type { AuditVerification } from '../../../src/shared/ipc/contract';
import type { MyPair, SessionSummary, SessionWorkspace } from '../../../src/shared/ipc/supervision-schemas';
import { newSession, ok, refused, tempFolder } from '../../support/workspace';

describe('supervision in the demo workspace', () => {
  it('pairs the GP supervisor with two of the link workers, with a month of sessions: signed, one overdue, this week’s prepared', async () => {
    const folder = tempFolder();
    await createDemoWorkspace({ folder, today: new Date('2026-11-20T12:00:00Z'), seed: 11, people: 30 });
    const session = newSession(folder);

    await ok(session, 'session.signIn', { username: 'dr.patel', password: DEMO_PASSWORD });
    const pairs = await ok<MyPair[]>(session, 'supervision.pairs');
    expect(pairs.map((pair) => pair.worker.displayName).sort()).toEqual(['Amira Khan', 'Tom Hughes']);
    const sessions = await ok<SessionSummary[]>(session, 'supervision.sessions', {});
    expect(sessions.filter((s) => s.signedAt !== null).length).toBeGreaterThanOrEqual(5);
    expect(sessions.filter((s) => s.overdue)).toHaveLength(1);
    const open = sessions.find((s) => s.signedAt === null && !s.overdue)!;
    expect(open).toMatchObject({ heldOn: '2026-11-20', worker: { displayName: 'Amira Khan' } });
    const signed = await ok<SessionWorkspace>(session, 'supervision.get', { sessionId: sessions.find((s) => s.signedAt !== null)!.id });
    expect(signed.agenda.some((item) => item.decision.startsWith('DEMO'))).toBe(true);
    expect(signed.wellbeing).not.toBeNull();

    // Grace Osei is not supervised by Dr Patel: her cases are not in his caseload and her records are closed to him.
    const { rows } = await ok<{ rows: CaseloadRow[] }>(session, 'caseload.list', { page: 0, pageSize: 100, includeClosed: true });
    expect(new Set(rows.map((row) => row.workerName))).toEqual(new Set(['Amira Khan', 'Tom Hughes']));
    await ok(session, 'session.signOut');
    await ok(session, 'session.signIn', { username: 'grace.osei', password: DEMO_PASSWORD });
    const grace = (await ok<{ rows: CaseloadRow[] }>(session, 'caseload.list', { page: 0, pageSize: 100, includeClosed: true })).rows.find((row) => row.workerName === 'Grace Osei')!;
    expect(await ok(session, 'supervision.pairs')).toEqual([]);
    await ok(session, 'session.signOut');
    await ok(session, 'session.signIn', { username: 'dr.patel', password: DEMO_PASSWORD });
    expect((await refused(session, 'people.get', { personId: grace.personId })).code).toBe('forbidden');
    await ok(session, 'session.signOut');

    await ok(session, 'session.signIn', { username: 'demo.admin', password: DEMO_PASSWORD });
    expect(await ok<AuditVerification>(session, 'audit.verify')).toMatchObject({ ok: true });
  }, 300_000);
});
