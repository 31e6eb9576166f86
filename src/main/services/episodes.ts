import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { canMoveEpisode, type ClosureReason, type EpisodeStatus, type ReferralReason, SNOMED } from '../../shared/domain/referral';
import { addWorkingDays } from '../../shared/domain/working-days';
import type { createEpisodeSchema, Episode, episodeTransitionSchema, planEpisodeSchema } from '../../shared/ipc/casework-schemas';
import { AppError } from '../errors';
import type { LinkdeskDb } from '../store/kysely';
import {
  type EpisodeRow,
  findEpisode,
  invalidInput,
  isUniqueViolation,
  nullIfEmpty,
  readFirstContactWorkingDays,
  requireActiveLinkWorker,
  requirePerson,
  statusLabel,
  todayOf,
} from './casework-common';
import { queueCode } from './coding-queue';
import type { WorkspaceSession } from './workspace-session';

/**
 * Referrals and the episodes of support that follow them: received → contacted → accepted or
 * declined → active → closed. A person may have many episodes over the years, but only one open.
 */
type CreateEpisodeInput = z.output<typeof createEpisodeSchema>;
type TransitionInput = z.output<typeof episodeTransitionSchema>;
type PlanInput = z.output<typeof planEpisodeSchema>;

export const ONE_OPEN_EPISODE_MESSAGE = 'This person already has an open referral. Close it before adding a new one.';

/** An episode row (with its worker's name) and its reasons, as the renderer sees them. */
export function toEpisode(row: EpisodeRow & { worker_name: string | null }, reasons: readonly ReferralReason[]): Episode {
  return {
    id: row.id,
    personId: row.person_id,
    workerUserId: row.worker_user_id,
    workerName: row.worker_name,
    source: row.source,
    referrerName: row.referrer_name,
    referrerOrganisation: row.referrer_organisation,
    referrerContact: row.referrer_contact,
    receivedOn: row.received_on,
    reasons: [...reasons],
    reasonOther: row.reason_other,
    urgency: row.urgency,
    notes: row.notes,
    status: row.status,
    closureReason: row.closure_reason,
    closedOn: row.closed_on,
    nextContactOn: row.next_contact_on,
    reviewDueOn: row.review_due_on,
    contactCount: row.contact_count,
    firstContactDueOn: row.first_contact_due_on,
    lastContactOn: row.last_contact_on,
    closureNote: row.closure_note,
  };
}

/** Episodes as the renderer sees them, with worker names and reasons, in the order given by `order`. */
export async function loadEpisodes(db: LinkdeskDb, filter: { episodeId: string } | { personId: string }): Promise<Episode[]> {
  let query = db
    .selectFrom('episodes as e')
    .leftJoin('users as w', 'w.id', 'e.worker_user_id')
    .selectAll('e')
    .select('w.display_name as worker_name');
  query = 'episodeId' in filter ? query.where('e.id', '=', filter.episodeId) : query.where('e.person_id', '=', filter.personId);
  const rows = await query.orderBy('e.received_on', 'desc').orderBy('e.seq', 'desc').execute();
  if (rows.length === 0) return [];
  const reasons = await db
    .selectFrom('episode_reasons')
    .select(['episode_id', 'reason'])
    .where(
      'episode_id',
      'in',
      rows.map((row) => row.id),
    )
    .execute();
  return rows.map((row) => toEpisode(row, reasons.filter((reason) => reason.episode_id === row.id).map((reason) => reason.reason)));
}

export async function loadEpisode(db: LinkdeskDb, episodeId: string): Promise<Episode> {
  const [episode] = await loadEpisodes(db, { episodeId });
  if (!episode) throw new AppError('not_found', 'That referral does not exist.');
  return episode;
}

export async function createEpisode(session: WorkspaceSession, input: CreateEpisodeInput): Promise<Episode> {
  const { db, user } = session.requireUnlocked();
  const reasons = [...new Set(input.reasons)] as ReferralReason[];
  const fields: Record<string, string> = {};
  if (input.receivedOn > todayOf(session)) fields.receivedOn = 'The referral cannot be received in the future';
  if (reasons.includes('other') && !input.reasonOther) fields.reasonOther = 'Say what the other reason is';
  if (Object.keys(fields).length > 0) invalidInput(fields);
  const workerUserId = input.workerUserId ?? user.id;
  return db.transaction().execute(async (trx) => {
    await requirePerson(trx, input.personId);
    await requireActiveLinkWorker(trx, workerUserId);
    const open = await trx.selectFrom('episodes').select('id').where('person_id', '=', input.personId).where('status', '<>', 'closed').executeTakeFirst();
    if (open) throw new AppError('conflict', ONE_OPEN_EPISODE_MESSAGE);
    const id = randomUUID();
    const now = session.clock.now().toISOString();
    const workingDays = await readFirstContactWorkingDays(trx);
    try {
      await trx
        .insertInto('episodes')
        .values({
          id,
          person_id: input.personId,
          worker_user_id: workerUserId,
          source: input.source,
          referrer_name: nullIfEmpty(input.referrerName),
          referrer_organisation: nullIfEmpty(input.referrerOrganisation),
          referrer_contact: nullIfEmpty(input.referrerContact),
          received_on: input.receivedOn,
          reason_other: reasons.includes('other') ? nullIfEmpty(input.reasonOther) : null,
          urgency: input.urgency,
          notes: nullIfEmpty(input.notes.trim()),
          status: 'received',
          first_contact_due_on: addWorkingDays(input.receivedOn, workingDays),
          created_at: now,
          created_by: user.id,
          updated_at: now,
        })
        .execute();
    } catch (error) {
      if (isUniqueViolation(error, 'episodes.person_id')) throw new AppError('conflict', ONE_OPEN_EPISODE_MESSAGE);
      throw error;
    }
    await trx
      .insertInto('episode_reasons')
      .values(reasons.map((reason) => ({ episode_id: id, reason })))
      .execute();
    await trx.insertInto('episode_status_history').values({ episode_id: id, from_status: null, to_status: 'received', at: now, changed_by: user.id, contact_id: null, closure_reason: null }).execute();
    await session.audit(
      { action: 'episode.created', entityType: 'person', entityId: input.personId, details: { episodeId: id, source: input.source, reasonCount: reasons.length } },
      trx,
    );
    return loadEpisode(trx, id);
  });
}

/** Refuses a move the status machine does not allow, naming both statuses. */
export function requireTransition(from: EpisodeStatus, to: EpisodeStatus): void {
  if (from === to) throw new AppError('conflict', `This referral is already ${statusLabel(from)}.`);
  if (!canMoveEpisode(from, to)) throw new AppError('conflict', `A referral that is ${statusLabel(from)} cannot become ${statusLabel(to)}.`);
}

export interface StatusChange {
  to: EpisodeStatus;
  contactId?: string | null;
  closureReason?: ClosureReason | null;
  closureNote?: string | null;
}

/**
 * Moves an episode to a new status inside the caller's transaction: the row, its history and the
 * audit entry together. The caller has checked the move with requireTransition.
 */
export async function applyStatusChange(trx: LinkdeskDb, session: WorkspaceSession, episode: EpisodeRow, change: StatusChange): Promise<EpisodeRow> {
  const { user } = session.requireUnlocked();
  const now = session.clock.now().toISOString();
  const closing = change.to === 'closed';
  await trx
    .updateTable('episodes')
    .set({
      status: change.to,
      closure_reason: closing ? (change.closureReason ?? null) : null,
      closure_note: closing ? nullIfEmpty(change.closureNote?.trim()) : null,
      closed_on: closing ? todayOf(session) : null,
      updated_at: now,
    })
    .where('id', '=', episode.id)
    .execute();
  await trx
    .insertInto('episode_status_history')
    .values({
      episode_id: episode.id,
      from_status: episode.status,
      to_status: change.to,
      at: now,
      changed_by: user.id,
      contact_id: change.contactId ?? null,
      closure_reason: closing ? (change.closureReason ?? null) : null,
    })
    .execute();
  await session.audit(
    {
      action: 'episode.status_changed',
      entityType: 'person',
      entityId: episode.person_id,
      details: { episodeId: episode.id, from: episode.status, to: change.to, closureReason: closing ? (change.closureReason ?? null) : null },
    },
    trx,
  );
  return findEpisode(trx, episode.id);
}

/** The earliest attended contact, where the person says yes or no to social prescribing. */
async function firstAttendedContact(trx: LinkdeskDb, episodeId: string): Promise<{ id: string; contact_on: string } | undefined> {
  return trx
    .selectFrom('contacts')
    .select(['id', 'contact_on'])
    .where('episode_id', '=', episodeId)
    .where('did_not_attend', '=', 0)
    .orderBy('at')
    .limit(1)
    .executeTakeFirst();
}

export async function transitionEpisode(session: WorkspaceSession, input: TransitionInput): Promise<Episode> {
  const { db } = session.requireUnlocked();
  return db.transaction().execute(async (trx) => {
    const episode = await findEpisode(trx, input.episodeId);
    requireTransition(episode.status, input.to);
    if (input.to === 'closed' && episode.status === 'declined' && input.closureReason !== 'declined') {
      invalidInput({ closureReason: 'A declined referral closes with the reason "Declined social prescribing"' });
    }
    await applyStatusChange(trx, session, episode, { to: input.to, closureReason: input.closureReason, closureNote: input.closureNote });
    if (input.to === 'accepted' || input.to === 'declined') {
      // Set by hand after the first contact: the code is still due a week after that contact.
      const contact = await firstAttendedContact(trx, episode.id);
      const concept = input.to === 'accepted' ? SNOMED.referralToSocialPrescribing : SNOMED.socialPrescribingDeclined;
      await queueCode(trx, session, { episodeId: episode.id, personId: episode.person_id, code: concept.code, contactId: contact?.id ?? null, contactOn: contact?.contact_on ?? todayOf(session) });
    }
    return loadEpisode(trx, episode.id);
  });
}

export async function planEpisode(session: WorkspaceSession, input: PlanInput): Promise<Episode> {
  const { db } = session.requireUnlocked();
  return db.transaction().execute(async (trx) => {
    const episode = await findEpisode(trx, input.episodeId);
    if (episode.status === 'closed') throw new AppError('conflict', 'This referral is closed, so its plan cannot change.');
    const nextContactOn = nullIfEmpty(input.nextContactOn);
    const reviewDueOn = nullIfEmpty(input.reviewDueOn);
    const workerUserId = input.workerUserId ?? episode.worker_user_id;
    const fields: Record<string, string> = {};
    // A date kept from before may have passed; a newly chosen one may not.
    if (nextContactOn !== null && nextContactOn !== episode.next_contact_on && nextContactOn < todayOf(session)) fields.nextContactOn = 'The next contact cannot be in the past';
    if (reviewDueOn !== null && reviewDueOn < episode.received_on) fields.reviewDueOn = 'The review cannot be before the referral was received';
    if (Object.keys(fields).length > 0) invalidInput(fields);
    if (workerUserId !== null && workerUserId !== episode.worker_user_id) await requireActiveLinkWorker(trx, workerUserId);
    const changed = [
      nextContactOn !== episode.next_contact_on ? 'nextContactOn' : null,
      reviewDueOn !== episode.review_due_on ? 'reviewDueOn' : null,
      workerUserId !== episode.worker_user_id ? 'workerUserId' : null,
    ].filter((name) => name !== null);
    await trx
      .updateTable('episodes')
      .set({ next_contact_on: nextContactOn, review_due_on: reviewDueOn, worker_user_id: workerUserId, updated_at: session.clock.now().toISOString() })
      .where('id', '=', episode.id)
      .execute();
    await session.audit({ action: 'episode.planned', entityType: 'person', entityId: episode.person_id, details: { episodeId: episode.id, fields: changed.join(',') } }, trx);
    return loadEpisode(trx, episode.id);
  });
}
