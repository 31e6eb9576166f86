import type { ExportDeclaration, ExportResult } from '../../../shared/domain/exports';
import { isoDateOf } from '../../../shared/domain/working-days';
import type { LinkdeskDb } from '../../store/kysely';
import type { WorkspaceSession } from '../workspace-session';
import { dayText, MARKING, markedPdf } from './pdf-document';
import { loadPersonRow } from './person-data';
import { SUBJECT_ACCESS_SECTIONS, type Subject } from './subject-access-sections';
import { requireWholeRecordInScope } from './export-scope';
import { checkLawfulBasis, writeExport } from './write-export';

/**
 * A subject access request (UK GDPR Article 15): everything Linkdesk holds about one person, as a
 * readable PDF and as machine-readable JSON, in one AES-256 ZIP. The export is audited against the
 * person, so the next request shows this one. Linkdesk includes everything; whether anything must
 * be withheld (third-party information, serious harm) is for the IG lead to decide before sending
 * (docs/exports.md).
 */
interface Gathered {
  name: string;
  sections: { key: string; heading: string; none: string; items: unknown[] }[];
}

async function gather(db: LinkdeskDb, personId: string, today: string): Promise<Gathered> {
  const person = await loadPersonRow(db, personId);
  const episodes = await db.selectFrom('episodes').select('id').where('person_id', '=', personId).execute();
  const subject: Subject = { personId, episodeIds: episodes.map((episode) => episode.id), today };
  const sections: Gathered['sections'] = [];
  for (const spec of SUBJECT_ACCESS_SECTIONS) sections.push({ key: spec.key, heading: spec.heading, none: spec.none, items: await spec.load(db, subject) });
  return { name: `${person.given_name} ${person.family_name}`, sections };
}

async function renderPdf(gathered: Gathered, workspaceName: string, now: Date): Promise<Uint8Array> {
  const pdf = await markedPdf('Subject access request', now);
  const { out } = pdf;
  out.text('Your information held in Linkdesk', { bold: true, size: 22, gapAfter: 6 });
  out.text(`About: ${gathered.name}`);
  out.text(`Held by: ${workspaceName}`);
  out.text(`Made on ${dayText(isoDateOf(now))} in answer to a subject access request. The same information is in the file subject-access.json.`);
  for (const spec of gathered.sections) {
    const section = SUBJECT_ACCESS_SECTIONS.find((candidate) => candidate.key === spec.key)!;
    out.heading(spec.heading);
    if (spec.items.length === 0) out.text(spec.none);
    for (const item of spec.items) {
      const entry = section.entry(item);
      out.text(entry.title, { bold: true, gapAfter: 0 });
      for (const line of entry.lines) out.text(line, { indent: 14, gapAfter: 0 });
      out.text('', { gapAfter: 2 });
    }
  }
  return pdf.finish();
}

export async function exportSubjectAccess(session: WorkspaceSession, input: { personId: string; declaration: ExportDeclaration }): Promise<ExportResult> {
  checkLawfulBasis('subject_access', input.declaration);
  const { db, workspaceName } = session.requireUnlocked();
  // A GP supervisor exports only people whose every referral their supervisees hold (export-scope.ts).
  await requireWholeRecordInScope(session, db, input.personId);
  const now = session.clock.now();
  // One read transaction, so the PDF and the JSON describe the same moment.
  const gathered = await db.transaction().execute((trx) => gather(trx, input.personId, isoDateOf(now)));
  const json = {
    marking: MARKING,
    kind: 'Linkdesk subject access export',
    madeAt: now.toISOString(),
    heldBy: workspaceName,
    sections: Object.fromEntries(gathered.sections.map((section) => [section.key, section.key === 'person' ? section.items[0] : section.items])),
  };
  return writeExport(session, {
    kind: 'subject_access',
    declaration: input.declaration,
    personId: input.personId,
    files: [
      { name: 'subject-access.pdf', bytes: await renderPdf(gathered, workspaceName, now) },
      { name: 'subject-access.json', bytes: new TextEncoder().encode(`${JSON.stringify(json, null, 2)}\n`) },
    ],
    details: Object.fromEntries(gathered.sections.filter((section) => section.key !== 'person').map((section) => [section.key, section.items.length])),
  });
}
