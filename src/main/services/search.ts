import { sql } from 'kysely';
import { normaliseNhsNumber } from '../../shared/domain/nhs-number';
import type { z } from 'zod';
import type { searchResultSchema } from '../../shared/ipc/casework-schemas';
import type { LinkdeskDb } from '../store/kysely';
import { caseScope, readablePeople } from './supervision/supervision-scope';
import type { WorkspaceSession } from './workspace-session';

/**
 * One search box: an NHS number (with or without spaces), a date of birth (2026-11-22 or
 * 22/11/2026), or words, which find names by prefix (accents ignored) and notes by their words.
 * Names and notes are searched through the FTS5 indexes inside the encrypted database: names best
 * match first, notes newest first. The audit
 * entry records how many people were found, never what was typed.
 */
type SearchResult = z.input<typeof searchResultSchema>;
type MatchedIn = SearchResult['matchedIn'];

export const SEARCH_RESULT_LIMIT = 50;
const SNIPPET_TOKENS = 12;

/** "22/11/2026", "22.11.2026", "22-11-2026" or "2026-11-22" → "2026-11-22"; null if it is not a real date. */
export function parseDateOfBirth(query: string): string | null {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(query);
  const british = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(query);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : british ? [british[3], british[2], british[1]] : [];
  if (!year || !month || !day) return null;
  const text = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const date = new Date(`${text}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text ? text : null;
}

/** Letters and digits only, each as a quoted prefix term, so nothing typed is read as FTS syntax. */
export function prefixQuery(words: readonly string[]): string {
  return words.map((word) => `"${word}"*`).join(' ');
}

function wordsOf(query: string): string[] {
  return query.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [];
}

interface PersonHit {
  id: string;
  given_name: string;
  family_name: string;
  preferred_name: string | null;
  nhs_number: string | null;
  date_of_birth: string | null;
}

const PERSON_COLUMNS = sql`p.id, p.given_name, p.family_name, p.preferred_name, p.nhs_number, p.date_of_birth`;

async function byNhsNumber(db: LinkdeskDb, digits: string): Promise<PersonHit[]> {
  return (await sql<PersonHit>`SELECT ${PERSON_COLUMNS} FROM people p WHERE p.nhs_number = ${digits}`.execute(db)).rows;
}

async function byDateOfBirth(db: LinkdeskDb, date: string): Promise<PersonHit[]> {
  return (await sql<PersonHit>`SELECT ${PERSON_COLUMNS} FROM people p WHERE p.date_of_birth = ${date} ORDER BY p.family_name, p.given_name LIMIT ${SEARCH_RESULT_LIMIT}`.execute(db))
    .rows;
}

async function byName(db: LinkdeskDb, words: string[]): Promise<PersonHit[]> {
  const match = `names : (${prefixQuery(words)})`;
  // Ranked inside the index first, so a short prefix that matches thousands stays quick.
  return (
    await sql<PersonHit>`
      WITH best AS (SELECT person_id, rank FROM people_fts WHERE people_fts MATCH ${match} ORDER BY rank LIMIT ${SEARCH_RESULT_LIMIT})
      SELECT ${PERSON_COLUMNS} FROM best JOIN people p ON p.id = best.person_id ORDER BY best.rank, p.family_name, p.given_name`.execute(db)
  ).rows;
}

/** How many of the newest matching notes of each kind are looked at (FTS5 walks them newest first and stops). */
const NOTE_HITS_PER_KIND = 300;

/**
 * Contact notes, person notes and referral notes. The newest matching notes come first (a word
 * in hundreds of notes is found without ranking them all), one snippet per person.
 */
async function byNotes(db: LinkdeskDb, words: string[]): Promise<(PersonHit & { snippet: string })[]> {
  const match = prefixQuery(words);
  const hits = (fts: string, table: string, alias: string, at: string) => {
    const index = sql.table(fts);
    return sql`SELECT * FROM (
      SELECT ${sql.ref(`${alias}.person_id`)} AS person_id, snippet(${index}, 0, '', '', '…', ${SNIPPET_TOKENS}) AS snippet, ${sql.ref(`${alias}.${at}`)} AS at
      FROM ${index} JOIN ${sql.table(table)} ${sql.raw(alias)} ON ${sql.ref(`${alias}.seq`)} = ${sql.ref(`${fts}.rowid`)}
      WHERE ${index} MATCH ${match} ORDER BY ${sql.ref(`${fts}.rowid`)} DESC LIMIT ${NOTE_HITS_PER_KIND})`;
  };
  const rows = await sql<PersonHit & { snippet: string }>`
    WITH hits AS (
      ${hits('contact_notes_fts', 'contacts', 'c', 'at')}
      UNION ALL ${hits('person_notes_fts', 'person_notes', 'n', 'created_at')}
      UNION ALL ${hits('episode_notes_fts', 'episodes', 'e', 'received_on')}
    ),
    best AS (SELECT person_id, snippet, at, row_number() OVER (PARTITION BY person_id ORDER BY at DESC) AS n FROM hits)
    SELECT ${PERSON_COLUMNS}, best.snippet FROM best JOIN people p ON p.id = best.person_id
    WHERE best.n = 1 ORDER BY best.at DESC LIMIT ${SEARCH_RESULT_LIMIT}`.execute(db);
  return rows.rows;
}

function nameOf(hit: PersonHit): string {
  const name = `${hit.given_name} ${hit.family_name}`;
  return hit.preferred_name ? `${name} (${hit.preferred_name})` : name;
}

export async function searchPeople(session: WorkspaceSession, query: string): Promise<SearchResult[]> {
  // The reads and their audit entry in one transaction: one snapshot, and no result without its entry.
  return session.requireUnlocked().db.transaction().execute(async (db) => {
    const trimmed = query.trim();
    const results = new Map<string, SearchResult>();
    const add = (hits: readonly (PersonHit & { snippet?: string })[], matchedIn: MatchedIn) => {
      for (const hit of hits) {
        if (results.has(hit.id) || results.size >= SEARCH_RESULT_LIMIT) continue;
        results.set(hit.id, { personId: hit.id, name: nameOf(hit), nhsNumber: hit.nhs_number, dateOfBirth: hit.date_of_birth ?? '', matchedIn, snippet: hit.snippet ?? null });
      }
    };
    const digits = normaliseNhsNumber(trimmed);
    const dateOfBirth = parseDateOfBirth(trimmed);
    if (/^\d{10}$/.test(digits)) add(await byNhsNumber(db, digits), 'nhs_number');
    else if (dateOfBirth) add(await byDateOfBirth(db, dateOfBirth), 'date_of_birth');
    else {
      const words = wordsOf(trimmed);
      if (words.length > 0) add(await byName(db, words), 'name');
      // A one-letter prefix would match most notes, so "Mary J" looks at names only.
      if (words.length > 0 && words.every((word) => word.length >= 2)) add(await byNotes(db, words), 'notes');
    }
    const readable = await readablePeople(await caseScope(session, db), db, [...results.keys()]);
    const found = [...results.values()].filter((result) => readable.has(result.personId));
    await session.audit({ action: 'people.searched', details: { resultCount: found.length } }, db);
    return found;
  });
}
