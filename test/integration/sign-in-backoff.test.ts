import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { backoffSeconds } from '../../src/main/services/sign-in-throttle';
import { workspaceFiles } from '../../src/main/store/workspace-files';
import { ADMIN, ManualClock, addUser, adminWorkspace, auditRows, newSession, ok, refused } from '../support/workspace';

const WRONG = ['wrong guess number one', 'wrong guess number two', 'wrong guess number three', 'wrong guess number four'];

describe('sign-in back-off', () => {
  it('makes each wrong password wait longer, refuses even the right password during the wait, and lets it in after', async () => {
    const clock = new ManualClock();
    const { folder, session } = await adminWorkspace({ clock });
    const colleague = await addUser(session, 'link_worker', 'lw.colleague');
    await ok(session, 'session.signOut');
    const attempt = (password: string, username = ADMIN.username) => refused(session, 'session.signIn', { username, password });

    // The first failure is free; from the second on, each failure sets a wait of backoffSeconds(failures).
    expect(await attempt(WRONG[0]!)).toMatchObject({ code: 'wrong_credentials' });
    const waits: number[] = [];
    for (let failures = 2; failures <= 4; failures += 1) {
      expect(await attempt(WRONG[failures - 1]!)).toMatchObject({ code: 'wrong_credentials' });
      const throttled = await attempt(ADMIN.password);
      expect(throttled).toEqual({
        code: 'too_many_attempts',
        message: `Too many failed sign-ins. Try again in ${backoffSeconds(failures)} seconds.`,
        retryAfterSeconds: backoffSeconds(failures),
      });
      waits.push(throttled.retryAfterSeconds!);
      clock.advanceSeconds(backoffSeconds(failures));
    }
    expect(waits).toEqual([2, 4, 8]);

    // A fifth failure: 16 s. Part-way through, the wait left is reported; a restart does not reset it.
    expect(await attempt('wrong guess number five')).toMatchObject({ code: 'wrong_credentials' });
    clock.advanceSeconds(10);
    expect(await refused(newSession(folder, { clock }), 'session.signIn', { username: ADMIN.username, password: ADMIN.password })).toMatchObject({
      code: 'too_many_attempts',
      retryAfterSeconds: 6,
    });
    // The wait is per user name: a colleague signs in as normal meanwhile.
    const colleagueSession = newSession(folder, { clock });
    await ok(colleagueSession, 'session.signIn', { username: colleague.username, password: colleague.password });
    await ok(colleagueSession, 'session.signOut');

    // The sign-in attempts file holds user names and times, never a password.
    const attemptsFile = readFileSync(workspaceFiles(folder).signInAttempts, 'utf8');
    expect(attemptsFile).toContain(ADMIN.username);
    for (const password of [...WRONG, ADMIN.password]) expect(attemptsFile).not.toContain(password);

    clock.advanceSeconds(6);
    await ok(session, 'session.signIn', { username: ADMIN.username.toUpperCase(), password: ADMIN.password });
    expect(JSON.parse(readFileSync(workspaceFiles(folder).signInAttempts, 'utf8'))).toEqual({ failures: {}, pending: [] });

    // The colleague's sign-in already moved the earlier events into the audit log; this one moved the rest.
    const rows = auditRows(session.requireUnlocked().raw);
    const signInEvents = rows.filter((row) => row.action === 'sign_in.failed' || row.action === 'sign_in.throttled');
    expect(signInEvents.map((row) => row.action)).toEqual([
      'sign_in.failed',
      'sign_in.failed',
      'sign_in.throttled',
      'sign_in.failed',
      'sign_in.throttled',
      'sign_in.failed',
      'sign_in.throttled',
      'sign_in.failed',
      'sign_in.throttled',
    ]);
    for (const row of signInEvents) {
      expect(row.actor_user_id).toBeNull();
      expect(JSON.parse(row.details_json)).toEqual({ attemptedUsername: ADMIN.username, attemptedAt: expect.stringMatching(/^2026-03-02T09:0\d:\d\d\.000Z$/) });
    }
    const everything = JSON.stringify(rows);
    for (const password of [...WRONG, 'wrong guess number five', ADMIN.password]) expect(everything).not.toContain(password);
  });

  it('applies the same back-off to a user name that does not exist', async () => {
    const clock = new ManualClock();
    const { session } = await adminWorkspace({ clock });
    await ok(session, 'session.signOut');
    for (const expected of ['wrong_credentials', 'wrong_credentials', 'too_many_attempts']) {
      expect((await refused(session, 'session.signIn', { username: 'no.such.person', password: 'some password' })).code).toBe(expected);
    }
  });
});
