import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import type { Keyring } from '../../../src/main/keys/keyring';
import { workspaceFiles } from '../../../src/main/store/workspace-files';
import { ADMIN, ManualClock, adminWorkspace, addUser, newSession, ok, readKeyringFile, refused } from '../../support/workspace';

function writeKeyringFile(folder: string, keyring: Keyring): void {
  writeFileSync(workspaceFiles(folder).keyring, `${JSON.stringify(keyring, null, 2)}\n`);
}

/** Changes the first character of a base64 string to another base64 character (so it still decodes). */
function flipFirstCharacter(base64: string): string {
  return (base64[0] === 'A' ? 'B' : 'A') + base64.slice(1);
}

describe('a keyring edited by hand', () => {
  it('refuses a slot whose wrapped key, nonce or tag had one character changed', async () => {
    const clock = new ManualClock();
    const { folder, session } = await adminWorkspace({ clock });
    await session.close();
    const original = readKeyringFile(folder);
    for (const part of ['ciphertext', 'nonce', 'tag'] as const) {
      const edited = structuredClone(original);
      const slot = edited.slots.find((s) => s.username === ADMIN.username)!;
      slot.wrapped[part] = flipFirstCharacter(slot.wrapped[part]);
      writeKeyringFile(folder, edited);
      const error = await refused(newSession(folder, { clock }), 'session.signIn', { username: ADMIN.username, password: ADMIN.password });
      expect(error.code, `edited ${part}`).toBe('wrong_credentials');
      clock.advanceMinutes(60); // past any back-off from the refusals
    }
    writeKeyringFile(folder, original);
    await ok(newSession(folder, { clock }), 'session.signIn', { username: ADMIN.username, password: ADMIN.password });
  });

  it('refuses a slot given another user name: a link worker cannot become the admin by renaming their slot', async () => {
    const { folder, session } = await adminWorkspace();
    const worker = await addUser(session, 'link_worker', 'lw.sneaky');
    await session.close();
    const edited = readKeyringFile(folder);
    const adminSlot = edited.slots.find((slot) => slot.username === ADMIN.username)!;
    const workerSlot = edited.slots.find((slot) => slot.username === worker.username)!;
    adminSlot.username = worker.username;
    workerSlot.username = ADMIN.username;
    writeKeyringFile(folder, edited);

    const asAdmin = newSession(folder);
    expect((await refused(asAdmin, 'session.signIn', { username: ADMIN.username, password: worker.password })).code).toBe('wrong_credentials');
    expect(asAdmin.isUnlocked).toBe(false);
    expect((await refused(newSession(folder), 'session.signIn', { username: worker.username, password: ADMIN.password })).code).toBe('wrong_credentials');
  });

  it('refuses a slot moved to another user id', async () => {
    const { folder, session, adminId } = await adminWorkspace();
    const worker = await addUser(session, 'link_worker', 'lw.mover');
    await session.close();
    const edited = readKeyringFile(folder);
    const workerSlot = edited.slots.find((slot) => slot.username === worker.username)!;
    // Point the worker's slot (whose password the worker knows) at the admin's account.
    edited.slots = edited.slots.filter((slot) => slot.slotId !== `user:${adminId}`);
    Object.assign(workerSlot, { slotId: `user:${adminId}`, userId: adminId, username: ADMIN.username });
    writeKeyringFile(folder, edited);
    expect((await refused(newSession(folder), 'session.signIn', { username: ADMIN.username, password: worker.password })).code).toBe('wrong_credentials');
  });

  it('refuses, in words, a slot whose scrypt parameters were edited to ones that cannot run', async () => {
    const clock = new ManualClock();
    const { folder, session } = await adminWorkspace({ clock });
    await session.close();
    const original = readKeyringFile(folder);
    for (const kdf of [{ N: 100_000 }, { N: 2 ** 30 }, { r: 1_000_000 }, { p: 1_000_000 }]) {
      const edited = structuredClone(original);
      Object.assign(edited.slots.find((slot) => slot.username === ADMIN.username)!.kdf, kdf);
      writeKeyringFile(folder, edited);
      const error = await refused(newSession(folder, { clock }), 'session.signIn', { username: ADMIN.username, password: ADMIN.password });
      expect(error, JSON.stringify(kdf)).toEqual({ code: 'workspace_unreadable', message: 'The workspace keyring is damaged or was edited by hand.' });
      clock.advanceMinutes(60);
    }
  });

  it('says the keyring is damaged, in words, when it is not a keyring any more', async () => {
    const { folder, session } = await adminWorkspace();
    await session.close();
    writeFileSync(workspaceFiles(folder).keyring, '{ "format": "linkdesk-keyring", "slots": [');
    const locked = newSession(folder);
    expect(await refused(locked, 'session.signIn', { username: ADMIN.username, password: ADMIN.password })).toEqual({
      code: 'workspace_unreadable',
      message: 'The workspace keyring is damaged. Restore it from a backup, or sign in with the recovery key.',
    });
    expect(await refused(locked, 'workspace.status')).toMatchObject({ code: 'workspace_unreadable' });

    // Well-formed JSON, but a keyring version this Linkdesk does not know and no slots.
    writeFileSync(workspaceFiles(folder).keyring, JSON.stringify({ format: 'linkdesk-keyring', version: 2, workspaceId: 'x', workspaceName: 'y', slots: [] }));
    expect(await refused(locked, 'session.signIn', { username: ADMIN.username, password: ADMIN.password })).toEqual({
      code: 'workspace_unreadable',
      message: 'The workspace keyring is damaged or was edited by hand.',
    });
  });
});
