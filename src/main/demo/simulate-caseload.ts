import { addDays, addMinutes, isWeekend } from 'date-fns';
import { nhsCheckDigit } from '../../shared/domain/nhs-number';
import { CLOSURE_REASON_CODES, type ClosureReason } from '../../shared/domain/referral';
import type { CodingItem, CreatePersonResult, Episode } from '../../shared/ipc/casework-schemas';
import type { WorkspaceSession } from '../services/workspace-session';
import { call, type SimulationClock } from './demo-workspace';
import {
  CONTACT_NOTES, FAMILY_NAMES, GIVEN_NAMES, GP_PRACTICES, LANGUAGES, POSTCODES, PRONOUNS, REASON_POOL, REFERRERS, STREETS, TOWNS, WEIGHTED_SOURCES,
} from './demo-vocabulary';
import { SeededRandom } from './random';
import { planOutcomes } from './simulate-outcomes';

/**
 * One link worker's last six months, as a time-ordered list of events replayed through the router
 * with the clock set to each event's moment: referrals arrive, first contacts happen (or are late),
 * people accept or decline, contacts follow, codes are recorded (some late), episodes close.
 */
interface SimulationInput {
  session: WorkspaceSession;
  clock: SimulationClock;
  today: Date;
  people: number;
  seed: number;
  nhsNumberOffset: number;
  onPersonDone: () => void;
}

interface PersonState {
  personId?: string;
  episodeId?: string;
}

interface Event {
  at: Date;
  run: () => Promise<void>;
  lastForPerson?: boolean;
}

const isoDate = (moment: Date) => moment.toISOString().slice(0, 10);

function workingMoment(day: Date, random: SeededRandom): Date {
  let moment = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), random.int(9, 16), random.pick([0, 15, 30, 45])));
  while (isWeekend(moment)) moment = addDays(moment, 1);
  return moment;
}

/** NHS numbers from the 999 range set aside for testing, each with a valid check digit. */
function demoNhsNumber(serial: number): string {
  for (let candidate = serial; ; candidate += 1) {
    const firstNine = `999${String(candidate % 1_000_000).padStart(6, '0')}`;
    const check = nhsCheckDigit(firstNine);
    if (check !== null) return `${firstNine}${check}`;
  }
}

function personDetails(random: SeededRandom, serial: number, today: Date, referredAt: Date) {
  const givenName = random.pick(GIVEN_NAMES);
  const age = random.int(18, 92);
  const dateOfBirth = isoDate(addDays(today, -(age * 365 + random.int(0, 364))));
  const consentDate = isoDate(referredAt);
  return {
    nhsNumber: random.chance(0.04) ? '' : demoNhsNumber(serial * 7 + 11),
    givenName,
    familyName: random.pick(FAMILY_NAMES),
    preferredName: random.chance(0.15) ? givenName.slice(0, 3) : '',
    dateOfBirth,
    pronouns: random.pick(PRONOUNS),
    phone: `07700 9${String(random.int(0, 99999)).padStart(5, '0')}`,
    email: '',
    preferredContactMethod: random.pick(['phone', 'text', 'letter', 'in_person'] as const),
    addressLine1: `${random.int(1, 180)} ${random.pick(STREETS)}`,
    addressLine2: '',
    town: random.pick(TOWNS),
    postcode: random.pick(POSTCODES),
    gpPractice: random.pick(GP_PRACTICES),
    interpreterLanguage: random.chance(0.06) ? random.pick(LANGUAGES) : '',
    accessibilityNeeds: random.chance(0.1) ? 'Uses a wheelchair; needs step-free venues.' : '',
    carerOrNextOfKin: random.chance(0.3) ? 'Daughter (lives nearby)' : '',
    consentToSocialPrescribing: true,
    socialPrescribingConsentDate: consentDate,
    socialPrescribingConsentMethod: 'verbal' as const,
    consentToInformationSharing: random.chance(0.8),
    informationSharingConsentDate: consentDate,
    informationSharingConsentMethod: 'verbal' as const,
  };
}

/** Reviews fall every six weeks from the referral; the next one after the planned contact is due. */
function nextReview(received: Date, plannedContact: Date): Date {
  let review = addDays(received, 42);
  while (review.getTime() < plannedContact.getTime()) review = addDays(review, 42);
  return review;
}

function planPerson(input: SimulationInput, random: SeededRandom, serial: number): Event[] {
  const { session, today } = input;
  const state: PersonState = {};
  const events: Event[] = [];
  const received = workingMoment(addDays(today, -random.int(0, 180)), random);
  const add = (at: Date, run: () => Promise<void>) => {
    if (at.getTime() < today.getTime()) events.push({ at, run });
  };

  add(received, async () => {
    const details = { ...personDetails(random, input.nhsNumberOffset + serial, today, received), consentToInformationSharing: true };
    let result = await call<CreatePersonResult>(session, 'people.create', details);
    if (result.outcome === 'possible_duplicate') {
      result = await call<CreatePersonResult>(session, 'people.create', { ...details, notTheSameAs: result.matches.map((match) => match.id) });
    }
    if (result.outcome !== 'created') throw new Error('Demo data: a demo person could not be created');
    state.personId = result.person.id;
    const referrer = random.pick(REFERRERS);
    const episode = await call<Episode>(session, 'episodes.create', {
      personId: state.personId,
      source: random.pick(WEIGHTED_SOURCES),
      referrerName: referrer.name,
      referrerOrganisation: referrer.organisation,
      referrerContact: referrer.contact,
      receivedOn: isoDate(received),
      reasons: random.pickSome(REASON_POOL, random.int(1, 3)).filter((reason, index, all) => all.indexOf(reason) === index),
      urgency: random.chance(0.1) ? 'urgent' : 'routine',
      notes: 'DEMO referral: synthetic data for trying Linkdesk.',
    });
    state.episodeId = episode.id;
  });

  // Some recent referrals still wait for their first contact; a few are late.
  const firstContact = workingMoment(addDays(received, random.chance(0.15) ? random.int(8, 14) : random.int(1, 6)), random);
  const decision = random.chance(0.85) ? 'accepted' : 'declined';
  const contact = (at: Date, extra: Record<string, unknown> = {}) =>
    add(at, async () => {
      await call(session, 'contacts.record', {
        episodeId: state.episodeId,
        at: at.toISOString(),
        mode: random.pick(['face_to_face', 'face_to_face', 'phone', 'phone', 'home_visit', 'video', 'group'] as const),
        durationMinutes: random.pick([20, 30, 45, 60]),
        attendees: random.chance(0.2) ? 'Daughter came along' : '',
        notes: random.pick(CONTACT_NOTES),
        didNotAttend: false,
        ...extra,
      });
    });
  contact(firstContact, { decision });

  // Practice staff record the SNOMED code in the GP system, usually within the week.
  const recordedOn = addDays(firstContact, random.chance(0.85) ? random.int(1, 6) : random.int(9, 20));
  add(recordedOn, async () => {
    const queue = await call<CodingItem[]>(session, 'coding.queue', { includeRecorded: false });
    const item = queue.find((entry) => entry.episodeId === state.episodeId);
    if (item) await call(session, 'coding.markRecorded', { itemId: item.id, recordedOn: isoDate(recordedOn) });
  });

  if (decision === 'declined') {
    add(addMinutes(firstContact, 30), async () => {
      await call(session, 'episodes.transition', { episodeId: state.episodeId, to: 'closed', closureReason: 'declined', closureNote: '' });
    });
    return events;
  }

  const outcomes = planOutcomes({ add, session, state, seed: input.seed * 31 + serial, firstContact, today });
  let last = firstContact;
  const planned = random.int(4, 14);
  for (let index = 0; index < planned; index += 1) {
    const next = workingMoment(addDays(last, random.int(5, 14)), random);
    const previous = last;
    add(addMinutes(previous, 20), async () => {
      await call(session, 'episodes.plan', { episodeId: state.episodeId, nextContactOn: isoDate(next), reviewDueOn: isoDate(nextReview(received, next)), workerUserId: null });
    });
    contact(next, { didNotAttend: random.chance(0.08) });
    if (random.chance(0.2)) {
      add(addMinutes(next, 40), async () => {
        await call(session, 'people.addNote', { personId: state.personId, episodeId: state.episodeId, text: 'DEMO note: spoke to the walking group leader about a warm welcome.' });
      });
    }
    last = next;
  }
  if (random.chance(0.75)) {
    const reasons: ClosureReason[] = ['goals_met', 'goals_met', 'goals_met', 'disengaged', 'moved_away', 'referred_elsewhere'];
    const closure = random.pick(reasons.filter((reason) => CLOSURE_REASON_CODES.includes(reason)));
    outcomes.endOfEpisode(addMinutes(last, 40));
    add(addMinutes(last, 45), async () => {
      await call(session, 'episodes.transition', { episodeId: state.episodeId, to: 'closed', closureReason: closure, closureNote: '' });
    });
  }
  return events;
}

export async function simulateCaseload(input: SimulationInput): Promise<void> {
  const random = new SeededRandom(input.seed);
  const perPerson = Array.from({ length: input.people }, (_, serial) => planPerson(input, random, serial));
  for (const events of perPerson) {
    const last = events.at(-1);
    if (last) last.lastForPerson = true;
  }
  // Replay every person's events in time order, as the days would have come.
  const timeline = perPerson.flat().sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const event of timeline) {
    input.clock.set(event.at);
    await event.run();
    if (event.lastForPerson) input.onPersonDone();
  }
}
