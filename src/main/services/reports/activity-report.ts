import { CONTACT_MODES, CLOSURE_REASONS, EPISODE_STATUSES, REFERRAL_REASONS, REFERRAL_SOURCES, SNOMED } from '../../../shared/domain/referral';
import { DIRECTORY_CATEGORIES } from '../../../shared/domain/directory';
import { ACTIVITY_SECTION_CODES, CONTACT_BANDS, monthsBetween, type ActivitySection } from '../../../shared/domain/reports';
import type { ActivityReport, ActivityReportQuery } from '../../../shared/ipc/reports-schemas';
import type { LinkdeskDb } from '../../store/kysely';
import { invalidInput, todayOf } from '../casework-common';
import type { WorkspaceSession } from '../workspace-session';
import * as counts from './activity-counts';
import type { ActivityFilter, Counts } from './activity-counts';
import { ons4ChangeTables } from './ons4-change';
import { readThreshold } from './report-settings';
import { suppressCount, suppressTable, type RawRow, type RawTable } from './suppression';

/**
 * The PCN / commissioner activity report: counts by month, source, reason, status, contacts,
 * declines, GP codes and outcomes, for a period and optionally one link worker. Counts are made
 * in SQL (activity-counts.ts) and every one of them goes through suppression.ts before the report
 * is returned; callers (the screen, the CSV and the PDF) only ever see the suppressed report.
 */

const GP_CODE_STATES = {
  on_time: 'Recorded within a week',
  late: 'Recorded late',
  waiting: 'Not recorded, within the week',
  overdue: 'Not recorded, overdue',
} as const;

const bandLabels = Object.fromEntries(CONTACT_BANDS.map((band) => [band.key, band.label]));

interface Section {
  tables: RawTable[];
}

function table(section: ActivitySection, id: string, title: string, unit: string, rows: RawRow[], additive: boolean): RawTable {
  return { id, section, title, unit, rows, additive };
}

async function build(db: LinkdeskDb, filter: ActivityFilter): Promise<{ sections: Record<Exclude<ActivitySection, 'ons4_change'>, Section>; missed: number }> {
  const month = (c: Counts) => counts.monthRows(filter, c);
  // One pass per table read (referrals, reasons, contacts, codes, closures, connections): the
  // breakdowns of each come from the same rows.
  const accepted = SNOMED.referralToSocialPrescribing.code;
  const declined = SNOMED.socialPrescribingDeclined.code;
  const received = await counts.referralsReceived(db, filter);
  const byReason = await counts.referralsByReason(db, filter);
  const caseload = await counts.caseloadByMonth(db, filter);
  const contacts = await counts.contactsInPeriod(db, filter);
  const bands = await counts.peopleByContactBand(db, filter);
  const codes = await counts.decisionCodes(db, filter, [accepted, declined]);
  const closures = await counts.closuresByReason(db, filter);
  const connections = await counts.connectionsInPeriod(db, filter);
  const [byMonth, bySource, byStatus, byMode] = [received.byMonth, received.bySource, received.byStatus, contacts.attendedByMode];
  const [acceptedCodes, declinedCodes] = [codes.get(accepted)!, codes.get(declined)!];
  const codeTable = (id: string, concept: { code: string; term: string }, c: Counts) =>
    table('gp_codes', id, `${concept.term} (${concept.code})`, 'Codes', counts.codeRows(GP_CODE_STATES, c), true);
  const sections = {
    referrals_by_month: { tables: [table('referrals_by_month', 'referrals_by_month', 'Referrals received', 'Referrals', month(byMonth), true)] },
    referrals_by_source: { tables: [table('referrals_by_source', 'referrals_by_source', 'Referrals received, by source', 'Referrals', counts.codeRows(REFERRAL_SOURCES, bySource), true)] },
    // A referral can give several reasons: these rows need not add up to the referrals.
    referrals_by_reason: { tables: [table('referrals_by_reason', 'referrals_by_reason', 'Referrals giving each reason', 'Referrals', counts.codeRows(REFERRAL_REASONS, byReason), false)] },
    referral_status: { tables: [table('referral_status', 'referral_status', 'Referrals received in the period, by status now', 'Referrals', counts.codeRows(EPISODE_STATUSES, byStatus), true)] },
    // Snapshots at each month's end: the same person is in many months, so there is no total.
    caseload_by_month: { tables: [table('caseload_by_month', 'caseload_by_month', 'Open referrals at the end of the month', 'Open referrals', month(caseload), false)] },
    contacts_by_mode: { tables: [table('contacts_by_mode', 'contacts_by_mode', 'Attended contacts, by how they happened', 'Contacts', counts.codeRows(CONTACT_MODES, byMode), true)] },
    contacts_per_person: { tables: [table('contacts_per_person', 'contacts_per_person', 'People with attended contacts, by how many', 'People', counts.codeRows(bandLabels, bands), true)] },
    decisions_by_month: {
      tables: [
        table('decisions_by_month', 'decisions_accepted', 'Accepted social prescribing', 'Referrals', month(acceptedCodes.byMonth), true),
        table('decisions_by_month', 'decisions_declined', 'Declined social prescribing', 'Referrals', month(declinedCodes.byMonth), true),
      ],
    },
    gp_codes: { tables: [codeTable('gp_codes_referral', SNOMED.referralToSocialPrescribing, acceptedCodes.byState), codeTable('gp_codes_declined', SNOMED.socialPrescribingDeclined, declinedCodes.byState)] },
    closures_by_reason: { tables: [table('closures_by_reason', 'closures_by_reason', 'Referrals closed, by reason', 'Referrals', counts.codeRows(CLOSURE_REASONS, closures), true)] },
    directory_use: {
      tables: [
        table('directory_use', 'connections_made', 'Connections made', 'Connections', counts.codeRows(DIRECTORY_CATEGORIES, connections.made), true),
        table('directory_use', 'connections_attending', 'Started attending', 'Connections', counts.codeRows(DIRECTORY_CATEGORIES, connections.attending), true),
      ],
    },
  };
  return { sections, missed: contacts.missed };
}

const sum = (rows: readonly RawRow[]) => rows.reduce((total, row) => total + row.count, 0);

async function workerOf(db: LinkdeskDb, workerUserId: string | null): Promise<{ id: string; displayName: string } | null> {
  if (workerUserId === null) return null;
  const row = await db.selectFrom('users').select(['id', 'display_name', 'role']).where('id', '=', workerUserId).executeTakeFirst();
  if (!row || row.role !== 'link_worker') invalidInput({ workerUserId: 'Choose a link worker, or everyone' });
  return { id: row.id, displayName: row.display_name };
}

/**
 * Builds the suppressed report. `sections` limits it to some sections (one chart's export);
 * the headline figures come only with the whole report.
 */
export async function buildActivityReport(session: WorkspaceSession, query: ActivityReportQuery, sections?: readonly ActivitySection[]): Promise<ActivityReport> {
  const { db } = session.requireUnlocked();
  const wanted = new Set<ActivitySection>(sections ?? ACTIVITY_SECTION_CODES);
  const threshold = await readThreshold(db);
  const worker = await workerOf(db, query.workerUserId);
  const filter: ActivityFilter = { from: query.from, to: query.to, workerUserId: query.workerUserId, today: todayOf(session), months: monthsBetween(query.from, query.to) };
  const { sections: built, missed } = await build(db, filter);
  const ons4 = wanted.has('ons4_change') ? await ons4ChangeTables(db, filter) : [];

  const raw = [...ACTIVITY_SECTION_CODES.flatMap((section) => (section !== 'ons4_change' && wanted.has(section) ? built[section].tables : [])), ...ons4];
  const headline = sections
    ? []
    : [
        { key: 'referrals', label: 'Referrals received', count: sum(built.referrals_by_month.tables[0]!.rows) },
        { key: 'people', label: 'People with attended contacts', count: sum(built.contacts_per_person.tables[0]!.rows) },
        { key: 'contacts', label: 'Attended contacts', count: sum(built.contacts_by_mode.tables[0]!.rows) },
        { key: 'missed', label: 'Missed contacts (did not attend)', count: missed },
        { key: 'declined', label: 'Declined social prescribing', count: sum(built.decisions_by_month.tables[1]!.rows) },
        { key: 'closed', label: 'Referrals closed', count: sum(built.closures_by_reason.tables[0]!.rows) },
        { key: 'connections', label: 'Connections to groups and services made', count: sum(built.directory_use.tables[0]!.rows) },
      ];

  return {
    from: query.from,
    to: query.to,
    months: [...filter.months],
    worker,
    threshold,
    generatedAt: session.clock.now().toISOString(),
    headline: headline.map((item) => ({ key: item.key, label: item.label, count: suppressCount(item.count, threshold) })),
    tables: raw.map((t) => suppressTable(t, threshold)),
  };
}

/** The report as the Reports screen shows it; each run is audited (who looked at which period). */
export async function viewActivityReport(session: WorkspaceSession, query: ActivityReportQuery): Promise<ActivityReport> {
  const report = await buildActivityReport(session, query);
  await session.audit({ action: 'reports.activity_viewed', details: { from: query.from, to: query.to, workerUserId: query.workerUserId } });
  return report;
}
