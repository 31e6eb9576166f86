import { describe, expect, it } from 'vitest';
import { contract, type WorkspaceStatus } from '../../src/shared/ipc/contract';
import { channelNames } from '../../src/shared/ipc/bridge';
import type { ChannelSpec } from '../../src/shared/ipc/channel';
import type { WorkspaceSession } from '../../src/main/services/workspace-session';
import { ADMIN, ManualClock, adminWorkspace, call, ok, refused } from '../support/workspace';

function spec(name: string): ChannelSpec {
  const [area, action] = name.split('.') as [keyof typeof contract, string];
  return (contract[area] as Record<string, ChannelSpec>)[action]!;
}
const ROLE_RESTRICTED = channelNames().filter((name) => spec(name).access !== 'anyone');

async function expectEveryRestrictedChannelLocked(session: WorkspaceSession): Promise<void> {
  expect(ROLE_RESTRICTED.length).toBeGreaterThan(5);
  for (const name of ROLE_RESTRICTED) {
    const result = await call(session, name, {});
    expect(result, name).toEqual({ ok: false, error: { code: 'locked', message: 'Linkdesk is locked. Sign in to continue.' } });
  }
}

async function auditActions(session: WorkspaceSession): Promise<string[]> {
  const { rows } = await ok<{ rows: { action: string }[] }>(session, 'audit.list', { page: 0, pageSize: 100 });
  return rows.map((row) => row.action).reverse();
}

describe('the idle lock', () => {
  it('locks after 10 minutes without use by default, zeroes the data key and refuses every role-restricted channel', async () => {
    const clock = new ManualClock();
    const { session } = await adminWorkspace({ clock });
    const dataKey = session.requireUnlocked().dataKey;
    const copy = Buffer.from(dataKey);
    expect(copy.equals(Buffer.alloc(32))).toBe(false);
    expect(await ok(session, 'settings.get')).toMatchObject({ idleMinutes: 10 });

    clock.advance(10 * 60_000 - 1000);
    await session.checkIdle();
    expect(session.isUnlocked).toBe(true);
    expect(await ok(session, 'session.heartbeat')).toEqual({ idleSecondsLeft: 600 }); // use restarts the count

    clock.advanceMinutes(10);
    await session.checkIdle();
    expect(session.isUnlocked).toBe(false);
    expect(dataKey.equals(Buffer.alloc(32))).toBe(true);
    expect(await ok<WorkspaceStatus>(session, 'workspace.status')).toEqual({
      exists: true,
      workspaceName: 'Brook Lane PCN',
      user: null,
      idleMinutes: 10,
      lockReason: 'idle',
    });
    await expectEveryRestrictedChannelLocked(session);

    await ok(session, 'session.signIn', { username: ADMIN.username, password: ADMIN.password });
    expect(session.requireUnlocked().dataKey.equals(copy)).toBe(true);
    expect(await ok<WorkspaceStatus>(session, 'workspace.status')).toMatchObject({ lockReason: null });
    expect(await auditActions(session)).toEqual(['workspace.created', 'user.created', 'sign_in.succeeded', 'session.locked_idle', 'sign_in.succeeded']);
  });

  it('does not count status polling as use, and refuses a request that arrives after the limit even before the idle timer runs', async () => {
    const clock = new ManualClock();
    const { session } = await adminWorkspace({ clock });
    clock.advanceMinutes(9);
    await ok(session, 'workspace.status');
    clock.advanceMinutes(1);
    // No checkIdle() here: the limit has passed, so this request must not be served (nor extend the session).
    expect(await refused(session, 'users.list')).toMatchObject({ code: 'locked' });
    expect(session.isUnlocked).toBe(false);
    expect(await ok<WorkspaceStatus>(session, 'workspace.status')).toMatchObject({ user: null, lockReason: 'idle' });
  });

  it('does not lock a sign-in that completes while an idle check is waiting its turn', async () => {
    const clock = new ManualClock();
    const { session } = await adminWorkspace({ clock });
    clock.advanceMinutes(11);
    // The old sign-in has expired; someone signs in again as the idle timer fires.
    const signingIn = session.signIn(ADMIN.username, ADMIN.password);
    const idleCheck = session.checkIdle();
    await Promise.all([signingIn, idleCheck]);
    expect(session.isUnlocked).toBe(true);
    expect(await ok(session, 'users.list')).toHaveLength(1);
  });

  it('uses the idle limit an admin sets, from 1 to 60 minutes, also after the next sign-in', async () => {
    const clock = new ManualClock();
    const { session } = await adminWorkspace({ clock });
    for (const idleMinutes of [0, 61, 1.5]) {
      const error = await refused(session, 'settings.update', { workspaceName: 'Brook Lane PCN', idleMinutes });
      expect(error, `idleMinutes ${idleMinutes}`).toMatchObject({ code: 'invalid_input', fields: { idleMinutes: expect.any(String) } });
    }
    expect(await ok(session, 'settings.update', { workspaceName: 'Brook Lane PCN', idleMinutes: 60 })).toEqual({ workspaceName: 'Brook Lane PCN', idleMinutes: 60 });
    clock.advanceMinutes(59);
    await session.checkIdle();
    expect(session.isUnlocked).toBe(true);

    await ok(session, 'settings.update', { workspaceName: 'Brook Lane PCN', idleMinutes: 1 });
    expect(await ok(session, 'session.heartbeat')).toEqual({ idleSecondsLeft: 60 });
    clock.advanceSeconds(59);
    await session.checkIdle();
    expect(session.isUnlocked).toBe(true);
    clock.advanceSeconds(1);
    await session.checkIdle();
    expect(session.isUnlocked).toBe(false);

    await ok(session, 'session.signIn', { username: ADMIN.username, password: ADMIN.password });
    expect(await ok(session, 'settings.get')).toEqual({ workspaceName: 'Brook Lane PCN', idleMinutes: 1 });
    clock.advanceMinutes(1);
    await session.checkIdle();
    // The sign-in screen can say how long the limit was, although the workspace is locked.
    expect(await ok<WorkspaceStatus>(session, 'workspace.status')).toMatchObject({ user: null, lockReason: 'idle', idleMinutes: 1 });
  });
});

describe('signing out', () => {
  it('zeroes the data key, closes the database, refuses every role-restricted channel and says why', async () => {
    const { session } = await adminWorkspace();
    const dataKey = session.requireUnlocked().dataKey;
    const raw = session.requireUnlocked().raw;
    await ok(session, 'session.signOut');
    expect(dataKey.equals(Buffer.alloc(32))).toBe(true);
    expect(raw.open).toBe(false);
    expect(await ok<WorkspaceStatus>(session, 'workspace.status')).toMatchObject({ user: null, lockReason: 'signed_out' });
    await expectEveryRestrictedChannelLocked(session);
  });
});
