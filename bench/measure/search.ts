import type { RawDatabase } from '../../src/main/store/open-database';
import type { Measurement } from './context';
import { appendAuditRaw } from './raw-audit';
import { callRouter } from './router-call';

/**
 * The one search box (people.search), with the kinds of thing people type, in turn: a surname, a
 * three-letter prefix, a full name, an NHS number, a date of birth, and words from notes. The
 * baseline runs the same FTS5 and index lookups as hand-written statements, merges names before
 * notes up to 50 people, and appends the same audit row.
 */
type Statement = ReturnType<RawDatabase['prepare']>;
const LIMIT = 50;
let queries: string[] = [];
let statements: Record<'nhs' | 'dob' | 'names' | 'notes', Statement> | null = null;

const PERSON = 'p.id, p.given_name, p.family_name, p.preferred_name, p.nhs_number, p.date_of_birth';

function notesHits(fts: string, table: string, at: string): string {
  return `SELECT * FROM (SELECT t.person_id AS person_id, snippet(${fts}, 0, '', '', '…', 12) AS snippet, t.${at} AS at
    FROM ${fts} JOIN ${table} t ON t.seq = ${fts}.rowid WHERE ${fts} MATCH @match ORDER BY ${fts}.rowid DESC LIMIT 300)`;
}

function prepare(raw: RawDatabase) {
  return {
    nhs: raw.prepare(`SELECT ${PERSON} FROM people p WHERE p.nhs_number = ?`),
    dob: raw.prepare(`SELECT ${PERSON} FROM people p WHERE p.date_of_birth = ? ORDER BY p.family_name, p.given_name LIMIT ${LIMIT}`),
    names: raw.prepare(`WITH best AS (SELECT person_id, rank FROM people_fts WHERE people_fts MATCH ? ORDER BY rank LIMIT ${LIMIT})
      SELECT ${PERSON} FROM best JOIN people p ON p.id = best.person_id ORDER BY best.rank, p.family_name, p.given_name`),
    notes: raw.prepare(`WITH hits AS (${notesHits('contact_notes_fts', 'contacts', 'at')} UNION ALL ${notesHits('person_notes_fts', 'person_notes', 'created_at')}
        UNION ALL ${notesHits('episode_notes_fts', 'episodes', 'received_on')}),
      best AS (SELECT person_id, snippet, at, row_number() OVER (PARTITION BY person_id ORDER BY at DESC) AS n FROM hits)
      SELECT ${PERSON}, best.snippet FROM best JOIN people p ON p.id = best.person_id WHERE best.n = 1 ORDER BY best.at DESC LIMIT ${LIMIT}`),
  };
}

function chooseQueries(raw: RawDatabase): string[] {
  const person = raw.prepare(`SELECT given_name, family_name, nhs_number, date_of_birth FROM people WHERE nhs_number IS NOT NULL ORDER BY id LIMIT 1`).get() as {
    given_name: string;
    family_name: string;
    nhs_number: string;
    date_of_birth: string;
  };
  const [year, month, day] = person.date_of_birth.split('-');
  const nhs = person.nhs_number;
  return ['Patel', 'mar', `${person.given_name} ${person.family_name}`, `${nhs.slice(0, 3)} ${nhs.slice(3, 6)} ${nhs.slice(6)}`, `${day}/${month}/${year}`, 'allotment', 'pension credit'];
}

function baselineSearch(raw: RawDatabase, query: string): { id: string }[] {
  const s = statements!;
  const found = new Map<string, { id: string }>();
  const add = (rows: { id: string }[]) => {
    for (const row of rows) if (!found.has(row.id) && found.size < LIMIT) found.set(row.id, row);
  };
  const digits = query.replace(/[\s-]/g, '');
  const british = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(query);
  if (/^\d{10}$/.test(digits)) add(s.nhs.all(digits) as { id: string }[]);
  else if (british) add(s.dob.all(`${british[3]}-${british[2]!.padStart(2, '0')}-${british[1]!.padStart(2, '0')}`) as { id: string }[]);
  else {
    const words = query.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [];
    const prefix = words.map((word) => `"${word}"*`).join(' ');
    add(s.names.all(`names : (${prefix})`) as { id: string }[]);
    if (words.every((word) => word.length >= 2)) add(s.notes.all({ match: prefix }) as { id: string }[]);
  }
  return [...found.values()];
}

export const search: Measurement = {
  id: 'search',
  label: 'search (names, NHS number, date of birth, notes)',
  baselineLabel: 'the same FTS5 and index lookups by hand, merged, and the audit INSERT',
  guideP95Ms: 25,
  inEncryptionWorkload: true,
  prepare(context) {
    queries = chooseQueries(context.baseline);
    statements = prepare(context.baseline);
  },
  variants: () => queries.length,
  service(session, round) {
    return callRouter(session, 'people.search', { query: queries[round % queries.length] });
  },
  baseline(context, round) {
    return context.baseline.transaction(() => {
      const results = baselineSearch(context.baseline, queries[round % queries.length]!);
      appendAuditRaw(context.baseline, { actorId: context.worker.id, actorUsername: context.worker.username, action: 'people.searched', entityType: null, entityId: null, details: { resultCount: results.length }, at: new Date().toISOString() });
      return results;
    })();
  },
  key(result) {
    return (result as ({ personId: string } | { id: string })[]).map((row) => ('personId' in row ? row.personId : row.id));
  },
};
