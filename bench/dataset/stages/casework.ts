import type { SeededRandom } from '../../../src/main/demo/random';
import { FAMILY_NAMES, GIVEN_NAMES, GP_PRACTICES, LANGUAGES, POSTCODES, PRONOUNS, REASON_POOL, REFERRERS, STREETS, TOWNS, WEIGHTED_SOURCES } from '../../../src/main/demo/demo-vocabulary';
import { nhsCheckDigit } from '../../../src/shared/domain/nhs-number';
import { CODING_DUE_DAYS, CONTACT_MODE_CODES, SNOMED, type ClosureReason, type EpisodeStatus } from '../../../src/shared/domain/referral';
import { addDays, addWorkingDays, daysBetween, FIRST_CONTACT_WORKING_DAYS_DEFAULT } from '../../../src/shared/domain/working-days';
import { type EpisodeFact, type GeneratorContext, type GeneratorStage, inOneTransaction, seededUuid, type StageCounts, streamFor } from '../context';
import { withSearchIndexesBuiltAfterwards } from '../fts';
import { contactNote, PERSON_NOTES, REFERRAL_NOTES } from '../vocabulary';

/**
 * People, referrals (episodes) with their reasons and status history, contacts, person notes and
 * the GP coding queue: ten years of a PCN's casework, written straight into the encrypted store.
 *
 * Each episode is worked out in full first (its contacts, decision and closure), then every table
 * is written in time order, as years of use would have written it: rowids grow with time, which
 * the search's "newest notes first" relies on. The rows are the ones the services would leave:
 * - episodes' denormalised counters (contact_count, first/last contact) count attended contacts;
 * - the status history has the services' steps (received → contacted → accepted or declined →
 *   active → closed), each step at the contact that caused it;
 * - the code is queued at the decision contact, due CODING_DUE_DAYS later, once per episode;
 * - the FTS5 indexes hold every name and note (built once after the rows, see ../fts.ts).
 */

interface ContactPlan {
  id: string;
  at: string;
  attended: boolean;
  decision: 'accepted' | 'declined' | null;
  note: string | null;
}

interface EpisodePlan extends EpisodeFact {
  personIndex: number;
  reasons: string[];
  contacts: ContactPlan[];
  declined: boolean;
  closureReason: ClosureReason | null;
  firstContactDays: number;
  endOn: string;
}

const CLOSURE_WEIGHTS: readonly ClosureReason[] = [
  'goals_met', 'goals_met', 'goals_met', 'goals_met', 'goals_met', 'goals_met', 'disengaged', 'disengaged', 'disengaged',
  'referred_elsewhere', 'referred_elsewhere', 'moved_away', 'died', 'other',
];

function timeOn(date: string, random: SeededRandom): string {
  return `${date}T${String(random.int(8, 16)).padStart(2, '0')}:${String(random.int(0, 11) * 5).padStart(2, '0')}:00.000Z`;
}

function nhsNumber(index: number): string {
  // From the 999 range set aside for testing (as the demo data does), so no number can be a real
  // person's. Ranges of 13 per person never overlap, so numbers stay unique; the check digit is valid.
  for (let step = 0; step < 13; step += 1) {
    const first = String(999_000_000 + index * 13 + step);
    const check = nhsCheckDigit(first);
    if (check !== null) return `${first}${check}`;
  }
  throw new Error(index * 13 >= 1_000_000 ? 'More people than the 999 test range holds' : 'No valid NHS number in range');
}

/** How many episodes each person has: everyone one, the rest spread at random (some people three or four). */
function episodesPerPerson(context: GeneratorContext, random: SeededRandom): number[] {
  const counts = new Array<number>(context.scale.people).fill(1);
  for (let extra = context.scale.episodes - context.scale.people; extra > 0; extra -= 1) counts[random.int(0, counts.length - 1)]! += 1;
  return counts;
}

/** How long an episode runs before closing, in days (declined ones close soon after the decision). */
function durationDays(random: SeededRandom, declined: boolean): number {
  if (declined) return random.int(10, 40);
  if (random.chance(0.02)) return random.int(250, 500);
  return random.int(45, 200);
}

function planEpisodes(context: GeneratorContext, random: SeededRandom): EpisodePlan[] {
  const { today, scale } = context;
  const windowStart = addDays(today, -scale.years * 365);
  const windowDays = daysBetween(windowStart, today);
  const perPerson = episodesPerPerson(context, random);
  const plans: EpisodePlan[] = [];
  perPerson.forEach((count, personIndex) => {
    const worker = random.pick(context.staff.workers).id;
    const segment = Math.floor(windowDays / count);
    for (let n = 0; n < count; n += 1) {
      const segmentStart = addDays(windowStart, n * segment);
      // Earlier episodes start early in their share of the years, leaving room to run their course.
      const last = n === count - 1;
      const receivedOn = addDays(segmentStart, random.int(0, Math.max(0, Math.floor(segment * (last ? 1 : 0.6)) - 1)));
      const declined = random.chance(0.12);
      const firstContactDays = random.chance(0.15) ? random.int(8, 16) : random.int(1, 7);
      const natural = addDays(receivedOn, firstContactDays + durationDays(random, declined));
      const segmentEnd = last ? natural : addDays(segmentStart, segment - 1);
      const endOn = natural < segmentEnd ? natural : segmentEnd;
      const open = last && endOn > today;
      plans.push({
        id: seededUuid(random),
        personId: '',
        personIndex,
        workerId: worker,
        receivedOn,
        status: 'received',
        closedOn: open ? null : endOn,
        acceptedOn: null,
        reasons: [...new Set(random.pickSome(REASON_POOL, random.int(1, 3)))],
        contacts: [],
        declined,
        closureReason: open ? null : declined ? 'declined' : random.pick(CLOSURE_WEIGHTS),
        firstContactDays,
        endOn: open ? today : endOn,
      });
    }
  });
  return plans;
}

/** Contacts per episode, drawn and then nudged so the whole dataset has exactly scale.contacts. */
function contactCounts(context: GeneratorContext, plans: EpisodePlan[], random: SeededRandom): number[] {
  const counts = plans.map((plan) => {
    const firstContactOn = addDays(plan.receivedOn, plan.firstContactDays);
    if (firstContactOn > context.today) return 0;
    if (plan.declined) return random.int(1, 2);
    // An open episode has had about one contact a week so far.
    const cap = plan.closedOn ? 40 : 1 + Math.floor(daysBetween(firstContactOn, context.today) / 7);
    return Math.min(cap, random.int(2, 18));
  });
  const adjustable = counts.map((count, index) => (count >= 2 && plans[index]!.closedOn && !plans[index]!.declined ? index : -1)).filter((index) => index >= 0);
  let total = counts.reduce((sum, count) => sum + count, 0);
  while (total !== context.scale.contacts && adjustable.length > 0) {
    const index = random.pick(adjustable);
    if (total < context.scale.contacts && counts[index]! < 40) {
      counts[index]! += 1;
      total += 1;
    } else if (total > context.scale.contacts && counts[index]! > 2) {
      counts[index]! -= 1;
      total -= 1;
    }
  }
  return counts;
}

/** Dates the contacts, sets the decision at the first attended one, and works out the status. */
function fillContacts(context: GeneratorContext, plan: EpisodePlan, count: number, random: SeededRandom): void {
  if (count === 0) return;
  const first = addDays(plan.receivedOn, plan.firstContactDays);
  const last = plan.closedOn ?? context.today;
  const span = Math.max(0, daysBetween(first, last));
  const days = [0];
  for (let n = 1; n < count; n += 1) days.push(Math.round((span * n) / Math.max(1, count - 1) - random.int(0, 3)));
  days.sort((a, b) => a - b);
  const dates = days.map((offset) => addDays(first, Math.max(0, Math.min(span, offset))));
  let decided = false;
  plan.contacts = dates.map((date, n) => {
    const attended = n === 0 || !random.chance(0.08);
    const decision = attended && !decided ? (plan.declined ? 'declined' : 'accepted') : null;
    if (decision) decided = true;
    return { id: seededUuid(random), at: timeOn(date, random), attended, decision, note: attended ? (random.chance(0.88) ? contactNote(random) : null) : 'Did not attend; left a voicemail.' };
  });
  // Contacts on the same day keep their order of entry.
  plan.contacts.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const decisionContact = plan.contacts.find((contact) => contact.decision)!;
  if (!plan.declined) plan.acceptedOn = decisionContact.at.slice(0, 10);
}

function statusOf(plan: EpisodePlan): EpisodeStatus {
  if (plan.closedOn) return 'closed';
  const attended = plan.contacts.filter((contact) => contact.attended).length;
  if (attended === 0) return 'received';
  if (plan.declined) return 'declined';
  return attended === 1 ? 'accepted' : 'active';
}

function writePeople(context: GeneratorContext, plans: EpisodePlan[], random: SeededRandom): number {
  const { raw, staff } = context;
  const firstReferral = new Map<number, string>();
  for (const plan of plans) if (!firstReferral.has(plan.personIndex)) firstReferral.set(plan.personIndex, plan.receivedOn);
  const order = [...firstReferral.entries()].sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : a[0] - b[0]));
  const insert = raw.prepare(`INSERT INTO people (id, nhs_number, given_name, family_name, preferred_name, date_of_birth, pronouns, phone, email, preferred_contact_method,
      address_line1, town, postcode, gp_practice, interpreter_language, accessibility_needs, carer_or_next_of_kin,
      consent_social_prescribing, social_prescribing_consent_date, social_prescribing_consent_method,
      consent_information_sharing, information_sharing_consent_date, information_sharing_consent_method, created_at, created_by, updated_at, updated_by)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, 'verbal', ?, ?, ?, ?, ?, ?, ?)`);
  const ids = new Array<string>(context.scale.people);
  inOneTransaction(raw, order, ([personIndex, since]) => {
    const id = seededUuid(random);
    ids[personIndex] = id;
    const given = random.pick(GIVEN_NAMES);
    const sharing = random.chance(0.8);
    const createdAt = `${since}T09:00:00.000Z`;
    const birthYear = Number(context.today.slice(0, 4)) - random.int(18, 95);
    insert.run(
      id, random.chance(0.05) ? null : nhsNumber(personIndex), given, random.pick(FAMILY_NAMES), random.chance(0.12) ? given.slice(0, 3) : null,
      `${birthYear}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`, random.pick(PRONOUNS) || null,
      `07700 9${String(random.int(0, 99_999)).padStart(5, '0')}`, null, random.pick(['phone', 'text', 'letter', 'in_person']),
      `${random.int(1, 180)} ${random.pick(STREETS)}`, random.pick(TOWNS), random.pick(POSTCODES), random.pick(GP_PRACTICES),
      random.chance(0.06) ? random.pick(LANGUAGES) : null, random.chance(0.1) ? 'Uses a wheelchair; needs step-free venues.' : null,
      random.chance(0.3) ? 'Daughter (lives nearby)' : null, since, sharing ? 1 : 0, sharing ? since : null, sharing ? 'verbal' : null,
      createdAt, staff.workers[0]!.id, createdAt, staff.workers[0]!.id,
    );
  });
  context.people = ids.map((id, index) => ({ id, index }));
  for (const plan of plans) plan.personId = ids[plan.personIndex]!;
  return order.length;
}

interface StatusStep {
  episodeId: string;
  from: EpisodeStatus | null;
  to: EpisodeStatus;
  at: string;
  workerId: string;
  contactId: string | null;
  closure: ClosureReason | null;
}

function writeEpisodes(context: GeneratorContext, plans: EpisodePlan[], random: SeededRandom): { counts: StageCounts; changes: StatusStep[] } {
  const { raw, today } = context;
  const episode = raw.prepare(`INSERT INTO episodes (id, person_id, worker_user_id, source, referrer_name, referrer_organisation, referrer_contact, received_on,
      urgency, notes, status, closure_reason, closure_note, closed_on, first_contact_due_on, next_contact_on, review_due_on, contact_count,
      first_contact_at, last_contact_at, last_contact_on, created_at, created_by, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const reason = raw.prepare(`INSERT INTO episode_reasons (episode_id, reason) VALUES (?, ?)`);
  let reasons = 0;
  const changes: StatusStep[] = [];
  const sorted = [...plans].sort((a, b) => (a.receivedOn < b.receivedOn ? -1 : a.receivedOn > b.receivedOn ? 1 : 0));
  inOneTransaction(raw, sorted, (plan) => {
    const attended = plan.contacts.filter((contact) => contact.attended);
    const referrer = random.pick(REFERRERS);
    const createdAt = `${plan.receivedOn}T09:00:00.000Z`;
    const open = plan.status !== 'closed';
    const nextContactOn = open && (plan.status === 'accepted' || plan.status === 'active') && random.chance(0.7) ? addDays(today, random.int(-10, 21)) : null;
    const reviewDueOn = open && plan.status === 'active' && random.chance(0.5) ? addDays(plan.receivedOn, 84) : null;
    const lastAt = attended.at(-1)?.at ?? null;
    episode.run(
      plan.id, plan.personId, plan.workerId, random.pick(WEIGHTED_SOURCES), referrer.name, referrer.organisation, referrer.contact, plan.receivedOn,
      random.chance(0.1) ? 'urgent' : 'routine', random.chance(0.7) ? random.pick(REFERRAL_NOTES) : null, plan.status,
      plan.closureReason, null, plan.closedOn, addWorkingDays(plan.receivedOn, FIRST_CONTACT_WORKING_DAYS_DEFAULT), nextContactOn, reviewDueOn,
      attended.length, attended[0]?.at ?? null, lastAt, lastAt?.slice(0, 10) ?? null, createdAt, plan.workerId, plan.closedOn ? `${plan.closedOn}T17:00:00.000Z` : (lastAt ?? createdAt),
    );
    for (const code of plan.reasons) reason.run(plan.id, code);
    reasons += plan.reasons.length;
    // The services' steps, each at the contact that caused it.
    const steps: [EpisodeStatus | null, EpisodeStatus, string, string | null, ClosureReason | null][] = [[null, 'received', createdAt, null, null]];
    const decision = attended.find((contact) => contact.decision);
    if (decision) {
      steps.push(['received', 'contacted', decision.at, decision.id, null]);
      steps.push(['contacted', plan.declined ? 'declined' : 'accepted', decision.at, decision.id, null]);
      const next = attended[attended.indexOf(decision) + 1];
      if (!plan.declined && next) steps.push(['accepted', 'active', next.at, next.id, null]);
    }
    if (plan.closedOn) steps.push([steps.at(-1)![1], 'closed', `${plan.closedOn}T17:00:00.000Z`, null, plan.closureReason]);
    for (const [from, to, at, contactId, closure] of steps) changes.push({ episodeId: plan.id, from, to, at, workerId: plan.workerId, contactId, closure });
  });
  return { counts: { episodes: sorted.length, episode_reasons: reasons }, changes };
}

/** The status history, written after the contacts it points at, in time order (a stable sort keeps each episode's steps in order). */
function writeHistory(context: GeneratorContext, changes: StatusStep[]): number {
  const history = context.raw.prepare(`INSERT INTO episode_status_history (episode_id, from_status, to_status, at, changed_by, contact_id, closure_reason) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const sorted = [...changes].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  inOneTransaction(context.raw, sorted, (step) => history.run(step.episodeId, step.from, step.to, step.at, step.workerId, step.contactId, step.closure));
  return sorted.length;
}

function writeContacts(context: GeneratorContext, plans: EpisodePlan[], random: SeededRandom): StageCounts {
  const { raw, today, staff } = context;
  const all: { plan: EpisodePlan; contact: ContactPlan }[] = [];
  for (const plan of plans) for (const contact of plan.contacts) all.push({ plan, contact });
  all.sort((a, b) => (a.contact.at < b.contact.at ? -1 : a.contact.at > b.contact.at ? 1 : 0));
  const insert = raw.prepare(`INSERT INTO contacts (id, episode_id, person_id, at, contact_on, mode, duration_minutes, attendees, notes, did_not_attend, decision, recorded_by, recorded_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const code = raw.prepare(`INSERT INTO coding_queue (id, episode_id, person_id, contact_id, code, contact_on, due_on, queued_at, queued_by, recorded_on, recorded_by, recorded_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const recorders = [staff.admin, ...staff.supervisors];
  let codes = 0;
  inOneTransaction(raw, all, ({ plan, contact }) => {
    const contactOn = contact.at.slice(0, 10);
    insert.run(
      contact.id, plan.id, plan.personId, contact.at, contactOn, random.pick(CONTACT_MODE_CODES), contact.attended ? random.pick([20, 30, 45, 60]) : 0,
      random.chance(0.15) ? 'Daughter came along' : null, contact.note, contact.attended ? 0 : 1, contact.decision, plan.workerId, contact.at,
    );
    if (!contact.decision) return;
    const dueOn = addDays(contactOn, CODING_DUE_DAYS);
    // Most codes are recorded within the week; recent ones wait, and a few were forgotten.
    const recordedOn = daysBetween(contactOn, today) < 10 || random.chance(0.005) ? null : addDays(contactOn, random.int(0, 9));
    const recorder = random.pick(recorders).id;
    const concept = contact.decision === 'accepted' ? SNOMED.referralToSocialPrescribing : SNOMED.socialPrescribingDeclined;
    code.run(
      seededUuid(random), plan.id, plan.personId, contact.id, concept.code, contactOn, dueOn, contact.at, plan.workerId,
      recordedOn, recordedOn ? recorder : null, recordedOn ? `${recordedOn}T12:00:00.000Z` : null,
    );
    codes += 1;
  });
  return { contacts: all.length, coding_queue: codes };
}

function writePersonNotes(context: GeneratorContext, plans: EpisodePlan[], random: SeededRandom): number {
  const notes = plans
    .filter(() => random.chance(0.45))
    .map((plan) => ({ plan, at: timeOn(addDays(plan.receivedOn, random.int(0, Math.max(0, daysBetween(plan.receivedOn, plan.endOn)))), random) }))
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const insert = context.raw.prepare(`INSERT INTO person_notes (id, person_id, episode_id, text, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)`);
  inOneTransaction(context.raw, notes, ({ plan, at }) => insert.run(seededUuid(random), plan.personId, random.chance(0.7) ? plan.id : null, random.pick(PERSON_NOTES), at, plan.workerId));
  return notes.length;
}

export const caseworkStage: GeneratorStage = {
  name: 'people, referrals, contacts and the coding queue',
  run(context) {
    const random = streamFor(context.seed, 'casework');
    const plans = planEpisodes(context, random);
    const counts = contactCounts(context, plans, random);
    plans.forEach((plan, index) => {
      fillContacts(context, plan, counts[index]!, random);
      plan.status = statusOf(plan);
    });
    const { people, episodes, contacts, history, personNotes } = withSearchIndexesBuiltAfterwards(context.raw, () => {
      const people = writePeople(context, plans, random);
      const episodes = writeEpisodes(context, plans, random);
      const contacts = writeContacts(context, plans, random);
      const history = writeHistory(context, episodes.changes);
      const personNotes = writePersonNotes(context, plans, random);
      return { people, episodes, contacts, history, personNotes };
    });
    context.episodes = plans.map(({ id, personId, workerId, receivedOn, status, closedOn, acceptedOn }) => ({ id, personId, workerId, receivedOn, status, closedOn, acceptedOn }));
    return { people, ...episodes.counts, episode_status_history: history, ...contacts, person_notes: personNotes };
  },
};
