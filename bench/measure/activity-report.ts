import { suppressCount, suppressTable, type RawTable } from '../../src/main/services/reports/suppression';
import { DIRECTORY_CATEGORIES } from '../../src/shared/domain/directory';
import { ONS4_ITEMS, higherIsBetter } from '../../src/shared/domain/outcomes/ons4';
import { CLOSURE_REASONS, CONTACT_MODES, EPISODE_STATUSES, REFERRAL_REASONS, REFERRAL_SOURCES, SNOMED } from '../../src/shared/domain/referral';
import { CONTACT_BANDS, SMALL_NUMBER_THRESHOLD_DEFAULT, monthsBetween } from '../../src/shared/domain/reports';
import type { ActivityReport } from '../../src/shared/ipc/reports-schemas';
import type { RawDatabase } from '../../src/main/store/open-database';
import type { BenchContext, Measurement } from './context';
import { appendAuditRaw } from './raw-audit';
import { callRouter } from './router-call';

/**
 * The activity report for the last twelve months, whole service (reports.activity), with its
 * small-number suppression and audit entry. The baseline computes the same counts with as few
 * hand-written statements as the data allows — referrals once by month, source and status;
 * contacts once by attendance and mode; GP codes once by code, month and state; connections once
 * by event and category — then applies the same suppression rule (a rule, not a query) and
 * appends the same audit row.
 */
type Row = Record<string, string | number | null>;
const ACCEPTED = SNOMED.referralToSocialPrescribing.code;
const DECLINED = SNOMED.socialPrescribingDeclined.code;
const GP_CODE_STATES = ['on_time', 'late', 'waiting', 'overdue'] as const;

let period = { from: '', to: '', months: [] as string[] };
let statements: ReturnType<typeof prepare> | null = null;

function prepare(raw: RawDatabase) {
  return {
    threshold: raw.prepare(`SELECT value_json FROM settings WHERE key = 'reportsSmallNumberThreshold'`),
    received: raw.prepare(`SELECT substr(received_on, 1, 7) AS month, source, status, COUNT(*) AS n FROM episodes WHERE received_on BETWEEN @from AND @to GROUP BY 1, 2, 3`),
    reasons: raw.prepare(`SELECT r.reason, COUNT(*) AS n FROM episodes e JOIN episode_reasons r ON r.episode_id = e.id WHERE e.received_on BETWEEN @from AND @to GROUP BY r.reason`),
    opened: raw.prepare(`SELECT substr(received_on, 1, 7) AS month, COUNT(*) AS n FROM episodes WHERE received_on <= @to GROUP BY 1`),
    closed: raw.prepare(`SELECT substr(closed_on, 1, 7) AS month, COUNT(*) AS n FROM episodes WHERE closed_on <= @to GROUP BY 1`),
    contacts: raw.prepare(`SELECT did_not_attend, mode, COUNT(*) AS n FROM contacts WHERE contact_on BETWEEN @from AND @to GROUP BY 1, 2`),
    perPerson: raw.prepare(
      `SELECT n, COUNT(*) AS people FROM (SELECT COUNT(*) AS n FROM contacts WHERE did_not_attend = 0 AND contact_on BETWEEN @from AND @to GROUP BY person_id) GROUP BY n`,
    ),
    codes: raw.prepare(`SELECT code, substr(contact_on, 1, 7) AS month,
        CASE WHEN recorded_on IS NOT NULL AND recorded_on <= due_on THEN 'on_time' WHEN recorded_on IS NOT NULL THEN 'late' WHEN due_on < @today THEN 'overdue' ELSE 'waiting' END AS state,
        COUNT(*) AS n
      FROM coding_queue WHERE code IN ('${ACCEPTED}', '${DECLINED}') AND contact_on BETWEEN @from AND @to GROUP BY 1, 2, 3`),
    closures: raw.prepare(`SELECT closure_reason, COUNT(*) AS n FROM episodes WHERE +status = 'closed' AND closed_on BETWEEN @from AND @to GROUP BY 1`),
    connections: raw.prepare(`SELECT h.from_status IS NULL AS made, h.to_status = 'attending' AS attending, s.category, COUNT(*) AS n
      FROM connection_status_history h JOIN connections c ON c.id = h.connection_id JOIN directory_services s ON s.id = c.service_id
      WHERE h.changed_on BETWEEN @from AND @to AND (h.from_status IS NULL OR h.to_status = 'attending') GROUP BY 1, 2, 3`),
    ons4: raw.prepare(`SELECT b.answers_json AS first, x.answers_json AS last FROM episodes e
        JOIN outcome_measures b ON b.episode_id = e.id AND b.instrument = 'ons4' AND b.timepoint = 'baseline' AND b.declined = 0
        JOIN outcome_measures x ON x.episode_id = e.id AND x.instrument = 'ons4' AND x.timepoint = 'end' AND x.declined = 0
      WHERE +e.status = 'closed' AND e.closed_on BETWEEN @from AND @to`),
  };
}

/** Adds n to a key of a count map. */
function add(counts: Map<string, number>, key: string, n: number): void {
  counts.set(key, (counts.get(key) ?? 0) + n);
}

function rows(keys: readonly string[], counts: Map<string, number>) {
  return keys.map((key) => ({ key, label: key, count: counts.get(key) ?? 0 }));
}

function computeBaseline(context: BenchContext): { tables: RawTable[]; headline: Record<string, number>; threshold: number } {
  const s = statements!;
  const bind = { from: period.from, to: period.to, today: context.today };
  const thresholdRow = s.threshold.get() as { value_json: string } | undefined;
  const threshold = thresholdRow ? (JSON.parse(thresholdRow.value_json) as number) : SMALL_NUMBER_THRESHOLD_DEFAULT;

  const byMonth = new Map<string, number>();
  const bySource = new Map<string, number>();
  const byStatus = new Map<string, number>();
  for (const row of s.received.all(bind) as Row[]) {
    add(byMonth, String(row.month), Number(row.n));
    add(bySource, String(row.source), Number(row.n));
    add(byStatus, String(row.status), Number(row.n));
  }
  const byReason = new Map((s.reasons.all(bind) as Row[]).map((row) => [String(row.reason), Number(row.n)]));

  // Open referrals at each month's end: a running sum of received less closed.
  const change = new Map<string, number>();
  for (const row of s.opened.all(bind) as Row[]) add(change, String(row.month), Number(row.n));
  for (const row of s.closed.all(bind) as Row[]) add(change, String(row.month), -Number(row.n));
  const caseload = new Map<string, number>();
  let running = 0;
  const changes = [...change.entries()].sort(([a], [b]) => a.localeCompare(b));
  let next = 0;
  for (const month of period.months) {
    while (next < changes.length && changes[next]![0] <= month) running += changes[next++]![1];
    caseload.set(month, running);
  }

  const byMode = new Map<string, number>();
  let missed = 0;
  for (const row of s.contacts.all(bind) as Row[]) {
    if (Number(row.did_not_attend) === 1) missed += Number(row.n);
    else add(byMode, String(row.mode), Number(row.n));
  }
  const bands = new Map<string, number>();
  for (const row of s.perPerson.all(bind) as Row[]) {
    const band = CONTACT_BANDS.find((b) => Number(row.n) >= b.min && (b.max === null || Number(row.n) <= b.max))!;
    add(bands, band.key, Number(row.people));
  }

  const decisions: Record<string, Map<string, number>> = { [ACCEPTED]: new Map(), [DECLINED]: new Map() };
  const states: Record<string, Map<string, number>> = { [ACCEPTED]: new Map(), [DECLINED]: new Map() };
  for (const row of s.codes.all(bind) as Row[]) {
    add(decisions[String(row.code)]!, String(row.month), Number(row.n));
    add(states[String(row.code)]!, String(row.state), Number(row.n));
  }
  const closures = new Map((s.closures.all(bind) as Row[]).map((row) => [String(row.closure_reason), Number(row.n)]));
  const made = new Map<string, number>();
  const attending = new Map<string, number>();
  for (const row of s.connections.all(bind) as Row[]) {
    if (Number(row.made) === 1) add(made, String(row.category), Number(row.n));
    if (Number(row.attending) === 1) add(attending, String(row.category), Number(row.n));
  }
  const ons4 = ONS4_ITEMS.map(() => new Map<string, number>());
  for (const row of s.ons4.all(bind) as Row[]) {
    const first = JSON.parse(String(row.first)) as number[];
    const last = JSON.parse(String(row.last)) as number[];
    ONS4_ITEMS.forEach((item, index) => {
      const difference = (last[index]! - first[index]!) * (higherIsBetter(item.code) ? 1 : -1);
      add(ons4[index]!, difference > 0 ? 'better' : difference < 0 ? 'worse' : 'same', 1);
    });
  }

  const keys = (labels: object) => Object.keys(labels);
  const table = (id: string, rowKeys: readonly string[], counts: Map<string, number>, additive: boolean): RawTable => ({
    id,
    section: 'referrals_by_month',
    title: id,
    unit: '',
    rows: rows(rowKeys, counts),
    additive,
  });
  const bandKeys = CONTACT_BANDS.map((band) => band.key);
  const tables = [
    table('referrals_by_month', period.months, byMonth, true),
    table('referrals_by_source', keys(REFERRAL_SOURCES), bySource, true),
    table('referrals_by_reason', keys(REFERRAL_REASONS), byReason, false),
    table('referral_status', keys(EPISODE_STATUSES), byStatus, true),
    table('caseload_by_month', period.months, caseload, false),
    table('contacts_by_mode', keys(CONTACT_MODES), byMode, true),
    table('contacts_per_person', bandKeys, bands, true),
    table('decisions_accepted', period.months, decisions[ACCEPTED]!, true),
    table('decisions_declined', period.months, decisions[DECLINED]!, true),
    table('gp_codes_referral', GP_CODE_STATES, states[ACCEPTED]!, true),
    table('gp_codes_declined', GP_CODE_STATES, states[DECLINED]!, true),
    table('closures_by_reason', keys(CLOSURE_REASONS), closures, true),
    table('connections_made', keys(DIRECTORY_CATEGORIES), made, true),
    table('connections_attending', keys(DIRECTORY_CATEGORIES), attending, true),
    ...ONS4_ITEMS.map((item, index) => table(`ons4_${item.code}`, ['better', 'same', 'worse'], ons4[index]!, true)),
  ];
  const total = (counts: Map<string, number>) => [...counts.values()].reduce((sum, n) => sum + n, 0);
  const headline = {
    referrals: total(byMonth),
    people: total(bands),
    contacts: total(byMode),
    missed,
    declined: total(decisions[DECLINED]!),
    closed: total(closures),
    connections: total(made),
  };
  return { tables, headline, threshold };
}

export const activityReport: Measurement = {
  id: 'activity',
  label: 'activity report (12 months)',
  baselineLabel: 'the same counts by eleven hand-written GROUP BYs, the same suppression, and the audit INSERT',
  maxRuns: 15,
  prepare(context) {
    const from = new Date(`${context.today}T00:00:00.000Z`);
    from.setUTCMonth(from.getUTCMonth() - 12);
    from.setUTCDate(from.getUTCDate() + 1);
    period = { from: from.toISOString().slice(0, 10), to: context.today, months: monthsBetween(from.toISOString().slice(0, 10), context.today) };
    statements = prepare(context.baseline);
  },
  variants: () => 1,
  service(session) {
    return callRouter(session, 'reports.activity', { from: period.from, to: period.to, workerUserId: null });
  },
  baseline(context) {
    return context.baseline.transaction(() => {
      const { tables, headline, threshold } = computeBaseline(context);
      appendAuditRaw(context.baseline, {
        actorId: context.worker.id,
        actorUsername: context.worker.username,
        action: 'reports.activity_viewed',
        entityType: null,
        entityId: null,
        details: { from: period.from, to: period.to, workerUserId: null },
        at: new Date().toISOString(),
      });
      return {
        tables: tables.map((raw) => suppressTable(raw, threshold)),
        headline: Object.entries(headline).map(([key, count]) => ({ key, count: suppressCount(count, threshold) })),
      };
    })();
  },
  key(result) {
    const report = result as Pick<ActivityReport, 'tables'> & { headline: { key: string; count: { shown: string } }[] };
    const tables = report.tables.map((t) => `${t.id}: ${t.rows.map((row) => `${row.key}=${row.count.shown}`).join(' ')}`).sort();
    return { tables, headline: report.headline.map((item) => `${item.key}=${item.count.shown}`) };
  },
};
