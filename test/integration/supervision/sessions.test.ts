import { describe, expect, it } from 'vitest';
import type { WorkspaceSession } from '../../../src/main/services/workspace-session';
import type { CodingItem } from '../../../src/shared/ipc/casework-schemas';
import type { PlanVersion } from '../../../src/shared/ipc/plans-schemas';
import type { AgendaItem, MyPair, SessionSearchResult, SessionSummary, SupervisionAction } from '../../../src/shared/ipc/supervision-schemas';
import { advanceDays, auditOf, personWithEpisode, recordContact } from '../../support/casework';
import { newSession, ok, refused } from '../../support/workspace';
import { startSession, supervision, workspaceOf, type Supervision } from './support';

const TODAY = '2026-04-06'; // a Monday

async function contactOn(session: WorkspaceSession, episodeId: string, day: string, extra: Record<string, unknown> = {}) {
  return recordContact(session, episodeId, { at: `${day}T10:00:00.000Z`, ...extra });
}

async function recordCodes(session: WorkspaceSession, episodeIds: string[]) {
  for (const item of await ok<CodingItem[]>(session, 'coding.queue', { includeRecorded: false })) {
    if (episodeIds.includes(item.episodeId)) await ok(session, 'coding.markRecorded', { itemId: item.id, recordedOn: item.contactOn });
  }
}

/** One case for each reason the agenda knows, one case that needs no discussion, and another worker's flagged case. */
async function caseload(context: Supervision) {
  const { worker, as } = context;
  const person = async (name: string, receivedOn: string) => {
    const made = await personWithEpisode(worker, { receivedOn }, { givenName: name, familyName: 'Case' });
    return { personId: made.person.id, episodeId: made.episode.id };
  };
  const risky = await person('Risky', '2026-04-01');
  await contactOn(worker, risky.episodeId, '2026-04-01', { decision: 'accepted' });
  await ok(worker, 'personFlags.raise', { personId: risky.personId, kind: 'risk', reason: 'Talked about not wanting to go on' });
  const guarded = await person('Guarded', '2026-04-02');
  await ok(worker, 'personFlags.raise', { personId: guarded.personId, kind: 'safeguarding', reason: 'Neighbour takes their pension' });
  const long = await person('Long', '2026-01-05');
  await contactOn(worker, long.episodeId, '2026-03-30', { decision: 'accepted' });
  const chatty = await person('Chatty', '2026-03-02');
  for (let n = 0; n < 13; n += 1) await contactOn(worker, chatty.episodeId, `2026-03-${String(2 + 2 * n).padStart(2, '0')}`, n === 0 ? { decision: 'accepted' } : {});
  const uncoded = await person('Uncoded', '2026-03-20');
  await contactOn(worker, uncoded.episodeId, '2026-03-23', { decision: 'accepted' });
  const quiet = await person('Quiet', '2026-02-16');
  await contactOn(worker, quiet.episodeId, '2026-03-02', { decision: 'accepted' });
  const gone = await person('Gone', '2026-03-02');
  await contactOn(worker, gone.episodeId, '2026-03-03', { decision: 'accepted' });
  await ok(worker, 'episodes.transition', { episodeId: gone.episodeId, to: 'closed', closureReason: 'disengaged' });
  const declined = await person('Declining', '2026-04-01');
  await contactOn(worker, declined.episodeId, '2026-04-01', { decision: 'declined' });
  const stuck = await person('Stuck', '2026-03-16');
  await contactOn(worker, stuck.episodeId, '2026-03-16', { decision: 'accepted' });
  await contactOn(worker, stuck.episodeId, '2026-04-01');
  const draft = await ok<PlanVersion>(worker, 'plans.saveDraft', { episodeId: stuck.episodeId, goals: [{ text: 'Go to the lunch club' }], steps: [] });
  const plan = await ok<PlanVersion>(worker, 'plans.agree', { planVersionId: draft.id, method: 'verbal', agreedOn: '2026-03-16' });
  await ok(worker, 'plans.recordReview', { planVersionId: plan.id, reviewedOn: '2026-04-01', goals: [{ goalId: plan.goals[0]!.id, progress: 'not_started', note: '' }] });
  const fine = await person('Fine', '2026-04-01');
  await contactOn(worker, fine.episodeId, '2026-04-03', { decision: 'accepted' });
  await recordCodes(worker, [long.episodeId, chatty.episodeId, quiet.episodeId, gone.episodeId, stuck.episodeId]);
  const other = await as('otherWorker');
  const elsewhere = await personWithEpisode(other, { receivedOn: '2026-04-01' }, { givenName: 'Elsewhere', familyName: 'Case' });
  await ok(other, 'personFlags.raise', { personId: elsewhere.person.id, kind: 'risk', reason: 'Not this worker’s' });
  return { risky, guarded, long, chatty, uncoded, quiet, gone, declined, stuck, fine };
}

function reasonsByName(agenda: AgendaItem[]): Record<string, string[]> {
  return Object.fromEntries(agenda.map((item) => [item.personName, item.reasons]));
}

describe('preparing a session: the agenda and the numbers come from the link worker’s caseload', () => {
  it('puts each case that needs discussing on the agenda with its reasons, most pressing first, and works out the period’s numbers', async () => {
    const context = await supervision(`${TODAY}T08:00:00.000Z`);
    const cases = await caseload(context);
    const { worker, pair } = context;
    const session = await startSession(worker, pair.id, TODAY);
    expect(session).toMatchObject({ heldOn: TODAY, periodFrom: '2026-03-31', signedAt: null, overdue: false, agendaItems: 9 });

    const workspace = await workspaceOf(worker, session.id);
    expect(workspace.you).toBe('link_worker');
    expect(reasonsByName(workspace.agenda)).toEqual({
      'Guarded Case': ['safeguarding'],
      'Risky Case': ['risk'],
      'Stuck Case': ['no_progress'],
      'Gone Case': ['disengaged'],
      'Quiet Case': ['disengaged'],
      'Declining Case': ['declined'],
      'Long Case': ['over_12_weeks'],
      'Chatty Case': ['over_12_contacts'],
      'Uncoded Case': ['coding_overdue'],
    });
    expect(workspace.agenda.map((item) => item.personName)).toEqual([
      'Guarded Case', 'Risky Case', 'Stuck Case', 'Gone Case', 'Quiet Case', 'Declining Case', 'Long Case', 'Chatty Case', 'Uncoded Case',
    ]);
    expect(workspace.agenda.find((item) => item.personId === cases.risky.personId)!.flags).toEqual([{ kind: 'risk', reason: 'Talked about not wanting to go on' }]);
    expect(workspace.numbers).toEqual({ newReferrals: 4, active: 7, closed: 1, contacts: 4, waitingFirstContact: 1 });
    expect(workspace.numbersFrozen).toBe(false);

    // The link worker adds a case of their own, with why.
    const added = await ok<AgendaItem>(worker, 'supervision.addCase', { sessionId: session.id, episodeId: cases.fine.episodeId, note: 'Want a second view on the housing letter' });
    expect(added).toMatchObject({ personName: 'Fine Case', reasons: ['added'], addedNote: 'Want a second view on the housing letter' });
    const alsoFlagged = await ok<AgendaItem>(worker, 'supervision.addCase', { sessionId: session.id, episodeId: cases.quiet.episodeId, note: 'Tried three times' });
    expect(alsoFlagged.reasons).toEqual(['added', 'disengaged']);
    expect((await refused(worker, 'supervision.addCase', { sessionId: session.id, episodeId: cases.fine.episodeId, note: 'Again' })).code).toBe('conflict');
    const elsewhere = (await ok<{ rows: { episodeId: string; name: string }[] }>(worker, 'caseload.list', { page: 0, pageSize: 100 })).rows.find((row) => row.name === 'Elsewhere Case')!;
    expect((await refused(worker, 'supervision.addCase', { sessionId: session.id, episodeId: elsewhere.episodeId, note: 'Not mine' })).fields).toEqual({ episodeId: `Choose one of ${context.names.worker}’s cases` });
    expect((await refused(worker, 'supervision.addCase', { sessionId: session.id, episodeId: cases.fine.episodeId, note: ' ' })).fields).toEqual({ note: 'Say why you want to discuss this case' });

    // Rebuilding keeps what was added by hand and drops what no longer needs discussing.
    await recordCodes(worker, [cases.uncoded.episodeId]);
    expect(await ok(worker, 'supervision.refreshAgenda', { sessionId: session.id })).toEqual({ added: 0, removed: 1 });
    const rebuilt = await workspaceOf(worker, session.id);
    expect(rebuilt.agenda.map((item) => item.personName)).not.toContain('Uncoded Case');
    expect(rebuilt.agenda.map((item) => item.personName)).toContain('Fine Case');

    // The audit log holds ids and counts, never what was written.
    const written = auditOf(worker).filter((row) => row.action.startsWith('supervision.'));
    for (const row of written) expect(row.details_json).not.toMatch(/housing|Tried three times|Case/);
  });
});

/** A session with one flagged case, prepared by the link worker. */
async function preparedSession(context: Supervision) {
  const { worker, pair } = context;
  const { person, episode } = await personWithEpisode(worker, {}, { givenName: 'Peggy', familyName: 'Holloway' });
  await ok(worker, 'personFlags.raise', { personId: person.id, kind: 'safeguarding', reason: 'Son takes her bank card' });
  const session = await startSession(worker, pair.id);
  await ok(worker, 'supervision.saveWellbeing', {
    sessionId: session.id,
    feeling: 'struggling',
    feelingNote: 'Two difficult home visits this week',
    workload: 'heavy',
    trainingNeeds: 'Trauma-informed practice',
    supportAgreed: '',
  });
  const item = (await workspaceOf(worker, session.id)).agenda[0]!;
  return { session, item, person, episode };
}

describe('reviewing, deciding and signing off', () => {
  it('records the discussion, decision, safeguarding and actions per case; once signed, everything is read-only and only addenda are taken; the audit log shows it', async () => {
    const context = await supervision();
    const { worker, supervisor, ids } = context;
    const { session, item, person } = await preparedSession(context);

    const review = await workspaceOf(supervisor, session.id);
    expect(review.you).toBe('supervisor');
    expect(review.wellbeing).toMatchObject({ feeling: 'struggling', workload: 'heavy', trainingNeeds: 'Trauma-informed practice' });
    expect(await refused(supervisor, 'supervision.recordDiscussion', { itemId: item.id, discussion: 'Talked', safeguardingRaised: true })).toMatchObject({
      code: 'invalid_input',
      fields: { safeguardingAction: 'Say what was done about the safeguarding concern' },
    });
    const discussed = await ok<AgendaItem>(supervisor, 'supervision.recordDiscussion', {
      itemId: item.id,
      discussion: 'Peggy is frightened of her son.\nShe wants help with her bank.',
      decision: 'Refer to the adult safeguarding team today',
      safeguardingRaised: true,
      safeguardingAction: 'Referred to adult safeguarding by phone; reference given to the practice',
    });
    expect(discussed).toMatchObject({ decision: 'Refer to the adult safeguarding team today', safeguardingRaised: true });
    const action = await ok<SupervisionAction>(supervisor, 'supervision.addAction', { sessionId: session.id, itemId: item.id, text: 'Ring Peggy’s bank with her', owner: 'link_worker', dueOn: '2026-03-06' });
    expect(action).toMatchObject({ ownerName: context.names.worker, dueOn: '2026-03-06', doneOn: null, personName: 'Peggy Holloway', removable: true });
    const general = await ok<SupervisionAction>(supervisor, 'supervision.addAction', { sessionId: session.id, text: 'Book the trauma-informed practice course', owner: 'supervisor', dueOn: '2026-03-20' });
    expect((await refused(supervisor, 'supervision.addAction', { sessionId: session.id, text: 'Too early', owner: 'supervisor', dueOn: '2026-03-01' })).fields).toEqual({
      dueOn: 'An action cannot be due before the session',
    });
    await ok(supervisor, 'supervision.saveWellbeing', { sessionId: session.id, feeling: 'struggling', feelingNote: 'Two difficult home visits this week', workload: 'heavy', trainingNeeds: 'Trauma-informed practice', supportAgreed: 'Debrief after home visits for a month' });

    // The link worker cannot sign: the role table says so, and the audit log records the attempt.
    expect((await refused(worker, 'supervision.sign', { sessionId: session.id })).code).toBe('forbidden');
    const signed = await ok<SessionSummary>(supervisor, 'supervision.sign', { sessionId: session.id });
    expect(signed).toMatchObject({ signedBy: context.names.supervisor, signedAt: '2026-03-02T09:00:00.000Z' });

    // Afterwards: every change is refused, by the service and by the database.
    const changes: [WorkspaceSession, string, Record<string, unknown>][] = [
      [supervisor, 'supervision.recordDiscussion', { itemId: item.id, discussion: 'Rewritten', decision: '', safeguardingRaised: false }],
      [supervisor, 'supervision.addAction', { sessionId: session.id, text: 'Late action', owner: 'supervisor', dueOn: '2026-03-20' }],
      [supervisor, 'supervision.removeAction', { actionId: general.id }],
      [worker, 'supervision.saveWellbeing', { sessionId: session.id, feeling: 'good', workload: 'light' }],
      [worker, 'supervision.update', { sessionId: session.id, heldOn: '2026-03-01', attendees: ['Someone'] }],
      [worker, 'supervision.addCase', { sessionId: session.id, episodeId: item.episodeId, note: 'Again' }],
      [worker, 'supervision.refreshAgenda', { sessionId: session.id }],
      [supervisor, 'supervision.sign', { sessionId: session.id }],
    ];
    for (const [who, channel, input] of changes) {
      expect(await refused(who, channel, input), channel).toEqual({ code: 'conflict', message: 'This session has been signed off, so it cannot be changed. Add an addendum instead.' });
    }
    const raw = worker.requireUnlocked().raw;
    expect(() => raw.prepare(`UPDATE supervision_agenda_items SET decision = 'Changed' WHERE id = ?`).run(item.id)).toThrow('A signed supervision session cannot be changed');

    const after = await workspaceOf(worker, session.id);
    expect(after.agenda[0]).toMatchObject({ discussion: 'Peggy is frightened of her son.\nShe wants help with her bank.', safeguardingRaised: true });
    expect(after.numbersFrozen).toBe(true);
    expect(after.wellbeing?.supportAgreed).toBe('Debrief after home visits for a month');

    // Addenda: who and when, after sign-off only.
    context.clock.advance(3_600_000);
    const addendum = await ok<{ addedBy: string; addedAt: string; text: string }>(worker, 'supervision.addAddendum', { sessionId: session.id, text: 'Safeguarding team called back: case opened.' });
    expect(addendum).toMatchObject({ addedBy: context.names.worker, addedAt: '2026-03-02T10:00:00.000Z' });
    expect((await workspaceOf(supervisor, session.id)).addenda.map((entry) => entry.text)).toEqual(['Safeguarding team called back: case opened.']);

    // The audit log proves the order: changes, the sign-off, refused attempts, then only the addendum.
    const trail = auditOf(worker)
      .filter((row) => row.entity_id === session.id || JSON.parse(row.details_json).sessionId === session.id)
      .map((row) => row.action)
      .filter((action) => action !== 'supervision.session_viewed');
    const signedAt = trail.indexOf('supervision.session_signed');
    expect(trail.slice(0, signedAt)).toEqual(expect.arrayContaining(['supervision.session_created', 'supervision.discussion_recorded', 'supervision.action_added', 'supervision.wellbeing_saved']));
    expect(new Set(trail.slice(signedAt + 1))).toEqual(new Set(['supervision.change_refused', 'supervision.addendum_added']));
    expect(auditOf(worker, 'supervision.change_refused')).toHaveLength(changes.length);
    expect(auditOf(worker, 'supervision.session_signed')[0]).toMatchObject({ actor_user_id: ids.supervisor, entity_id: session.id });
    expect(JSON.parse(auditOf(worker, 'supervision.session_signed')[0]!.details_json)).toEqual({ agendaItems: 1, safeguardingRaised: 1 });
    expect(auditOf(worker, 'supervision.discussion_recorded')[0]).toMatchObject({ entity_type: 'person', entity_id: person.id });
    for (const row of auditOf(worker)) expect(row.details_json).not.toMatch(/Peggy|bank|frightened|Trauma|struggling|home visits/);
  });

  it('refuses an open session’s addendum, a session dated in the future being signed, and dates out of order', async () => {
    const context = await supervision();
    const { worker, supervisor, pair } = context;
    expect((await refused(worker, 'supervision.create', { pairId: pair.id, heldOn: '2026-04-15', attendees: ['Lena'] })).fields).toEqual({ heldOn: 'A session can be at most 28 days ahead' });
    expect((await refused(worker, 'supervision.create', { pairId: pair.id, heldOn: '2026-03-09', attendees: [] })).fields).toEqual({ attendees: 'Say who attended' });
    const next = await startSession(worker, pair.id, '2026-03-09');
    expect(next.periodFrom).toBe('2026-03-03');
    expect((await refused(worker, 'supervision.create', { pairId: pair.id, heldOn: '2026-03-16', attendees: ['Lena'] })).message).toBe(
      'The session of 2026-03-09 is still open. Finish and sign it off before starting the next.',
    );
    expect((await refused(worker, 'supervision.addAddendum', { sessionId: next.id, text: 'Too soon' })).code).toBe('conflict');
    expect((await refused(supervisor, 'supervision.sign', { sessionId: next.id })).message).toBe('This session is dated 2026-03-09; it can be signed off on or after that day.');
    advanceDays(context.clock, 7);
    await ok(supervisor, 'supervision.sign', { sessionId: next.id });
    expect((await refused(worker, 'supervision.create', { pairId: pair.id, heldOn: '2026-03-09', attendees: ['Lena'] })).fields).toEqual({ heldOn: 'Choose a date after the last session (2026-03-09)' });
    const after = await startSession(worker, pair.id, '2026-03-16');
    expect(after.periodFrom).toBe('2026-03-10');
  });
});

describe('actions across sessions', () => {
  it('carries open actions onto the next session, lets them be ticked off later, and lists them with their status', async () => {
    const context = await supervision();
    const { worker, supervisor, pair } = context;
    const { session, item } = await preparedSession(context);
    const bank = await ok<SupervisionAction>(supervisor, 'supervision.addAction', { sessionId: session.id, itemId: item.id, text: 'Ring the bank with her', owner: 'link_worker', dueOn: '2026-03-06' });
    const course = await ok<SupervisionAction>(supervisor, 'supervision.addAction', { sessionId: session.id, text: 'Book the course', owner: 'supervisor', dueOn: '2026-03-20' });
    await ok(supervisor, 'supervision.sign', { sessionId: session.id });

    // Between sessions the link worker ticks one off; it stays done.
    advanceDays(context.clock, 3);
    const done = await ok<SupervisionAction>(worker, 'supervision.completeAction', { actionId: bank.id, doneOn: '2026-03-05' });
    expect(done).toMatchObject({ doneOn: '2026-03-05', reopenable: false, removable: false });
    expect((await refused(worker, 'supervision.reopenAction', { actionId: bank.id })).code).toBe('conflict');
    expect((await refused(worker, 'supervision.completeAction', { actionId: course.id, doneOn: '2026-03-09' })).fields).toEqual({ doneOn: 'The date done cannot be in the future' });

    advanceDays(context.clock, 4); // Monday 9 March: the next session
    const next = await startSession(worker, pair.id, '2026-03-09');
    const workspace = await workspaceOf(worker, next.id);
    expect(workspace.carriedActions.map((action) => [action.text, action.doneOn, action.overdue])).toEqual([['Book the course', null, false]]);
    expect(workspace.previous).toMatchObject({ heldOn: '2026-03-02' });
    // The case stays on the agenda for its flag; the action on it is done, so it is not carried.
    expect(workspace.agenda[0]!.reasons).toEqual(['safeguarding']);

    // Ticked off in the open session: can be undone there, and the signed record is untouched.
    await ok(supervisor, 'supervision.completeAction', { actionId: course.id, doneOn: '2026-03-09' });
    expect((await workspaceOf(worker, next.id)).carriedActions[0]).toMatchObject({ doneOn: '2026-03-09', reopenable: true });
    expect((await ok<SupervisionAction>(supervisor, 'supervision.reopenAction', { actionId: course.id })).doneOn).toBeNull();
    await ok(supervisor, 'supervision.completeAction', { actionId: course.id, doneOn: '2026-03-09' });
    const first = await workspaceOf(worker, session.id);
    expect(first.actions.map((action) => action.doneOn)).toEqual([null]);
    expect(first.agenda[0]!.actions.map((action) => action.doneOn)).toEqual([null]);

    expect((await ok<SupervisionAction[]>(worker, 'supervision.actions', { status: 'open' })).map((a) => a.text)).toEqual([]);
    expect((await ok<SupervisionAction[]>(worker, 'supervision.actions', { status: 'done' })).map((a) => [a.text, a.doneOn])).toEqual([
      ['Book the course', '2026-03-09'],
      ['Ring the bank with her', '2026-03-05'],
    ]);
    const late = await ok<SupervisionAction>(supervisor, 'supervision.addAction', { sessionId: next.id, text: 'Check in on caseload size', owner: 'supervisor', dueOn: '2026-03-09' });
    advanceDays(context.clock, 1);
    expect(await ok<SupervisionAction[]>(supervisor, 'supervision.actions', { status: 'open', pairId: pair.id })).toEqual([expect.objectContaining({ id: late.id, overdue: true })]);
    expect(await ok(supervisor, 'supervision.removeAction', { actionId: late.id })).toEqual({ id: late.id });
    expect(auditOf(worker, 'supervision.actions_listed').length).toBeGreaterThan(0);
  });
});

describe('privacy and overdue sign-off', () => {
  it('keeps sessions, and the wellbeing check-in, to the two people in them', async () => {
    const context = await supervision();
    const { stray, as, ids } = context;
    const { session } = await preparedSession(context);
    const denied = { code: 'forbidden', message: 'Supervision records are for the link worker and the GP supervisor in them only.' };
    expect(await refused(stray, 'supervision.get', { sessionId: session.id })).toEqual(denied);
    expect(await refused(await as('otherWorker'), 'supervision.saveWellbeing', { sessionId: session.id, feeling: 'good', workload: 'light' })).toEqual(denied);
    expect((await refused(await as('admin'), 'supervision.get', { sessionId: session.id })).code).toBe('forbidden');
    // Another GP supervisor, even one supervising this link worker, cannot open this pair's session.
    const admin = await as('admin');
    const other = await ok<{ id: string; username: string }>(admin, 'users.create', { username: 'dr.other', displayName: 'Dr Other', role: 'gp_supervisor', temporaryPassword: 'another long password here' });
    await ok(admin, 'supervisionPairs.assign', { supervisorUserId: other.id, workerUserId: ids.worker });
    const otherSession = newSession(context.folder, { clock: context.clock, idleMillisecondsOverride: 10 * 365 * 86_400_000 });
    await ok(otherSession, 'session.signIn', { username: 'dr.other', password: 'another long password here' });
    expect(await refused(otherSession, 'supervision.get', { sessionId: session.id })).toEqual(denied);
    expect(await ok(otherSession, 'supervision.sessions', {})).toEqual([]);
    expect(auditOf(stray, 'access.denied').filter((row) => row.entity_id === session.id)).toHaveLength(3);
    expect(await ok(stray, 'supervision.pairs')).toEqual([]);
  });

  it('flags a session left unsigned for over 7 days to both people', async () => {
    const context = await supervision();
    const { worker, supervisor, pair } = context;
    const { session } = await preparedSession(context);
    advanceDays(context.clock, 7);
    expect((await ok<SessionSummary[]>(worker, 'supervision.sessions', {}))[0]!.overdue).toBe(false);
    advanceDays(context.clock, 1);
    for (const who of [worker, supervisor]) {
      expect((await ok<SessionSummary[]>(who, 'supervision.sessions', { pairId: pair.id }))[0]).toMatchObject({ id: session.id, overdue: true });
      expect((await ok<MyPair[]>(who, 'supervision.pairs')).find((p) => p.id === pair.id)).toMatchObject({ openSessionId: session.id, overdueSessions: 1 });
    }
    await ok(supervisor, 'supervision.sign', { sessionId: session.id });
    expect((await ok<SessionSummary[]>(worker, 'supervision.sessions', {}))[0]!.overdue).toBe(false);
    expect((await ok<MyPair[]>(worker, 'supervision.pairs')).find((p) => p.id === pair.id)).toMatchObject({ openSessionId: null, overdueSessions: 0, lastSignedOn: '2026-03-02' });
  });
});

describe('history', () => {
  it('finds past sessions by what was written, by a person’s name and by date, and says where it matched', async () => {
    const context = await supervision();
    const { worker, supervisor, pair } = context;
    const { session, item } = await preparedSession(context);
    await ok(supervisor, 'supervision.recordDiscussion', { itemId: item.id, discussion: 'Discussed the 50%_discount scheme', decision: 'Contact the bank', safeguardingRaised: false });
    await ok(supervisor, 'supervision.addAction', { sessionId: session.id, text: 'Ask the bank about a carer card', owner: 'link_worker', dueOn: '2026-03-09' });
    await ok(supervisor, 'supervision.sign', { sessionId: session.id });
    advanceDays(context.clock, 7);
    const second = await startSession(worker, pair.id, '2026-03-09');
    const search = (input: Record<string, unknown>) => ok<SessionSearchResult[]>(worker, 'supervision.search', input);
    expect((await search({ query: 'bank' })).map((r) => [r.session.id, r.matchedIn])).toEqual([[session.id, ['decision', 'action']]]);
    expect((await search({ query: 'holloway' })).map((r) => r.session.id)).toEqual([second.id, session.id]);
    expect((await search({ query: '50%_d' })).map((r) => r.session.id)).toEqual([session.id]);
    expect(await search({ query: '0%x' })).toEqual([]);
    expect((await search({ from: '2026-03-05' })).map((r) => r.session.id)).toEqual([second.id]);
    expect((await refused(worker, 'supervision.search', { query: 'x' })).fields).toEqual({ query: 'Type at least 2 characters' });
    expect((await refused(worker, 'supervision.search', { from: '2026-03-09', to: '2026-03-01' })).fields).toEqual({ to: 'The end date cannot be before the start date' });
    expect(await ok(context.stray, 'supervision.search', { query: 'bank' })).toEqual([]);
    for (const row of auditOf(worker, 'supervision.searched')) expect(row.details_json).not.toMatch(/bank|holloway/i);
  });
});

describe('person flags', () => {
  it('are set and cleared by the link worker with a reason, shown in the caseload and filterable, and audited without the reason', async () => {
    const context = await supervision();
    const { worker, supervisor } = context;
    const { person, episode } = await personWithEpisode(worker);
    const raised = await ok<{ id: string; kind: string; reason: string; raisedBy: string }>(worker, 'personFlags.raise', { personId: person.id, kind: 'risk', reason: 'Mentioned a plan to self-harm' });
    expect(raised).toMatchObject({ kind: 'risk', reason: 'Mentioned a plan to self-harm', raisedBy: context.names.worker });
    expect((await refused(worker, 'personFlags.raise', { personId: person.id, kind: 'risk', reason: 'Again' })).code).toBe('conflict');
    expect((await refused(worker, 'personFlags.raise', { personId: person.id, kind: 'risk', reason: '' })).fields).toEqual({ reason: 'Say why you are setting this flag' });
    expect((await refused(supervisor, 'personFlags.raise', { personId: person.id, kind: 'safeguarding', reason: 'GP view' })).code).toBe('forbidden');

    const rows = await ok<{ rows: { episodeId: string; flags: string[] }[] }>(supervisor, 'caseload.list', { page: 0, pageSize: 100, flag: 'risk' });
    expect(rows.rows.map((row) => [row.episodeId, row.flags])).toEqual([[episode.id, ['risk']]]);
    expect((await ok<{ kind: string }[]>(supervisor, 'personFlags.list', { personId: person.id })).map((flag) => flag.kind)).toEqual(['risk']);

    const cleared = await ok<{ clearedAt: string | null; clearReason: string }>(worker, 'personFlags.clear', { flagId: raised.id, reason: 'Seen by the crisis team; safety plan in place' });
    expect(cleared.clearReason).toBe('Seen by the crisis team; safety plan in place');
    expect((await refused(worker, 'personFlags.clear', { flagId: raised.id, reason: 'Twice' })).code).toBe('conflict');
    expect((await ok<{ rows: unknown[] }>(worker, 'caseload.list', { page: 0, pageSize: 100, flag: 'risk' })).rows).toEqual([]);
    await ok(worker, 'personFlags.raise', { personId: person.id, kind: 'risk', reason: 'New concern' });
    expect((await ok<{ reason: string; clearedAt: string | null }[]>(worker, 'personFlags.list', { personId: person.id })).map((flag) => [flag.reason, flag.clearedAt === null])).toEqual([
      ['New concern', true],
      ['Mentioned a plan to self-harm', false],
    ]);
    for (const action of ['person_flag.raised', 'person_flag.cleared', 'person_flag.viewed']) expect(auditOf(worker, action).length, action).toBeGreaterThan(0);
    for (const row of auditOf(worker)) expect(row.details_json).not.toMatch(/self-harm|crisis|concern/);
  });
});

