import { describe, expect, it } from 'vitest';
import type { WorkspaceStatus } from '../../../src/shared/ipc/contract';
import { ADMIN, ManualClock, adminWorkspace, insertPerson, newSession, ok, readPerson, refused, slotTexts } from '../../support/workspace';

const NEW_PASSWORD = 'remembered this one now';

describe('resetting a forgotten password with the recovery key', () => {
  it('seals a new slot for that user only, leaves the workspace locked, and loses no data', async () => {
    const { folder, session, recoveryKey, adminId } = await adminWorkspace();
    const personId = await insertPerson(session, { nhsNumber: '9434765919', givenName: 'Winifred', familyName: 'Achterberg' });
    await ok(session, 'session.signOut');
    const before = slotTexts(folder);

    // Typed as people do: lower case, spaces instead of dashes, O for 0.
    const typed = recoveryKey.toLowerCase().replaceAll('-', ' ').replaceAll('0', 'o');
    await ok(session, 'session.resetPasswordWithRecoveryKey', { username: ADMIN.username, recoveryKey: typed, newPassword: NEW_PASSWORD });
    expect(await ok<WorkspaceStatus>(session, 'workspace.status')).toMatchObject({ user: null });
    const after = slotTexts(folder);
    expect(after.get('recovery')).toBe(before.get('recovery'));
    expect(after.get(`user:${adminId}`)).not.toBe(before.get(`user:${adminId}`));

    expect((await refused(session, 'session.signIn', { username: ADMIN.username, password: ADMIN.password })).code).toBe('wrong_credentials');
    await ok(session, 'session.signIn', { username: ADMIN.username, password: NEW_PASSWORD });
    expect(await readPerson(session, personId)).toMatchObject({ nhs_number: '9434765919', family_name: 'Achterberg' });
    const audit = await ok<{ rows: { actorUserId: string | null }[] }>(session, 'audit.list', {
      page: 0,
      pageSize: 10,
      action: 'user.password_reset_with_recovery_key',
    });
    expect(audit.rows).toEqual([expect.objectContaining({ actorUserId: adminId })]);
  });

  it('refuses a wrong recovery key with a field error and changes nothing', async () => {
    const { folder, session, recoveryKey } = await adminWorkspace();
    await ok(session, 'session.signOut');
    const before = slotTexts(folder);
    // A well-formed key that is not this workspace's: the last symbol changed.
    const wrong = recoveryKey.slice(0, -1) + (recoveryKey.endsWith('Z') ? 'Y' : 'Z');
    const error = await refused(newSession(folder), 'session.resetPasswordWithRecoveryKey', { username: ADMIN.username, recoveryKey: wrong, newPassword: NEW_PASSWORD });
    expect(error).toMatchObject({ code: 'wrong_credentials', fields: { recoveryKey: 'This recovery key does not open this workspace' } });
    const malformed = await refused(newSession(folder), 'session.resetPasswordWithRecoveryKey', {
      username: ADMIN.username,
      recoveryKey: 'not-a-key',
      newPassword: NEW_PASSWORD,
    });
    expect(malformed).toMatchObject({ code: 'invalid_input', fields: { recoveryKey: 'A recovery key has 32 letters and numbers, in 8 groups of 4' } });
    expect(slotTexts(folder)).toEqual(before);
    await ok(newSession(folder), 'session.signIn', { username: ADMIN.username, password: ADMIN.password });
  });

  it('backs off after repeated wrong recovery keys, on the same schedule as sign-in, and then lets the right key in', async () => {
    const clock = new ManualClock();
    const { session, recoveryKey } = await adminWorkspace({ clock });
    await ok(session, 'session.signOut');
    const wrong = recoveryKey.slice(0, -1) + (recoveryKey.endsWith('Z') ? 'Y' : 'Z');
    const reset = (key: string) => refused(session, 'session.resetPasswordWithRecoveryKey', { username: ADMIN.username, recoveryKey: key, newPassword: NEW_PASSWORD });
    expect((await reset(wrong)).code).toBe('wrong_credentials');
    expect((await reset(wrong)).code).toBe('wrong_credentials');
    expect(await reset(recoveryKey)).toMatchObject({ code: 'too_many_attempts', retryAfterSeconds: 2 });
    // Sign-in for the same user name is counted separately.
    await ok(session, 'session.signIn', { username: ADMIN.username, password: ADMIN.password });
    await ok(session, 'session.signOut');
    clock.advanceSeconds(2);
    await ok(session, 'session.resetPasswordWithRecoveryKey', { username: ADMIN.username, recoveryKey, newPassword: NEW_PASSWORD });
  });
});
