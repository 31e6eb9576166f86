import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../src/main/store/migrate';
import { MIGRATIONS } from '../../../src/main/store/migrations';
import { migration0011ReportingIndexes } from '../../../src/main/store/migrations/0011-reporting-indexes';
import { freshDatabase, schemaObjects } from '../../support/database';

/** How SQLite would run a statement, as one line per step. */
function plan(raw: ReturnType<typeof freshDatabase>['raw'], statement: string): string {
  return (raw.prepare(`EXPLAIN QUERY PLAN ${statement}`).all() as { detail: string }[]).map((step) => step.detail).join(' | ');
}

describe('migration 0011 reporting indexes', () => {
  it('takes schema 10 to schema 11 with the activity report’s four indexes', () => {
    expect(MIGRATIONS[10]).toBe(migration0011ReportingIndexes);
    const { raw } = freshDatabase();
    expect(migrate(raw, MIGRATIONS, 10)).toBe(10);
    expect(migrate(raw, MIGRATIONS, 11)).toBe(11);
    expect(schemaVersion(raw)).toBe(11);
    expect(schemaObjects(raw, 'index', 'contacts')).toContain('contacts_by_contact_on');
    expect(schemaObjects(raw, 'index', 'coding_queue')).toContain('coding_queue_by_code');
    expect(schemaObjects(raw, 'index', 'connection_status_history')).toContain('connection_status_history_by_changed_on');
    expect(schemaObjects(raw, 'index', 'episodes')).toContain('episodes_by_closed_on');
  });

  it('lets a period’s counts read that period’s rows instead of the whole table', () => {
    const { raw } = freshDatabase();
    migrate(raw, MIGRATIONS, 11);
    const period = `BETWEEN '2025-11-01' AND '2026-10-31'`;
    expect(plan(raw, `SELECT mode, COUNT(*) FROM contacts WHERE did_not_attend = 0 AND contact_on ${period} GROUP BY mode`)).toContain('contacts_by_contact_on');
    expect(plan(raw, `SELECT COUNT(*) FROM coding_queue WHERE code = '871731000000106' AND contact_on ${period}`)).toContain('coding_queue_by_code');
    expect(plan(raw, `SELECT COUNT(*) FROM connection_status_history WHERE to_status = 'attending' AND changed_on ${period}`)).toContain(
      'connection_status_history_by_changed_on',
    );
    expect(plan(raw, `SELECT COUNT(*) FROM episodes WHERE closed_on <= '2026-10-31'`)).toContain('episodes_by_closed_on');
  });
});
