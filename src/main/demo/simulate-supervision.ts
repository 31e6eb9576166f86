import { addDays } from 'date-fns';
import type { CaseloadRow } from '../../shared/ipc/casework-schemas';
import type { MyPair, SessionSummary, SessionWorkspace } from '../../shared/ipc/supervision-schemas';
import { WorkspaceSession } from '../services/workspace-session';
import { call, DEMO_PASSWORD, type DemoUser, SimulationClock } from './demo-workspace';
import { SeededRandom } from './random';

/**
 * Supervision in the DEMO workspace: the admin pairs two of the three link workers with the GP
 * supervisor (the third is left unpaired, so the supervisor's narrower view shows), link workers
 * flag a few people, and a month of weekly sessions is replayed through the router — prepared by
 * the link worker, discussed and signed off by the supervisor — leaving one session unsigned for
 * over a week (flagged to both) and this week's session prepared and open.
 */
interface SupervisionDemo {
  folder: string;
  today: Date;
  seed: number;
  users: readonly DemoUser[];
}

const NEVER_IDLE = Number.MAX_SAFE_INTEGER;
const WEEKS = [4, 3, 2, 1];
const FEELINGS = ['good', 'okay', 'okay', 'struggling'] as const;
const WORKLOADS = ['manageable', 'manageable', 'heavy', 'too_much'] as const;
const DISCUSSIONS = [
  'DEMO: talked through what has helped so far and what is getting in the way.',
  'DEMO: agreed the person needs a slower pace; fewer contacts, more time at each.',
  'DEMO: checked the plan against what matters to them; goals still right.',
];
const DECISIONS = ['DEMO: carry on as planned and review in two weeks.', 'DEMO: close with a warm handover to the walking group.', 'DEMO: ask the GP for a medication review.'];
const ACTIONS = ['DEMO: ring the person before the next group session', 'DEMO: check the housing officer has replied', 'DEMO: book a joint visit with the community nurse'];

async function signedIn(folder: string, clock: SimulationClock, username: string): Promise<WorkspaceSession> {
  const session = new WorkspaceSession({ folder, clock, idleMillisecondsOverride: NEVER_IDLE });
  await call(session, 'session.signIn', { username, password: DEMO_PASSWORD });
  return session;
}

function atTen(day: Date): Date {
  return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 10, 0));
}

const isoDate = (moment: Date) => moment.toISOString().slice(0, 10);

async function openCases(session: WorkspaceSession, workerUserId: string): Promise<CaseloadRow[]> {
  return (await call<{ rows: CaseloadRow[] }>(session, 'caseload.list', { page: 0, pageSize: 100, workerUserId, sortBy: 'name', sortDirection: 'asc' })).rows;
}

/** The supervisor works through the top of the agenda, agrees actions, ticks off some carried over, and (usually) signs. */
async function holdSession(supervisor: WorkspaceSession, random: SeededRandom, session: SessionSummary, sign: boolean): Promise<void> {
  const workspace = await call<SessionWorkspace>(supervisor, 'supervision.get', { sessionId: session.id });
  for (const item of workspace.agenda.slice(0, 3)) {
    const safeguarding = item.reasons.includes('safeguarding');
    await call(supervisor, 'supervision.recordDiscussion', {
      itemId: item.id,
      discussion: random.pick(DISCUSSIONS),
      decision: random.pick(DECISIONS),
      safeguardingRaised: safeguarding,
      safeguardingAction: safeguarding ? 'DEMO: discussed with the practice safeguarding lead; no referral needed yet.' : '',
    });
    if (random.chance(0.6)) {
      await call(supervisor, 'supervision.addAction', { sessionId: session.id, itemId: item.id, text: random.pick(ACTIONS), owner: 'link_worker', dueOn: isoDate(addDays(new Date(session.heldOn), 7)) });
    }
  }
  for (const action of workspace.carriedActions.filter((carried) => carried.doneOn === null)) {
    if (random.chance(0.7)) await call(supervisor, 'supervision.completeAction', { actionId: action.id, doneOn: session.heldOn });
  }
  if (sign) await call(supervisor, 'supervision.sign', { sessionId: session.id });
}

/** The link worker prepares: a wellbeing check-in, and now and then a case of their own. */
async function prepareSession(worker: WorkspaceSession, random: SeededRandom, pair: MyPair, heldOn: Date): Promise<SessionSummary> {
  const session = await call<SessionSummary>(worker, 'supervision.create', { pairId: pair.id, heldOn: isoDate(heldOn), attendees: [pair.worker.displayName, pair.supervisor.displayName] });
  await call(worker, 'supervision.saveWellbeing', {
    sessionId: session.id,
    feeling: random.pick(FEELINGS),
    feelingNote: '',
    workload: random.pick(WORKLOADS),
    trainingNeeds: random.chance(0.3) ? 'DEMO: motivational interviewing refresher' : '',
    supportAgreed: '',
  });
  const onAgenda = new Set((await call<SessionWorkspace>(worker, 'supervision.get', { sessionId: session.id })).agenda.map((item) => item.episodeId));
  const candidate = (await openCases(worker, pair.worker.id)).find((row) => !onAgenda.has(row.episodeId));
  if (candidate && random.chance(0.5)) {
    await call(worker, 'supervision.addCase', { sessionId: session.id, episodeId: candidate.episodeId, note: 'DEMO: would like a second view on next steps.' });
  }
  return session;
}

export async function simulateSupervision(options: SupervisionDemo): Promise<void> {
  const random = new SeededRandom(options.seed + 4242);
  const start = atTen(addDays(options.today, -7 * (WEEKS[0]! + 1)));
  const clock = new SimulationClock(start);
  const supervisorUser = options.users.find((user) => user.role === 'gp_supervisor')!;
  const [first, second] = options.users.filter((user) => user.role === 'link_worker');
  const sessions: WorkspaceSession[] = [];
  try {
    const admin = await signedIn(options.folder, clock, options.users.find((user) => user.role === 'admin')!.username);
    sessions.push(admin);
    const overview = await call<{ supervisors: { id: string; displayName: string }[]; workers: { id: string; displayName: string }[] }>(admin, 'supervisionPairs.list', {});
    const idOf = (user: DemoUser) => [...overview.supervisors, ...overview.workers].find((candidate) => candidate.displayName === user.displayName)!.id;
    for (const worker of [first!, second!]) await call(admin, 'supervisionPairs.assign', { supervisorUserId: idOf(supervisorUser), workerUserId: idOf(worker) });

    const supervisor = await signedIn(options.folder, clock, supervisorUser.username);
    sessions.push(supervisor);
    const workers = [];
    for (const user of [first!, second!]) {
      const session = await signedIn(options.folder, clock, user.username);
      sessions.push(session);
      const pair = (await call<MyPair[]>(session, 'supervision.pairs', {}))[0]!;
      // A couple of people flagged, so the agenda and the caseload show flags.
      const cases = await openCases(session, pair.worker.id);
      const flags = [
        ['safeguarding', 'DEMO: a neighbour may be taking their pension.'],
        ['risk', 'DEMO: said they had stopped eating properly.'],
      ] as const;
      for (const [index, [kind, reason]] of flags.entries()) {
        const row = cases[index * 3];
        if (row) await call(session, 'personFlags.raise', { personId: row.personId, kind, reason });
      }
      workers.push({ session, pair });
    }

    for (const weeksAgo of WEEKS) {
      const heldOn = atTen(addDays(options.today, -7 * weeksAgo));
      clock.set(heldOn);
      for (const [index, { session, pair }] of workers.entries()) {
        const open = (await call<MyPair[]>(session, 'supervision.pairs', {}))[0]!.openSessionId;
        if (open) continue;
        const prepared = await prepareSession(session, random, pair, heldOn);
        // The second pair's session two weeks ago is left unsigned: over 7 days, so flagged to both.
        await holdSession(supervisor, random, prepared, !(index === 1 && weeksAgo === 2));
      }
    }
    // This week's session, prepared by the first link worker and waiting for the supervisor.
    clock.set(new Date(options.today.getTime() - 3_600_000));
    await prepareSession(workers[0]!.session, random, workers[0]!.pair, options.today);
  } finally {
    for (const session of sessions) await session.close();
  }
}
