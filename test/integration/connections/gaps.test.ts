import { describe, expect, it } from 'vitest';
import type { Connection, GapsReport } from '../../../src/shared/ipc/connections-schemas';
import { casework, personWithEpisode } from '../../support/casework';
import { ok } from '../../support/workspace';
import { createEntry } from '../directory/support';

describe('the gaps view', () => {
  it('counts open referrals per need against the active services meeting it, and lists full services, matching a hand count', async () => {
    const { worker, as } = await casework();
    await createEntry(worker, { name: 'Tuesday Knit and Natter', category: 'knitting_crafts', capacity: 20, placesUsed: 12 });
    const debt = await createEntry(worker, { name: 'Debt Advice Drop-in', category: 'debt_advice', capacity: 10, placesUsed: 10 });
    await createEntry(worker, { name: 'Housing Help', category: 'housing', status: 'closed', waitingList: true, capacity: null, placesUsed: null });
    await createEntry(worker, { name: 'Quiet Walk', category: 'walking_groups', status: 'paused', waitingList: true, capacity: null, placesUsed: null });
    await createEntry(worker, { name: 'Saturday Football', category: 'sport', waitingList: true, capacity: null, placesUsed: null });

    const p1 = await personWithEpisode(worker, { reasons: ['loneliness', 'money'] });
    const p2 = await personWithEpisode(worker, { reasons: ['loneliness', 'housing'] });
    const p3 = await personWithEpisode(worker, { reasons: ['housing', 'employment'] });
    await personWithEpisode(worker, { reasons: ['housing', 'bereavement'] });
    await personWithEpisode(worker, { reasons: ['food', 'other'], reasonOther: 'Needs a bike' });
    await ok(worker, 'episodes.transition', { episodeId: p3.episode.id, to: 'closed', closureReason: 'goals_met' });
    await ok(worker, 'connections.create', { episodeId: p1.episode.id, serviceId: debt.id });
    const stopped = await ok<Connection>(worker, 'connections.create', { episodeId: p2.episode.id, serviceId: debt.id });
    await ok(worker, 'connections.move', { connectionId: stopped.id, to: 'stopped', stopReason: 'service_full' });

    for (const who of ['worker', 'supervisor', 'admin'] as const) {
      const report = await ok<GapsReport>(who === 'worker' ? worker : await as(who), 'gaps.report', {});
      expect(report.needs.map((need) => [need.reason, need.openReferrals, need.activeServices])).toEqual([
        ['loneliness', 2, 1],
        ['housing', 2, 0],
        ['money', 1, 1],
        ['bereavement', 1, 0],
        ['food', 1, 0],
        ['low_mood', 0, 0],
        ['long_term_condition', 0, 1],
        ['employment', 0, 0],
        ['physical_inactivity', 0, 1],
        ['carer_support', 0, 0],
        ['substance_use', 0, 0],
        ['benefits', 0, 1],
        ['frequent_attender', 0, 0],
      ]);
      expect(report.unmet).toEqual(['housing', 'bereavement', 'food']);
      expect(report.full.map((service) => [service.name, service.status, service.capacity, service.placesUsed, service.waitingList, service.openConnections])).toEqual([
        ['Debt Advice Drop-in', 'active', 10, 10, false, 1],
        ['Quiet Walk', 'paused', null, null, true, 0],
        ['Saturday Football', 'active', null, null, true, 0],
      ]);
      expect(JSON.stringify(report)).not.toContain(p1.person.familyName);
    }
  });

  it('reports no gaps and no full services for an empty workspace', async () => {
    const { worker } = await casework();
    const report = await ok<GapsReport>(worker, 'gaps.report', {});
    expect(report.unmet).toEqual([]);
    expect(report.full).toEqual([]);
    expect(report.needs.every((need) => need.openReferrals === 0 && need.activeServices === 0)).toBe(true);
    expect(report.needs.map((need) => need.reason)).not.toContain('other');
  });
});
