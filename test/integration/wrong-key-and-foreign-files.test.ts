import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { openEncryptedDatabase } from '../../src/main/store/open-database';
import { WRONG_KEY_MESSAGE, WorkspaceOpenError } from '../../src/main/store/store-error';
import { workspaceFiles } from '../../src/main/store/workspace-files';
import { ADMIN, adminWorkspace, newSession, refused, tempFolder } from '../support/workspace';

function openError(path: string, key: Buffer): unknown {
  try {
    openEncryptedDatabase(path, key, { create: false }).close();
  } catch (error) {
    return error;
  }
  return null;
}

function expectWrongKeyError(error: unknown): void {
  expect(error).toBeInstanceOf(WorkspaceOpenError);
  expect((error as Error).message).toBe('Wrong password, or not a Linkdesk workspace.');
  expect((error as Error).message).not.toMatch(/SQLITE|NOTADB|file is not a database/i);
}

describe('opening a database that this key does not open', () => {
  it('says "Wrong password, or not a Linkdesk workspace." for a wrong key, a plain SQLite file and random bytes', async () => {
    const { folder, session } = await adminWorkspace();
    const key = Buffer.from(session.requireUnlocked().dataKey);
    await session.close();
    const database = workspaceFiles(folder).database;
    expect(WRONG_KEY_MESSAGE).toBe('Wrong password, or not a Linkdesk workspace.');

    expectWrongKeyError(openError(database, randomBytes(32)));

    const plain = join(folder, 'plain.db');
    const unencrypted = new Database(plain);
    unencrypted.exec(`CREATE TABLE people (name TEXT); INSERT INTO people VALUES ('someone')`);
    unencrypted.close();
    expectWrongKeyError(openError(plain, key));

    const noise = join(folder, 'noise.db');
    writeFileSync(noise, randomBytes(64 * 1024));
    expectWrongKeyError(openError(noise, key));

    // The right key still opens the real file, so the failures above were about the files, not the key.
    expect(openError(database, key)).toBeNull();
  });

  it('tells a user whose workspace file was swapped for a foreign one, through sign-in, in the same words', async () => {
    const { folder, session } = await adminWorkspace();
    await session.close();
    const foreign = join(tempFolder(), 'foreign.db');
    writeFileSync(foreign, randomBytes(32 * 1024));
    copyFileSync(foreign, workspaceFiles(folder).database);
    const error = await refused(newSession(folder), 'session.signIn', { username: ADMIN.username, password: ADMIN.password });
    expect(error).toEqual({ code: 'workspace_unreadable', message: 'Wrong password, or not a Linkdesk workspace.' });
  });
});

describe('the connection settings that keep data off the disk and safe in a crash', () => {
  it('opens with SQLCipher 4, WAL, synchronous=FULL and temp_store=MEMORY', () => {
    const path = join(tempFolder(), 'settings.db');
    const db = openEncryptedDatabase(path, randomBytes(32), { create: true });
    try {
      expect(db.pragma('cipher', { simple: true })).toBe('sqlcipher');
      expect(Number(db.pragma('legacy', { simple: true }))).toBe(4);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
      expect(db.pragma('temp_store', { simple: true })).toBe(2); // MEMORY
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    } finally {
      db.close();
    }
  });

  it('refuses a key that is not 256 bits', () => {
    expect(() => openEncryptedDatabase(join(tempFolder(), 'short.db'), randomBytes(16), { create: true })).toThrow('256 bits');
  });
});
