import { format, parseISO } from 'date-fns';
import type { ExportDeclaration, ExportResult } from '../../../shared/domain/exports';
import { ACTION_OWNERS, AGENDA_REASONS, PERIOD_NUMBERS, PERSON_FLAG_KINDS, type PeriodNumber } from '../../../shared/domain/supervision';
import { EPISODE_STATUSES } from '../../../shared/domain/referral';
import type { SessionWorkspace, SupervisionAction } from '../../../shared/ipc/supervision-schemas';
import { AppError } from '../../errors';
import { writeExport } from '../exports/write-export';
import { markedDocument, type Sizes } from '../plans/plan-pdf';
import type { WorkspaceSession } from '../workspace-session';
import { readWorkspace } from './sessions';

/**
 * The printable record of a signed supervision session, for the practice's files, made with
 * pdf-lib in main (the same page writer as the person's copy of a plan) and written through the
 * one export path as an encrypted 'supervision_record' export.
 *
 * Minimum data: the people discussed are named (the practice must be able to find the case), but
 * no NHS number, date of birth or contact details are printed. The link worker's wellbeing
 * check-in is private to the pair and never printed. Every page is marked OFFICIAL-SENSITIVE.
 */
const SIZES: Sizes = { title: 20, heading: 14, body: 11, marking: 10 };

function longDate(isoDate: string): string {
  return format(parseISO(isoDate), 'EEEE d MMMM yyyy');
}

function moment(iso: string): string {
  return format(new Date(iso), "d MMMM yyyy 'at' HH:mm");
}

function actionLine(action: SupervisionAction): string {
  const status = action.doneOn ? `done on ${longDate(action.doneOn)}` : 'not done';
  return `${action.text} — ${ACTION_OWNERS[action.owner]} (${action.ownerName}), due ${longDate(action.dueOn)}; ${status}.`;
}

/** Renders the record. Pure: the same workspace and clock time give the same bytes. */
export async function renderSessionRecord(record: SessionWorkspace, context: { workspaceName: string; now: Date }): Promise<Uint8Array> {
  const { session } = record;
  const { doc, out } = await markedDocument(`Supervision session record, ${session.heldOn}`, SIZES, context.now);
  const indent = SIZES.body * 1.5;

  out.text('Supervision session record', { bold: true, size: SIZES.title, gapAfter: SIZES.body * 0.5 });
  out.text(context.workspaceName);
  out.text(`Session held on ${longDate(session.heldOn)}.`);
  out.text(`Link worker: ${session.worker.displayName}. GP supervisor: ${session.supervisor.displayName}.`);
  out.text(`Who attended: ${session.attendees.join(', ')}.`);
  out.text(session.signedAt ? `Signed off by ${session.signedBy ?? 'the GP supervisor'} on ${moment(session.signedAt)}.` : 'Not signed off.');

  out.heading(`Numbers for ${longDate(session.periodFrom)} to ${longDate(session.heldOn)}`);
  for (const [key, label] of Object.entries(PERIOD_NUMBERS) as [PeriodNumber, string][]) out.text(`${label}: ${record.numbers[key]}`);
  out.text('Active and waiting are counted as they stood at sign-off.', { size: SIZES.marking });

  out.heading('Cases discussed');
  if (record.agenda.length === 0) out.text('No cases were on the agenda.');
  for (const item of record.agenda) {
    out.text(`${item.personName} (${EPISODE_STATUSES[item.episodeStatus]})`, { bold: true, gapAfter: 0 });
    out.text(`On the agenda for: ${item.reasons.map((reason) => AGENDA_REASONS[reason]).join('; ')}.`, { indent });
    for (const flag of item.flags) out.text(`${PERSON_FLAG_KINDS[flag.kind]} flag: ${flag.reason}`, { indent });
    if (item.addedNote) out.text(`Why it was added: ${item.addedNote}`, { indent });
    out.text(`Discussion: ${item.discussion || 'Nothing recorded.'}`, { indent });
    out.text(`Decision: ${item.decision || 'No decision recorded.'}`, { indent });
    out.text(item.safeguardingRaised ? `Safeguarding concern raised. What was done: ${item.safeguardingAction}` : 'No safeguarding concern raised.', { indent });
    for (const action of item.actions) out.text(`Action: ${actionLine(action)}`, { indent });
  }

  out.heading('Other actions agreed');
  if (record.actions.length === 0) out.text('None.');
  for (const action of record.actions) out.text(actionLine(action));

  out.heading('Actions carried over from earlier sessions');
  if (record.carriedActions.length === 0) out.text('None.');
  for (const action of record.carriedActions) out.text(`${actionLine(action)} Agreed on ${longDate(action.sessionHeldOn)}${action.personName ? `, about ${action.personName}` : ''}.`);

  out.heading('Addenda after sign-off');
  if (record.addenda.length === 0) out.text('None.');
  for (const addendum of record.addenda) out.text(`${moment(addendum.addedAt)}, ${addendum.addedBy ?? 'unknown'}: ${addendum.text}`);

  out.heading('Not in this record');
  out.text('The link worker’s wellbeing check-in is private to the link worker and the GP supervisor, so it is not printed.');

  out.markPages();
  return doc.save({ useObjectStreams: false });
}

/** Files a signed session's record through the one export path. */
export async function exportSessionRecord(session: WorkspaceSession, input: { sessionId: string; declaration: ExportDeclaration }): Promise<ExportResult> {
  const { db, workspaceName } = session.requireUnlocked();
  return db.transaction().execute(async (trx) => {
    const record = await readWorkspace(session, trx, input.sessionId);
    if (record.session.signedAt === null) throw new AppError('conflict', 'Only a signed-off session goes into the practice’s files. Sign it off first.');
    const bytes = await renderSessionRecord(record, { workspaceName, now: session.clock.now() });
    return writeExport(
      session,
      {
        kind: 'supervision_record',
        declaration: input.declaration,
        files: [{ name: `supervision-record-${record.session.heldOn}.pdf`, bytes }],
        details: { sessionId: input.sessionId, agendaItems: record.agenda.length, addenda: record.addenda.length },
      },
      trx,
    );
  });
}
