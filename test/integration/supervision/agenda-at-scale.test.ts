import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/shared/domain/working-days';
import type { SessionSummary, SessionWorkspace } from '../../../src/shared/ipc/supervision-schemas';
import { ok } from '../../support/workspace';
import { supervision } from './support';

/**
 * A busy link worker's caseload written straight into the store (800 open referrals among 4,000 in
 * the workspace), then the agenda checked against reasons worked out here. Timings are printed
 * for information only.
 */
const TODAY = '2026-06-01';

describe('the agenda at scale', () => {
  it('picks exactly the flagged and over-12-weeks cases of the worker from thousands of referrals', async () => {
    const context = await supervision(`${TODAY}T09:00:00Z`);
    const { worker, ids, pair } = context;
    const raw = worker.requireUnlocked().raw;
    const expected = new Set<string>();
    raw.transaction(() => {
      const person = raw.prepare(`INSERT INTO people (id, given_name, family_name, created_at, created_by, updated_at) VALUES (?, ?, 'Scale', 'now', ?, 'now')`);
      const episode = raw.prepare(`INSERT INTO episodes (id, person_id, worker_user_id, source, received_on, urgency, status, closure_reason, closed_on, first_contact_due_on, created_at, created_by, updated_at)
        VALUES (?, ?, ?, 'gp_practice', ?, 'routine', ?, ?, ?, ?, 'now', ?, 'now')`);
      const flag = raw.prepare(`INSERT INTO person_flags (id, person_id, kind, reason, raised_at, raised_by) VALUES (?, ?, 'risk', 'Reason', 'now', ?)`);
      for (let i = 0; i < 4000; i += 1) {
        const personId = randomUUID();
        const id = randomUUID();
        const mine = i % 5 === 0;
        const closed = !mine && i % 3 === 0;
        const receivedOn = addDays(TODAY, -((i * 37) % 100));
        person.run(personId, `Person${i}`, ids.worker);
        episode.run(id, personId, mine ? ids.worker : ids.otherWorker, receivedOn, closed ? 'closed' : 'received', closed ? 'goals_met' : null, closed ? receivedOn : null, addDays(TODAY, 30), ids.worker);
        const flagged = i % 29 === 0;
        if (flagged) flag.run(randomUUID(), personId, ids.worker);
        if (mine && (flagged || receivedOn < addDays(TODAY, -84))) expected.add(id);
      }
    })();
    raw.exec('ANALYZE');
    expect(expected.size).toBeLessThan(200);

    const started = performance.now();
    const session = await ok<SessionSummary>(worker, 'supervision.create', { pairId: pair.id, heldOn: TODAY, attendees: ['Lena', 'Gita'] });
    const built = performance.now() - started;
    const opened = performance.now();
    const workspace = await ok<SessionWorkspace>(worker, 'supervision.get', { sessionId: session.id });
    const read = performance.now() - opened;
    expect(new Set(workspace.agenda.map((item) => item.episodeId))).toEqual(expected);
    expect(workspace.numbers.waitingFirstContact).toBe(800);
    console.log(`agenda at scale: ${expected.size} cases from 800 open referrals (4,000 in the workspace): session started with its agenda in ${Math.round(built)} ms, workspace read in ${Math.round(read)} ms`);
  });
});
