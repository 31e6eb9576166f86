import { randomUUID } from 'node:crypto';
import { INSTRUMENTS, itemNames } from '../../../shared/domain/outcomes/instruments';
import { CONTACT_MODES, REFERRAL_REASONS, REFERRAL_SOURCES, SNOMED } from '../../../shared/domain/referral';
import type { TransferRecord } from './transfer-bundle';

/**
 * The transfer record as a FHIR R4 Bundle (type "collection"), for services whose systems read
 * FHIR. Deliberately simple, mapping only what maps cleanly (docs/exports.md lists it):
 *   person → Patient (NHS number under https://fhir.nhs.uk/Id/nhs-number, names, birth date,
 *            phone, e-mail, address, GP practice as a display-only reference);
 *   referral → EpisodeOfCare (status mapped, referral reasons as text, period);
 *   each contact → Encounter (class from the contact mode, period from time and minutes; did not
 *            attend → status "cancelled");
 *   plan → CarePlan (intent "plan", steps as activities) with one Goal per goal;
 *   each wellbeing measure → Observation (category survey; ONS4's four answers as components,
 *            never summed; SWEMWBS raw score with the metric score as a component; UCLA-3 total;
 *            declined → dataAbsentReason "asked-declined");
 *   earlier referrals → EpisodeOfCare with status "finished" or "cancelled".
 * Every resource has a `urn:uuid:` fullUrl and references point inside the bundle.
 */
type Resource = Record<string, unknown> & { resourceType: string; id: string };
export interface FhirBundle {
  resourceType: 'Bundle';
  id: string;
  type: 'collection';
  timestamp: string;
  entry: { fullUrl: string; resource: Resource }[];
}

const NHS_NUMBER_SYSTEM = 'https://fhir.nhs.uk/Id/nhs-number';
const SNOMED_SYSTEM = 'http://snomed.info/sct';
const ACT_CODE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';

const ref = (id: string) => ({ reference: `urn:uuid:${id}` });
const present = <T>(value: T | null | undefined | ''): value is T => value !== null && value !== undefined && value !== '';

function episodeStatus(status: string): string {
  switch (status) {
    case 'received':
    case 'contacted':
      return 'planned';
    case 'accepted':
    case 'active':
      return 'active';
    case 'declined':
      return 'cancelled';
    default:
      return 'finished';
  }
}

const ENCOUNTER_CLASS: Record<string, { code: string; display: string }> = {
  face_to_face: { code: 'AMB', display: 'ambulatory' },
  group: { code: 'AMB', display: 'ambulatory' },
  home_visit: { code: 'HH', display: 'home health' },
  phone: { code: 'VR', display: 'virtual' },
  video: { code: 'VR', display: 'virtual' },
  text_or_email: { code: 'VR', display: 'virtual' },
};

/** GOAL_PROGRESS → FHIR goal-achievement codes. */
const ACHIEVEMENT: Record<string, string> = { not_started: 'no-progress', started: 'in-progress', achieved: 'achieved', changed: 'no-change' };

function patient(record: TransferRecord): Resource {
  const { person } = record;
  const { address } = person;
  const line = [address.line1, address.line2].filter(present);
  return withoutEmpty({
    resourceType: 'Patient',
    id: person.id,
    identifier: present(person.nhsNumber) ? [{ system: NHS_NUMBER_SYSTEM, value: person.nhsNumber }] : [],
    name: [
      { use: 'official', family: person.familyName, given: [person.givenName] },
      ...(present(person.preferredName) ? [{ use: 'usual', given: [person.preferredName] }] : []),
    ],
    birthDate: person.dateOfBirth,
    telecom: [
      ...(present(person.phone) ? [{ system: 'phone', value: person.phone }] : []),
      ...(present(person.email) ? [{ system: 'email', value: person.email }] : []),
    ],
    address: line.length > 0 || present(address.postcode) ? [withoutEmpty({ use: 'home', line, city: address.town, postalCode: address.postcode })] : [],
    generalPractitioner: present(person.gpPractice) ? [{ display: person.gpPractice }] : [],
  });
}

/** FHIR JSON has no empty arrays, nulls or empty strings: such elements are left out. */
function withoutEmpty<T extends Record<string, unknown>>(resource: T): T {
  return Object.fromEntries(Object.entries(resource).filter(([, value]) => value !== null && value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0))) as T;
}

function episodeOfCare(id: string, patientId: string, episode: { status: string; receivedOn: string; closedOn: string | null; source: string; reasons: string[] }): Resource {
  return {
    resourceType: 'EpisodeOfCare',
    id,
    status: episodeStatus(episode.status),
    type: [{ coding: [{ system: SNOMED_SYSTEM, code: SNOMED.referralToSocialPrescribing.code, display: SNOMED.referralToSocialPrescribing.term }], text: 'Social prescribing' }],
    patient: ref(patientId),
    period: { start: episode.receivedOn, ...(episode.closedOn ? { end: episode.closedOn } : {}) },
    // Reasons and source have no standard code here: carried as readable text.
    text: {
      status: 'generated',
      div: `<div xmlns="http://www.w3.org/1999/xhtml">Referred by: ${escapeXml(REFERRAL_SOURCES[episode.source as keyof typeof REFERRAL_SOURCES] ?? episode.source)}. Reasons: ${escapeXml(
        episode.reasons.map((reason) => REFERRAL_REASONS[reason as keyof typeof REFERRAL_REASONS] ?? reason).join('; '),
      )}.</div>`,
    },
  };
}

function escapeXml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

function observation(measure: TransferRecord['measures'][number], patientId: string): Resource {
  const base = {
    resourceType: 'Observation',
    id: measure.id,
    status: 'final',
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'survey', display: 'Survey' }] }],
    code: { text: `${INSTRUMENTS[measure.instrument].label} (${measure.timepoint})` },
    subject: ref(patientId),
    effectiveDateTime: measure.recordedOn,
  };
  if (measure.declined || !measure.answers) {
    return { ...base, dataAbsentReason: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/data-absent-reason', code: 'asked-declined', display: 'Asked But Declined' }] } };
  }
  const names = itemNames(measure.instrument);
  const answers = measure.answers.map((answer, index) => ({ code: { text: names[index] }, valueInteger: answer }));
  if (measure.instrument === 'ons4') return { ...base, component: answers };
  return {
    ...base,
    ...(measure.total !== null ? { valueInteger: measure.total } : {}),
    component: [...answers, ...(measure.metric !== null ? [{ code: { text: 'SWEMWBS metric score' }, valueQuantity: { value: measure.metric } }] : [])],
  };
}

export function toFhirBundle(record: TransferRecord): FhirBundle {
  const resources: Resource[] = [patient(record)];
  const patientId = record.person.id;
  const { referral, plan } = record;
  if (referral) {
    resources.push(episodeOfCare(referral.id, patientId, referral));
    for (const contact of referral.contacts) {
      const end = new Date(Date.parse(contact.at) + contact.minutes * 60_000).toISOString();
      const kind = ENCOUNTER_CLASS[contact.mode] ?? { code: 'AMB', display: 'ambulatory' };
      resources.push({
        resourceType: 'Encounter',
        id: contact.id,
        status: contact.didNotAttend ? 'cancelled' : 'finished',
        class: { system: ACT_CODE_SYSTEM, code: kind.code, display: kind.display },
        type: [{ text: `Social prescribing contact: ${CONTACT_MODES[contact.mode as keyof typeof CONTACT_MODES] ?? contact.mode}${contact.didNotAttend ? ' (did not attend)' : ''}` }],
        subject: ref(patientId),
        episodeOfCare: [ref(referral.id)],
        period: { start: contact.at, end },
        ...(contact.didNotAttend ? {} : { length: { value: contact.minutes, unit: 'min', system: 'http://unitsofmeasure.org', code: 'min' } }),
      });
    }
  }
  for (const measure of record.measures) resources.push(observation(measure, patientId));
  for (const earlier of record.earlierReferrals) resources.push(episodeOfCare(earlier.id, patientId, earlier));
  if (plan && referral) {
    for (const goal of plan.goals) {
      resources.push({
        resourceType: 'Goal',
        id: goal.id,
        lifecycleStatus: plan.status === 'agreed' ? 'active' : 'proposed',
        ...(goal.latestProgress
          ? { achievementStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/goal-achievement', code: ACHIEVEMENT[goal.latestProgress] ?? 'in-progress' }] } }
          : {}),
        description: { text: goal.text },
        subject: ref(patientId),
      });
    }
    resources.push(withoutEmpty({
      resourceType: 'CarePlan',
      id: plan.id,
      status: plan.status === 'agreed' ? 'active' : 'draft',
      intent: 'plan',
      title: `Personalised care and support plan, version ${plan.version}`,
      ...(record.whatMatters ? { description: `What matters to me: ${record.whatMatters.ownWords}` } : {}),
      subject: ref(patientId),
      ...(plan.agreedOn || plan.reviewOn ? { period: { ...(plan.agreedOn ? { start: plan.agreedOn } : {}), ...(plan.reviewOn ? { end: plan.reviewOn } : {}) } } : {}),
      ...(plan.goals.length > 0 ? { goal: plan.goals.map((goal) => ref(goal.id)) } : {}),
      activity: plan.steps.map((step) => ({
        detail: {
          status: step.done ? 'completed' : 'not-started',
          description: `${step.action}${step.ownerName ? ` (${step.ownerName})` : ''}`,
          scheduledString: `By ${step.dueOn}`,
        },
      })),
      ...(plan.supportOffered ? { note: [{ text: `Support offered: ${plan.supportOffered}` }] } : {}),
    }));
  }
  return {
    resourceType: 'Bundle',
    id: randomUUID(),
    type: 'collection',
    timestamp: record.madeAt,
    entry: resources.map((resource) => ({ fullUrl: `urn:uuid:${resource.id}`, resource })),
  };
}
