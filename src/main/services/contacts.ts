import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { z } from 'zod';
import { SNOMED } from '../../shared/domain/referral';
import { isoDateOf } from '../../shared/domain/working-days';
import type { Contact, recordContactSchema } from '../../shared/ipc/casework-schemas';
import { AppError } from '../errors';
import type { LinkdeskDb } from '../store/kysely';
import type { ContactsTable } from '../store/schema';
import { type EpisodeRow, findEpisode, invalidInput, nullIfEmpty, statusLabel } from './casework-common';
import { queueCode } from './coding-queue';
import { applyStatusChange, requireTransition } from './episodes';
import type { WorkspaceSession } from './workspace-session';

/**
 * Contacts with the person. Recording one also moves the episode on: the first attended contact
 * makes a received referral contacted; the person's decision at the first contact makes it
 * accepted or declined and queues the SNOMED code for the GP record; the next contact after
 * acceptance makes it active. Counters on the episode change in the same transaction.
 */
type RecordContactInput = z.output<typeof recordContactSchema>;

const DAY_MS = 86_400_000;

export async function loadContacts(db: LinkdeskDb, filter: { contactId: string } | { personId: string }): Promise<Contact[]> {
  let query = db.selectFrom('contacts as c').leftJoin('users as u', 'u.id', 'c.recorded_by').selectAll('c').select('u.display_name as recorded_by_name');
  query = 'contactId' in filter ? query.where('c.id', '=', filter.contactId) : query.where('c.person_id', '=', filter.personId);
  const rows = await query.orderBy('c.at', 'desc').orderBy('c.seq', 'desc').execute();
  return rows.map(toContact);
}

/** A contact row (with the recorder's name) as the renderer sees it. */
export function toContact(row: Selectable<ContactsTable> & { recorded_by_name: string | null }): Contact {
  return {
    id: row.id,
    episodeId: row.episode_id,
    at: row.at,
    mode: row.mode,
    durationMinutes: row.duration_minutes,
    attendees: row.attendees,
    notes: row.notes,
    didNotAttend: row.did_not_attend === 1,
    recordedBy: row.recorded_by_name,
  };
}

function checkContact(session: WorkspaceSession, episode: EpisodeRow, input: RecordContactInput, at: Date): void {
  const fields: Record<string, string> = {};
  if (at.getTime() > session.clock.now().getTime() + DAY_MS) fields.at = 'The contact cannot be more than a day in the future';
  else if (isoDateOf(at) < episode.received_on) fields.at = 'The contact cannot be before the referral was received';
  if (input.decision && input.didNotAttend) fields.decision = 'Someone who did not attend cannot accept or decline';
  if (Object.keys(fields).length > 0) invalidInput(fields);
  if (input.decision && episode.status !== 'received' && episode.status !== 'contacted') {
    throw new AppError(
      'conflict',
      `This referral is ${statusLabel(episode.status)}. Accepting or declining is recorded at the first contact, while a referral is Received or Contacted.`,
    );
  }
}

export async function recordContact(session: WorkspaceSession, input: RecordContactInput): Promise<Contact> {
  const { db, user } = session.requireUnlocked();
  const at = new Date(input.at);
  return db.transaction().execute(async (trx) => {
    let episode = await findEpisode(trx, input.episodeId);
    if (episode.status === 'closed') throw new AppError('conflict', 'This referral is closed. Contacts cannot be added to a closed referral.');
    checkContact(session, episode, input, at);
    const id = randomUUID();
    const atText = at.toISOString();
    const contactOn = isoDateOf(at);
    const attended = !input.didNotAttend;
    await trx
      .insertInto('contacts')
      .values({
        id,
        episode_id: episode.id,
        person_id: episode.person_id,
        at: atText,
        contact_on: contactOn,
        mode: input.mode,
        duration_minutes: input.durationMinutes,
        attendees: nullIfEmpty(input.attendees),
        notes: nullIfEmpty(input.notes.trim()),
        did_not_attend: attended ? 0 : 1,
        decision: input.decision,
        recorded_by: user.id,
        recorded_at: session.clock.now().toISOString(),
      })
      .execute();
    if (attended) {
      // Contacts may be entered out of order: first and last follow the contact times, not the order of entry.
      const isFirst = episode.first_contact_at === null || atText < episode.first_contact_at;
      const isLast = episode.last_contact_at === null || atText > episode.last_contact_at;
      await trx
        .updateTable('episodes')
        .set((eb) => ({
          contact_count: eb('contact_count', '+', 1),
          ...(isFirst ? { first_contact_at: atText } : {}),
          ...(isLast ? { last_contact_at: atText, last_contact_on: contactOn } : {}),
          updated_at: session.clock.now().toISOString(),
        }))
        .where('id', '=', episode.id)
        .execute();
    }
    const statusBefore = episode.status;
    if (attended && episode.status === 'received') episode = await applyStatusChange(trx, session, episode, { to: 'contacted', contactId: id });
    if (input.decision) {
      requireTransition(episode.status, input.decision);
      episode = await applyStatusChange(trx, session, episode, { to: input.decision, contactId: id });
      const concept = input.decision === 'accepted' ? SNOMED.referralToSocialPrescribing : SNOMED.socialPrescribingDeclined;
      await queueCode(trx, session, { episodeId: episode.id, personId: episode.person_id, code: concept.code, contactId: id, contactOn });
    } else if (attended && statusBefore === 'accepted') {
      episode = await applyStatusChange(trx, session, episode, { to: 'active', contactId: id });
    }
    await session.audit(
      {
        action: 'contact.recorded',
        entityType: 'person',
        entityId: episode.person_id,
        details: { episodeId: episode.id, contactId: id, mode: input.mode, didNotAttend: input.didNotAttend, decision: input.decision },
      },
      trx,
    );
    const [contact] = await loadContacts(trx, { contactId: id });
    return contact!;
  });
}
