import { createHmac } from 'node:crypto';
import { ageBand, districtOf } from '../../../shared/domain/pseudonymise';
import type { RawDatabase } from '../../store/open-database';
import { CsvBuilder } from './csv';
import type { ExportFile } from './encrypted-zip';

/**
 * The pseudonymised record-level extract, built from a database connection alone so it can run in
 * a worker thread (src/main/workers/export-worker.ts) without blocking the main process.
 *
 * What replaces what (docs/exports.md has the full data dictionary):
 * - person, referral and staff ids → HMAC-SHA256 under the workspace's pseudonymisation key,
 *   with a different prefix for each kind of id, cut to 128 bits (32 hex characters): stable
 *   across extracts, not reversible without the key;
 * - date of birth → age band on the date of the event (referral or contact);
 * - postcode → postcode district ("LS6 2AB" → "LS6");
 * - names, NHS numbers, addresses, phone numbers, referrer details and every free-text field
 *   (notes, attendees, "other" reasons, closure notes) → left out altogether.
 * All rows are read in one read transaction, so episodes and contacts come from one moment.
 */
export interface ExtractControl {
  /** Checked every few hundred rows; true stops the work and nothing is returned. */
  shouldStop(): boolean;
  onProgress(done: number, total: number): void;
}

export interface ExtractOutput {
  files: ExportFile[];
  /** Counts for the audit entry. */
  details: { episodes: number; contacts: number; measures: number; people: number };
}

const PROGRESS_EVERY = 500;

export const EPISODE_COLUMNS = [
  'person_key',
  'episode_key',
  'age_band_at_referral',
  'postcode_district',
  'received_on',
  'source',
  'reasons',
  'urgency',
  'status',
  'closure_reason',
  'closed_on',
  'first_contact_due_on',
  'first_contact_on',
  'attended_contacts',
  'last_contact_on',
  'worker_key',
  'gp_consultations_before',
  'ae_attendances_before',
  'gp_consultations_after',
  'ae_attendances_after',
] as const;

/** Answers go in answer_1 … answer_7 (ONS4 uses 4, UCLA-3 uses 3, SWEMWBS 7); total and metric as each scale defines them. */
export const MEASURE_COLUMNS = [
  'person_key',
  'episode_key',
  'instrument',
  'timepoint',
  'recorded_on',
  'declined',
  ...[1, 2, 3, 4, 5, 6, 7].map((item) => `answer_${item}`),
  'total',
  'metric',
  'age_band_at_measure',
] as const;

export const CONTACT_COLUMNS = ['person_key', 'episode_key', 'contact_on', 'mode', 'duration_minutes', 'did_not_attend', 'decision', 'age_band_at_contact', 'worker_key'] as const;

interface EpisodeRow {
  id: string;
  person_id: string;
  worker_user_id: string | null;
  source: string;
  received_on: string;
  urgency: string;
  status: string;
  closure_reason: string | null;
  closed_on: string | null;
  first_contact_due_on: string;
  contact_count: number;
  last_contact_on: string | null;
  date_of_birth: string | null;
  postcode: string | null;
  reasons: string | null;
  first_contact_on: string | null;
  gp_before: number | null;
  ae_before: number | null;
  gp_after: number | null;
  ae_after: number | null;
}

interface MeasureRow {
  person_id: string;
  episode_id: string;
  instrument: string;
  timepoint: string;
  recorded_on: string;
  declined: number;
  answers_json: string | null;
  total: number | null;
  metric: number | null;
  date_of_birth: string | null;
}

interface ContactRow {
  person_id: string;
  episode_id: string;
  contact_on: string;
  mode: string;
  duration_minutes: number;
  did_not_attend: number;
  decision: string | null;
  recorded_by: string;
  date_of_birth: string | null;
}

/** Keyed hashes, memoised: a person appears on many rows, and an HMAC is the costliest step per row. */
class Pseudonyms {
  private readonly seen = new Map<string, string>();
  constructor(private readonly key: Uint8Array) {}

  of(kind: 'person' | 'episode' | 'worker', id: string | null): string {
    if (id === null) return '';
    const label = `${kind}:${id}`;
    let hash = this.seen.get(label);
    if (hash === undefined) {
      hash = createHmac('sha256', this.key).update(label).digest('hex').slice(0, 32);
      this.seen.set(label, hash);
    }
    return hash;
  }
}

/**
 * Whose rows: the whole workspace, or (for a GP supervisor) the episodes held by the link workers
 * they supervise, with those episodes' contacts and measures. The ids go in as one JSON parameter.
 */
export type ExtractScope = { workerIds: readonly string[] | null };

function scoped(scope: ExtractScope, episodeAlias: string): { where: string; params: string[] } {
  if (scope.workerIds === null) return { where: '', params: [] };
  return { where: `WHERE ${episodeAlias}.worker_user_id IN (SELECT value FROM json_each(?))`, params: [JSON.stringify(scope.workerIds)] };
}

export function buildPseudonymisedExtract(raw: RawDatabase, key: Uint8Array, control: ExtractControl, scope: ExtractScope = { workerIds: null }): ExtractOutput | null {
  const pseudonyms = new Pseudonyms(key);
  const inScope = scoped(scope, 'e');
  raw.exec('BEGIN');
  try {
    const count = (from: string) => (raw.prepare(`SELECT count(*) AS n FROM ${from} ${inScope.where}`).get(...inScope.params) as { n: number }).n;
    const total =
      count('episodes AS e') + count('contacts AS c JOIN episodes AS e ON e.id = c.episode_id') + count('outcome_measures AS m JOIN episodes AS e ON e.id = m.episode_id');
    let done = 0;
    const step = (): boolean => {
      done += 1;
      if (done % PROGRESS_EVERY !== 0) return true;
      control.onProgress(done, total);
      return !control.shouldStop();
    };
    control.onProgress(0, total);
    if (control.shouldStop()) return null;

    const people = new Set<string>();
    const episodes = new CsvBuilder(EPISODE_COLUMNS);
    const episodeRows = raw
      .prepare(
        `SELECT e.id, e.person_id, e.worker_user_id, e.source, e.received_on, e.urgency, e.status, e.closure_reason, e.closed_on,
                e.first_contact_due_on, e.contact_count, e.last_contact_on, p.date_of_birth, p.postcode,
                (SELECT group_concat(r.reason, ';') FROM (SELECT reason FROM episode_reasons WHERE episode_id = e.id ORDER BY reason) AS r) AS reasons,
                (SELECT min(c.contact_on) FROM contacts AS c WHERE c.episode_id = e.id AND c.did_not_attend = 0) AS first_contact_on,
                u.gp_before, u.ae_before, u.gp_after, u.ae_after
         FROM episodes AS e JOIN people AS p ON p.id = e.person_id LEFT JOIN system_use AS u ON u.episode_id = e.id ${inScope.where} ORDER BY e.seq`,
      )
      .iterate(...inScope.params) as IterableIterator<EpisodeRow>;
    for (const row of episodeRows) {
      people.add(row.person_id);
      episodes.row([
        pseudonyms.of('person', row.person_id),
        pseudonyms.of('episode', row.id),
        ageBand(row.date_of_birth, row.received_on),
        districtOf(row.postcode),
        row.received_on,
        row.source,
        row.reasons ?? '',
        row.urgency,
        row.status,
        row.closure_reason,
        row.closed_on,
        row.first_contact_due_on,
        row.first_contact_on,
        row.contact_count,
        row.last_contact_on,
        pseudonyms.of('worker', row.worker_user_id),
        row.gp_before,
        row.ae_before,
        row.gp_after,
        row.ae_after,
      ]);
      if (!step()) return null;
    }

    const contacts = new CsvBuilder(CONTACT_COLUMNS);
    const contactRows = raw
      .prepare(
        `SELECT c.person_id, c.episode_id, c.contact_on, c.mode, c.duration_minutes, c.did_not_attend, c.decision, c.recorded_by, p.date_of_birth
         FROM contacts AS c JOIN people AS p ON p.id = c.person_id JOIN episodes AS e ON e.id = c.episode_id ${inScope.where} ORDER BY c.seq`,
      )
      .iterate(...inScope.params) as IterableIterator<ContactRow>;
    for (const row of contactRows) {
      contacts.row([
        pseudonyms.of('person', row.person_id),
        pseudonyms.of('episode', row.episode_id),
        row.contact_on,
        row.mode,
        row.duration_minutes,
        row.did_not_attend === 1,
        row.decision,
        ageBand(row.date_of_birth, row.contact_on),
        pseudonyms.of('worker', row.recorded_by),
      ]);
      if (!step()) return null;
    }

    const measures = new CsvBuilder(MEASURE_COLUMNS);
    const measureRows = raw
      .prepare(
        `SELECT m.person_id, m.episode_id, m.instrument, m.timepoint, m.recorded_on, m.declined, m.answers_json, m.total, m.metric, p.date_of_birth
         FROM outcome_measures AS m JOIN people AS p ON p.id = m.person_id JOIN episodes AS e ON e.id = m.episode_id ${inScope.where} ORDER BY m.seq`,
      )
      .iterate(...inScope.params) as IterableIterator<MeasureRow>;
    for (const row of measureRows) {
      const answers = row.answers_json === null ? [] : (JSON.parse(row.answers_json) as number[]);
      measures.row([
        pseudonyms.of('person', row.person_id),
        pseudonyms.of('episode', row.episode_id),
        row.instrument,
        row.timepoint,
        row.recorded_on,
        row.declined === 1,
        ...Array.from({ length: 7 }, (_unused, index) => answers[index] ?? null),
        row.total,
        row.metric,
        ageBand(row.date_of_birth, row.recorded_on),
      ]);
      if (!step()) return null;
    }
    control.onProgress(done, total);
    if (control.shouldStop()) return null;
    return {
      files: [
        { name: 'README.txt', bytes: new TextEncoder().encode(EXTRACT_README) },
        { name: 'episodes.csv', bytes: episodes.bytes() },
        { name: 'contacts.csv', bytes: contacts.bytes() },
        { name: 'measures.csv', bytes: measures.bytes() },
      ],
      details: { episodes: episodes.rows, contacts: contacts.rows, measures: measures.rows, people: people.size },
    };
  } finally {
    raw.exec('COMMIT');
  }
}

const EXTRACT_README = `OFFICIAL-SENSITIVE
Linkdesk pseudonymised record-level extract

This archive holds pseudonymised personal data. Keep it encrypted, use it only for the purpose
declared when it was made, and do not try to re-identify anyone.

episodes.csv   one row per referral (episode of support), with GP consultations and A&E
               attendances in the 6 months before it and after it (when entered)
contacts.csv   one row per contact
measures.csv   one row per wellbeing measure (ONS4, SWEMWBS, UCLA-3): the answers in
               answer_1 to answer_7 (ONS4 4, UCLA-3 3, SWEMWBS 7), empty when declined; total
               (SWEMWBS raw score, UCLA-3 total; ONS4 is never summed) and metric (SWEMWBS)

person_key, episode_key, worker_key
  A keyed hash (HMAC-SHA256, first 128 bits) of Linkdesk's internal id. The same person has the
  same key in every extract from this workspace, so rows and extracts can be linked. The key that
  makes them never leaves Linkdesk, so they cannot be reversed or recomputed.
age_band_at_referral, age_band_at_contact, age_band_at_measure
  The person's age band on that date: 0-17, 18-24, 25-34, 35-44, 45-54, 55-64, 65-74, 75-84, 85+.
  Empty when the date of birth is not known.
postcode_district
  The outward code of the person's current postcode ("LS6" for "LS6 2AB"); empty when not known.
reasons
  The referral reason codes, separated by semicolons.
Dates are yyyy-mm-dd. Codes are Linkdesk's own (see docs/exports.md in Linkdesk).

Not included: names, NHS numbers, dates of birth, addresses, phone numbers, e-mail addresses,
referrer details, and every free-text field (notes, attendees, other reasons, closure notes,
closing summaries).
`;
