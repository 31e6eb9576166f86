import { type RawBuilder, sql } from 'kysely';
import type { z } from 'zod';
import type { EpisodeStatus, ReferralSource } from '../../shared/domain/referral';
import type { PersonFlagKind } from '../../shared/domain/supervision';
import { CASELOAD_FLAG_CODES, type CaseloadFlag, type caseloadQuerySchema, type CaseloadRow } from '../../shared/ipc/casework-schemas';
import { todayOf } from './casework-common';
import { caseScope, type CaseScope, scopeCondition } from './supervision/supervision-scope';
import type { WorkspaceSession } from './workspace-session';

/**
 * The caseload: one row per episode, paged, sorted and filtered in SQL. Flags are SQL expressions
 * over the episode's own columns (kept up to date by the services) and today's date, passed as a
 * parameter from the session clock; the same expressions filter and label, so they always agree.
 */
type CaseloadQuery = z.output<typeof caseloadQuerySchema>;

/** Days after receipt when a referral counts as over 12 weeks, and without contact as stale. */
export const OVER_12_WEEKS_DAYS = 84;
export const NO_RECENT_CONTACT_DAYS = 21;
export const OVER_12_CONTACTS = 12;

/** Risk and safeguarding flags are set on the person by the link worker (services/supervision/person-flags.ts). */
function currentPersonFlag(kind: PersonFlagKind): RawBuilder<unknown> {
  return sql`(e.person_id IN (SELECT f.person_id FROM person_flags f WHERE f.kind = ${kind} AND f.cleared_at IS NULL))`;
}

/** Also read by the supervision agenda (services/supervision/agenda.ts), so both always agree. */
export function flagExpressions(today: string): Record<CaseloadFlag, RawBuilder<unknown>> {
  return {
    safeguarding: currentPersonFlag('safeguarding'),
    risk: currentPersonFlag('risk'),
    no_first_contact: sql`(e.status <> 'closed' AND e.first_contact_at IS NULL AND e.first_contact_due_on < ${today})`,
    over_12_weeks: sql`(e.status <> 'closed' AND e.received_on < date(${today}, ${`-${OVER_12_WEEKS_DAYS} days`}))`,
    over_12_contacts: sql`(e.contact_count > ${OVER_12_CONTACTS})`,
    no_recent_contact: sql`(e.status IN ('contacted', 'accepted', 'active') AND coalesce(e.last_contact_on, e.received_on) < date(${today}, ${`-${NO_RECENT_CONTACT_DAYS} days`}))`,
    coding_overdue: sql`(e.id IN (SELECT q.episode_id FROM coding_queue q WHERE q.recorded_on IS NULL AND q.due_on < ${today}))`,
    review_due: sql`(e.status <> 'closed' AND e.review_due_on <= ${today})`,
    nhs_number_unknown: sql`(p.nhs_number IS NULL)`,
    outcome_follow_up_due: sql`(e.status <> 'closed' AND e.id IN (SELECT f.episode_id FROM outcome_follow_ups f WHERE f.due_on <= ${today}))`,
  };
}

const DISPLAY_NAME = sql`(coalesce(p.preferred_name, p.given_name) || ' ' || p.family_name)`;

function weeksOnCaseload(today: string) {
  return sql`CAST((julianday(coalesce(e.closed_on, ${today})) - julianday(e.received_on)) / 7 AS INTEGER)`;
}

function ageInYears(today: string) {
  return sql`(CAST(substr(${today}, 1, 4) AS INTEGER) - CAST(substr(p.date_of_birth, 1, 4) AS INTEGER) - (substr(${today}, 6, 5) < substr(p.date_of_birth, 6, 5)))`;
}

function orderBy(query: CaseloadQuery, today: string): RawBuilder<unknown> {
  const direction = sql.raw(query.sortDirection === 'asc' ? 'ASC' : 'DESC');
  // Older people have earlier birthdays, and longer on the caseload means received earlier.
  const inverse = sql.raw(query.sortDirection === 'asc' ? 'DESC' : 'ASC');
  const key = {
    name: sql`${DISPLAY_NAME} COLLATE NOCASE ${direction}`,
    age: sql`p.date_of_birth ${inverse}`,
    status: sql`CASE e.status WHEN 'received' THEN 1 WHEN 'contacted' THEN 2 WHEN 'accepted' THEN 3 WHEN 'declined' THEN 4 WHEN 'active' THEN 5 ELSE 6 END ${direction}`,
    weeksOnCaseload: sql`${weeksOnCaseload(today)} ${direction}`,
    contactCount: sql`e.contact_count ${direction}`,
    lastContactOn: sql`e.last_contact_on ${direction} NULLS LAST`,
    nextContactOn: sql`e.next_contact_on ${direction} NULLS LAST`,
    receivedOn: sql`e.received_on ${direction}`,
  }[query.sortBy];
  return sql`${key}, e.seq ${direction}`;
}

function whereClause(query: CaseloadQuery, flags: Record<CaseloadFlag, RawBuilder<unknown>>, scope: CaseScope): RawBuilder<unknown> {
  const conditions: RawBuilder<unknown>[] = [];
  if (!scope.all) conditions.push(scopeCondition(scope, 'e.worker_user_id'));
  // Written as "<> 'closed'" so SQLite can use the partial index of open episodes.
  const openOnly = query.status ? query.status !== 'closed' : !query.includeClosed;
  if (openOnly) conditions.push(sql`e.status <> 'closed'`);
  if (query.status) conditions.push(sql`e.status = ${query.status}`);
  if (query.workerUserId) conditions.push(sql`e.worker_user_id = ${query.workerUserId}`);
  if (query.source) conditions.push(sql`e.source = ${query.source}`);
  if (query.reason) {
    // Few open episodes: look each one's reasons up. All episodes: start from the reason instead.
    conditions.push(
      openOnly
        ? sql`EXISTS (SELECT 1 FROM episode_reasons r WHERE r.episode_id = e.id AND r.reason = ${query.reason})`
        : sql`e.id IN (SELECT r.episode_id FROM episode_reasons r WHERE r.reason = ${query.reason})`,
    );
  }
  if (query.flag) conditions.push(flags[query.flag]);
  return conditions.length > 0 ? sql`WHERE ${sql.join(conditions, sql` AND `)}` : sql``;
}

interface RawRow {
  seq: number;
  episode_id: string;
  person_id: string;
  name: string;
  age: number | null;
  status: EpisodeStatus;
  worker_name: string | null;
  source: ReferralSource;
  received_on: string;
  weeks_on_caseload: number;
  contact_count: number;
  last_contact_on: string | null;
  next_contact_on: string | null;
  flags: string;
}

export async function listCaseload(session: WorkspaceSession, query: CaseloadQuery): Promise<{ rows: CaseloadRow[]; total: number }> {
  const { db } = session.requireUnlocked();
  const today = todayOf(session);
  const flags = flagExpressions(today);
  const where = whereClause(query, flags, await caseScope(session));
  // Every episode has its person (a foreign key), so the join is left out when nothing needs it:
  // the open caseload then pages straight off an episodes index.
  const needsPerson = query.sortBy === 'name' || query.sortBy === 'age' || query.flag === 'nhs_number_unknown';
  const from = needsPerson ? sql`FROM episodes e JOIN people p ON p.id = e.person_id` : sql`FROM episodes e`;

  const counted = await sql<{ total: number }>`SELECT count(*) AS total ${from} ${where}`.execute(db);
  const total = counted.rows[0]?.total ?? 0;

  // First the page's episodes by rowid (sorting needs only the sort key, and every index holds the
  // rowid), then the page's columns, each row found straight from its rowid.
  const page = await sql<{ seq: number }>`SELECT e.seq ${from} ${where} ORDER BY ${orderBy(query, today)} LIMIT ${query.pageSize} OFFSET ${query.page * query.pageSize}`.execute(db);
  const seqs = page.rows.map((row) => row.seq);
  if (seqs.length === 0) return { rows: [], total };

  // Labelling only the page's rows, each looks its own code and follow-up up by episode (indexed)
  // rather than listing every overdue one first: the same rows, a third less time (docs/performance.md).
  const labels = {
    ...flags,
    coding_overdue: sql`EXISTS (SELECT 1 FROM coding_queue q WHERE q.episode_id = e.id AND q.recorded_on IS NULL AND q.due_on < ${today})`,
    outcome_follow_up_due: sql`(e.status <> 'closed' AND EXISTS (SELECT 1 FROM outcome_follow_ups f WHERE f.episode_id = e.id AND f.due_on <= ${today}))`,
  };
  const flagColumn = sql.join(
    CASELOAD_FLAG_CODES.map((flag) => sql`CASE WHEN ${labels[flag]} THEN ${flag} END`),
    sql`, `,
  );
  const result = await sql<RawRow>`
    SELECT e.seq, e.id AS episode_id, e.person_id, ${DISPLAY_NAME} AS name, ${ageInYears(today)} AS age, e.status,
           w.display_name AS worker_name, e.source, e.received_on, ${weeksOnCaseload(today)} AS weeks_on_caseload,
           e.contact_count, e.last_contact_on, e.next_contact_on, concat_ws(',', ${flagColumn}) AS flags
    FROM episodes e JOIN people p ON p.id = e.person_id LEFT JOIN users w ON w.id = e.worker_user_id
    WHERE e.seq IN (${sql.join(seqs)})`.execute(db);
  const position = new Map(seqs.map((seq, index) => [seq, index]));
  const rows = [...result.rows].sort((a, b) => position.get(a.seq)! - position.get(b.seq)!);
  return {
    total,
    rows: rows.map((row) => ({
      episodeId: row.episode_id,
      personId: row.person_id,
      name: row.name,
      age: row.age,
      status: row.status,
      workerName: row.worker_name,
      source: row.source,
      receivedOn: row.received_on,
      weeksOnCaseload: row.weeks_on_caseload,
      contactCount: row.contact_count,
      lastContactOn: row.last_contact_on,
      nextContactOn: row.next_contact_on,
      flags: row.flags === '' ? [] : (row.flags.split(',') as CaseloadFlag[]),
    })),
  };
}

/** Active link workers, for the caseload's worker filter and for assigning referrals. */
export async function listLinkWorkers(session: WorkspaceSession): Promise<{ id: string; displayName: string }[]> {
  const { db } = session.requireUnlocked();
  const scope = await caseScope(session);
  return db
    .selectFrom('users')
    .select(['id', 'display_name as displayName'])
    .where('role', '=', 'link_worker')
    .where('disabled_at', 'is', null)
    // A GP supervisor filters by the link workers they supervise.
    .where(scopeCondition(scope, 'id'))
    .orderBy('display_name')
    .execute();
}
