import { stringify } from 'csv-stringify/sync';
import type { ActivityReport } from '../../../shared/ipc/reports-schemas';
import { REPORT_TITLE, aboutLines, sectionsOf, suppressionNotes } from './report-text';

/**
 * The activity report as CSV, one count per row (Section, Breakdown, Item, Value), for people who
 * put the figures into their own spreadsheets. Counts are the suppressed texts ("12", "<8", "*"),
 * never the hidden numbers. Text a spreadsheet would run as a formula gets a leading apostrophe.
 */
const HEADER = ['Section', 'Breakdown', 'Item', 'Value'];

/** Spreadsheets treat a cell starting with = + - @ (or a tab or return) as a formula. */
export function spreadsheetSafe(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function activityCsv(report: ActivityReport, workspaceName: string): Uint8Array {
  const rows: string[][] = [HEADER, ['About this report', REPORT_TITLE, 'Title', REPORT_TITLE]];
  for (const line of aboutLines(report, workspaceName)) rows.push(['About this report', REPORT_TITLE, line.label, line.text]);
  for (const note of suppressionNotes(report.threshold)) rows.push(['About this report', 'Reading the counts', 'Note', note]);
  for (const item of report.headline) rows.push(['Main figures', 'Main figures', item.label, item.count.shown]);
  for (const section of sectionsOf(report)) {
    for (const table of section.tables) {
      for (const row of table.rows) rows.push([section.title, table.title, row.label, row.count.shown]);
      if (table.total) rows.push([section.title, table.title, 'Total', table.total.shown]);
    }
  }
  // A byte-order mark so Excel on Windows reads the file as UTF-8.
  return new TextEncoder().encode(`\uFEFF${stringify(rows.map((row) => row.map(spreadsheetSafe)), { record_delimiter: 'windows' })}`);
}
