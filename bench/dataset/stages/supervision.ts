import type { SeededRandom } from '../../../src/main/demo/random';
import { sortReasons } from '../../../src/main/services/supervision/agenda';
import { type ActionOwner, type AgendaReason, FIRST_PERIOD_DAYS, WELLBEING_FEELING_CODES, WORKLOAD_CODES } from '../../../src/shared/domain/supervision';
import { addDays, daysBetween, weekdayOf } from '../../../src/shared/domain/working-days';
import { type GeneratorStage, seededUuid, type StaffMember, streamFor, tableExists } from '../context';
import { type CaseFact, WorkerCasework } from './supervision-casework';

/**
 * Supervision: each GP supervisor paired with link workers (round robin), and roughly weekly
 * sessions per pair back from today until the dataset has scale.supervisionSessions of them.
 * Each session has a few cases from the worker's referrals open that day (with the reasons the
 * app's agenda gives, and cases with actions carried over), the worker's wellbeing check-in,
 * actions agreed, ticked off in a later session or between sessions, and the period numbers
 * frozen at sign-off. Every pair's latest session is still open (one of them over a week old,
 * waiting for sign-off, as the demo data has); a few signed sessions have an addendum.
 *
 * The triggers make a signed session read-only, so rows are written as the app writes them, in
 * time order: the session and its agenda, actions and check-in while it is open, completions,
 * then the sign-off (an UPDATE), then any addenda.
 */
const DISCUSSIONS = [
  'Talked through what has helped so far and what is getting in the way.', 'Agreed a slower pace: fewer contacts, more time at each.',
  'Checked the plan against what matters to them; the goals are still right.', 'Went over the last three contacts; engagement is patchy but improving.',
  'Discussed the family situation and how much to involve the daughter.', 'Reviewed the money worries; the advice service has not replied yet.',
  'Considered whether the case is ready to close with a warm handover.', 'Talked about boundaries: the person calls most days.',
] as const;
const DECISIONS = [
  'Carry on as planned and review in two weeks.', 'Close with a warm handover to the walking group.', 'Ask the GP about a medication review.',
  'Offer a joint visit with the community nurse.', 'Keep open for one more month, then close if there is no contact.', 'Refer on to the debt advice service.',
] as const;
const ACTIONS = [
  'Ring the person before the next group session', 'Check the housing officer has replied', 'Book a joint visit with the community nurse',
  'Send the referral to the debt advice service', 'Ask the practice about a medication review', 'Find a befriending service that covers the village',
  'Update the care plan with the new goal', 'Record the outcome measure at the next contact',
] as const;
const GENERAL_ACTIONS = ['Book the motivational interviewing refresher', 'Share the new directory entries with the team', 'Plan cover for the annual leave'] as const;
const ADDED_NOTES = ['Would like a second view on next steps.', 'Not sure the goals are still right.', 'Finding this one hard; would like to talk it through.'] as const;
const SAFEGUARDING_ACTIONS = ['Discussed with the practice safeguarding lead; no referral needed yet.', 'Safeguarding referral made to the local authority the same day.'] as const;
const TRAINING = ['Motivational interviewing refresher', 'Bereavement awareness', 'Debt and benefits update'] as const;
const SUPPORT = ['Protected admin time on Friday afternoons', 'A lighter caseload for the next month', 'Peer support call with another link worker'] as const;
const ADDENDA = [
  'The GP has since confirmed the medication review is booked.', 'Correction: the joint visit is with the practice nurse, not the community nurse.',
  'The person has asked to close the referral; agreed by phone.', 'Safeguarding lead replied: no further action needed.',
] as const;

interface PlannedAction {
  id: string;
  sessionIndex: number;
  fact: CaseFact | null;
  /** The session it is ticked off in (or just before, when `between`); past the last session it stays open. */
  doneIn: number;
  between: boolean;
}

interface AgendaPick {
  fact: CaseFact;
  reasons: AgendaReason[];
  added: boolean;
}

interface TimedWrite {
  at: string;
  write: () => void;
}

const pad = (n: number) => String(n).padStart(2, '0');
const timeOn = (day: string, hour: number, minute: number) => `${day}T${pad(hour + Math.floor(minute / 60))}:${pad(minute % 60)}:00.000Z`;

function weekdayOnOrBefore(day: string): string {
  const weekday = weekdayOf(day);
  return weekday === 0 ? addDays(day, -2) : weekday === 6 ? addDays(day, -1) : day;
}

/** Session days, oldest first: about a week apart (5–9 days, now and then a week missed), the latest in the last few days. */
function sessionDays(random: SeededRandom, today: string, count: number, overdue: boolean): string[] {
  const days = [weekdayOnOrBefore(addDays(today, overdue ? -random.int(9, 12) : -random.int(0, 3)))];
  while (days.length < count) days.push(weekdayOnOrBefore(addDays(days.at(-1)!, random.chance(0.08) ? -14 : -random.int(5, 9))));
  return days.reverse();
}

/** The cases carried over onto session `index`: actions from earlier sessions not ticked off before it began. */
function carriedCases(actions: readonly PlannedAction[], index: number): CaseFact[] {
  const carried = new Map<string, CaseFact>();
  for (const action of actions) {
    if (action.sessionIndex < index && action.fact && (action.doneIn > index || (action.doneIn === index && !action.between))) carried.set(action.fact.episode.id, action.fact);
  }
  return [...carried.values()];
}

/** A few cases for the agenda: the carried ones, some the caseload flags, and now and then one the worker adds. */
function chooseAgenda(random: SeededRandom, casework: WorkerCasework, workerId: string, heldOn: string, periodFrom: string, carried: readonly CaseFact[]): AgendaPick[] {
  const open = casework.openOn(workerId, heldOn);
  const reasonsOf = new Map(open.map(({ fact, reasons }) => [fact.episode.id, reasons]));
  const picks = new Map<string, AgendaPick>();
  for (const fact of carried) picks.set(fact.episode.id, { fact, reasons: [...(reasonsOf.get(fact.episode.id) ?? []), 'carried_action'], added: false });
  const flagged: AgendaPick[] = [
    ...open.filter(({ reasons }) => reasons.length > 0).map(({ fact, reasons }) => ({ fact, reasons, added: false })),
    ...casework.closedInPeriod(workerId, periodFrom, heldOn).map(({ fact, reason }) => ({ fact, reasons: [reason], added: false })),
  ];
  for (const pick of random.pickSome(flagged, random.int(2, 5))) if (!picks.has(pick.fact.episode.id)) picks.set(pick.fact.episode.id, pick);
  if (open.length > 0 && random.chance(0.2)) {
    const { fact, reasons } = random.pick(open);
    if (!picks.has(fact.episode.id)) picks.set(fact.episode.id, { fact, reasons, added: true });
  }
  return [...picks.values()];
}

function whenDone(random: SeededRandom, sessionIndex: number): { doneIn: number; between: boolean } {
  const roll = random.next();
  if (roll < 0.6) return { doneIn: sessionIndex + 1, between: false };
  if (roll < 0.8) return { doneIn: sessionIndex + 1, between: true };
  return { doneIn: sessionIndex + (roll < 0.92 ? 2 : 3), between: false };
}

export const supervisionStage: GeneratorStage = {
  name: 'supervision sessions',
  pending: (raw) => (tableExists(raw, 'supervision_sessions') ? null : 'not built yet (2,000 supervision sessions at full scale)'),
  run(context) {
    const { raw, today, staff } = context;
    const random = streamFor(context.seed, 'supervision');
    if (staff.supervisors.length === 0 || staff.workers.length === 0) return {};
    const casework = new WorkerCasework(raw, context.episodes, today);
    const sql = {
      pair: raw.prepare(`INSERT INTO supervision_pairs (id, supervisor_user_id, worker_user_id, assigned_at, assigned_by) VALUES (?, ?, ?, ?, ?)`),
      session: raw.prepare(`INSERT INTO supervision_sessions (id, pair_id, held_on, period_from, attendees_json, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      item: raw.prepare(`INSERT INTO supervision_agenda_items (id, session_id, episode_id, person_id, reasons_json, added_by, added_note, discussion, decision, safeguarding_raised, safeguarding_action,
          created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      action: raw.prepare(`INSERT INTO supervision_actions (id, session_id, agenda_item_id, text, owner, due_on, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
      wellbeing: raw.prepare(`INSERT INTO supervision_wellbeing (session_id, feeling, feeling_note, workload, training_needs, support_agreed, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
      completion: raw.prepare(`INSERT INTO supervision_action_completions (action_id, done_on, session_id, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?)`),
      sign: raw.prepare(`UPDATE supervision_sessions SET numbers_json = ?, signed_at = ?, signed_by = ?, updated_at = ?, updated_by = ? WHERE id = ? AND signed_at IS NULL`),
      addendum: raw.prepare(`INSERT INTO supervision_addenda (id, session_id, text, added_at, added_by) VALUES (?, ?, ?, ?, ?)`),
    };
    const counts = {
      supervision_pairs: 0, supervision_sessions: 0, supervision_agenda_items: 0, supervision_actions: 0,
      supervision_action_completions: 0, supervision_wellbeing: 0, supervision_addenda: 0,
    };
    const writes: TimedWrite[] = [];
    /** A row to write at `at` (null: a change to a row already counted). */
    const later = (at: string, table: keyof typeof counts | null, write: () => void) => {
      writes.push({
        at,
        write: () => {
          write();
          if (table) counts[table] += 1;
        },
      });
    };

    const workers = staff.workers;
    workers.forEach((worker, index) => {
      const supervisor: StaffMember = staff.supervisors[index % staff.supervisors.length]!;
      const total = context.scale.supervisionSessions;
      const count = Math.floor(total / workers.length) + (index < total % workers.length ? 1 : 0);
      if (count === 0) return;
      const days = sessionDays(random, today, count, workers.length > 1 && index === workers.length - 1);
      const last = days.length - 1;
      const pairId = seededUuid(random);
      const sessionIds = days.map(() => seededUuid(random));
      // Assigned by the admin a week before the pair's first period began.
      const assignedAt = timeOn(addDays(days[0]!, -FIRST_PERIOD_DAYS - 7), 9, 0);
      later(assignedAt, 'supervision_pairs', () => sql.pair.run(pairId, supervisor.id, worker.id, assignedAt, staff.admin.id));
      const actions: PlannedAction[] = [];
      days.forEach((heldOn, j) => {
        const sessionId = sessionIds[j]!;
        // The latest session is open: discussed and waiting for sign-off, or today's, not yet held (the clock says 08:00).
        const discussed = j < last || heldOn < today;
        const periodFrom = j === 0 ? addDays(heldOn, -(FIRST_PERIOD_DAYS - 1)) : addDays(days[j - 1]!, 1);
        const createdAt = timeOn(heldOn, 7, 45);
        later(createdAt, 'supervision_sessions', () => sql.session.run(sessionId, pairId, heldOn, periodFrom, JSON.stringify([worker.displayName, supervisor.displayName]), createdAt, worker.id, createdAt, worker.id));

        const agenda = chooseAgenda(random, casework, worker.id, heldOn, periodFrom, carriedCases(actions, j));
        let minute = 0;
        for (const pick of agenda) {
          const itemId = seededUuid(random);
          const safeguarding = discussed && random.chance(0.02);
          const updatedAt = discussed ? timeOn(heldOn, 10, minute) : createdAt;
          const values = [
            itemId, sessionId, pick.fact.episode.id, pick.fact.episode.personId, JSON.stringify(sortReasons(pick.reasons)), pick.added ? worker.id : null, pick.added ? random.pick(ADDED_NOTES) : null,
            discussed ? random.pick(DISCUSSIONS) : null, discussed ? random.pick(DECISIONS) : null, safeguarding ? 1 : 0, safeguarding ? random.pick(SAFEGUARDING_ACTIONS) : null,
            createdAt, updatedAt, discussed ? supervisor.id : worker.id,
          ];
          later(createdAt, 'supervision_agenda_items', () => sql.item.run(...values));
          if (discussed && random.chance(0.4)) {
            const action: PlannedAction = { id: seededUuid(random), sessionIndex: j, fact: pick.fact, ...whenDone(random, j) };
            const row = [action.id, sessionId, itemId, random.pick(ACTIONS), random.chance(0.8) ? 'link_worker' : 'supervisor', addDays(heldOn, random.pick([7, 14, 28])), timeOn(heldOn, 10, minute + 2), supervisor.id] as const;
            later(createdAt, 'supervision_actions', () => sql.action.run(...row));
            actions.push(action);
          }
          minute += 5;
        }
        if (discussed && random.chance(0.3)) {
          const action: PlannedAction = { id: seededUuid(random), sessionIndex: j, fact: null, ...whenDone(random, j) };
          const owner: ActionOwner = random.chance(0.5) ? 'link_worker' : 'supervisor';
          const row = [action.id, sessionId, null, random.pick(GENERAL_ACTIONS), owner, addDays(heldOn, 28), timeOn(heldOn, 10, minute + 2), supervisor.id] as const;
          later(createdAt, 'supervision_actions', () => sql.action.run(...row));
          actions.push(action);
        }
        if (random.chance(0.9)) {
          const row = [
            sessionId, random.pick(WELLBEING_FEELING_CODES), random.chance(0.1) ? 'A difficult week with two bereavements on the caseload.' : null, random.pick(WORKLOAD_CODES),
            random.chance(0.2) ? random.pick(TRAINING) : null, random.chance(0.2) ? random.pick(SUPPORT) : null, createdAt, worker.id,
          ] as const;
          later(createdAt, 'supervision_wellbeing', () => sql.wellbeing.run(...row));
        }

        // Earlier actions ticked off: in this session while it is open, or the day before it, when the pair had no open session.
        for (const action of actions.filter((candidate) => candidate.doneIn === j)) {
          const agreedOn = days[action.sessionIndex]!;
          if (action.between) {
            const at = timeOn(addDays(heldOn, -1), 12, 0);
            const doneOn = addDays(agreedOn, random.int(0, daysBetween(agreedOn, heldOn) - 1));
            later(at, 'supervision_action_completions', () => sql.completion.run(action.id, doneOn, null, at, worker.id));
          } else if (discussed) {
            const at = timeOn(heldOn, 10, minute + 10);
            const doneOn = addDays(agreedOn, random.int(0, daysBetween(agreedOn, heldOn)));
            later(at, 'supervision_action_completions', () => sql.completion.run(action.id, doneOn, sessionId, at, supervisor.id));
          }
        }

        if (j === last) return;
        // Signed on a weekday within two days, always before the next session is started.
        const signingDays = [0, 1, 2].filter((after) => after <= daysBetween(heldOn, days[j + 1]!) - 2).map((after) => addDays(heldOn, after));
        const signedOn = random.pick(signingDays.filter((day) => weekdayOnOrBefore(day) === day));
        const signedAt = timeOn(signedOn, 16, random.int(0, 11) * 5);
        const numbers = JSON.stringify(casework.numbers(worker.id, periodFrom, heldOn, signedOn));
        later(signedAt, null, () => {
          if (sql.sign.run(numbers, signedAt, supervisor.id, signedAt, supervisor.id, sessionId).changes !== 1) throw new Error('A supervision session was not signed');
        });
        if (random.chance(0.04)) {
          const addedOn = addDays(signedOn, random.int(1, 30));
          const author = random.chance(0.6) ? supervisor : worker;
          const [id, text, addedAt] = [seededUuid(random), random.pick(ADDENDA), timeOn(addedOn, 11, 15)];
          if (addedOn < today) later(addedAt, 'supervision_addenda', () => sql.addendum.run(id, sessionId, text, addedAt, author.id));
        }
      });
    });

    // In time order (a stable sort keeps each session's own rows in the order above), so rowids grow with time.
    writes.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    raw.transaction(() => writes.forEach((entry) => entry.write()))();
    return counts;
  },
};
