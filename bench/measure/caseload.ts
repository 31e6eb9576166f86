import type { RawDatabase } from '../../src/main/store/open-database';
import type { CaseloadRow } from '../../src/shared/ipc/casework-schemas';
import type { BenchContext, Measurement } from './context';
import { callRouter } from './router-call';

/**
 * A caseload page of 50 rows with its flags, in five shapes a link worker uses (the open caseload
 * newest first; their own caseload by name; a flag; a reason by last contact; a deep page of every
 * referral), taken in turn. The baseline is one hand-written statement per shape: the page's rows
 * with their flags and the total, paging by the sort key first and computing flags for the 50 rows only.
 */
const PAGE_SIZE = 50;

interface Shape {
  input: Record<string, unknown>;
  where: string;
  orderBy: string;
  join: boolean;
  offset: number;
}

function shapes(context: BenchContext): Shape[] {
  const deepPage = Math.floor(context.manifest.stages.reduce((n, stage) => n + (stage.counts.episodes ?? 0), 0) / PAGE_SIZE / 2);
  return [
    { input: {}, where: `e.status <> 'closed'`, orderBy: 'e.received_on DESC, e.seq DESC', join: false, offset: 0 },
    {
      input: { workerUserId: context.worker.id, sortBy: 'name', sortDirection: 'asc' },
      where: `e.status <> 'closed' AND e.worker_user_id = @worker`,
      orderBy: `(coalesce(p.preferred_name, p.given_name) || ' ' || p.family_name) COLLATE NOCASE ASC, e.seq ASC`,
      join: true,
      offset: 0,
    },
    {
      input: { flag: 'no_recent_contact' },
      where: `e.status <> 'closed' AND e.status IN ('contacted', 'accepted', 'active') AND coalesce(e.last_contact_on, e.received_on) < date(@today, '-21 days')`,
      orderBy: 'e.received_on DESC, e.seq DESC',
      join: false,
      offset: 0,
    },
    {
      input: { reason: 'loneliness', sortBy: 'lastContactOn' },
      where: `e.status <> 'closed' AND EXISTS (SELECT 1 FROM episode_reasons r WHERE r.episode_id = e.id AND r.reason = 'loneliness')`,
      orderBy: 'e.last_contact_on DESC NULLS LAST, e.seq DESC',
      join: false,
      offset: 0,
    },
    { input: { includeClosed: true, page: deepPage }, where: '1', orderBy: 'e.received_on DESC, e.seq DESC', join: false, offset: deepPage * PAGE_SIZE },
  ];
}

const FLAGS = `concat_ws(',',
  CASE WHEN e.status <> 'closed' AND e.first_contact_at IS NULL AND e.first_contact_due_on < @today THEN 'no_first_contact' END,
  CASE WHEN e.status <> 'closed' AND e.received_on < date(@today, '-84 days') THEN 'over_12_weeks' END,
  CASE WHEN e.contact_count > 12 THEN 'over_12_contacts' END,
  CASE WHEN e.status IN ('contacted', 'accepted', 'active') AND coalesce(e.last_contact_on, e.received_on) < date(@today, '-21 days') THEN 'no_recent_contact' END,
  CASE WHEN EXISTS (SELECT 1 FROM coding_queue q WHERE q.episode_id = e.id AND q.recorded_on IS NULL AND q.due_on < @today) THEN 'coding_overdue' END,
  CASE WHEN e.status <> 'closed' AND e.review_due_on <= @today THEN 'review_due' END,
  CASE WHEN p.nhs_number IS NULL THEN 'nhs_number_unknown' END,
  CASE WHEN e.status <> 'closed' AND EXISTS (SELECT 1 FROM outcome_follow_ups f WHERE f.episode_id = e.id AND f.due_on <= @today) THEN 'outcome_follow_up_due' END)`;

function baselineSql(shape: Shape): string {
  const from = shape.join ? 'episodes e JOIN people p ON p.id = e.person_id' : 'episodes e';
  return `
    WITH page AS (SELECT e.seq, row_number() OVER () AS n FROM (SELECT e.seq FROM ${from} WHERE ${shape.where} ORDER BY ${shape.orderBy} LIMIT ${PAGE_SIZE} OFFSET ${shape.offset}) e)
    SELECT (SELECT count(*) FROM ${from} WHERE ${shape.where}) AS total,
      e.id AS episodeId, e.person_id AS personId, coalesce(p.preferred_name, p.given_name) || ' ' || p.family_name AS name,
      CAST(substr(@today, 1, 4) AS INTEGER) - CAST(substr(p.date_of_birth, 1, 4) AS INTEGER) - (substr(@today, 6, 5) < substr(p.date_of_birth, 6, 5)) AS age,
      e.status, w.display_name AS workerName, e.source, e.received_on AS receivedOn,
      CAST((julianday(coalesce(e.closed_on, @today)) - julianday(e.received_on)) / 7 AS INTEGER) AS weeksOnCaseload,
      e.contact_count AS contactCount, e.last_contact_on AS lastContactOn, e.next_contact_on AS nextContactOn, ${FLAGS} AS flags
    FROM page JOIN episodes e ON e.seq = page.seq JOIN people p ON p.id = e.person_id LEFT JOIN users w ON w.id = e.worker_user_id
    ORDER BY page.n`;
}

let chosen: Shape[] = [];
type Statement = ReturnType<RawDatabase['prepare']>;
const statements = new Map<Shape, Statement>();

export const caseloadPage: Measurement = {
  id: 'caseload',
  label: 'caseload page (filter + sort + flags, 50 rows)',
  baselineLabel: 'one statement per shape: page by sort key, then 50 rows with flags and the total',
  guideP95Ms: 15,
  inEncryptionWorkload: true,
  prepare(context) {
    chosen = shapes(context);
    statements.clear();
  },
  variants: () => chosen.length,
  service(session, round) {
    const shape = chosen[round % chosen.length]!;
    return callRouter<{ rows: CaseloadRow[]; total: number }>(session, 'caseload.list', { page: 0, pageSize: PAGE_SIZE, ...shape.input });
  },
  baseline(context, round) {
    const shape = chosen[round % chosen.length]!;
    let statement = statements.get(shape);
    if (!statement) statements.set(shape, (statement = context.baseline.prepare(baselineSql(shape))));
    const rows = statement.all({ today: context.today, worker: context.worker.id }) as (Record<string, unknown> & { total: number; flags: string })[];
    return { total: rows[0]?.total ?? 0, rows: rows.map(({ total: _total, flags, ...row }) => ({ ...row, flags: flags === '' ? [] : flags.split(',') })) };
  },
  key(result) {
    const { rows, total } = result as { rows: { episodeId: string; flags: string[] }[]; total: number };
    return { total, rows: rows.map((row) => `${row.episodeId}:${row.flags.join('+')}`) };
  },
};
