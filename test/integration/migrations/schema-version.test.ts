import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../src/main/store/migrate';
import { MIGRATIONS } from '../../../src/main/store/migrations';
import { openEncryptedDatabase } from '../../../src/main/store/open-database';
import { WorkspaceOpenError } from '../../../src/main/store/store-error';
import { workspaceFiles } from '../../../src/main/store/workspace-files';
import { ADMIN, adminWorkspace, newSession, refused } from '../../support/workspace';
import { freshDatabase, tableNames } from '../../support/database';

describe('schema versions', () => {
  it('numbers the migrations 1, 2, … in order, and a new workspace is at the latest one', async () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_m, index) => index + 1));
    const { session } = await adminWorkspace();
    expect(schemaVersion(session.requireUnlocked().raw)).toBe(MIGRATIONS.length);
  });

  it('refuses, in plain words, a workspace made by a newer Linkdesk', async () => {
    const { folder, session } = await adminWorkspace();
    const key = Buffer.from(session.requireUnlocked().dataKey);
    await session.close();
    const future = MIGRATIONS.length + 1;
    const raw = openEncryptedDatabase(workspaceFiles(folder).database, key, { create: false });
    raw.pragma(`user_version=${future}`);
    raw.close();

    const direct = openEncryptedDatabase(workspaceFiles(folder).database, key, { create: false });
    try {
      expect(() => migrate(direct)).toThrow(WorkspaceOpenError);
      expect(() => migrate(direct)).toThrow(`This workspace was made by a newer Linkdesk (schema ${future}); update Linkdesk to open it.`);
      expect(schemaVersion(direct)).toBe(future);
    } finally {
      direct.close();
    }

    const error = await refused(newSession(folder), 'session.signIn', { username: ADMIN.username, password: ADMIN.password });
    expect(error.code).toBe('workspace_unreadable');
    expect(error.message).toBe(`This workspace was made by a newer Linkdesk (schema ${future}); update Linkdesk to open it.`);
  });

  it('applies a migration and its version bump together, or neither', () => {
    const { raw } = freshDatabase();
    const broken = [
      ...MIGRATIONS,
      {
        version: MIGRATIONS.length + 1,
        name: 'half-done',
        up(db: typeof raw) {
          db.exec('CREATE TABLE half_done (id TEXT) STRICT');
          throw new Error('disk full');
        },
      },
    ];
    expect(() => migrate(raw, broken)).toThrow('disk full');
    expect(schemaVersion(raw)).toBe(MIGRATIONS.length);
    expect(tableNames(raw)).not.toContain('half_done');
  });
});
