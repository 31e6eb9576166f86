import { describe, expect, it } from 'vitest';
import { createRouter } from '../../src/main/ipc/router';
import { handlers } from '../../src/main/ipc/handlers';
import { apiErrorSchema } from '../../src/shared/ipc/errors';
import { ADMIN, adminWorkspace, addUser, auditRows, call, newSession, ok, refused, signedInSession, tempFolder } from '../support/workspace';

describe('the IPC router', () => {
  it('answers a channel that is not in the contract with unknown_channel', async () => {
    const session = newSession(tempFolder());
    for (const name of ['nope.nothing', 'users', 'users.list.extra', 'users.', '.list', '', 'USERS.LIST', 'users.list ', '__proto__.toString', 'users.constructor', 'toString.call']) {
      expect(await call(session, name, {}), JSON.stringify(name)).toEqual({
        ok: false,
        error: { code: 'unknown_channel', message: 'Linkdesk does not know that request.' },
      });
    }
    expect(await call(session, 42 as unknown as string, {})).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  });

  it('refuses bad input with invalid_input, naming every bad field and any stray one', async () => {
    const { session } = await adminWorkspace();
    const error = await refused(session, 'users.create', {
      username: 'x',
      displayName: 'Line\u0007Bell',
      role: 'boss',
      temporaryPassword: 'short',
      isAdmin: true,
      constructor: 'x',
      ...JSON.parse('{"__proto__": {"role": "admin"}}'),
    });
    expect(error.code).toBe('invalid_input');
    expect(error.message).toBe('Some of the details are not right.');
    expect(error.fields).toEqual({
      username: 'Use at least 3 characters',
      displayName: 'Remove control characters',
      role: 'Choose a role',
      temporaryPassword: 'Use at least 12 characters; three random words work well',
      isAdmin: 'Not a field of this request',
      constructor: 'Not a field of this request',
      ['__proto__']: 'Not a field of this request',
    });
    expect(Object.keys(error.fields!)).toContain('__proto__');
    expect(apiErrorSchema.safeParse(error).success).toBe(true);

    const missing = await refused(session, 'users.disable', {});
    expect(missing.fields).toEqual({ userId: expect.any(String) });
    const notAnObject = await refused(session, 'users.disable', 'a string');
    expect(notAnObject).toMatchObject({ code: 'invalid_input', fields: { '(input)': expect.any(String) } });
    expect(await ok(session, 'users.list')).toHaveLength(1);
  });

  it('refuses a link worker calling users.list with forbidden, and audits the refusal', async () => {
    const { folder, session } = await adminWorkspace();
    const worker = await addUser(session, 'link_worker', 'lw.curious');
    const theirs = await signedInSession(folder, worker.username, worker.password);
    expect(await refused(theirs, 'users.list')).toEqual({ code: 'forbidden', message: 'Your role does not allow this.' });
    const last = auditRows(theirs.requireUnlocked().raw).at(-1)!;
    expect(last).toMatchObject({ action: 'access.denied', actor_user_id: worker.id, actor_username: worker.username });
    expect(JSON.parse(last.details_json)).toEqual({ channel: 'users.list', role: 'link_worker' });
  });

  it('answers every non-public channel with locked while nobody is signed in', async () => {
    const { session } = await adminWorkspace();
    await ok(session, 'session.signOut');
    expect(await refused(session, 'users.list')).toEqual({ code: 'locked', message: 'Linkdesk is locked. Sign in to continue.' });
    expect(await refused(session, 'audit.verify')).toMatchObject({ code: 'locked' });
    expect(await refused(session, 'session.heartbeat')).toMatchObject({ code: 'locked' });
    await ok(session, 'session.signIn', { username: ADMIN.username, password: ADMIN.password });
  });

  it('turns a handler crash or a bad output into a plain "internal" error, with no stack trace or detail', async () => {
    const { session } = await adminWorkspace();
    const crashing = createRouter({
      ...handlers,
      users: {
        ...handlers.users,
        list: async () => {
          throw new Error('SQLITE_CORRUPT at /home/someone/linkdesk.db: row for Jane Doe 9434765919');
        },
      },
      settings: { ...handlers.settings, get: async () => ({ workspaceName: 'x', idleMinutes: 'ten' as unknown as number }) },
    });
    for (const channel of ['users.list', 'settings.get']) {
      const result = await crashing(session, channel, {});
      expect(result, channel).toEqual({ ok: false, error: { code: 'internal', message: 'Linkdesk could not complete that. Nothing was changed.' } });
    }
  });
});
