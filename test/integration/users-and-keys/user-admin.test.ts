import { describe, expect, it } from 'vitest';
import type { SessionUser, UserSummary } from '../../../src/shared/ipc/contract';
import { ROLES } from '../../../src/shared/roles';
import {
  ADMIN,
  adminWorkspace,
  addUser,
  call,
  insertPerson,
  newSession,
  ok,
  readKeyringFile,
  readPerson,
  refused,
  signedInSession,
} from '../../support/workspace';

describe('an admin managing staff accounts', () => {
  it('adds a user of each role, and each signs in with that role', async () => {
    const { folder, session } = await adminWorkspace();
    for (const role of ROLES) {
      const added = await addUser(session, role, `new.${role}`);
      expect(added).toMatchObject({ username: `new.${role}`, role, disabled: false, lastSignInAt: null });
      expect(readKeyringFile(folder).slots.some((slot) => slot.slotId === `user:${added.id}`)).toBe(true);
      const theirs = newSession(folder);
      expect(await ok<SessionUser>(theirs, 'session.signIn', { username: added.username, password: added.password })).toMatchObject({ id: added.id, role });
    }
    const listed = await ok<UserSummary[]>(session, 'users.list');
    expect(listed.map((user) => user.role).sort()).toEqual(['admin', 'admin', 'gp_supervisor', 'link_worker']);
  });

  it('refuses a user name that is already taken, in any case', async () => {
    const { session } = await adminWorkspace();
    const error = await refused(session, 'users.create', {
      username: ADMIN.username.toUpperCase(),
      displayName: 'Someone Else',
      role: 'link_worker',
      temporaryPassword: 'a temporary password',
    });
    expect(error).toMatchObject({ code: 'conflict', fields: { username: 'That user name is already taken' } });
  });

  it('disables a user: their key slot leaves keyring.json and they cannot sign in; a temporary password lets them back in; data is kept', async () => {
    const { folder, session } = await adminWorkspace();
    const worker = await addUser(session, 'link_worker', 'lw.disabled');
    const personId = await insertPerson(session, { nhsNumber: '9434765919', givenName: 'Ivy', familyName: 'Marchbanks' });

    const disabled = await ok<UserSummary>(session, 'users.disable', { userId: worker.id });
    expect(disabled).toMatchObject({ id: worker.id, disabled: true });
    expect(readKeyringFile(folder).slots.map((slot) => slot.slotId)).not.toContain(`user:${worker.id}`);
    expect(JSON.stringify(readKeyringFile(folder))).not.toContain(worker.username);
    const theirs = newSession(folder);
    expect(await refused(theirs, 'session.signIn', { username: worker.username, password: worker.password })).toMatchObject({ code: 'wrong_credentials' });

    const temporaryPassword = 'a fresh temporary password';
    const enabled = await ok<UserSummary>(session, 'users.setTemporaryPassword', { userId: worker.id, temporaryPassword });
    expect(enabled).toMatchObject({ id: worker.id, disabled: false });
    expect(readKeyringFile(folder).slots.map((slot) => slot.slotId)).toContain(`user:${worker.id}`);
    const again = newSession(folder);
    await ok(again, 'session.signIn', { username: worker.username, password: temporaryPassword });
    expect(await refused(newSession(folder), 'session.signIn', { username: worker.username, password: worker.password })).toMatchObject({
      code: 'wrong_credentials',
    });
    expect(await readPerson(session, personId)).toMatchObject({ nhs_number: '9434765919', given_name: 'Ivy' });
  });

  it('does not let an admin disable their own account', async () => {
    const { session, adminId } = await adminWorkspace();
    expect(await refused(session, 'users.disable', { userId: adminId })).toMatchObject({ code: 'conflict', message: 'You cannot disable your own account.' });
    expect(await ok<UserSummary[]>(session, 'users.list')).toEqual([expect.objectContaining({ id: adminId, disabled: false })]);
  });

  it('keeps at least one active admin', async () => {
    const { folder, session, adminId } = await adminWorkspace();
    const second = await addUser(session, 'admin', 'second.admin');
    // The second admin, signed in elsewhere, disables the first; the first (still signed in) then
    // tries to disable the second, who is now the only active admin.
    const secondSession = await signedInSession(folder, second.username, second.password);
    await ok(secondSession, 'users.disable', { userId: adminId });
    expect(await refused(session, 'users.disable', { userId: second.id })).toMatchObject({
      code: 'conflict',
      message: 'The workspace must keep at least one active admin.',
    });
    expect(readKeyringFile(folder).slots.map((slot) => slot.slotId)).toContain(`user:${second.id}`);
  });

  it('gives every user added at the same moment a working key slot', async () => {
    const { folder, session } = await adminWorkspace();
    const input = (username: string) => ({ username, displayName: `Staff ${username}`, role: 'link_worker', temporaryPassword: `password of ${username}` });
    // An admin double-clicking "Add", or two add requests in flight at once.
    const results = await Promise.all([call(session, 'users.create', input('first.added')), call(session, 'users.create', input('second.added'))]);
    expect(results.map((result) => result.ok)).toEqual([true, true]);
    const slots = readKeyringFile(folder).slots.map((slot) => slot.username);
    expect(slots).toEqual(expect.arrayContaining(['first.added', 'second.added']));
    for (const username of ['first.added', 'second.added']) {
      await ok(newSession(folder), 'session.signIn', { username, password: `password of ${username}` });
    }
  });
});
