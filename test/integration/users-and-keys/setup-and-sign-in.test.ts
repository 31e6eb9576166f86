import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { workspaceFiles } from '../../../src/main/store/workspace-files';
import type { SessionUser, WorkspaceStatus } from '../../../src/shared/ipc/contract';
import { ADMIN, WORKSPACE_NAME, call, newSession, ok, readKeyringFile, refused, tempFolder } from '../../support/workspace';

const SETUP = { workspaceName: WORKSPACE_NAME, adminUsername: ADMIN.username, adminDisplayName: ADMIN.displayName, adminPassword: ADMIN.password };

describe('first-run set-up and sign-in', () => {
  it('creates the workspace, its first admin and a recovery key in 8 groups of 4, then lets the admin sign in', async () => {
    const folder = tempFolder();
    const session = newSession(folder);
    expect(await ok<WorkspaceStatus>(session, 'workspace.status')).toEqual({ exists: false, workspaceName: null, user: null, idleMinutes: 10, lockReason: null });

    const { recoveryKey } = await ok<{ recoveryKey: string }>(session, 'workspace.setup', SETUP);
    expect(recoveryKey).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){7}$/);
    expect(existsSync(workspaceFiles(folder).database)).toBe(true);
    expect(readKeyringFile(folder).slots.map((slot) => [slot.kind, slot.username])).toEqual([
      ['user', ADMIN.username],
      ['recovery', null],
    ]);
    // Set-up does not sign anyone in.
    expect(await ok<WorkspaceStatus>(session, 'workspace.status')).toMatchObject({ exists: true, workspaceName: WORKSPACE_NAME, user: null });
    expect((await refused(session, 'users.list')).code).toBe('locked');

    const user = await ok<SessionUser>(session, 'session.signIn', { username: ADMIN.username, password: ADMIN.password });
    expect(user).toMatchObject({ username: ADMIN.username, displayName: ADMIN.displayName, role: 'admin' });
    expect(await ok<WorkspaceStatus>(session, 'workspace.status')).toMatchObject({ exists: true, user, lockReason: null });
    expect(await ok<unknown[]>(session, 'users.list')).toHaveLength(1);
  });

  it('refuses a second set-up in a folder that already has a workspace', async () => {
    const folder = tempFolder();
    await ok(newSession(folder), 'workspace.setup', SETUP);
    const before = readKeyringFile(folder);
    expect(await refused(newSession(folder), 'workspace.setup', { ...SETUP, adminUsername: 'mallory' })).toMatchObject({ code: 'conflict' });
    expect(readKeyringFile(folder)).toEqual(before);
  });

  it('refuses a wrong password and an unknown user name with the same words', async () => {
    const folder = tempFolder();
    const session = newSession(folder);
    await ok(session, 'workspace.setup', SETUP);
    const wrongPassword = await refused(session, 'session.signIn', { username: ADMIN.username, password: 'not the password at all' });
    expect(wrongPassword).toEqual({ code: 'wrong_credentials', message: 'Wrong user name or password.' });
    const unknownUser = await refused(session, 'session.signIn', { username: 'nobody.here', password: ADMIN.password });
    expect(unknownUser).toEqual(wrongPassword);
    expect(session.isUnlocked).toBe(false);
  });

  it('accepts the user name in any case', async () => {
    const folder = tempFolder();
    const session = newSession(folder);
    await ok(session, 'workspace.setup', SETUP);
    const result = await call(session, 'session.signIn', { username: ADMIN.username.toUpperCase(), password: ADMIN.password });
    expect(result).toMatchObject({ ok: true, data: { username: ADMIN.username } });
  });

  it('accepts a password with accents however the keyboard composes them', async () => {
    const folder = tempFolder();
    const session = newSession(folder);
    const composed = 'café crème brûlée'.normalize('NFC');
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    await ok(session, 'workspace.setup', { ...SETUP, adminPassword: composed });
    await ok(session, 'session.signIn', { username: ADMIN.username, password: decomposed });
  });
});
