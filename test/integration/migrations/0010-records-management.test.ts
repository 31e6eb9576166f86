import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../src/main/store/migrate';
import { MIGRATIONS } from '../../../src/main/store/migrations';
import { migration0010RecordsManagement } from '../../../src/main/store/migrations/0010-records-management';
import { columns, freshDatabase, isStrict, schemaObjects, tableNames } from '../../support/database';

describe('migration 0010 records management', () => {
  it('takes schema 9 to schema 10, adding the backup run log and keeping earlier rows', () => {
    expect(MIGRATIONS[9]).toBe(migration0010RecordsManagement);
    const { raw } = freshDatabase();
    expect(migrate(raw, MIGRATIONS, 9)).toBe(9);
    raw.exec(`INSERT INTO users (id, username, display_name, role, created_at) VALUES ('u1', 'ad', 'Admin', 'admin', '2026-03-02')`);
    expect(migrate(raw, MIGRATIONS, 10)).toBe(10);
    expect(schemaVersion(raw)).toBe(10);
    expect(tableNames(raw)).toContain('backup_runs');
    expect(isStrict(raw, 'backup_runs')).toBe(true);
    expect(columns(raw, 'backup_runs').map((c) => c.name)).toEqual(['id', 'started_at', 'finished_at', 'trigger', 'outcome', 'name', 'bytes', 'sha256', 'failure', 'run_by']);
    expect(schemaObjects(raw, 'index', 'backup_runs')).toEqual(['backup_runs_by_outcome']);
    expect(raw.prepare('SELECT id FROM users').all()).toEqual([{ id: 'u1' }]);
  });

  it('keeps a success with its name, size and hash, and a failure with its message, and nothing in between', () => {
    const { raw } = freshDatabase();
    migrate(raw, MIGRATIONS, 10);
    const insert = raw.prepare(`INSERT INTO backup_runs (started_at, finished_at, trigger, outcome, name, bytes, sha256, failure) VALUES (@s, @s, @trigger, @outcome, @name, @bytes, @sha256, @failure)`);
    const good = { s: '2026-03-02T18:00:00Z', trigger: 'scheduled', outcome: 'succeeded', name: 'linkdesk-backup-20260302-180000', bytes: 4096, sha256: 'a'.repeat(64), failure: null };
    insert.run(good);
    insert.run({ ...good, outcome: 'failed', name: null, bytes: null, sha256: null, failure: 'The folder does not exist.' });
    const refusedRows = [
      { ...good, outcome: 'succeeded', sha256: null },
      { ...good, outcome: 'failed' },
      { ...good, outcome: 'failed', name: null, bytes: null, sha256: null },
      { ...good, trigger: 'sometimes' },
      { ...good, sha256: 'short' },
      { ...good, bytes: 0 },
    ];
    for (const row of refusedRows) expect(() => insert.run(row), JSON.stringify(row)).toThrow(/CHECK constraint failed/);
    expect(raw.prepare('SELECT count(*) AS n FROM backup_runs').get()).toEqual({ n: 2 });
  });
});
