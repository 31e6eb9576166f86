import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { workspaceFiles } from '../../src/main/store/workspace-files';
import { ADMIN, WORKSPACE_NAME, adminWorkspace, filesUnder, findInFiles, insertPerson, newSession, ok, readPerson } from '../support/workspace';

// A valid NHS number (modulus 11 check digit) and a name nobody else in the fixtures uses.
const NHS_NUMBER = '9434765919';
const GIVEN_NAME = 'Philomena';
const FAMILY_NAME = 'Quarrington-Oyelaran';

describe('the workspace store is encrypted at rest', () => {
  it('keeps a person, the staff names and the data key out of every file in the workspace folder, and keeps the data across close and reopen', async () => {
    const { folder, session } = await adminWorkspace();
    const files = workspaceFiles(folder);
    const personId = await insertPerson(session, { nhsNumber: NHS_NUMBER, givenName: GIVEN_NAME, familyName: FAMILY_NAME, dateOfBirth: '1948-07-05' });
    const dataKey = Buffer.from(session.requireUnlocked().dataKey);

    // Personal data: never anywhere on disk, not even in the plain keyring or sign-in attempts files.
    const personal = [NHS_NUMBER, GIVEN_NAME, FAMILY_NAME, ADMIN.displayName, dataKey.toString('hex'), dataKey.toString('base64')];
    // Names that keyring.json shows before sign-in (by design), but the database must not leak.
    const staffAndWorkspace = [ADMIN.username, WORKSPACE_NAME];

    // While the workspace is open the new page sits in the write-ahead log: that must be encrypted too.
    expect(existsSync(`${files.database}-wal`)).toBe(true);
    expect(findInFiles(folder, personal)).toEqual([]);
    for (const file of filesUnder(folder)) expect(file.bytes.includes(dataKey), `${file.name} holds the raw data key`).toBe(false);
    const databaseFiles = filesUnder(folder).filter((file) => file.name.startsWith('linkdesk.db'));
    expect(databaseFiles.map((file) => file.name).sort()).toEqual(['linkdesk.db', 'linkdesk.db-shm', 'linkdesk.db-wal']);
    for (const needle of staffAndWorkspace) {
      for (const file of databaseFiles) {
        expect(file.bytes.includes(Buffer.from(needle, 'utf8')), `${file.name} contains ${needle}`).toBe(false);
        expect(file.bytes.includes(Buffer.from(needle, 'utf16le')), `${file.name} contains ${needle} (UTF-16)`).toBe(false);
      }
    }
    // A SQLCipher file has no "SQLite format 3" header: the first page is ciphertext from byte 0 on.
    expect(readFileSync(files.database).subarray(0, 16).toString('latin1')).not.toContain('SQLite format');

    await session.close();
    // Closing checkpoints the log: one database file is left, beside the keyring and the (empty) sign-in attempts file.
    expect(filesUnder(folder).map((file) => file.name).sort()).toEqual(['keyring.json', 'linkdesk.db', 'sign-in-attempts.json']);
    expect(JSON.parse(readFileSync(files.signInAttempts, 'utf8'))).toEqual({ failures: {}, pending: [] });
    expect(findInFiles(folder, personal)).toEqual([]);
    const database = readFileSync(files.database);
    for (const needle of staffAndWorkspace) expect(database.includes(Buffer.from(needle, 'utf8'))).toBe(false);
    // What is in clear is what docs/security.md says: the user name and workspace name, in keyring.json only.
    expect(findInFiles(folder, [ADMIN.username, WORKSPACE_NAME])).toEqual([
      `keyring.json contains "${ADMIN.username}" (utf8)`,
      `keyring.json contains "${WORKSPACE_NAME}" (utf8)`,
    ]);

    const reopened = newSession(folder);
    await ok(reopened, 'session.signIn', { username: ADMIN.username, password: ADMIN.password });
    expect(await readPerson(reopened, personId)).toMatchObject({ nhs_number: NHS_NUMBER, given_name: GIVEN_NAME, family_name: FAMILY_NAME, date_of_birth: '1948-07-05' });
    expect(await ok(reopened, 'settings.get')).toEqual({ workspaceName: WORKSPACE_NAME, idleMinutes: 10 });
  });

  it.runIf(process.platform !== 'win32')('leaves the folder and every file in it readable by its owner only', async () => {
    const { folder, session } = await adminWorkspace();
    await ok(session, 'session.signOut');
    expect(statSync(folder).mode & 0o077, 'workspace folder').toBe(0);
    for (const file of filesUnder(folder)) expect(statSync(file.path).mode & 0o077, file.name).toBe(0);
  });
});
