import type { z } from 'zod';
import { CLOSURE_REASONS, CONTACT_MODES, EPISODE_STATUSES, REFERRAL_SOURCES, SNOMED, type ClosureReason, type EpisodeStatus } from '../../shared/domain/referral';
import type { Contact, Episode, personRecordSchema, timelineItemSchema } from '../../shared/ipc/casework-schemas';
import { AppError } from '../errors';
import type { LinkdeskDb } from '../store/kysely';
import { loadContacts } from './contacts';
import { loadEpisodes } from './episodes';
import { personFlags, toDetails, type PersonRow } from './people';
import { episodeInScope, keepReadable, requirePersonInScope } from './supervision/supervision-scope';
import type { WorkspaceSession } from './workspace-session';

/**
 * A person's whole record: details, referrals, contacts, notes and a timeline of everything that
 * happened, newest first. Every opening is audited (who viewed whom), in the same transaction as
 * the reads, so no record is shown without its audit entry.
 */
type PersonRecord = z.input<typeof personRecordSchema>;
type TimelineItem = z.input<typeof timelineItemSchema>;

const TERMS: Record<string, string> = Object.fromEntries(Object.values(SNOMED).map((concept) => [concept.code, concept.term]));

/** Timeline order when two things share a moment: the later step of a story comes first. */
const KIND_ORDER: Record<TimelineItem['kind'], number> = { code_recorded: 0, code_queued: 1, status_changed: 2, contact: 3, note: 4, referral_received: 5 };

function excerpt(text: string, length = 160): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > length ? `${oneLine.slice(0, length - 1)}…` : oneLine;
}

type NoteRow = { id: string; episode_id: string | null; created_at: string; text: string; display_name: string | null };
type StatusChangeRow = { episode_id: string; from_status: EpisodeStatus | null; to_status: EpisodeStatus; at: string; closure_reason: ClosureReason | null };
type CodeRow = { episode_id: string; code: string; queued_at: string; due_on: string; recorded_on: string | null };
type Note = PersonRecord['notes'][number];

export function toNote(row: NoteRow): Note {
  return { id: row.id, episodeId: row.episode_id, at: row.created_at, author: row.display_name, text: row.text };
}

export function statusChangeItem(row: StatusChangeRow): TimelineItem {
  return {
    at: row.at,
    kind: 'status_changed',
    episodeId: row.episode_id,
    summary:
      `Referral moved from ${EPISODE_STATUSES[row.from_status!]} to ${EPISODE_STATUSES[row.to_status]}` +
      (row.closure_reason ? ` (${CLOSURE_REASONS[row.closure_reason]})` : ''),
  };
}

/** A queued GP code is one timeline item, and a second once it is recorded in the GP record. */
export function codeItems(row: CodeRow): TimelineItem[] {
  const term = TERMS[row.code] ?? row.code;
  const queued: TimelineItem = { at: row.queued_at, kind: 'code_queued', episodeId: row.episode_id, summary: `GP code ${row.code} (${term}) queued, due by ${row.due_on}` };
  if (!row.recorded_on) return [queued];
  return [queued, { at: row.recorded_on, kind: 'code_recorded', episodeId: row.episode_id, summary: `GP code ${row.code} (${term}) recorded in the GP record` }];
}

/**
 * The record from its parts, already mapped and limited to what the reader may see: the
 * timeline is built here. Pure, so the benchmark's hand-written SQL baseline builds exactly the
 * same result from its own rows (docs/performance.md).
 */
export function assemblePersonRecord(parts: { row: PersonRow; episodes: Episode[]; contacts: Contact[]; notes: Note[]; changes: TimelineItem[]; codes: TimelineItem[] }): PersonRecord {
  const { row, episodes, contacts, notes, changes, codes } = parts;
  const timeline: TimelineItem[] = [
    ...episodes.map((episode): TimelineItem => ({ at: episode.receivedOn, kind: 'referral_received', episodeId: episode.id, summary: `Referral received from ${REFERRAL_SOURCES[episode.source]}` })),
    ...changes,
    ...contacts.map(
      (contact): TimelineItem => ({
        at: contact.at,
        kind: 'contact',
        episodeId: contact.episodeId,
        summary: contact.didNotAttend
          ? `${CONTACT_MODES[contact.mode]} contact: did not attend`
          : `${CONTACT_MODES[contact.mode]} contact, ${contact.durationMinutes} minutes${contact.notes ? `: ${excerpt(contact.notes)}` : ''}`,
      }),
    ),
    ...notes.map((note): TimelineItem => ({ at: note.at, kind: 'note', episodeId: note.episodeId, summary: `Note: ${excerpt(note.text)}` })),
    ...codes,
  ].sort((a, b) => (a.at === b.at ? KIND_ORDER[a.kind] - KIND_ORDER[b.kind] : a.at < b.at ? 1 : -1));
  return { person: { ...toDetails(row), id: row.id, rowVersion: row.row_version }, flags: personFlags(row), episodes, contacts, notes, timeline };
}

async function loadNotes(db: LinkdeskDb, personId: string): Promise<Note[]> {
  const rows = await db
    .selectFrom('person_notes as n')
    .leftJoin('users as u', 'u.id', 'n.created_by')
    .select(['n.id', 'n.episode_id', 'n.created_at', 'n.text', 'u.display_name'])
    .where('n.person_id', '=', personId)
    .orderBy('n.created_at', 'desc')
    .orderBy('n.seq', 'desc')
    .execute();
  return rows.map(toNote);
}

async function statusChanges(db: LinkdeskDb, personId: string): Promise<TimelineItem[]> {
  const rows = await db
    .selectFrom('episode_status_history as h')
    .innerJoin('episodes as e', 'e.id', 'h.episode_id')
    .select(['h.episode_id', 'h.from_status', 'h.to_status', 'h.at', 'h.closure_reason'])
    .where('e.person_id', '=', personId)
    .where('h.from_status', 'is not', null)
    // Newest first, so changes made in the same moment keep their order through the stable sort.
    .orderBy('h.id', 'desc')
    .execute();
  return rows.map(statusChangeItem);
}

async function codingEvents(db: LinkdeskDb, personId: string): Promise<TimelineItem[]> {
  // Found through the person's episodes (a code's person is its episode's person): coding_queue's
  // index is (episode_id, code), and by person_id it was a scan of every code (docs/performance.md).
  const rows = await db
    .selectFrom('coding_queue')
    .select(['episode_id', 'code', 'queued_at', 'due_on', 'recorded_on'])
    .where('episode_id', 'in', db.selectFrom('episodes').select('id').where('person_id', '=', personId))
    .orderBy('queued_at', 'desc')
    .execute();
  return rows.flatMap(codeItems);
}

export async function getPersonRecord(session: WorkspaceSession, personId: string): Promise<PersonRecord> {
  const { db } = session.requireUnlocked();
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('people').selectAll().where('id', '=', personId).executeTakeFirst();
    if (!row) throw new AppError('not_found', 'That person does not exist.');
    const scope = await requirePersonInScope(session, trx, personId);
    const episodes = (await loadEpisodes(trx, { personId })).filter((episode) => episodeInScope(scope, episode.workerUserId));
    const readable = new Set(episodes.map((episode) => episode.id));
    const record = assemblePersonRecord({
      row,
      episodes,
      contacts: keepReadable(scope, readable, await loadContacts(trx, { personId })),
      notes: keepReadable(scope, readable, await loadNotes(trx, personId)),
      changes: keepReadable(scope, readable, await statusChanges(trx, personId)),
      codes: keepReadable(scope, readable, await codingEvents(trx, personId)),
    });
    await session.audit({ action: 'person.viewed', entityType: 'person', entityId: personId }, trx);
    return record;
  });
}
