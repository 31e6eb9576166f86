import { addDays } from 'date-fns';
import { router } from '../ipc';
import type { WorkspaceSession } from '../services/workspace-session';
import { call } from './demo-workspace';
import { SeededRandom } from './random';

/**
 * Outcome measures for one demo person, replayed through the router like the rest of the demo:
 * a baseline ONS4 (with SWEMWBS and UCLA-3 for some) soon after the first contact, follow-ups
 * every six weeks while the episode is open (a few missed, so the caseload shows due follow-ups),
 * and, for episodes that close, the end ONS4 (answered, or sometimes declined) and GP and A&E use.
 * It draws from its own seeded generator, so the rest of the demo stays as it was.
 */
interface OutcomePlanInput {
  add: (at: Date, run: () => Promise<void>) => void;
  session: WorkspaceSession;
  state: { episodeId?: string };
  seed: number;
  firstContact: Date;
  today: Date;
}

const isoDate = (moment: Date) => moment.toISOString().slice(0, 10);
const FOLLOW_UP_DAYS = 42;
const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** Calls a channel, treating "not any more" (the episode closed meanwhile) as nothing to do. */
async function ifStillOpen(session: WorkspaceSession, channel: string, input: unknown): Promise<boolean> {
  const result = await router(session, channel, input);
  if (result.ok) return true;
  if (result.error.code === 'conflict') return false;
  throw new Error(`Demo data: ${channel} was refused (${result.error.code}): ${result.error.message}`);
}

export function planOutcomes(input: OutcomePlanInput): { endOfEpisode: (at: Date) => void } {
  const { add, session, state } = input;
  const random = new SeededRandom(input.seed);
  // Scores drift towards better wellbeing over the episode, as they mostly do.
  const ons4 = [random.int(2, 6), random.int(3, 6), random.int(2, 6), random.int(4, 9)];
  const swemwbs = random.chance(0.4) ? Array.from({ length: 7 }, () => random.int(1, 3)) : null;
  const ucla3 = random.chance(0.5) ? [random.int(2, 3), random.int(1, 3), random.int(2, 3)] : null;
  let ended = false;
  const improve = () => {
    for (const index of [0, 1, 2]) ons4[index] = clamp(ons4[index]! + random.int(-1, 2), 0, 10);
    ons4[3] = clamp(ons4[3]! - random.int(-1, 2), 0, 10);
    swemwbs?.forEach((answer, index) => (swemwbs[index] = clamp(answer + random.int(0, 1), 1, 5)));
    ucla3?.forEach((answer, index) => (ucla3[index] = clamp(answer - random.int(0, 1), 1, 3)));
  };
  const record = async (at: Date, timepoint: 'baseline' | 'review', nextFollowUpOn: string) => {
    const common = { episodeId: state.episodeId, timepoint, recordedOn: isoDate(at) };
    if (!(await ifStillOpen(session, 'outcomes.record', { ...common, instrument: 'ons4', answers: ons4, nextFollowUpOn }))) return false;
    if (swemwbs) await ifStillOpen(session, 'outcomes.record', { ...common, instrument: 'swemwbs', answers: swemwbs });
    if (ucla3) await ifStillOpen(session, 'outcomes.record', { ...common, instrument: 'ucla3', answers: ucla3 });
    return true;
  };

  const baselineAt = addDays(input.firstContact, 0);
  baselineAt.setUTCMinutes(baselineAt.getUTCMinutes() + 25);
  add(baselineAt, async () => {
    await record(baselineAt, 'baseline', isoDate(addDays(baselineAt, FOLLOW_UP_DAYS)));
  });
  for (let review = addDays(baselineAt, FOLLOW_UP_DAYS); review.getTime() < input.today.getTime(); review = addDays(review, FOLLOW_UP_DAYS)) {
    const at = review;
    // About one follow-up in six is missed: the caseload then shows it as due.
    if (random.chance(0.17)) continue;
    add(at, async () => {
      if (ended) return;
      improve();
      await record(at, 'review', isoDate(addDays(at, FOLLOW_UP_DAYS)));
    });
  }

  return {
    endOfEpisode(at: Date) {
      const answered = random.chance(0.85);
      const declined = !answered && random.chance(0.6);
      const before = [random.int(2, 12), random.int(0, 2)];
      const after = [clamp(before[0]! - random.int(-1, 4), 0, 30), clamp(before[1]! - random.int(0, 1), 0, 5)];
      add(at, async () => {
        ended = true;
        improve();
        if (answered || declined) {
          await ifStillOpen(session, 'outcomes.record', { episodeId: state.episodeId, instrument: 'ons4', timepoint: 'end', recordedOn: isoDate(at), declined, answers: declined ? [] : ons4 });
        }
        await call(session, 'systemUse.record', { episodeId: state.episodeId, period: 'before', gpConsultations: before[0], aeAttendances: before[1] });
      });
      // The six months after the episode, counted once they have passed.
      add(addDays(at, 190), async () => {
        await call(session, 'systemUse.record', { episodeId: state.episodeId, period: 'after', gpConsultations: after[0], aeAttendances: after[1] });
      });
    },
  };
}
