import { readdirSync } from 'node:fs';
import type { RawDatabase } from '../../../src/main/store/open-database';
import { checkDatabaseIntegrity } from '../../../src/main/services/integrity';
import { verifyAuditChain } from '../../../src/main/services/audit-log';

/**
 * Checks that a workspace database holds no half-written change: SQLite's own structural check,
 * foreign keys, the search indexes, the audit chain, and the casework invariants that one
 * transaction keeps together (a record and its audit entry, an episode and its contact counters).
 * Returns the problems found, in words; an empty list means consistent.
 */
export function consistencyProblems(raw: RawDatabase): string[] {
  const problems: string[] = [];
  const integrity = checkDatabaseIntegrity(raw);
  if (!integrity.ok) problems.push(`integrity_check: ${integrity.problems.slice(0, 5).join('; ')}`);
  const foreignKeys = raw.pragma('foreign_key_check') as unknown[];
  if (foreignKeys.length > 0) problems.push(`foreign_key_check: ${foreignKeys.length} broken reference(s)`);
  const ftsTables = (raw.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%fts5%'`).all() as { name: string }[]).map((row) => row.name);
  for (const table of ftsTables) {
    try {
      raw.prepare(`INSERT INTO "${table}" ("${table}") VALUES ('integrity-check')`).run();
    } catch (error) {
      problems.push(`${table}: ${(error as Error).message}`);
    }
  }
  const audit = verifyAuditChain(raw);
  if (!audit.ok) problems.push(audit.message);

  const count = (sql: string): number => (raw.prepare(sql).get() as { n: number }).n;
  const mismatch = (label: string, sql: string) => {
    const n = count(sql);
    if (n > 0) problems.push(`${n} ${label}`);
  };
  const audited = (action: string, key: string) => `(SELECT json_extract(details_json, '$.${key}') FROM audit_log WHERE action = '${action}')`;
  mismatch('people without their person.created audit entry', `SELECT count(*) AS n FROM people WHERE id NOT IN (SELECT entity_id FROM audit_log WHERE action = 'person.created')`);
  mismatch('person.created audit entries without their person', `SELECT count(*) AS n FROM audit_log WHERE action = 'person.created' AND entity_id NOT IN (SELECT id FROM people)`);
  mismatch('people missing from the search index', `SELECT count(*) AS n FROM people WHERE id NOT IN (SELECT person_id FROM people_fts)`);
  mismatch('search entries for no one', `SELECT count(*) AS n FROM people_fts WHERE person_id NOT IN (SELECT id FROM people)`);
  mismatch('episodes without their episode.created audit entry', `SELECT count(*) AS n FROM episodes WHERE id NOT IN ${audited('episode.created', 'episodeId')}`);
  mismatch(
    'episode.created audit entries without their episode',
    `SELECT count(*) AS n FROM audit_log WHERE action = 'episode.created' AND json_extract(details_json, '$.episodeId') NOT IN (SELECT id FROM episodes)`,
  );
  mismatch(
    'contact.recorded audit entries without their contact',
    `SELECT count(*) AS n FROM audit_log WHERE action = 'contact.recorded' AND json_extract(details_json, '$.contactId') NOT IN (SELECT id FROM contacts)`,
  );
  mismatch('contacts without their contact.recorded audit entry', `SELECT count(*) AS n FROM contacts WHERE id NOT IN ${audited('contact.recorded', 'contactId')}`);
  mismatch('notes without their person.note_added audit entry', `SELECT count(*) AS n FROM person_notes WHERE id NOT IN ${audited('person.note_added', 'noteId')}`);
  mismatch(
    'episodes whose contact counters disagree with their contacts',
    `SELECT count(*) AS n FROM episodes e WHERE e.contact_count <> (SELECT count(*) FROM contacts c WHERE c.episode_id = e.id AND c.did_not_attend = 0)
       OR e.first_contact_at IS NOT (SELECT min(at) FROM contacts c WHERE c.episode_id = e.id AND c.did_not_attend = 0)
       OR e.last_contact_at IS NOT (SELECT max(at) FROM contacts c WHERE c.episode_id = e.id AND c.did_not_attend = 0)`,
  );
  mismatch(
    'episodes whose status is not the last step of their status history',
    `SELECT count(*) AS n FROM episodes e WHERE e.status <> 'received' AND e.status IS NOT (SELECT to_status FROM episode_status_history h WHERE h.episode_id = e.id ORDER BY h.id DESC LIMIT 1)`,
  );
  mismatch('accepting contacts without their GP code queued', `SELECT count(*) AS n FROM contacts c WHERE c.decision IS NOT NULL AND NOT EXISTS (SELECT 1 FROM coding_queue q WHERE q.contact_id = c.id)`);
  return problems;
}

/** Files a write in progress leaves behind (writeFileAtomic's temporary files). */
export function leftoverTemporaryFiles(folder: string): string[] {
  return readdirSync(folder).filter((name) => name.endsWith('.tmp'));
}
