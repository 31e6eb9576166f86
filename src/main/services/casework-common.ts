import { EPISODE_STATUSES, type EpisodeStatus } from '../../shared/domain/referral';
import { FIRST_CONTACT_WORKING_DAYS_DEFAULT, isoDateOf } from '../../shared/domain/working-days';
import { AppError } from '../errors';
import type { LinkdeskDb } from '../store/kysely';
import type { EpisodesTable } from '../store/schema';
import type { Selectable } from 'kysely';
import { requireEpisodeInScope } from './supervision/supervision-scope';
import type { WorkspaceSession } from './workspace-session';

/** Helpers the casework services share: today's date, empty text, field errors, lookups. */

/** Today's calendar date by the session clock, so tests can move time. */
export function todayOf(session: WorkspaceSession): string {
  return isoDateOf(session.clock.now());
}

/** Empty form fields are stored as NULL. */
export function nullIfEmpty(text: string | null | undefined): string | null {
  return text === undefined || text === null || text === '' ? null : text;
}

/** Refuses the request as invalid input, naming each field and what is wrong with it. */
export function invalidInput(fields: Record<string, string>): never {
  throw new AppError('invalid_input', 'Some of the details are not right.', fields);
}

export type EpisodeRow = Selectable<EpisodesTable>;

export async function findEpisode(db: LinkdeskDb, episodeId: string): Promise<EpisodeRow> {
  const row = await db.selectFrom('episodes').selectAll().where('id', '=', episodeId).executeTakeFirst();
  if (!row) throw new AppError('not_found', 'That referral does not exist.');
  return row;
}

/** An episode the caller may read (see supervision/supervision-scope.ts): not found, or forbidden, otherwise. */
export async function findReadableEpisode(session: WorkspaceSession, db: LinkdeskDb, episodeId: string): Promise<EpisodeRow> {
  const episode = await findEpisode(db, episodeId);
  await requireEpisodeInScope(session, db, episode);
  return episode;
}

export async function requirePerson(db: LinkdeskDb, personId: string): Promise<void> {
  const row = await db.selectFrom('people').select('id').where('id', '=', personId).executeTakeFirst();
  if (!row) throw new AppError('not_found', 'That person does not exist.');
}

/** A referral's worker must be a link worker whose account is active. */
export async function requireActiveLinkWorker(db: LinkdeskDb, userId: string, field = 'workerUserId'): Promise<void> {
  const row = await db.selectFrom('users').select(['role', 'disabled_at']).where('id', '=', userId).executeTakeFirst();
  if (!row || row.role !== 'link_worker' || row.disabled_at !== null) invalidInput({ [field]: 'Choose an active link worker' });
}

export function statusLabel(status: EpisodeStatus): string {
  return EPISODE_STATUSES[status];
}

/** The workspace setting for how many working days a first contact may take (default 5). */
export async function readFirstContactWorkingDays(db: LinkdeskDb): Promise<number> {
  const row = await db.selectFrom('settings').select('value_json').where('key', '=', 'firstContactWorkingDays').executeTakeFirst();
  const value = row ? (JSON.parse(row.value_json) as unknown) : null;
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 60 ? value : FIRST_CONTACT_WORKING_DAYS_DEFAULT;
}

/** "Given Family", the name a list shows. */
export function fullName(person: { given_name: string; family_name: string }): string {
  return `${person.given_name} ${person.family_name}`;
}

/** Whether an error is SQLite refusing a row that breaks the named unique index. */
export function isUniqueViolation(error: unknown, indexOrColumns: string): boolean {
  const code = (error as { code?: string } | null)?.code;
  return (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') && String((error as Error).message).includes(indexOrColumns);
}
