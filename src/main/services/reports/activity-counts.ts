import { sql, type RawBuilder } from 'kysely';
import { CONTACT_BANDS, monthLabel } from '../../../shared/domain/reports';
import type { LinkdeskDb } from '../../store/kysely';

/**
 * The activity report's counts, aggregated in SQL. What comes back is counts by code (never a
 * row about a person) and stays in main: suppression.ts turns it into what may be shown.
 *
 * Everything is filtered through the referral (episode) it belongs to, so the worker filter means
 * "referrals this link worker holds now" in every section. Dates are the practice's calendar
 * dates the casework stores (received on, contact on, closed on, status changed on).
 */
export interface ActivityFilter {
  from: string;
  to: string;
  workerUserId: string | null;
  /** Today, for "overdue" GP codes. */
  today: string;
  months: readonly string[];
}

export type Counts = Map<string, number>;

function worker(filter: ActivityFilter): RawBuilder<unknown> {
  return filter.workerUserId === null ? sql`` : sql`AND e.worker_user_id = ${filter.workerUserId}`;
}

/**
 * For rows that hang off a referral (contacts, GP codes, connections): the join to the referral
 * that the worker filter needs, and nothing for the whole service. Joining every row of a year to
 * its referral only to filter on nothing doubled the contact counts' cost at PCN scale (the
 * benchmark suite, docs/performance.md).
 */
function workerReferrals(filter: ActivityFilter, episodeId: RawBuilder<unknown>): RawBuilder<unknown> {
  return filter.workerUserId === null ? sql`` : sql`JOIN episodes e ON e.id = ${episodeId} AND e.worker_user_id = ${filter.workerUserId}`;
}

async function grouped(db: LinkdeskDb, query: RawBuilder<{ key: string | null; n: number }>): Promise<Counts> {
  const { rows } = await query.execute(db);
  return new Map(rows.map((row) => [row.key ?? '', Number(row.n)]));
}

/** Adds n to a key of a count map. */
function add(counts: Counts, key: string, n: number): void {
  counts.set(key, (counts.get(key) ?? 0) + n);
}

/**
 * Referrals received in the period, read once and counted by month, source and status (one pass
 * over the period's referrals rather than one per breakdown: docs/performance.md).
 */
export async function referralsReceived(db: LinkdeskDb, filter: ActivityFilter): Promise<{ byMonth: Counts; bySource: Counts; byStatus: Counts }> {
  const { rows } = await sql<{ month: string; source: string; status: string; n: number }>`
    SELECT substr(e.received_on, 1, 7) AS month, e.source, e.status, COUNT(*) AS n FROM episodes e
    WHERE e.received_on BETWEEN ${filter.from} AND ${filter.to} ${worker(filter)}
    GROUP BY 1, 2, 3`.execute(db);
  const received = { byMonth: new Map(), bySource: new Map(), byStatus: new Map() } satisfies Record<string, Counts>;
  for (const row of rows) {
    add(received.byMonth, row.month, Number(row.n));
    add(received.bySource, row.source, Number(row.n));
    add(received.byStatus, row.status, Number(row.n));
  }
  return received;
}

/** A referral can have several reasons, so these counts do not add up to the referrals. */
export function referralsByReason(db: LinkdeskDb, filter: ActivityFilter): Promise<Counts> {
  return grouped(db, sql<{ key: string; n: number }>`
    SELECT r.reason AS key, COUNT(DISTINCT e.id) AS n FROM episodes e JOIN episode_reasons r ON r.episode_id = e.id
    WHERE e.received_on BETWEEN ${filter.from} AND ${filter.to} ${worker(filter)}
    GROUP BY r.reason`);
}

/**
 * Open referrals at the end of each month of the period (or at the end of the period, for its
 * last month): received by then and not closed by then. One pass over the referrals: +1 in the
 * month received, −1 in the month closed, summed from the first referral ever.
 */
export async function caseloadByMonth(db: LinkdeskDb, filter: ActivityFilter): Promise<Counts> {
  const { rows } = await sql<{ month: string; open: number }>`
    WITH changes(month, change) AS (
      SELECT substr(e.received_on, 1, 7), 1 FROM episodes e WHERE e.received_on <= ${filter.to} ${worker(filter)}
      UNION ALL
      SELECT substr(e.closed_on, 1, 7), -1 FROM episodes e WHERE e.closed_on <= ${filter.to} ${worker(filter)}
    ), monthly AS (SELECT month, SUM(change) AS change FROM changes GROUP BY month)
    SELECT month, SUM(change) OVER (ORDER BY month) AS open FROM monthly ORDER BY month`.execute(db);
  const open = new Map<string, number>();
  let index = 0;
  let running = 0;
  for (const month of filter.months) {
    while (index < rows.length && rows[index]!.month <= month) running = Number(rows[index++]!.open);
    open.set(month, running);
  }
  return open;
}

/** Contacts in the period, read once: attended ones by how they happened, and those missed. */
export async function contactsInPeriod(db: LinkdeskDb, filter: ActivityFilter): Promise<{ attendedByMode: Counts; missed: number }> {
  const { rows } = await sql<{ did_not_attend: number; mode: string; n: number }>`
    SELECT c.did_not_attend, c.mode, COUNT(*) AS n FROM contacts c ${workerReferrals(filter, sql`c.episode_id`)}
    WHERE c.contact_on BETWEEN ${filter.from} AND ${filter.to}
    GROUP BY 1, 2`.execute(db);
  const attendedByMode: Counts = new Map();
  let missed = 0;
  for (const row of rows) {
    if (Number(row.did_not_attend) === 1) missed += Number(row.n);
    else add(attendedByMode, row.mode, Number(row.n));
  }
  return { attendedByMode, missed };
}

/** People with attended contacts in the period, by how many they had (CONTACT_BANDS). */
export function peopleByContactBand(db: LinkdeskDb, filter: ActivityFilter): Promise<Counts> {
  const band = sql.join(
    CONTACT_BANDS.map((b) => (b.max === null ? sql`WHEN per.n >= ${b.min} THEN ${b.key}` : sql`WHEN per.n BETWEEN ${b.min} AND ${b.max} THEN ${b.key}`)),
    sql` `,
  );
  return grouped(db, sql<{ key: string; n: number }>`
    WITH per AS (
      SELECT c.person_id, COUNT(*) AS n FROM contacts c ${workerReferrals(filter, sql`c.episode_id`)}
      WHERE c.did_not_attend = 0 AND c.contact_on BETWEEN ${filter.from} AND ${filter.to}
      GROUP BY c.person_id)
    SELECT CASE ${band} END AS key, COUNT(*) AS n FROM per GROUP BY key`);
}

/**
 * The GP codes for the decision at first contact (accepted or declined), read once and counted
 * by code: by month of the contact at which the person decided (the date the code carries, so
 * each referral's decision is counted once), and by where the code is now (recorded within the
 * week, late, waiting, overdue).
 */
export async function decisionCodes(db: LinkdeskDb, filter: ActivityFilter, codes: readonly string[]): Promise<Map<string, { byMonth: Counts; byState: Counts }>> {
  const { rows } = await sql<{ code: string; month: string; state: string; n: number }>`
    SELECT q.code, substr(q.contact_on, 1, 7) AS month,
      CASE
        WHEN q.recorded_on IS NOT NULL AND q.recorded_on <= q.due_on THEN 'on_time'
        WHEN q.recorded_on IS NOT NULL THEN 'late'
        WHEN q.due_on < ${filter.today} THEN 'overdue'
        ELSE 'waiting' END AS state,
      COUNT(*) AS n
    FROM coding_queue q ${workerReferrals(filter, sql`q.episode_id`)}
    WHERE q.code IN (${sql.join(codes)}) AND q.contact_on BETWEEN ${filter.from} AND ${filter.to}
    GROUP BY 1, 2, 3`.execute(db);
  const byCode = new Map(codes.map((code) => [code, { byMonth: new Map() as Counts, byState: new Map() as Counts }]));
  for (const row of rows) {
    const counts = byCode.get(row.code)!;
    add(counts.byMonth, row.month, Number(row.n));
    add(counts.byState, row.state, Number(row.n));
  }
  return byCode;
}

/**
 * Referrals closed in the period. The unary + keeps SQLite from choosing the status index (a scan of
 * every closed referral ever) over the closing-date index (one period's closures).
 */
export function closuresByReason(db: LinkdeskDb, filter: ActivityFilter): Promise<Counts> {
  return grouped(db, sql<{ key: string; n: number }>`
    SELECT e.closure_reason AS key, COUNT(*) AS n FROM episodes e
    WHERE +e.status = 'closed' AND e.closed_on BETWEEN ${filter.from} AND ${filter.to} ${worker(filter)}
    GROUP BY e.closure_reason`);
}

/**
 * Directory use, read once: connections to groups and services by the service's category, made
 * (suggested) in the period and starting to attend in the period.
 */
export async function connectionsInPeriod(db: LinkdeskDb, filter: ActivityFilter): Promise<{ made: Counts; attending: Counts }> {
  const { rows } = await sql<{ made: number; attending: number; category: string; n: number }>`
    SELECT h.from_status IS NULL AS made, h.to_status = 'attending' AS attending, s.category, COUNT(*) AS n
    FROM connection_status_history h
      JOIN connections c ON c.id = h.connection_id
      ${workerReferrals(filter, sql`c.episode_id`)}
      JOIN directory_services s ON s.id = c.service_id
    WHERE (h.from_status IS NULL OR h.to_status = 'attending') AND h.changed_on BETWEEN ${filter.from} AND ${filter.to}
    GROUP BY 1, 2, 3`.execute(db);
  const made: Counts = new Map();
  const attending: Counts = new Map();
  for (const row of rows) {
    if (Number(row.made) === 1) add(made, row.category, Number(row.n));
    if (Number(row.attending) === 1) add(attending, row.category, Number(row.n));
  }
  return { made, attending };
}

/** Rows for every month of the period, zeros included, labelled "Mar 2026". */
export function monthRows(filter: ActivityFilter, counts: Counts) {
  return filter.months.map((month) => ({ key: month, label: monthLabel(month), count: counts.get(month) ?? 0 }));
}

/** Rows for every code of a list, zeros included, in the list's order. */
export function codeRows(labels: Readonly<Record<string, string>>, counts: Counts) {
  return Object.entries(labels).map(([key, label]) => ({ key, label, count: counts.get(key) ?? 0 }));
}
