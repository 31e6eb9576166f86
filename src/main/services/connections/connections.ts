import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { z } from 'zod';
import { CONNECTION_STATUSES, DIRECTORY_STATUSES_FOR_CONNECTIONS, canMoveConnection, isFinalConnectionStatus } from './connection-rules';
import type { Connection, createConnectionSchema, moveConnectionSchema } from '../../../shared/ipc/connections-schemas';
import { AppError } from '../../errors';
import type { LinkdeskDb } from '../../store/kysely';
import { findEpisode, findReadableEpisode, invalidInput, isUniqueViolation, requirePerson, todayOf, type EpisodeRow } from '../casework-common';
import { keepReadable, readableEpisodeIds, requirePersonInScope } from '../supervision/supervision-scope';
import { textOrNull } from '../plans/plans-common';
import type { WorkspaceSession } from '../workspace-session';

/**
 * Connections: a person linked, from an episode of support, to a directory service. Each status
 * change is dated and kept; completed and stopped connections are final. Every change and every
 * read is audited with ids and codes only.
 */
type CreateConnectionInput = z.output<typeof createConnectionSchema>;
type MoveConnectionInput = z.output<typeof moveConnectionSchema>;

async function requireOpenEpisode(db: LinkdeskDb, episodeId: string): Promise<EpisodeRow> {
  const episode = await findEpisode(db, episodeId);
  if (episode.status === 'closed') throw new AppError('conflict', 'This referral is closed, so its connections cannot change.');
  return episode;
}

export async function loadConnections(db: LinkdeskDb, filter: { episodeId: string } | { personId: string } | { connectionId: string }): Promise<Connection[]> {
  let query = db
    .selectFrom('connections as c')
    .innerJoin('directory_services as s', 's.id', 'c.service_id')
    .innerJoin('directory_organisations as o', 'o.id', 's.organisation_id')
    .leftJoin('users as u', 'u.id', 'c.created_by')
    .selectAll('c')
    .select(['s.name as service_name', 's.status as service_status', 'o.name as organisation_name', 'u.display_name as created_by_name']);
  if ('episodeId' in filter) query = query.where('c.episode_id', '=', filter.episodeId);
  else if ('personId' in filter) query = query.where('c.person_id', '=', filter.personId);
  else query = query.where('c.id', '=', filter.connectionId);
  const rows = await query.orderBy('c.seq', 'desc').execute();
  if (rows.length === 0) return [];
  const history = await db
    .selectFrom('connection_status_history as h')
    .leftJoin('users as u', 'u.id', 'h.changed_by')
    .selectAll('h')
    .select('u.display_name as changed_by_name')
    .where(
      'h.connection_id',
      'in',
      rows.map((row) => row.id),
    )
    .orderBy('h.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    episodeId: row.episode_id,
    personId: row.person_id,
    service: { id: row.service_id, name: row.service_name, organisationName: row.organisation_name, status: row.service_status },
    goalId: row.goal_id,
    status: row.status,
    statusOn: row.status_on,
    final: isFinalConnectionStatus(row.status),
    stopReason: row.stop_reason,
    stopNote: row.stop_note ?? '',
    handoverNote: row.handover_note ?? '',
    history: history
      .filter((entry) => entry.connection_id === row.id)
      .map((entry) => ({ from: entry.from_status, to: entry.to_status, on: entry.changed_on, at: entry.at, by: entry.changed_by_name, stopReason: entry.stop_reason })),
    createdAt: row.created_at,
    createdBy: row.created_by_name,
  }));
}

async function loadOne(db: LinkdeskDb, connectionId: string): Promise<Connection> {
  const [connection] = await loadConnections(db, { connectionId });
  if (!connection) throw new AppError('not_found', 'That connection does not exist.');
  return connection;
}

/** A goal of the episode's care and support plan (any version). */
async function requireGoalOfEpisode(db: LinkdeskDb, episodeId: string, goalId: string): Promise<void> {
  const row = await db
    .selectFrom('care_plan_versions as v')
    .innerJoin('care_plans as p', 'p.id', 'v.plan_id')
    .innerJoin(sql<{ value: string }>`json_each(v.goals_json)`.as('g'), (join) => join.onTrue())
    .select('v.id')
    .where('p.episode_id', '=', episodeId)
    .where(sql<string>`json_extract(g.value, '$.id')`, '=', goalId)
    .executeTakeFirst();
  if (!row) invalidInput({ goalId: 'Choose a goal from this person’s plan' });
}

/** A date for a status change: not in the future, not before the referral or the last change. */
function checkDate(session: WorkspaceSession, on: string, episode: EpisodeRow, previousOn: string | null): string {
  const date = on === '' ? todayOf(session) : on;
  if (date > todayOf(session)) invalidInput({ on: 'The date cannot be in the future' });
  if (date < episode.received_on) invalidInput({ on: 'The date cannot be before the referral was received' });
  if (previousOn !== null && date < previousOn) invalidInput({ on: 'The date cannot be before the last status change' });
  return date;
}

export async function createConnection(session: WorkspaceSession, input: CreateConnectionInput): Promise<Connection> {
  const { db, user } = session.requireUnlocked();
  return db.transaction().execute(async (trx) => {
    const episode = await requireOpenEpisode(trx, input.episodeId);
    const service = await trx.selectFrom('directory_services').select(['id', 'name', 'status']).where('id', '=', input.serviceId).executeTakeFirst();
    if (!service) invalidInput({ serviceId: 'Choose a group or service from the directory' });
    if (!DIRECTORY_STATUSES_FOR_CONNECTIONS.includes(service.status)) {
      throw new AppError('conflict', `“${service.name}” is ${service.status}, so no one can be connected to it. Choose an active group or service.`, {
        serviceId: `This group or service is ${service.status}`,
      });
    }
    if (input.goalId !== null) await requireGoalOfEpisode(trx, episode.id, input.goalId);
    const on = checkDate(session, input.on, episode, null);
    const id = randomUUID();
    const now = session.clock.now().toISOString();
    try {
      await trx
        .insertInto('connections')
        .values({
          id,
          episode_id: episode.id,
          person_id: episode.person_id,
          service_id: service.id,
          goal_id: input.goalId,
          status: 'suggested',
          status_on: on,
          handover_note: textOrNull(input.handoverNote),
          created_at: now,
          created_by: user.id,
          updated_at: now,
          updated_by: user.id,
        })
        .execute();
    } catch (error) {
      if (isUniqueViolation(error, 'connections.episode_id')) throw new AppError('conflict', 'This person is already connected to that group or service from this referral.');
      throw error;
    }
    await trx.insertInto('connection_status_history').values({ connection_id: id, from_status: null, to_status: 'suggested', changed_on: on, at: now, changed_by: user.id, stop_reason: null }).execute();
    await session.audit(
      { action: 'connection.created', entityType: 'person', entityId: episode.person_id, details: { episodeId: episode.id, connectionId: id, serviceId: service.id, goalId: input.goalId } },
      trx,
    );
    return loadOne(trx, id);
  });
}

export async function moveConnection(session: WorkspaceSession, input: MoveConnectionInput): Promise<Connection> {
  const { db, user } = session.requireUnlocked();
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('connections').selectAll().where('id', '=', input.connectionId).executeTakeFirst();
    if (!row) throw new AppError('not_found', 'That connection does not exist.');
    if (!canMoveConnection(row.status, input.to)) {
      const from = CONNECTION_STATUSES[row.status];
      const to = CONNECTION_STATUSES[input.to];
      const why = isFinalConnectionStatus(row.status) ? ` A ${from.toLowerCase()} connection is final.` : '';
      throw new AppError('conflict', `A connection cannot move from ${from} to ${to}.${why}`);
    }
    const episode = await requireOpenEpisode(trx, row.episode_id);
    const on = checkDate(session, input.on, episode, row.status_on);
    const now = session.clock.now().toISOString();
    await trx
      .updateTable('connections')
      .set({
        status: input.to,
        status_on: on,
        stop_reason: input.stopReason,
        stop_note: textOrNull(input.stopNote),
        ...(input.handoverNote.trim() === '' ? {} : { handover_note: input.handoverNote }),
        updated_at: now,
        updated_by: user.id,
      })
      .where('id', '=', row.id)
      .execute();
    await trx
      .insertInto('connection_status_history')
      .values({ connection_id: row.id, from_status: row.status, to_status: input.to, changed_on: on, at: now, changed_by: user.id, stop_reason: input.stopReason })
      .execute();
    await session.audit(
      {
        action: 'connection.moved',
        entityType: 'person',
        entityId: row.person_id,
        details: { episodeId: row.episode_id, connectionId: row.id, from: row.status, to: input.to, stopReason: input.stopReason },
      },
      trx,
    );
    return loadOne(trx, row.id);
  });
}

export async function listConnections(session: WorkspaceSession, query: { personId?: string | undefined; episodeId?: string | undefined }): Promise<Connection[]> {
  const { db } = session.requireUnlocked();
  return db.transaction().execute(async (trx) => {
    let personId: string;
    let connections: Connection[];
    if (query.episodeId !== undefined) {
      const episode = await findReadableEpisode(session, trx, query.episodeId);
      personId = episode.person_id;
      connections = await loadConnections(trx, { episodeId: episode.id });
    } else {
      personId = query.personId!;
      await requirePerson(trx, personId);
      const scope = await requirePersonInScope(session, trx, personId);
      connections = keepReadable(scope, await readableEpisodeIds(scope, trx, personId), await loadConnections(trx, { personId }));
    }
    await session.audit(
      { action: 'connection.viewed', entityType: 'person', entityId: personId, details: { episodeId: query.episodeId ?? null, count: connections.length } },
      trx,
    );
    return connections;
  });
}
