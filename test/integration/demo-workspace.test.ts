import { describe, expect, it } from 'vitest';
import { createDemoWorkspace, DEMO_PASSWORD } from '../../src/main/demo/demo-workspace';
import { isValidNhsNumber } from '../../src/shared/domain/nhs-number';
import type { CaseloadRow, CodingItem } from '../../src/shared/ipc/casework-schemas';
import type { AuditVerification, WorkspaceStatus } from '../../src/shared/ipc/contract';
import { newSession, ok, tempFolder } from '../support/workspace';

type Page = { rows: CaseloadRow[]; total: number };

describe('the demo workspace', () => {
  it('opens with a living caseload of at least 250 synthetic people, clearly marked DEMO', async () => {
    const folder = tempFolder();
    const today = new Date('2026-11-20T12:00:00Z');
    const made = await createDemoWorkspace({ folder, today, seed: 7 });
    expect(made.people).toBeGreaterThanOrEqual(250);

    const session = newSession(folder);
    expect(await ok<WorkspaceStatus>(session, 'workspace.status')).toMatchObject({ exists: true, workspaceName: expect.stringContaining('DEMO') });
    await ok(session, 'session.signIn', { username: 'amira.khan', password: DEMO_PASSWORD });

    const everyone: CaseloadRow[] = [];
    for (let page = 0; ; page += 1) {
      const { rows, total } = await ok<Page>(session, 'caseload.list', { page, pageSize: 100, includeClosed: true });
      everyone.push(...rows);
      if (everyone.length >= total) break;
    }
    const people = new Set(everyone.map((row) => row.personId));
    expect(people.size).toBeGreaterThanOrEqual(250);

    // A living caseload: every stage of an episode, and the flags a link worker acts on.
    const statuses = new Set(everyone.map((row) => row.status));
    for (const status of ['received', 'active', 'closed'] as const) expect(statuses, status).toContain(status);
    const flags = new Set(everyone.flatMap((row) => row.flags));
    for (const flag of ['no_first_contact', 'over_12_weeks', 'coding_overdue'] as const) expect(flags, flag).toContain(flag);
    const open = everyone.filter((row) => row.status !== 'closed');
    expect(open.some((row) => row.contactCount >= 6)).toBe(true);

    // Synthetic NHS numbers come only from the 999 test range.
    const sample = everyone.slice(0, 40);
    for (const row of sample) {
      const record = await ok<{ person: { nhsNumber: string } }>(session, 'people.get', { personId: row.personId });
      if (record.person.nhsNumber) {
        expect(record.person.nhsNumber.startsWith('999')).toBe(true);
        expect(isValidNhsNumber(record.person.nhsNumber)).toBe(true);
      }
    }

    const queue = await ok<CodingItem[]>(session, 'coding.queue', { includeRecorded: true });
    expect(queue.some((item) => item.recordedOn !== null)).toBe(true);
    await ok(session, 'session.signOut');

    await ok(session, 'session.signIn', { username: 'demo.admin', password: DEMO_PASSWORD });
    expect(await ok<AuditVerification>(session, 'audit.verify')).toMatchObject({ ok: true });
  }, 240_000);
});
