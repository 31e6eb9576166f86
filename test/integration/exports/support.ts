import type { WorkspaceSession } from '../../../src/main/services/workspace-session';
import { EXPORT_KINDS, type ExportDeclaration, type ExportKind, type ExportResult } from '../../../src/shared/domain/exports';
import type { Episode } from '../../../src/shared/ipc/casework-schemas';
import type { JobProgress } from '../../../src/shared/ipc/exports-schemas';
import { advanceDays, auditOf, createEpisode, createPerson, recordContact, type Casework } from '../../support/casework';
import { readExportFiles } from '../../support/exports';
import { ok } from '../../support/workspace';
import { createEntry } from '../directory/support';
import { agreedPlan } from '../plans/support';

/** Export fixtures: a person with something in every part of their record, and helpers to read what was exported. */

export function declaration(kind: ExportKind, change: Partial<ExportDeclaration> = {}): ExportDeclaration {
  return { ...EXPORT_KINDS[kind].defaults, ...change };
}

/** The free text in the full record, each written once, so a test can look for every one of them. */
export const FREE_TEXT = {
  referralNotes: 'REFERRAL NOTE: husband died last spring',
  referrerName: 'Dr Ravindra Patelworth',
  reasonOther: 'OTHER REASON: struggling with the stairs',
  contactNotes: 'CONTACT NOTE: talked about the allotment plot',
  attendees: 'ATTENDEE: her daughter Annabel',
  personNote: 'PERSON NOTE: prefers morning calls',
  ownWords: 'OWN WORDS: I want to grow my own veg again',
  strengths: 'STRENGTH: green fingers',
  handoverNote: 'HANDOVER NOTE: meet her at the side door',
  accessibilityNeeds: 'ACCESS NEEDS: hard of hearing on the left',
  carer: 'CARER: Annabel Hollowayson 07700 900456',
} as const;

export const STAFF_NOTES = 'STAFF ONLY: son visits rarely; watch for low mood';

export const MARGARET = {
  nhsNumber: '9434765919',
  givenName: 'Margaretha',
  familyName: 'Hollowayson',
  preferredName: 'Peggy',
  dateOfBirth: '1951-03-05',
  phone: '07700 900123',
  email: 'peggy.hollowayson@example.org',
  addressLine1: '14 Cardigan Crescent',
  town: 'Leeds',
  postcode: 'LS6 3QF',
  gpPractice: 'Brook Lane Surgery',
  accessibilityNeeds: FREE_TEXT.accessibilityNeeds,
  carerOrNextOfKin: FREE_TEXT.carer,
};

/** ONS4 answers: life satisfaction, worthwhile, happiness, anxiety (each 0–10, never summed). */
export const ONS4_BASELINE = [3, 4, 2, 7];
export const ONS4_REVIEW = [6, 7, 6, 3];

export interface FullRecord {
  personId: string;
  episode: Episode;
  planGoals: string[];
}

/**
 * Margaretha: details, a referral accepted at the first contact (which queues her GP code), a
 * second contact, a note, a "what matters to me" conversation, an agreed plan with staff-only
 * notes, a connection to a directory service with a handover note, an ONS4 baseline and
 * follow-up, and a declined UCLA-3 baseline.
 */
export async function fullRecord(work: Casework): Promise<FullRecord> {
  const { worker, clock } = work;
  const person = await createPerson(worker, MARGARET);
  const episode = await createEpisode(worker, person.id, {
    reasons: ['loneliness', 'other'],
    reasonOther: FREE_TEXT.reasonOther,
    referrerName: FREE_TEXT.referrerName,
    referrerOrganisation: 'Brook Lane Surgery',
    notes: FREE_TEXT.referralNotes,
  });
  await recordContact(worker, episode.id, { decision: 'accepted', notes: FREE_TEXT.contactNotes, attendees: FREE_TEXT.attendees, durationMinutes: 45, mode: 'home_visit' });
  await ok(worker, 'people.addNote', { personId: person.id, episodeId: episode.id, text: FREE_TEXT.personNote });
  await ok(worker, 'conversations.record', { episodeId: episode.id, heldOn: '2026-03-02', ownWords: FREE_TEXT.ownWords, strengths: FREE_TEXT.strengths });
  const plan = await agreedPlan(worker, episode.id, { staffNotes: STAFF_NOTES });
  const service = await createEntry(worker);
  await ok(worker, 'connections.create', { episodeId: episode.id, serviceId: service.id, handoverNote: FREE_TEXT.handoverNote });
  await ok(worker, 'outcomes.record', { episodeId: episode.id, instrument: 'ons4', timepoint: 'baseline', recordedOn: '2026-03-02', answers: ONS4_BASELINE });
  await ok(worker, 'outcomes.record', { episodeId: episode.id, instrument: 'ucla3', timepoint: 'baseline', recordedOn: '2026-03-02', declined: true });
  advanceDays(clock, 7);
  await recordContact(worker, episode.id, { mode: 'phone', durationMinutes: 20 });
  await ok(worker, 'outcomes.record', { episodeId: episode.id, instrument: 'ons4', timepoint: 'review', recordedOn: '2026-03-09', answers: ONS4_REVIEW });
  return { personId: person.id, episode, planGoals: plan.goals.map((goal) => goal.text) };
}

/** Every file of an export as text. */
export async function exportedText(result: ExportResult): Promise<Map<string, string>> {
  const files = await readExportFiles(result, result.passphrase);
  return new Map([...files].map(([name, bytes]) => [name, new TextDecoder().decode(bytes)]));
}

/** Which of the needles appear in any file of the export, byte for byte, as UTF-8 or UTF-16LE (PDF text strings can be either). */
export async function leaks(result: ExportResult, needles: readonly string[]): Promise<string[]> {
  const files = await readExportFiles(result, result.passphrase);
  const found: string[] = [];
  for (const [name, bytes] of files) {
    const buffer = Buffer.from(bytes);
    for (const needle of needles) {
      for (const encoding of ['utf8', 'utf16le'] as const) {
        if (buffer.includes(Buffer.from(needle, encoding))) found.push(`${name} holds "${needle}" (${encoding})`);
      }
      // PDF strings are often hex-encoded (<4D6172...>): look for that spelling too.
      if (name.endsWith('.pdf') && buffer.toString('latin1').toUpperCase().includes(Buffer.from(needle, 'latin1').toString('hex').toUpperCase())) found.push(`${name} holds "${needle}" (hex)`);
    }
  }
  return found;
}

/** Polls an export job until it has finished one way or another (the test's only wait). */
export async function finished(session: WorkspaceSession, jobId: string): Promise<JobProgress> {
  for (;;) {
    const progress = await ok<JobProgress>(session, 'exports.progress', { jobId });
    if (progress.state === 'done' || progress.state === 'failed' || progress.state === 'cancelled') return progress;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export function exportEntries(session: WorkspaceSession) {
  return auditOf(session, 'export.created').map((row) => ({ ...row, details: JSON.parse(row.details_json) as Record<string, unknown> }));
}

