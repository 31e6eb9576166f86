import { describe, expect, it } from 'vitest';
import { contract } from '../../src/shared/ipc/contract';
import { channelNames } from '../../src/shared/ipc/bridge';
import type { ChannelSpec } from '../../src/shared/ipc/channel';
import { ROLES, type Role } from '../../src/shared/roles';
import type { WorkspaceSession } from '../../src/main/services/workspace-session';
import { adminWorkspace, addUser, auditRows, call, newSession, signedInSession } from '../support/workspace';

function spec(name: string): ChannelSpec {
  const [area, action] = name.split('.') as [keyof typeof contract, string];
  return (contract[area] as Record<string, ChannelSpec>)[action]!;
}

type Who = Role | 'locked';

function forbidden(name: string, role: Role): boolean {
  const { access } = spec(name);
  return access !== 'anyone' && !access.includes(role);
}

/** What the contract says a caller should get for input that is wrong for every channel. */
function expectedVerdict(name: string, who: Who): 'invalid_input' | 'forbidden' | 'locked' {
  const { access } = spec(name);
  if (access === 'anyone') return 'invalid_input';
  if (who === 'locked') return 'locked';
  return access.includes(who) ? 'invalid_input' : 'forbidden';
}

describe('the role table', () => {
  it('gives every role, and a locked session, exactly the access the contract states for every channel', async () => {
    const { folder, session: admin } = await adminWorkspace();
    const sessions = new Map<Who, WorkspaceSession>([['admin', admin], ['locked', newSession(folder)]]);
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      const user = await addUser(admin, role);
      sessions.set(role, await signedInSession(folder, user.username, user.password));
    }
    const names = channelNames();
    expect(names.length).toBeGreaterThanOrEqual(14);

    const table: string[] = [];
    const forbiddenCount = new Map<Who, number>();
    for (const name of names) {
      for (const [who, session] of sessions) {
        // A stray key makes the input wrong for every channel: allowed callers get invalid_input,
        // and a forbidden or locked verdict must come before the input is even looked at.
        const result = await call(session, name, { notAField: true });
        const verdict = result.ok ? 'ok' : result.error.code;
        table.push(`${name} as ${who}: ${verdict}`);
        expect(verdict, `${name} as ${who}`).toBe(expectedVerdict(name, who));
        if (verdict === 'forbidden') forbiddenCount.set(who, (forbiddenCount.get(who) ?? 0) + 1);
      }
    }
    // Spot checks of the table against the roles a person would expect.
    expect(table).toContain('users.list as link_worker: forbidden');
    expect(table).toContain('users.list as gp_supervisor: forbidden');
    expect(table).toContain('users.list as admin: invalid_input');
    expect(table).toContain('audit.verify as gp_supervisor: forbidden');
    expect(table).toContain('settings.get as link_worker: invalid_input');
    expect(table).toContain('session.signIn as locked: invalid_input');
    expect(table).toContain('settings.get as locked: locked');
    // Admins run the workspace, not the casework: person-level records are closed to them, the GP coding queue is not.
    expect(table).toContain('people.get as admin: forbidden');
    expect(table).toContain('caseload.list as admin: forbidden');
    expect(table).toContain('people.get as gp_supervisor: invalid_input');
    expect(table).toContain('people.create as gp_supervisor: forbidden');
    expect(table).toContain('contacts.record as link_worker: invalid_input');
    expect(table).toContain('coding.markRecorded as admin: invalid_input');
    expect(table).toContain('supervision.sign as link_worker: forbidden');
    expect(table).toContain('supervision.sign as gp_supervisor: invalid_input');
    expect(table).toContain('supervisionPairs.assign as gp_supervisor: forbidden');
    expect(table).toContain('personFlags.raise as gp_supervisor: forbidden');
    expect(table).toContain('exports.subjectAccess as admin: forbidden');
    expect(table).toContain('exports.pseudonymisedExtract as link_worker: forbidden');
    expect(table).toContain('exports.codingSheet as admin: invalid_input');
    const deniedToAdmin = names.filter((name) => forbidden(name, 'admin'));
    const caseworkAreas = [
      'people',
      'episodes',
      'contacts',
      'caseload',
      'conversations',
      'plans',
      'connections',
      'outcomes',
      'systemUse',
      // Supervision sessions belong to the link worker and GP supervisor in them; person flags are casework.
      'supervision',
      'personFlags',
    ];
    // Exports of one person's whole record are casework too (docs/exports.md, "Who can export what").
    const personLevelExports = ['exports.subjectAccess', 'exports.transferBundle'];
    expect(deniedToAdmin.filter((name) => !caseworkAreas.includes(name.split('.')[0]!) && !personLevelExports.includes(name))).toEqual([]);
    expect(forbiddenCount.get('admin') ?? 0).toBe(deniedToAdmin.length);

    // Every refusal by role is in the audit log, under the caller's name.
    const denied = auditRows(admin.requireUnlocked().raw).filter((row) => row.action === 'access.denied');
    for (const role of ['link_worker', 'gp_supervisor', 'admin'] as const) {
      const theirs = denied.filter((row) => JSON.parse(row.details_json).role === role);
      expect(theirs).toHaveLength(forbiddenCount.get(role)!);
      expect(new Set(theirs.map((row) => row.actor_user_id)).size).toBe(1);
    }
  });
});
