import type { RawDatabase } from '../../src/main/store/open-database';
import type { BenchContext, Measurement } from './context';
import { appendAuditRaw } from './raw-audit';
import { callRouter } from './router-call';

/**
 * Opening a person's record (people.get): details, referrals with reasons, contacts, notes, status
 * changes and GP codes, with its audit entry. People taken in turn: the five with the most
 * contacts, ten on the open caseload and ten others. The baseline runs the same seven reads by
 * hand-written SQL and appends the same audit row, in one transaction, on the plain copy.
 */
type Statement = ReturnType<RawDatabase['prepare']>;
let people: string[] = [];
let statements: Record<'person' | 'episodes' | 'reasons' | 'contacts' | 'notes' | 'changes' | 'codes', Statement> | null = null;

function prepare(raw: RawDatabase) {
  return {
    person: raw.prepare('SELECT * FROM people WHERE id = ?'),
    episodes: raw.prepare('SELECT e.*, w.display_name AS worker_name FROM episodes e LEFT JOIN users w ON w.id = e.worker_user_id WHERE e.person_id = ? ORDER BY e.received_on DESC, e.seq DESC'),
    reasons: raw.prepare('SELECT r.episode_id, r.reason FROM episodes e JOIN episode_reasons r ON r.episode_id = e.id WHERE e.person_id = ?'),
    contacts: raw.prepare('SELECT c.*, u.display_name AS recorded_by_name FROM contacts c LEFT JOIN users u ON u.id = c.recorded_by WHERE c.person_id = ? ORDER BY c.at DESC, c.seq DESC'),
    notes: raw.prepare('SELECT n.id, n.episode_id, n.created_at, n.text, u.display_name FROM person_notes n LEFT JOIN users u ON u.id = n.created_by WHERE n.person_id = ? ORDER BY n.created_at DESC, n.seq DESC'),
    changes: raw.prepare(
      'SELECT h.episode_id, h.from_status, h.to_status, h.at, h.closure_reason FROM episode_status_history h JOIN episodes e ON e.id = h.episode_id WHERE e.person_id = ? AND h.from_status IS NOT NULL ORDER BY h.id DESC',
    ),
    codes: raw.prepare('SELECT q.episode_id, q.code, q.queued_at, q.due_on, q.recorded_on FROM episodes e JOIN coding_queue q ON q.episode_id = e.id WHERE e.person_id = ? ORDER BY q.queued_at DESC'),
  };
}

function choosePeople(raw: RawDatabase): string[] {
  const ids = (sql: string) => (raw.prepare(sql).all() as { id: string }[]).map((row) => row.id);
  const heavy = ids('SELECT person_id AS id FROM contacts GROUP BY person_id ORDER BY count(*) DESC, person_id LIMIT 5');
  const open = ids(`SELECT person_id AS id FROM episodes WHERE status <> 'closed' ORDER BY id LIMIT 10`);
  const others = ids('SELECT id FROM people ORDER BY id LIMIT 10');
  return [...new Set([...heavy, ...open, ...others])];
}

export const personRecord: Measurement = {
  id: 'person',
  label: 'person record load',
  baselineLabel: 'seven SELECTs and the audit INSERT in one transaction',
  guideP95Ms: 20,
  inEncryptionWorkload: true,
  prepare(context) {
    people = choosePeople(context.baseline);
    statements = prepare(context.baseline);
  },
  variants: () => people.length,
  service(session, round) {
    return callRouter(session, 'people.get', { personId: people[round % people.length] });
  },
  baseline(context: BenchContext, round) {
    const personId = people[round % people.length]!;
    const s = statements!;
    return context.baseline.transaction(() => {
      const person = s.person.get(personId);
      const episodes = s.episodes.all(personId) as { id: string }[];
      const reasons = s.reasons.all(personId);
      const contacts = s.contacts.all(personId) as { id: string }[];
      const notes = s.notes.all(personId);
      const changes = s.changes.all(personId);
      const codes = s.codes.all(personId) as { recorded_on: string | null }[];
      appendAuditRaw(context.baseline, { actorId: context.worker.id, actorUsername: context.worker.username, action: 'person.viewed', entityType: 'person', entityId: personId, details: {}, at: new Date().toISOString() });
      return { person, episodes, reasons, contacts, notes, changes, codes };
    })();
  },
  key(result) {
    const record = result as { episodes: { id: string }[]; contacts: { id: string }[]; notes: unknown[]; timeline?: unknown[]; changes?: unknown[]; codes?: { recorded_on: string | null }[] };
    // The service's timeline has one item per referral, status change, contact, note, queued code and recorded code.
    const timeline =
      record.timeline?.length ??
      record.episodes.length + record.changes!.length + record.contacts.length + record.notes.length + record.codes!.length + record.codes!.filter((code) => code.recorded_on).length;
    return { episodes: record.episodes.map((episode) => episode.id), contacts: record.contacts.map((contact) => contact.id), notes: record.notes.length, timeline };
  },
};
