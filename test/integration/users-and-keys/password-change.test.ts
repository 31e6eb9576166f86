import { describe, expect, it } from 'vitest';
import { ADMIN, adminWorkspace, addUser, auditRows, call, insertPerson, newSession, ok, readPerson, refused, slotTexts } from '../../support/workspace';

const NEW_PASSWORD = 'a brand new passphrase 42';

describe('changing your own password', () => {
  it('re-wraps only your own key slot, stops the old password working and keeps the data', async () => {
    const { folder, session, adminId } = await adminWorkspace();
    const colleague = await addUser(session, 'link_worker');
    const personId = await insertPerson(session, { nhsNumber: '9434765919', givenName: 'Mabel', familyName: 'Okonkwo' });
    const before = slotTexts(folder);
    expect([...before.keys()].sort()).toEqual(['recovery', `user:${adminId}`, `user:${colleague.id}`].sort());

    await ok(session, 'account.changePassword', { currentPassword: ADMIN.password, newPassword: NEW_PASSWORD });

    const after = slotTexts(folder);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [slotId, text] of before) {
      if (slotId === `user:${adminId}`) expect(after.get(slotId), 'the admin slot is re-wrapped with a new salt').not.toBe(text);
      else expect(after.get(slotId), `${slotId} is untouched`).toBe(text);
    }

    await ok(session, 'session.signOut');
    const again = newSession(folder);
    expect((await refused(again, 'session.signIn', { username: ADMIN.username, password: ADMIN.password })).code).toBe('wrong_credentials');
    await ok(again, 'session.signIn', { username: ADMIN.username, password: NEW_PASSWORD });
    expect(await readPerson(again, personId)).toMatchObject({ nhs_number: '9434765919', given_name: 'Mabel' });
    const audit = await ok<{ rows: { action: string; entityId: string | null }[] }>(again, 'audit.list', { page: 0, pageSize: 100, action: 'user.password_changed' });
    expect(audit.rows).toEqual([expect.objectContaining({ action: 'user.password_changed', entityId: adminId })]);
  });

  it('refuses a wrong current password, names the field, and changes nothing', async () => {
    const { folder, session } = await adminWorkspace();
    const before = slotTexts(folder);
    const error = await refused(session, 'account.changePassword', { currentPassword: 'this is not it, sorry', newPassword: NEW_PASSWORD });
    expect(error).toMatchObject({ code: 'wrong_credentials', fields: { currentPassword: expect.any(String) } });
    expect(slotTexts(folder)).toEqual(before);
  });

  it('refuses a new password shorter than 12 characters, naming the field', async () => {
    const { session } = await adminWorkspace();
    const error = await refused(session, 'account.changePassword', { currentPassword: ADMIN.password, newPassword: 'short' });
    expect(error).toMatchObject({ code: 'invalid_input', fields: { newPassword: 'Use at least 12 characters; three random words work well' } });
  });

  it('saves nothing when the session locks and someone signs in again while the new password is being sealed', async () => {
    const { folder, session } = await adminWorkspace();
    const before = slotTexts(folder);
    const change = call(session, 'account.changePassword', { currentPassword: ADMIN.password, newPassword: NEW_PASSWORD });
    // Let the request pass the router's checks and start deriving keys, then lock under it.
    await new Promise((resolve) => setImmediate(resolve));
    expect(session.isUnlocked).toBe(true);
    await session.signOut();
    await session.signIn(ADMIN.username, ADMIN.password);
    expect(await change).toMatchObject({ ok: false, error: { code: 'locked' } });
    // The slot must never be sealed over a data key that was wiped at sign-out.
    expect(slotTexts(folder)).toEqual(before);
    expect(auditRows(session.requireUnlocked().raw).map((row) => row.action)).not.toContain('user.password_changed');
    await ok(session, 'session.signOut');
    await ok(session, 'session.signIn', { username: ADMIN.username, password: ADMIN.password });
  });
});
