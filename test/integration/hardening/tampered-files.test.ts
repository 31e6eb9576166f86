/**
 * Tampering and copying: a database file edited byte by byte is detected when it is opened or
 * verified, with a message a user can act on; and a workspace folder copied to another machine
 * opens only with a valid password or the recovery key (nothing in it is tied to the machine, and
 * nothing in it opens without one of those secrets).
 * The keyring (users-and-keys/keyring-tampering.test.ts) and the audit chain (audit-chain.test.ts)
 * have their own tampering tests.
 */
import { describe, expect, it, vi } from 'vitest';
import { cpSync, openSync, readSync, statSync, writeSync, closeSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { verify } from '../../../src/main/cli/commands/verify';
import { WRONG_KEY_MESSAGE } from '../../../src/main/store/store-error';
import { workspaceFiles } from '../../../src/main/store/workspace-files';
import { ADMIN, addUser, adminWorkspace, call, newSession, ok, refused, tempFolder } from '../../support/workspace';
import { casework, personWithEpisode, recordContact } from '../../support/casework';

const PAGE = 4096;

/** Flips one byte of the file, as a hand edit in a hex editor would. */
function flipByte(path: string, offset: number): void {
  const fd = openSync(path, 'r+');
  try {
    const byte = Buffer.alloc(1);
    readSync(fd, byte, 0, 1, offset);
    byte[0] = byte[0]! ^ 0x5a;
    writeSync(fd, byte, 0, 1, offset);
  } finally {
    closeSync(fd);
  }
}

/** Runs the admin CLI's verify in this process and returns whether it passed and what it printed. */
async function cliVerify(folder: string, username: string, password: string): Promise<{ passed: boolean | 'error'; printed: string }> {
  const lines: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void lines.push(args.join(' ')));
  vi.stubEnv('LINKDESK_PASSWORD', password);
  try {
    return { passed: await verify({ folder, user: username } as Parameters<typeof verify>[0]), printed: lines.join('\n') };
  } catch (error) {
    return { passed: 'error', printed: `${lines.join('\n')}\n${(error as Error).message}` };
  } finally {
    log.mockRestore();
    vi.unstubAllEnvs();
  }
}

describe('a database file edited by hand', () => {
  it('is detected at sign-in or by verify, wherever the edit is, and the message says what to do', async () => {
    const work = await casework();
    for (let n = 0; n < 30; n += 1) {
      const { episode } = await personWithEpisode(work.worker);
      await recordContact(work.worker, episode.id, { notes: `Contact ${n} ${'words '.repeat(100)}` });
    }
    await work.worker.close();
    const pristine = tempFolder();
    cpSync(work.folder, pristine, { recursive: true });
    const pages = statSync(workspaceFiles(pristine).database).size / PAGE;
    expect(pages).toBeGreaterThan(20);

    const findings: string[] = [];
    // The first page's header, and inside pages at the start, middle and end of the file.
    for (const offset of [100, PAGE + 2000, Math.floor(pages / 2) * PAGE + 123, (pages - 1) * PAGE + 50]) {
      const copy = tempFolder();
      cpSync(pristine, copy, { recursive: true });
      flipByte(workspaceFiles(copy).database, offset);
      const session = newSession(copy);
      const signIn = await call(session, 'session.signIn', { username: ADMIN.username, password: ADMIN.password });
      if (!signIn.ok) {
        expect(signIn.error.code, `offset ${offset}`).toBe('workspace_unreadable');
        expect([WRONG_KEY_MESSAGE, 'The workspace database is damaged. Restore it from a backup.']).toContain(signIn.error.message);
        findings.push(`byte ${offset}: refused at sign-in ("${signIn.error.message}")`);
        continue;
      }
      await session.close();
      const checked = await cliVerify(copy, ADMIN.username, ADMIN.password);
      findings.push(`byte ${offset}: signed in; verify ${checked.passed === false ? 'failed' : String(checked.passed)}: ${checked.printed.replace(/\s+/g, ' ').slice(0, 200)}`);
      expect(checked.passed, `offset ${offset}: ${checked.printed}`).toBe(false);
      expect(checked.printed).toMatch(/Database integrity: FAILED|damaged/);
    }
    console.log(`tampered database:\n  ${findings.join('\n  ')}`);
    // The untouched copy passes, so the failures above were the edits.
    expect((await cliVerify(pristine, ADMIN.username, ADMIN.password)).passed).toBe(true);
  }, 180_000);
});

describe('a workspace folder copied to another machine', () => {
  it('opens only with a valid password or the recovery key; without them nothing in it can be read', async () => {
    const { folder, session, recoveryKey } = await adminWorkspace();
    const worker = await addUser(session, 'link_worker');
    await session.close();
    const elsewhere = join(tempFolder('linkdesk-other-machine-'), 'Linkdesk');
    cpSync(folder, elsewhere, { recursive: true });

    // Wrong passwords and unknown users get nothing, the same way as on the first machine.
    const stranger = newSession(elsewhere);
    expect(await refused(stranger, 'session.signIn', { username: ADMIN.username, password: 'not the password at all' })).toMatchObject({ code: 'wrong_credentials' });
    expect(await refused(newSession(elsewhere), 'session.signIn', { username: 'someone.else', password: ADMIN.password })).toMatchObject({ code: 'wrong_credentials' });
    expect(await refused(stranger, 'people.search', { query: 'anyone' })).toMatchObject({ code: 'locked' });

    // The database alone is ciphertext: SQLite without the key cannot read it.
    const bare = new Database(workspaceFiles(elsewhere).database, { readonly: true });
    expect(() => bare.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(/not a database/);
    bare.close();

    // Without the keyring, even the right password opens nothing.
    const noKeyring = join(tempFolder(), 'Linkdesk');
    cpSync(elsewhere, noKeyring, { recursive: true });
    rmSync(workspaceFiles(noKeyring).keyring);
    expect(await refused(newSession(noKeyring), 'session.signIn', { username: ADMIN.username, password: ADMIN.password })).toMatchObject({ code: 'not_found' });

    // A valid password opens the copy: nothing is tied to the first machine.
    const admin = newSession(elsewhere);
    await ok(admin, 'session.signIn', { username: ADMIN.username, password: ADMIN.password });
    expect(await ok(admin, 'audit.verify')).toMatchObject({ ok: true });
    await admin.close();

    // So does the recovery key, for someone whose password is not known.
    const recovering = newSession(elsewhere);
    await ok(recovering, 'session.resetPasswordWithRecoveryKey', { username: worker.username, recoveryKey, newPassword: 'a new password after the move' });
    await ok(recovering, 'session.signIn', { username: worker.username, password: 'a new password after the move' });
  }, 120_000);
});
