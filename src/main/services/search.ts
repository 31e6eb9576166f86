import { sql } from 'kysely';
import { normaliseNhsNumber } from '../../shared/domain/nhs-number';
import type { z } from 'zod';
import type { searchResultSchema } from '../../shared/ipc/casework-schemas';
import type { LinkdeskDb } from '../store/kysely';
import type { WorkspaceSession } from './workspace-session';

/**
 * One search box: an NHS number (with or without spaces), a date of birth (2026-11-22 or
 * 22/11/2026), or words, which find names by prefix (accents ignored) and notes by their words.
 * Names and notes are searched through the FTS5 indexes inside the encrypted database. The audit
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
  return (
    await sql<PersonHit>`
      SELECT ${PERSON_COLUMNS} FROM people_fts f JOIN people p ON p.id = f.person_id
      WHERE people_fts MATCH ${match} ORDER BY f.rank, p.family_name, p.given_name LIMIT ${SEARCH_RESULT_LIMIT}`.execute(db)
  ).rows;
}

/** Contact notes, person notes and referral notes, best matches first, one snippet per person. */
async function byNotes(db: LinkdeskDb, words: string[]): Promise<(PersonHit & { snippet: string })[]> {
  const match = prefixQuery(words);
  const snippet = (table: string) => sql`snippet(${sql.table(table)}, 0, '', '', '…', ${SNIPPET_TOKENS})`;
  const rows = await sql<PersonHit & { snippet: string; score: number }>`
    WITH hits AS (
      SELECT c.person_id, ${snippet('contact_notes_fts')} AS snippet, contact_notes_fts.rank AS score
        FROM contact_notes_fts JOIN contacts c ON c.seq = contact_notes_fts.rowid WHERE contact_notes_fts MATCH ${match}
      UNION ALL
      SELECT n.person_id, ${snippet('person_notes_fts')}, person_notes_fts.rank
        FROM person_notes_fts JOIN person_notes n ON n.seq = person_notes_fts.rowid WHERE person_notes_fts MATCH ${match}
      UNION ALL
      SELECT e.person_id, ${snippet('episode_notes_fts')}, episode_notes_fts.rank
        FROM episode_notes_fts JOIN episodes e ON e.seq = episode_notes_fts.rowid WHERE episode_notes_fts MATCH ${match}
    ),
    best AS (SELECT person_id, snippet, score, row_number() OVER (PARTITION BY person_id ORDER BY score) AS n FROM hits)
    SELECT ${PERSON_COLUMNS}, best.snippet, best.score FROM best JOIN people p ON p.id = best.person_id
    WHERE best.n = 1 ORDER BY best.score, p.family_name LIMIT ${SEARCH_RESULT_LIMIT}`.execute(db);
  return rows.rows;
}

function nameOf(hit: PersonHit): string {
  const name = `${hit.given_name} ${hit.family_name}`;
  return hit.preferred_name ? `${name} (${hit.preferred_name})` : name;
}

export async function searchPeople(session: WorkspaceSession, query: string): Promise<SearchResult[]> {
  const { db } = session.requireUnlocked();
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
  const found = [...results.values()];
  await session.audit({ action: 'people.searched', details: { resultCount: found.length } });
  return found;
}
