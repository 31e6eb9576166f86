import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { DATASET_TODAY, fixedClock, generateDataset } from '../../../bench/dataset/generate';
import { SMALL, type Scale } from '../../../bench/dataset/scale';
import type { MyPair, SessionSummary, SessionWorkspace } from '../../../src/shared/ipc/supervision-schemas';
import { newSession, ok, onCleanup, tempFolder } from '../../support/workspace';

/**
 * The benchmark generator's supervision stage on a tiny dataset (one year, two link workers, one
 * GP supervisor): the rows satisfy the schema's triggers as they are written, the app reads every
 * session through the router, and the records hang together (one open session per pair, signed
 * after the session, agendas on the worker's own referrals, frozen numbers that match the period).
 */
const TINY: Scale = {
  ...SMALL,
  people: 60, episodes: 80, contacts: 700, plans: 60, goalsAndSteps: 200, services: 4, organisations: 2, connections: 100, outcomeMeasures: 100,
  supervisionSessions: 12, linkWorkers: 2, supervisors: 1, years: 1,
};

describe('the benchmark dataset: supervision sessions', () => {
  it('writes weekly sessions per pair that the app reads, all signed but the latest of each pair', { timeout: 120_000 }, async () => {
    const folder = tempFolder('linkdesk-bench-test-');
    const manifest = await generateDataset({ folder, scale: TINY, seed: 3, schemaHash: 'test', log: () => {} });
    const stage = manifest.stages.find((candidate) => candidate.name === 'supervision sessions')!;
    expect(stage.pending).toBeNull();
    expect(stage.counts).toMatchObject({ supervision_pairs: 2, supervision_sessions: 12 });
    expect(stage.counts.supervision_agenda_items).toBeGreaterThan(12);

    const supervisorAccount = manifest.staff.find((member) => member.role === 'gp_supervisor')!;
    const supervisor = newSession(join(folder, 'workspace'), { clock: fixedClock(`${DATASET_TODAY}T08:00:00.000Z`) });
    await ok(supervisor, 'session.signIn', { username: supervisorAccount.username, password: manifest.password });
    const pairs = await ok<MyPair[]>(supervisor, 'supervision.pairs', {});
    expect(pairs).toHaveLength(2);
    expect(pairs.every((pair) => pair.openSessionId !== null)).toBe(true);
    expect(pairs.map((pair) => pair.overdueSessions).sort()).toEqual([0, 1]);

    const sessions = await ok<SessionSummary[]>(supervisor, 'supervision.sessions', {});
    expect(sessions).toHaveLength(12);
    expect(sessions.filter((session) => session.signedAt === null)).toHaveLength(2);
    for (const session of sessions) {
      const workspace = await ok<SessionWorkspace>(supervisor, 'supervision.get', { sessionId: session.id });
      expect(workspace.numbersFrozen).toBe(session.signedAt !== null);
    }
    // The open session held before today can be signed off in the app, and then takes an addendum.
    const waiting = sessions.find((session) => session.signedAt === null && session.heldOn < DATASET_TODAY)!;
    await ok(supervisor, 'supervision.sign', { sessionId: waiting.id });
    await ok(supervisor, 'supervision.addAddendum', { sessionId: waiting.id, text: 'Checked after the benchmark build.' });

    const plain = new Database(join(folder, 'plain.db'), { readonly: true });
    onCleanup(() => {
      plain.close();
    });
    const count = (sql: string) => (plain.prepare(sql).get() as { n: number }).n;
    expect(count(`SELECT count(*) AS n FROM (SELECT pair_id FROM supervision_sessions WHERE signed_at IS NULL GROUP BY pair_id HAVING count(*) > 1)`)).toBe(0);
    expect(count(`SELECT count(*) AS n FROM supervision_sessions ss JOIN supervision_pairs sp ON sp.id = ss.pair_id
      WHERE ss.signed_at IS NOT NULL AND (substr(ss.signed_at, 1, 10) < ss.held_on OR ss.signed_by <> sp.supervisor_user_id)`)).toBe(0);
    expect(count(`SELECT count(*) AS n FROM supervision_agenda_items i JOIN supervision_sessions ss ON ss.id = i.session_id JOIN supervision_pairs sp ON sp.id = ss.pair_id
      JOIN episodes e ON e.id = i.episode_id WHERE e.worker_user_id <> sp.worker_user_id OR e.person_id <> i.person_id OR e.received_on > ss.held_on`)).toBe(0);
    // The numbers about the period itself are the ones the app works out for it.
    expect(count(`SELECT count(*) AS n FROM supervision_sessions ss JOIN supervision_pairs sp ON sp.id = ss.pair_id WHERE ss.signed_at IS NOT NULL AND (
      ss.numbers_json ->> 'newReferrals' <> (SELECT count(*) FROM episodes e WHERE e.worker_user_id = sp.worker_user_id AND e.received_on BETWEEN ss.period_from AND ss.held_on)
      OR ss.numbers_json ->> 'closed' <> (SELECT count(*) FROM episodes e WHERE e.worker_user_id = sp.worker_user_id AND e.closed_on BETWEEN ss.period_from AND ss.held_on)
      OR ss.numbers_json ->> 'contacts' <> (SELECT count(*) FROM contacts c JOIN episodes e ON e.id = c.episode_id
        WHERE e.worker_user_id = sp.worker_user_id AND c.did_not_attend = 0 AND c.contact_on BETWEEN ss.period_from AND ss.held_on))`)).toBe(0);
  });
});
