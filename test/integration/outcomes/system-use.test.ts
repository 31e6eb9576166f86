import { describe, expect, it } from 'vitest';
import type { SystemUse } from '../../../src/shared/ipc/outcomes-schemas';
import { advanceDays, auditOf, casework, personWithEpisode } from '../../support/casework';
import { ok, refused } from '../../support/workspace';
import { closeWith, outcomesOf } from './support';

describe('system use: GP consultations and A&E attendances before and after', () => {
  it('takes the 6 months before the referral at any time, and the 6 months after once they have passed', async () => {
    const { worker, clock, names } = await casework();
    const { person, episode } = await personWithEpisode(worker);
    const before = await ok<SystemUse>(worker, 'systemUse.record', { episodeId: episode.id, period: 'before', gpConsultations: 7, aeAttendances: 2 });
    expect(before).toEqual({
      episodeId: episode.id,
      before: { from: '2025-09-02', to: '2026-03-01', gpConsultations: 7, aeAttendances: 2, enteredOn: '2026-03-02', enteredBy: names.worker, canEnter: true },
      after: null,
    });
    expect(await refused(worker, 'systemUse.record', { episodeId: episode.id, period: 'after', gpConsultations: 1, aeAttendances: 0 })).toMatchObject({
      code: 'conflict',
      message: 'The 6 months after the episode start when it closes: close the episode first.',
    });

    advanceDays(clock, 30);
    await closeWith(worker, episode.id); // closed 1 April 2026
    expect((await outcomesOf(worker, person.id, episode.id)).systemUse.after).toMatchObject({ from: '2026-04-02', to: '2026-10-01', canEnter: false, gpConsultations: null });
    expect((await refused(worker, 'systemUse.record', { episodeId: episode.id, period: 'after', gpConsultations: 1, aeAttendances: 0 })).message).toBe(
      'These 6 months end on 1 Oct 2026: enter the counts after that.',
    );

    advanceDays(clock, 184); // 2 October 2026
    const after = await ok<SystemUse>(worker, 'systemUse.record', { episodeId: episode.id, period: 'after', gpConsultations: 3, aeAttendances: 0 });
    expect(after.after).toMatchObject({ gpConsultations: 3, aeAttendances: 0, enteredOn: '2026-10-02', canEnter: true });
    expect(after.before.gpConsultations).toBe(7);
    expect(JSON.parse(auditOf(worker, 'system_use.recorded').at(-1)!.details_json)).toEqual({ episodeId: episode.id, period: 'after', gpConsultations: 3, aeAttendances: 0 });
  });

  it('lets GP supervisors, who see the practice record, enter and correct counts; admins may not', async () => {
    const { worker, as, names } = await casework();
    const { episode } = await personWithEpisode(worker);
    const supervisor = await as('supervisor');
    await ok(supervisor, 'systemUse.record', { episodeId: episode.id, period: 'before', gpConsultations: 4, aeAttendances: 1 });
    const corrected = await ok<SystemUse>(supervisor, 'systemUse.record', { episodeId: episode.id, period: 'before', gpConsultations: 5, aeAttendances: 1 });
    expect(corrected.before).toMatchObject({ gpConsultations: 5, enteredBy: names.supervisor });
    const admin = await as('admin');
    expect((await refused(admin, 'systemUse.record', { episodeId: episode.id, period: 'before', gpConsultations: 5, aeAttendances: 1 })).code).toBe('forbidden');
  });

  it('refuses counts that are not whole numbers from 0 to 366', async () => {
    const { worker } = await casework();
    const { episode } = await personWithEpisode(worker);
    const cases: [Record<string, unknown>, Record<string, string>][] = [
      [{ gpConsultations: -1, aeAttendances: 0 }, { gpConsultations: 'Use 0 or more' }],
      [{ gpConsultations: 2.5, aeAttendances: 0 }, { gpConsultations: 'Use a whole number' }],
      [{ gpConsultations: 2, aeAttendances: 400 }, { aeAttendances: 'Use at most 366' }],
      [{ gpConsultations: 2 }, { aeAttendances: 'Enter the number of A&E attendances' }],
      [{ gpConsultations: 2, aeAttendances: 0, period: 'during' }, { period: 'Choose before or after' }],
    ];
    for (const [change, fields] of cases) {
      expect((await refused(worker, 'systemUse.record', { episodeId: episode.id, period: 'before', ...change })).fields).toEqual(fields);
    }
  });
});
