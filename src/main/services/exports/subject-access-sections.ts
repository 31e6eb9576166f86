import { formatNhsNumber } from '../../../shared/domain/nhs-number';
import { CONSENT_METHODS, CONTACT_METHODS } from '../../../shared/domain/person';
import { AGREEMENT_METHODS, GOAL_PROGRESS, PLAN_STATUSES, STEP_OWNERS } from '../../../shared/domain/plans';
import { CONNECTION_STATUSES, CONNECTION_STOP_REASONS } from '../../../shared/domain/connections';
import { CLOSURE_REASONS, CONTACT_MODES, EPISODE_STATUSES, REFERRAL_REASONS, REFERRAL_SOURCES, URGENCIES } from '../../../shared/domain/referral';
import { ROLE_LABELS, type Role } from '../../../shared/roles';
import { ACTION_OWNERS, AGENDA_REASONS, PERSON_FLAG_KINDS } from '../../../shared/domain/supervision';
import type { LinkdeskDb } from '../../store/kysely';
import { INSTRUMENTS, itemNames, TIMEPOINTS } from '../../../shared/domain/outcomes/instruments';
import type { Measure } from '../../../shared/ipc/outcomes-schemas';
import { loadEpisodeOutcomes } from '../outcomes/person-outcomes';
import { toDetails } from '../people';
import { dayText, momentText } from './pdf-document';
import {
  loadEpisodesWithHistory,
  loadPersonAudit,
  loadPersonCodes,
  loadPersonConnections,
  loadPersonContacts,
  loadPersonConversations,
  loadPersonFlags,
  loadPersonNotes,
  loadPersonPlans,
  loadPersonRow,
  loadPersonSupervision,
} from './person-data';

/**
 * The sections of a subject access export, in the order the PDF shows them. Each section loads its
 * data (which goes into the JSON file as it is) and says how one item reads in the PDF. A table
 * added by another area joins the export by adding one section here: nothing else changes.
 */
export interface Subject {
  personId: string;
  episodeIds: string[];
  /** Today, by the session clock (follow-ups and system-use windows depend on it). */
  today: string;
}

/** One item as the PDF shows it: a bold title, then lines of "Label: value". */
export interface PdfEntry {
  title: string;
  lines: string[];
}

export interface SubjectSection<T = unknown> {
  /** The key in the JSON file. */
  key: string;
  heading: string;
  /** Said in the PDF when the section is empty. */
  none: string;
  load(db: LinkdeskDb, subject: Subject): Promise<T[]>;
  entry(item: T): PdfEntry;
}

function section<T>(spec: SubjectSection<T>): SubjectSection {
  return spec as SubjectSection;
}

type Labels = Record<string, string>;
const label = (labels: Labels, code: string | null | undefined) => (code ? (labels[code] ?? code) : '');

/** "Label: value" lines, leaving out the empty ones. */
function lines(pairs: [string, string | number | null | undefined][]): string[] {
  return pairs.filter(([, value]) => value !== null && value !== undefined && value !== '').map(([name, value]) => `${name}: ${value}`);
}

function measureLine(measure: Measure): string {
  const head = `${INSTRUMENTS[measure.instrument].label}, ${TIMEPOINTS[measure.timepoint].toLowerCase()}, ${dayText(measure.recordedOn)}`;
  if (measure.declined || !measure.answers) return `${head}: you chose not to answer`;
  const names = itemNames(measure.instrument);
  const answers = measure.answers.map((answer, index) => `${names[index]} ${answer}`).join('; ');
  const score = measure.metric !== null ? `; metric score ${measure.metric}` : measure.total !== null ? `; total ${measure.total}` : '';
  return `${head}: ${answers}${score}`;
}

interface SystemUseWindow {
  from: string;
  to: string;
  gpConsultations: number | null;
  aeAttendances: number | null;
}

function systemUseText(window: SystemUseWindow): string {
  if (window.gpConsultations === null && window.aeAttendances === null) return '';
  return `${dayText(window.from)} to ${dayText(window.to)}: ${window.gpConsultations ?? 'not known'} GP consultations, ${window.aeAttendances ?? 'not known'} A&E attendances`;
}

/** Whether an episode has any outcome information worth a line (every episode has empty system-use windows). */
function hasOutcomes(episode: { measures: unknown[]; followUpDueOn: string | null; closure: unknown; systemUse: { before: SystemUseWindow; after: SystemUseWindow | null } }): boolean {
  const entered = (window: SystemUseWindow | null) => window !== null && (window.gpConsultations !== null || window.aeAttendances !== null);
  return episode.measures.length > 0 || episode.followUpDueOn !== null || episode.closure !== null || entered(episode.systemUse.before) || entered(episode.systemUse.after);
}

export const SUBJECT_ACCESS_SECTIONS: readonly SubjectSection[] = [
  section({
    key: 'person',
    heading: 'Your details',
    none: 'No details held.',
    load: async (db, subject) => {
      const row = await loadPersonRow(db, subject.personId);
      return [{ id: row.id, ...toDetails(row), recordCreatedAt: row.created_at, recordUpdatedAt: row.updated_at }];
    },
    entry: (person) => ({
      title: `${person.givenName} ${person.familyName}`,
      lines: lines([
        ['Preferred name', person.preferredName],
        ['Pronouns', person.pronouns],
        ['NHS number', person.nhsNumber ? formatNhsNumber(person.nhsNumber) : 'Not known'],
        ['Date of birth', person.dateOfBirth ? dayText(person.dateOfBirth) : ''],
        ['Phone', person.phone],
        ['Email', person.email],
        ['Preferred way to contact you', label(CONTACT_METHODS, person.preferredContactMethod)],
        ['Address', [person.addressLine1, person.addressLine2, person.town, person.postcode].filter(Boolean).join(', ')],
        ['GP practice', person.gpPractice],
        ['Interpreter language', person.interpreterLanguage],
        ['Accessibility needs', person.accessibilityNeeds],
        ['Carer or next of kin', person.carerOrNextOfKin],
        [
          'Consent to social prescribing',
          person.consentToSocialPrescribing ? `Yes, given ${label(CONSENT_METHODS, person.socialPrescribingConsentMethod).toLowerCase()} on ${dayText(person.socialPrescribingConsentDate)}` : 'Not recorded',
        ],
        [
          'Consent to sharing information',
          person.consentToInformationSharing ? `Yes, given ${label(CONSENT_METHODS, person.informationSharingConsentMethod).toLowerCase()} on ${dayText(person.informationSharingConsentDate)}` : 'Not recorded',
        ],
        ['Record created', momentText(person.recordCreatedAt)],
        ['Record last changed', momentText(person.recordUpdatedAt)],
      ]),
    }),
  }),
  section({
    key: 'referrals',
    heading: 'Referrals',
    none: 'No referrals.',
    load: (db, subject) => loadEpisodesWithHistory(db, subject.personId),
    entry: (episode) => ({
      title: `Referral received on ${dayText(episode.receivedOn)}`,
      lines: [
        ...lines([
          ['From', label(REFERRAL_SOURCES, episode.source)],
          ['Referrer', [episode.referrerName, episode.referrerOrganisation, episode.referrerContact].filter(Boolean).join(', ')],
          ['Reasons', episode.reasons.map((reason) => label(REFERRAL_REASONS, reason)).join('; ')],
          ['Other reason', episode.reasonOther],
          ['Urgency', label(URGENCIES, episode.urgency)],
          ['Status', label(EPISODE_STATUSES, episode.status)],
          ['Link worker', episode.workerName],
          ['Attended contacts', episode.contactCount],
          ['Next contact', episode.nextContactOn ? dayText(episode.nextContactOn) : ''],
          ['Review due', episode.reviewDueOn ? dayText(episode.reviewDueOn) : ''],
          ['Closed on', episode.closedOn ? dayText(episode.closedOn) : ''],
          ['Why it closed', label(CLOSURE_REASONS, episode.closureReason)],
          ['Closing note', episode.closureNote],
          ['Referral notes', episode.notes],
        ]),
        ...episode.statusHistory.map(
          (change) =>
            `${momentText(change.at)}: ${change.from ? `moved from ${label(EPISODE_STATUSES, change.from)} to ${label(EPISODE_STATUSES, change.to)}` : 'referral received'}${change.closureReason ? ` (${label(CLOSURE_REASONS, change.closureReason)})` : ''}${change.by ? `, by ${change.by}` : ''}`,
        ),
      ],
    }),
  }),
  section({
    key: 'contacts',
    heading: 'Contacts',
    none: 'No contacts.',
    load: (db, subject) => loadPersonContacts(db, subject.personId),
    entry: (contact) => ({
      title: `${momentText(contact.at)}: ${label(CONTACT_MODES, contact.mode)}`,
      lines: lines([
        ['Did not attend', contact.didNotAttend ? 'Yes' : ''],
        ['Minutes', contact.didNotAttend ? '' : contact.durationMinutes],
        ['Decision', contact.decision === 'accepted' ? 'Accepted social prescribing' : contact.decision === 'declined' ? 'Declined social prescribing' : ''],
        ['Who was there', contact.attendees],
        ['Notes', contact.notes],
        ['Recorded by', contact.recordedBy],
      ]),
    }),
  }),
  section({
    key: 'notes',
    heading: 'Notes',
    none: 'No notes.',
    load: (db, subject) => loadPersonNotes(db, subject.personId),
    entry: (note) => ({ title: `${momentText(note.at)}${note.author ? `, by ${note.author}` : ''}`, lines: [note.text] }),
  }),
  section({
    key: 'whatMatters',
    heading: 'What matters to you',
    none: 'No "what matters to me" conversations recorded.',
    load: (db, subject) => loadPersonConversations(db, subject.episodeIds),
    entry: (conversation) => ({
      title: `Conversation on ${dayText(conversation.heldOn)}`,
      lines: lines([
        ['In your words', conversation.ownWords],
        ['Your strengths', conversation.strengths],
        ['What gets in the way', conversation.whatGetsInTheWay],
        ['Your priorities', conversation.priorities],
        ['Recorded by', conversation.recordedBy],
      ]),
    }),
  }),
  section({
    key: 'plans',
    heading: 'Care and support plans',
    none: 'No plans.',
    load: (db, subject) => loadPersonPlans(db, subject.personId),
    entry: (plan) => ({
      title: `Plan version ${plan.version} (${label(PLAN_STATUSES, plan.status)})`,
      lines: [
        ...plan.goals.map((goal, index) => `Goal ${index + 1}: ${goal.text}`),
        ...plan.steps.map((step) => `Step: ${step.action} (${STEP_OWNERS[step.owner]}${step.ownerName ? `: ${step.ownerName}` : ''}, by ${dayText(step.dueOn)}${step.done ? ', done' : ''})`),
        ...lines([
          ['Support offered', plan.supportOffered],
          ['Review date', plan.reviewOn ? dayText(plan.reviewOn) : ''],
          ['Who was there', plan.present.join(', ')],
          ['Agreed', plan.agreement ? `${AGREEMENT_METHODS[plan.agreement.method]} on ${dayText(plan.agreement.agreedOn)}` : ''],
          ['Staff notes', plan.staffNotes],
          ['Written by', plan.createdBy],
        ]),
        ...plan.reviews.flatMap((review) =>
          review.goals.map((progress) => {
            const goal = plan.goals.find((candidate) => candidate.id === progress.goalId);
            return `Review on ${dayText(review.reviewedOn)}: ${goal ? goal.text : 'a goal'}: ${GOAL_PROGRESS[progress.progress]}${progress.note ? ` (${progress.note})` : ''}`;
          }),
        ),
      ],
    }),
  }),
  section({
    key: 'outcomes',
    heading: 'How you were doing: wellbeing measures and outcomes',
    none: 'No outcomes recorded.',
    load: async (db, subject) => (await loadEpisodeOutcomes(db, { personId: subject.personId }, subject.today)).filter((episode) => hasOutcomes(episode)),
    entry: (episode) => ({
      title: `For the referral received on ${dayText(episode.receivedOn)}`,
      lines: [
        ...episode.measures.map(measureLine),
        ...episode.changes.flatMap((change) => change.lines.map((line) => `Change: ${line}`)),
        ...lines([
          ['Next wellbeing check due', episode.followUpDueOn ? dayText(episode.followUpDueOn) : ''],
          ['GP consultations and A&E attendances before the referral', systemUseText(episode.systemUse.before)],
          ['GP consultations and A&E attendances after it ended', episode.systemUse.after ? systemUseText(episode.systemUse.after) : ''],
          ['What mattered', episode.closure?.whatMattered],
          ['What was offered', episode.closure?.whatWasOffered],
          ['What happened', episode.closure?.whatHappened],
        ]),
      ],
    }),
  }),
  section({
    key: 'connections',
    heading: 'Groups and services you were connected to',
    none: 'No connections.',
    load: (db, subject) => loadPersonConnections(db, subject.personId),
    entry: (connection) => ({
      title: `${connection.service.name} (${connection.service.organisationName})`,
      lines: [
        ...lines([
          ['Status', `${CONNECTION_STATUSES[connection.status]} since ${dayText(connection.statusOn)}`],
          ['Why it stopped', connection.stopReason ? CONNECTION_STOP_REASONS[connection.stopReason] : ''],
          ['Stop note', connection.stopNote],
          ['Note for the group', connection.handoverNote],
        ]),
        ...connection.history.map((change) => `${dayText(change.on)}: ${CONNECTION_STATUSES[change.to]}${change.by ? `, by ${change.by}` : ''}`),
      ],
    }),
  }),
  section({
    key: 'flags',
    heading: 'Risk and safeguarding flags',
    none: 'No flags.',
    load: (db, subject) => loadPersonFlags(db, subject.personId),
    entry: (flag) => ({
      title: `${label(PERSON_FLAG_KINDS, flag.kind)} flag raised ${momentText(flag.raisedAt)}${flag.raisedBy ? ` by ${flag.raisedBy}` : ''}`,
      lines: lines([
        ['Why', flag.reason],
        ['Cleared', flag.clearedAt ? `${momentText(flag.clearedAt)}${flag.clearedBy ? ` by ${flag.clearedBy}` : ''}` : 'No, it is current'],
        ['Why it was cleared', flag.clearReason],
      ]),
    }),
  }),
  section({
    key: 'supervision',
    heading: 'Your case in clinical supervision',
    none: 'Your case has not been discussed in supervision.',
    load: (db, subject) => loadPersonSupervision(db, subject.personId),
    entry: (item) => ({
      title: `Supervision session on ${dayText(item.sessionHeldOn)}${item.signedOff ? '' : ' (not yet signed off)'}`,
      lines: [
        ...lines([
          ['Why it was discussed', item.reasons.map((reason) => label(AGENDA_REASONS, reason)).join('; ')],
          ['Note', item.addedNote],
          ['Discussion', item.discussion],
          ['Decision', item.decision],
          ['Safeguarding concern raised', item.safeguardingRaised ? item.safeguardingAction || 'Yes' : ''],
        ]),
        ...item.actions.map((action) => `Action: ${action.text} (${label(ACTION_OWNERS, action.owner)}, by ${dayText(action.dueOn)}${action.doneOn ? `, done ${dayText(action.doneOn)}` : ''})`),
      ],
    }),
  }),
  section({
    key: 'gpCoding',
    heading: 'Codes for your GP record',
    none: 'No codes.',
    load: (db, subject) => loadPersonCodes(db, subject.personId),
    entry: (code) => ({
      title: `${code.term} (SNOMED CT ${code.code})`,
      lines: lines([
        ['After the contact on', dayText(code.contactOn)],
        ['Due by', dayText(code.dueOn)],
        ['Recorded in the GP record on', code.recordedOn ? dayText(code.recordedOn) : 'Not yet'],
      ]),
    }),
  }),
  section({
    key: 'audit',
    heading: 'Who has opened, changed or exported your record',
    none: 'No entries.',
    load: (db, subject) => loadPersonAudit(db, subject.personId),
    entry: (entry) => ({
      title: `${momentText(entry.at)}: ${entry.what}`,
      lines: lines([['By', entry.by ? `${entry.by}${entry.role ? ` (${ROLE_LABELS[entry.role as Role]})` : ''}` : 'Linkdesk']]),
    }),
  }),
];
