import { sql } from 'kysely';
import type { ExportDeclaration, ExportResult } from '../../../shared/domain/exports';
import { formatNhsNumber } from '../../../shared/domain/nhs-number';
import { SNOMED } from '../../../shared/domain/referral';
import { addDays, weekdayOf } from '../../../shared/domain/working-days';
import type { LinkdeskDb } from '../../store/kysely';
import { todayOf } from '../casework-common';
import type { WorkspaceSession } from '../workspace-session';
import { CsvBuilder } from './csv';
import { dayText, markedPdf } from './pdf-document';
import { checkLawfulBasis, writeExport } from './write-export';

/**
 * The week's GP coding sheet, for whoever records SNOMED codes in the practice system: every code
 * still to record that is due by the end of the week (overdue ones first), and the codes recorded
 * during the week, as CSV (for the practice's own tools) and as a PDF to print. It names each
 * person (name, NHS number, date of birth: what the GP system needs to find them), so it is an
 * encrypted archive, and each person named gets an audit entry of their own.
 */
const TERMS: Record<string, string> = Object.fromEntries(Object.values(SNOMED).map((concept) => [concept.code, concept.term]));

export const CODING_SHEET_COLUMNS = ['Status', 'Name', 'NHS number', 'Date of birth', 'SNOMED CT code', 'Term', 'Contact date', 'Due by', 'Recorded on', 'Recorded by'] as const;

type SheetStatus = 'Overdue' | 'Due' | 'Recorded';

interface SheetRow {
  personId: string;
  status: SheetStatus;
  name: string;
  nhsNumber: string | null;
  dateOfBirth: string | null;
  code: string;
  contactOn: string;
  dueOn: string;
  recordedOn: string | null;
  recordedBy: string | null;
}

/** Monday and Sunday of the week holding the date. */
export function weekAround(isoDate: string): { monday: string; sunday: string } {
  const monday = addDays(isoDate, -((weekdayOf(isoDate) + 6) % 7));
  return { monday, sunday: addDays(monday, 6) };
}

async function loadSheet(db: LinkdeskDb, week: { monday: string; sunday: string }, today: string): Promise<SheetRow[]> {
  const rows = await db
    .selectFrom('coding_queue as q')
    .innerJoin('people as p', 'p.id', 'q.person_id')
    .leftJoin('users as r', 'r.id', 'q.recorded_by')
    .select(['q.person_id', 'p.given_name', 'p.family_name', 'p.nhs_number', 'p.date_of_birth', 'q.code', 'q.contact_on', 'q.due_on', 'q.recorded_on', 'r.display_name'])
    .where((eb) => eb.or([eb.and([eb('q.recorded_on', 'is', null), eb('q.due_on', '<=', week.sunday)]), eb.between('q.recorded_on', week.monday, week.sunday)]))
    .orderBy(sql`q.recorded_on IS NOT NULL`)
    .orderBy('q.due_on')
    .orderBy('p.family_name')
    .orderBy('p.given_name')
    .execute();
  return rows.map((row) => ({
    personId: row.person_id,
    status: row.recorded_on ? 'Recorded' : row.due_on < today ? 'Overdue' : 'Due',
    name: `${row.given_name} ${row.family_name}`,
    nhsNumber: row.nhs_number,
    dateOfBirth: row.date_of_birth,
    code: row.code,
    contactOn: row.contact_on,
    dueOn: row.due_on,
    recordedOn: row.recorded_on,
    recordedBy: row.display_name,
  }));
}

function sheetCsv(rows: readonly SheetRow[]): Uint8Array {
  const csv = new CsvBuilder(CODING_SHEET_COLUMNS, { bom: true });
  for (const row of rows) {
    csv.row([row.status, row.name, row.nhsNumber ? formatNhsNumber(row.nhsNumber) : 'Not known', row.dateOfBirth, row.code, TERMS[row.code] ?? row.code, row.contactOn, row.dueOn, row.recordedOn, row.recordedBy]);
  }
  return csv.bytes();
}

async function sheetPdf(rows: readonly SheetRow[], week: { monday: string; sunday: string }, workspaceName: string, now: Date): Promise<Uint8Array> {
  const pdf = await markedPdf('GP coding sheet', now);
  const { out } = pdf;
  out.text('GP coding sheet', { bold: true, size: 22, gapAfter: 6 });
  out.text(`${workspaceName}: the week of ${dayText(week.monday)} to ${dayText(week.sunday)}.`);
  out.text('Record each code in the GP record, then mark it as recorded in Linkdesk (GP coding).');
  const groups: [SheetStatus, string][] = [
    ['Overdue', 'Overdue: record these first'],
    ['Due', 'Due by the end of the week'],
    ['Recorded', 'Recorded this week'],
  ];
  for (const [status, heading] of groups) {
    const group = rows.filter((row) => row.status === status);
    out.heading(`${heading} (${group.length})`);
    if (group.length === 0) out.text('None.');
    for (const row of group) {
      out.text(`${row.name}, NHS number ${row.nhsNumber ? formatNhsNumber(row.nhsNumber) : 'not known'}, born ${row.dateOfBirth ? dayText(row.dateOfBirth) : 'date not known'}`, { bold: true, gapAfter: 0 });
      out.text(`${row.code} ${TERMS[row.code] ?? ''}`, { indent: 14, gapAfter: 0 });
      out.text(
        `Contact on ${dayText(row.contactOn)}; due by ${dayText(row.dueOn)}${row.recordedOn ? `; recorded on ${dayText(row.recordedOn)}${row.recordedBy ? ` by ${row.recordedBy}` : ''}` : ''}`,
        { indent: 14 },
      );
    }
  }
  return pdf.finish();
}

export async function exportCodingSheet(session: WorkspaceSession, input: { weekOf: string; declaration: ExportDeclaration }): Promise<ExportResult> {
  checkLawfulBasis('coding_sheet', input.declaration);
  const { db, workspaceName } = session.requireUnlocked();
  const today = todayOf(session);
  const week = weekAround(input.weekOf || today);
  const rows = await loadSheet(db, week, today);
  return writeExport(session, {
    kind: 'coding_sheet',
    declaration: input.declaration,
    personIds: rows.map((row) => row.personId),
    files: [
      { name: `gp-coding-sheet-${week.monday}.csv`, bytes: sheetCsv(rows) },
      { name: `gp-coding-sheet-${week.monday}.pdf`, bytes: await sheetPdf(rows, week, workspaceName, session.clock.now()) },
    ],
    details: {
      weekStarting: week.monday,
      overdue: rows.filter((row) => row.status === 'Overdue').length,
      due: rows.filter((row) => row.status === 'Due').length,
      recorded: rows.filter((row) => row.status === 'Recorded').length,
    },
  });
}
