import { format, parseISO } from 'date-fns';
import { ACTIVITY_SECTIONS, ACTIVITY_SECTION_CODES, HIDDEN_COUNT_TEXT, WITHHELD_COUNT_TEXT, smallNumberText, type ActivitySection } from '../../../shared/domain/reports';
import type { ActivityReport, ReportTable } from '../../../shared/ipc/reports-schemas';

/**
 * The words both files of the activity report share (the CSV and the PDF), so they describe the
 * same report the same way. Everything here comes from the suppressed report.
 */
export const REPORT_TITLE = 'PCN activity report';
export const MARKING = 'OFFICIAL-SENSITIVE';

export function longDate(isoDate: string): string {
  return format(parseISO(isoDate), 'd MMMM yyyy');
}

export interface AboutLine {
  label: string;
  text: string;
}

export function aboutLines(report: ActivityReport, workspaceName: string): AboutLine[] {
  return [
    { label: 'Service', text: workspaceName },
    { label: 'Period', text: `${longDate(report.from)} to ${longDate(report.to)}` },
    { label: 'Link worker', text: report.worker ? `${report.worker.displayName} (referrals they hold now)` : 'Everyone' },
    { label: 'Made', text: format(new Date(report.generatedAt), "d MMMM yyyy 'at' HH:mm") },
    { label: 'Marking', text: MARKING },
  ];
}

/** How to read the hidden counts, in the report's own threshold. */
export function suppressionNotes(threshold: number): string[] {
  return [
    `${smallNumberText(threshold)}: a count from 1 to ${threshold - 1}, not shown so that no one can be picked out.`,
    `${HIDDEN_COUNT_TEXT}: a count hidden because, with the total, it would let someone work out a small number.`,
    `${WITHHELD_COUNT_TEXT}: a breakdown withheld because none of it could be shown without revealing a small number.`,
    'A referral can give several reasons, so the reasons do not add up to the referrals. Caseload sizes are counted at the end of each month. ONS4 change compares the start and end scores of referrals closed in the period.',
  ];
}

/** The report's tables grouped by section, in the report's order. */
export function sectionsOf(report: ActivityReport): { section: ActivitySection; title: string; tables: ReportTable[] }[] {
  return ACTIVITY_SECTION_CODES.flatMap((section) => {
    const tables = report.tables.filter((table) => table.section === section);
    return tables.length > 0 ? [{ section, title: ACTIVITY_SECTIONS[section], tables }] : [];
  });
}
