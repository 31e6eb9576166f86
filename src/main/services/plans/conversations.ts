import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Conversation, recordConversationSchema } from '../../../shared/ipc/plans-schemas';
import type { LinkdeskDb } from '../../store/kysely';
import { findReadableEpisode, invalidInput, todayOf } from '../casework-common';
import type { WorkspaceSession } from '../workspace-session';
import { requireOpenEpisode, textOrNull } from './plans-common';

/**
 * "What matters to me" conversations: what the person says matters, in their own words (kept
 * exactly as typed), their strengths, what gets in the way and their priorities. Recording and
 * reading are both audited, with ids only.
 */
type RecordConversationInput = z.output<typeof recordConversationSchema>;

export async function loadConversations(db: LinkdeskDb, filter: { episodeId: string } | { conversationId: string }): Promise<Conversation[]> {
  let query = db.selectFrom('what_matters_conversations as c').leftJoin('users as u', 'u.id', 'c.recorded_by').selectAll('c').select('u.display_name as recorded_by_name');
  query = 'episodeId' in filter ? query.where('c.episode_id', '=', filter.episodeId) : query.where('c.id', '=', filter.conversationId);
  const rows = await query.orderBy('c.held_on', 'desc').orderBy('c.seq', 'desc').execute();
  return rows.map((row) => ({
    id: row.id,
    episodeId: row.episode_id,
    personId: row.person_id,
    heldOn: row.held_on,
    ownWords: row.own_words,
    strengths: row.strengths ?? '',
    whatGetsInTheWay: row.barriers ?? '',
    priorities: row.priorities ?? '',
    recordedBy: row.recorded_by_name,
    recordedAt: row.recorded_at,
  }));
}

export async function recordConversation(session: WorkspaceSession, input: RecordConversationInput): Promise<Conversation> {
  const { db, user } = session.requireUnlocked();
  return db.transaction().execute(async (trx) => {
    const episode = await requireOpenEpisode(trx, input.episodeId);
    if (input.heldOn > todayOf(session)) invalidInput({ heldOn: 'The conversation cannot be in the future' });
    if (input.heldOn < episode.received_on) invalidInput({ heldOn: 'The conversation cannot be before the referral was received' });
    const id = randomUUID();
    await trx
      .insertInto('what_matters_conversations')
      .values({
        id,
        episode_id: episode.id,
        person_id: episode.person_id,
        held_on: input.heldOn,
        own_words: input.ownWords,
        strengths: textOrNull(input.strengths),
        barriers: textOrNull(input.whatGetsInTheWay),
        priorities: textOrNull(input.priorities),
        recorded_by: user.id,
        recorded_at: session.clock.now().toISOString(),
      })
      .execute();
    await session.audit({ action: 'conversation.recorded', entityType: 'person', entityId: episode.person_id, details: { episodeId: episode.id, conversationId: id } }, trx);
    const [conversation] = await loadConversations(trx, { conversationId: id });
    return conversation!;
  });
}

export async function listConversations(session: WorkspaceSession, episodeId: string): Promise<Conversation[]> {
  const { db } = session.requireUnlocked();
  return db.transaction().execute(async (trx) => {
    const episode = await findReadableEpisode(session, trx, episodeId);
    const conversations = await loadConversations(trx, { episodeId });
    await session.audit({ action: 'conversation.viewed', entityType: 'person', entityId: episode.person_id, details: { episodeId, count: conversations.length } }, trx);
    return conversations;
  });
}
