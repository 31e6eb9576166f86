import type { ExportDeclaration, ExportResult } from '../../../shared/domain/exports';
import type { Instrument } from '../../../shared/domain/outcomes/instruments';
import type { LinkdeskDb } from '../../store/kysely';
import { loadMeasures } from '../outcomes/measures';
import type { WorkspaceSession } from '../workspace-session';
import { toFhirBundle } from './fhir-bundle';
import { MARKING } from './pdf-document';
import { loadEpisodesWithHistory, loadPersonConnections, loadPersonContacts, loadPersonConversations, loadPersonPlans, loadPersonRow } from './person-data';
import { requireWholeRecordInScope } from './export-scope';
import { checkLawfulBasis, writeExport } from './write-export';

/**
 * The transfer bundle, for when a person moves to another social prescribing service: what the
 * new link worker needs to carry on (direct care), and no more. It holds the person's details, the
 * current (or latest) referral with its contacts (when, how, how long: no notes), the latest
 * "what matters to me" conversation, the latest version of the plan (without the staff-only
 * notes or who was present), the connections made, the wellbeing measures (so the next service
 * can see change from the same baseline), and a one-line summary of earlier referrals.
 * It leaves out case notes, contact notes, referral notes, closure notes, the referrer's
 * personal details and the audit trail. Written twice: Linkdesk's own JSON, and a FHIR R4
 * Bundle of the same facts (fhir-bundle.ts).
 */
export interface TransferRecord {
  marking: string;
  kind: 'Linkdesk transfer bundle';
  formatVersion: 1;
  madeAt: string;
  from: string;
  person: {
    id: string;
    nhsNumber: string | null;
    givenName: string;
    familyName: string;
    preferredName: string | null;
    pronouns: string | null;
    dateOfBirth: string | null;
    phone: string | null;
    email: string | null;
    preferredContactMethod: string | null;
    address: { line1: string | null; line2: string | null; town: string | null; postcode: string | null };
    gpPractice: string | null;
    interpreterLanguage: string | null;
    accessibilityNeeds: string | null;
    carerOrNextOfKin: string | null;
    consentToSocialPrescribing: { given: boolean; on: string | null; how: string | null };
    consentToInformationSharing: { given: boolean; on: string | null; how: string | null };
  };
  referral: {
    id: string;
    receivedOn: string;
    source: string;
    referrerOrganisation: string | null;
    reasons: string[];
    reasonOther: string | null;
    urgency: string;
    status: string;
    closedOn: string | null;
    closureReason: string | null;
    nextContactOn: string | null;
    reviewDueOn: string | null;
    contacts: { id: string; at: string; date: string; mode: string; minutes: number; didNotAttend: boolean }[];
  } | null;
  earlierReferrals: { id: string; receivedOn: string; source: string; reasons: string[]; status: string; closedOn: string | null; closureReason: string | null }[];
  whatMatters: { heldOn: string; ownWords: string; strengths: string; whatGetsInTheWay: string; priorities: string } | null;
  plan: {
    id: string;
    version: number;
    status: string;
    goals: { id: string; text: string; latestProgress: string | null }[];
    steps: { id: string; action: string; owner: string; ownerName: string; dueOn: string; done: boolean }[];
    supportOffered: string;
    reviewOn: string | null;
    agreedOn: string | null;
  } | null;
  connections: { id: string; service: string; organisation: string; status: string; statusOn: string; stopReason: string | null }[];
  /** Wellbeing measures of the referral, oldest first. */
  measures: { id: string; instrument: Instrument; timepoint: string; recordedOn: string; declined: boolean; answers: number[] | null; total: number | null; metric: number | null }[];
}

async function gather(db: LinkdeskDb, personId: string, madeAt: Date, from: string): Promise<TransferRecord> {
  const person = await loadPersonRow(db, personId);
  const episodes = await loadEpisodesWithHistory(db, personId);
  // The open referral if there is one, otherwise the latest (episodes come newest first).
  const current = episodes.find((episode) => episode.status !== 'closed') ?? episodes[0] ?? null;
  const contacts = current ? (await loadPersonContacts(db, personId)).filter((contact) => contact.episodeId === current.id) : [];
  const [conversation] = current ? await loadPersonConversations(db, [current.id]) : [];
  const plan = current ? (await loadPersonPlans(db, personId)).filter((version) => version.episodeId === current.id).at(-1) : undefined;
  const connections = current ? (await loadPersonConnections(db, personId)).filter((connection) => connection.episodeId === current.id) : [];
  const measures = current ? await loadMeasures(db, [current.id]) : [];
  const latestReview = plan?.reviews[0];
  return {
    marking: MARKING,
    kind: 'Linkdesk transfer bundle',
    formatVersion: 1,
    madeAt: madeAt.toISOString(),
    from,
    person: {
      id: person.id,
      nhsNumber: person.nhs_number,
      givenName: person.given_name,
      familyName: person.family_name,
      preferredName: person.preferred_name,
      pronouns: person.pronouns,
      dateOfBirth: person.date_of_birth,
      phone: person.phone,
      email: person.email,
      preferredContactMethod: person.preferred_contact_method,
      address: { line1: person.address_line1, line2: person.address_line2, town: person.town, postcode: person.postcode },
      gpPractice: person.gp_practice,
      interpreterLanguage: person.interpreter_language,
      accessibilityNeeds: person.accessibility_needs,
      carerOrNextOfKin: person.carer_or_next_of_kin,
      consentToSocialPrescribing: { given: person.consent_social_prescribing === 1, on: person.social_prescribing_consent_date, how: person.social_prescribing_consent_method },
      consentToInformationSharing: { given: person.consent_information_sharing === 1, on: person.information_sharing_consent_date, how: person.information_sharing_consent_method },
    },
    referral: current && {
      id: current.id,
      receivedOn: current.receivedOn,
      source: current.source,
      referrerOrganisation: current.referrerOrganisation,
      reasons: current.reasons,
      reasonOther: current.reasonOther,
      urgency: current.urgency,
      status: current.status,
      closedOn: current.closedOn,
      closureReason: current.closureReason,
      nextContactOn: current.nextContactOn,
      reviewDueOn: current.reviewDueOn,
      contacts: contacts.map((contact) => ({ id: contact.id, at: contact.at, date: contact.contactOn, mode: contact.mode, minutes: contact.durationMinutes, didNotAttend: contact.didNotAttend })),
    },
    earlierReferrals: episodes
      .filter((episode) => episode.id !== current?.id)
      .map((episode) => ({ id: episode.id, receivedOn: episode.receivedOn, source: episode.source, reasons: episode.reasons, status: episode.status, closedOn: episode.closedOn, closureReason: episode.closureReason })),
    whatMatters: conversation
      ? { heldOn: conversation.heldOn, ownWords: conversation.ownWords, strengths: conversation.strengths, whatGetsInTheWay: conversation.whatGetsInTheWay, priorities: conversation.priorities }
      : null,
    plan: plan
      ? {
          id: plan.id,
          version: plan.version,
          status: plan.status,
          goals: plan.goals.map((goal) => ({ id: goal.id, text: goal.text, latestProgress: latestReview?.goals.find((entry) => entry.goalId === goal.id)?.progress ?? null })),
          steps: plan.steps.map((step) => ({ id: step.id, action: step.action, owner: step.owner, ownerName: step.ownerName, dueOn: step.dueOn, done: step.done })),
          supportOffered: plan.supportOffered,
          reviewOn: plan.reviewOn,
          agreedOn: plan.agreement?.agreedOn ?? null,
        }
      : null,
    connections: connections.map((connection) => ({
      id: connection.id,
      service: connection.service.name,
      organisation: connection.service.organisationName,
      status: connection.status,
      statusOn: connection.statusOn,
      stopReason: connection.stopReason,
    })),
    measures: measures.map((measure) => ({
      id: measure.id,
      instrument: measure.instrument,
      timepoint: measure.timepoint,
      recordedOn: measure.recordedOn,
      declined: measure.declined,
      answers: measure.answers,
      total: measure.total,
      metric: measure.metric,
    })),
  };
}

const json = (value: unknown) => new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`);

export async function exportTransferBundle(session: WorkspaceSession, input: { personId: string; declaration: ExportDeclaration }): Promise<ExportResult> {
  checkLawfulBasis('transfer_bundle', input.declaration);
  const { db, workspaceName } = session.requireUnlocked();
  // A GP supervisor exports only people whose every referral their supervisees hold (export-scope.ts).
  await requireWholeRecordInScope(session, db, input.personId);
  const now = session.clock.now();
  const record = await db.transaction().execute((trx) => gather(trx, input.personId, now, workspaceName));
  const fhir = toFhirBundle(record);
  return writeExport(session, {
    kind: 'transfer_bundle',
    declaration: input.declaration,
    personId: input.personId,
    files: [
      { name: 'transfer.json', bytes: json(record) },
      { name: 'transfer.fhir.json', bytes: json(fhir) },
    ],
    details: { episodeId: record.referral?.id ?? null, contacts: record.referral?.contacts.length ?? 0, measures: record.measures.length, fhirResources: fhir.entry.length },
  });
}
