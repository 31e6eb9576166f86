import { toContact } from '../../src/main/services/contacts';
import { toEpisode } from '../../src/main/services/episodes';
import type { PersonRow } from '../../src/main/services/people';
import { assemblePersonRecord, codeItems, statusChangeItem, toNote } from '../../src/main/services/person-record';
import type { RawDatabase } from '../../src/main/store/open-database';
import type { ReferralReason } from '../../src/shared/domain/referral';
import type { BenchContext, Measurement } from './context';
import { appendAuditRaw } from './raw-audit';
import { callRouter } from './router-call';

/**
 * Opening a person's record (people.get): details, referrals with reasons, contacts, notes, status
 * changes and GP codes, with its audit entry. People taken in turn: the five with the most
 * contacts, ten on the open caseload and ten others. The baseline runs the same seven reads by
 * hand-written SQL, builds the same result from its rows with the service's own pure mapping
 * (assemblePersonRecord: the timeline and its summaries), and appends the same audit row, in one
 * transaction, on the plain copy. What is left between them is the data-access stack: Kysely
 * building each query, the router's checks and its validation of the output.
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
  baselineLabel: 'seven SELECTs, the same record and timeline built from their rows, and the audit INSERT, in one transaction',
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
      const row = s.person.get(personId) as PersonRow;
      const reasons = s.reasons.all(personId) as { episode_id: string; reason: ReferralReason }[];
      const episodes = (s.episodes.all(personId) as Parameters<typeof toEpisode>[0][]).map((episode) =>
        toEpisode(episode, reasons.filter((reason) => reason.episode_id === episode.id).map((reason) => reason.reason)),
      );
      const record = assemblePersonRecord({
        row,
        episodes,
        contacts: (s.contacts.all(personId) as Parameters<typeof toContact>[0][]).map(toContact),
        notes: (s.notes.all(personId) as Parameters<typeof toNote>[0][]).map(toNote),
        changes: (s.changes.all(personId) as Parameters<typeof statusChangeItem>[0][]).map(statusChangeItem),
        codes: (s.codes.all(personId) as Parameters<typeof codeItems>[0][]).flatMap(codeItems),
      });
      appendAuditRaw(context.baseline, { actorId: context.worker.id, actorUsername: context.worker.username, action: 'person.viewed', entityType: 'person', entityId: personId, details: {}, at: new Date().toISOString() });
      return record;
    })();
  },
  key(result) {
    const record = result as { episodes: { id: string }[]; contacts: { id: string }[]; notes: { id: string }[]; timeline: { at: string; kind: string; summary: string }[] };
    return {
      episodes: record.episodes.map((episode) => episode.id),
      contacts: record.contacts.map((contact) => contact.id),
      notes: record.notes.map((note) => note.id),
      timeline: record.timeline.map((item) => `${item.at} ${item.kind} ${item.summary}`),
    };
  },
};
