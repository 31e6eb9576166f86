import { sql } from 'kysely';
import type { RetentionPolicy, RetentionReviewRow } from '../../../shared/ipc/records-schemas';
import type { LinkdeskDb } from '../../store/kysely';
import { todayOf } from '../casework-common';
import type { WorkspaceSession } from '../workspace-session';
import { finishPendingCompaction } from './compaction';
import { readRetentionPolicy, writeRetentionPolicy } from './records-settings';

/**
 * The retention policy and the review of records past it. A person is past retention when they
 * have no open referral and their last referral closed more than the policy's years ago (a person
 * never referred counts from the day their record was made). Listing them shows names, so each
 * listing is audited with its count.
 */

export async function getRetentionPolicy(session: WorkspaceSession): Promise<RetentionPolicy> {
  return readRetentionPolicy(session.requireUnlocked().db);
}

export async function updateRetentionPolicy(session: WorkspaceSession, policy: RetentionPolicy): Promise<RetentionPolicy> {
  const { db } = session.requireUnlocked();
  await db.transaction().execute(async (trx) => {
    await writeRetentionPolicy(trx, policy);
    await session.audit({ action: 'retention.policy_updated', details: { ...policy } }, trx);
  });
  return policy;
}

/** Each person with their referral count, open referrals and the day their retention period ends. */
function peopleWithRetention(db: LinkdeskDb, years: number) {
  return db
    .selectFrom('people as p')
    .leftJoin('episodes as e', 'e.person_id', 'p.id')
    .select([
      'p.id',
      'p.given_name',
      'p.family_name',
      'p.date_of_birth',
      'p.nhs_number',
      sql<number>`count(e.id)`.as('episodes'),
      sql<number>`coalesce(sum(e.status <> 'closed'), 0)`.as('open_episodes'),
      sql<string | null>`max(e.closed_on)`.as('last_closed_on'),
      sql<string>`date(coalesce(max(e.closed_on), substr(p.created_at, 1, 10)), ${`+${years} years`})`.as('retention_ended_on'),
    ])
    .groupBy('p.id');
}

function pastRetention(db: LinkdeskDb, years: number, today: string) {
  return db
    .selectFrom(peopleWithRetention(db, years).as('r'))
    .selectAll()
    .where('r.open_episodes', '=', 0)
    .where('r.retention_ended_on', '<=', today);
}

export async function isPastRetention(session: WorkspaceSession, db: LinkdeskDb, personId: string): Promise<boolean> {
  const { closedEpisodesYears } = await readRetentionPolicy(db);
  const row = await pastRetention(db, closedEpisodesYears, todayOf(session)).where('r.id', '=', personId).executeTakeFirst();
  return row !== undefined;
}

export async function reviewRetention(session: WorkspaceSession, query: { page: number; pageSize: number }): Promise<{ rows: RetentionReviewRow[]; total: number }> {
  const { db, raw } = session.requireUnlocked();
  await finishPendingCompaction(db, raw);
  const { closedEpisodesYears } = await readRetentionPolicy(db);
  const today = todayOf(session);
  return db.transaction().execute(async (trx) => {
    const past = pastRetention(trx, closedEpisodesYears, today);
    const { total } = await trx.selectFrom(past.as('x')).select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
    const rows = await past
      .orderBy('r.retention_ended_on')
      .orderBy('r.family_name')
      .orderBy('r.given_name')
      .limit(query.pageSize)
      .offset(query.page * query.pageSize)
      .execute();
    await session.audit({ action: 'retention.reviewed', details: { listed: rows.length, total: Number(total), years: closedEpisodesYears } }, trx);
    return {
      total: Number(total),
      rows: rows.map((row) => ({
        personId: row.id,
        givenName: row.given_name,
        familyName: row.family_name,
        dateOfBirth: row.date_of_birth,
        nhsNumber: row.nhs_number,
        episodes: Number(row.episodes),
        lastClosedOn: row.last_closed_on,
        retentionEndedOn: row.retention_ended_on,
      })),
    };
  });
}

/** Closed directory entries unchanged for longer than the policy that still name a contact. */
export async function reviewDirectory(session: WorkspaceSession) {
  const { db } = session.requireUnlocked();
  const { closedDirectoryEntriesYears } = await readRetentionPolicy(db);
  const ended = sql<string>`date(substr(s.updated_at, 1, 10), ${`+${closedDirectoryEntriesYears} years`})`;
  const rows = await db
    .selectFrom('directory_services as s')
    .innerJoin('directory_organisations as o', 'o.id', 's.organisation_id')
    .select(['s.id', 's.name', 'o.name as organisation_name', 's.updated_at', 's.contact_name', 's.phone', 's.email', ended.as('retention_ended_on')])
    .where('s.status', '=', 'closed')
    .where(ended, '<=', todayOf(session))
    .where((eb) => eb.or([eb('s.contact_name', 'is not', null), eb('s.phone', 'is not', null), eb('s.email', 'is not', null)]))
    .orderBy('s.updated_at')
    .limit(500)
    .execute();
  return rows.map((row) => ({
    serviceId: row.id,
    name: row.name,
    organisationName: row.organisation_name,
    closedSince: row.updated_at.slice(0, 10),
    retentionEndedOn: row.retention_ended_on,
    hasContactDetails: true,
  }));
}
