import { describe, expect, it } from 'vitest';
import type { ActivityReport, ReportOptions } from '../../../src/shared/ipc/reports-schemas';
import { auditOf } from '../../support/casework';
import { ok, refused } from '../../support/workspace';
import { QUARTER, activityFixture, headline, shownRows, tableOf } from './support';

async function setThreshold(fixture: Awaited<ReturnType<typeof activityFixture>>, threshold: number) {
  await ok(await fixture.as('admin'), 'reports.updateSettings', { threshold });
}

describe('the activity report', () => {
  it('counts the quarter by hand-checked figures, hiding 1 and 2 at a threshold of 3 and hiding more where a total would give them away', async () => {
    const fixture = await activityFixture();
    await setThreshold(fixture, 3);
    const report = await ok<ActivityReport>(fixture.worker, 'reports.activity', QUARTER);

    expect(report.threshold).toBe(3);
    expect(report.months).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(headline(report)).toEqual({ referrals: '13', people: '7', contacts: '11', missed: '<3', declined: '<3', closed: '3', connections: '<3' });
    expect(shownRows(report, 'referrals_by_month')).toEqual(['Jan 2026: 4', 'Feb 2026: 3', 'Mar 2026: 6', 'Total: 13']);
    // General practice 9, self 2, pharmacy 2: two small numbers adding to 4 can only be 2 and 2, so the 9 is hidden too.
    expect(shownRows(report, 'referrals_by_source')).toEqual(['GP and wider general practice: *', 'Pharmacy: <3', 'Self-referral: <3', 'Total: 13']);
    // Several reasons per referral: no total, so nothing to subtract from.
    expect(shownRows(report, 'referrals_by_reason')).toEqual(['Loneliness or isolation: 13', 'Debt or money worries: <3']);
    // Received 6, accepted 2, active 2, closed 3: the 3 is hidden so the two 2s cannot be worked out.
    expect(shownRows(report, 'referral_status')).toEqual(['Received: 6', 'Accepted: <3', 'Active: <3', 'Closed: *', 'Total: 13']);
    expect(shownRows(report, 'caseload_by_month')).toEqual(['Jan 2026: 4', 'Feb 2026: 7', 'Mar 2026: 10']);
    expect(shownRows(report, 'contacts_by_mode')).toEqual(['Face to face: 4', 'Phone: 7', 'Total: 11']);
    // Five people with one contact, one with two, one with four.
    expect(shownRows(report, 'contacts_per_person')).toEqual(['1 contact: *', '2 to 3 contacts: <3', '4 to 6 contacts: <3', 'Total: 7']);
    expect(shownRows(report, 'decisions_accepted')).toEqual(['Jan 2026: *', 'Feb 2026: <3', 'Total: 5']);
    expect(shownRows(report, 'decisions_declined')).toEqual(['Feb 2026: <3', 'Total: <3']);
    // Two within the week, one late, two overdue: three small numbers adding to 5 cannot be pinned.
    expect(shownRows(report, 'gp_codes_referral')).toEqual(['Recorded within a week: <3', 'Recorded late: <3', 'Not recorded, overdue: <3', 'Total: 5']);
    expect(shownRows(report, 'gp_codes_declined')).toEqual(['Not recorded, overdue: <3', 'Total: <3']);
    expect(shownRows(report, 'closures_by_reason')).toEqual(['Goals met: <3', 'Declined social prescribing: <3', 'Total: 3']);
    expect(shownRows(report, 'connections_made')).toEqual(['Arts: <3', 'Walking groups: <3', 'Total: <3']);
    expect(shownRows(report, 'connections_attending')).toEqual(['Walking groups: <3', 'Total: <3']);
    // No ONS4 recorded in this quarter: four questions, nothing to count.
    expect(report.tables.filter((table) => table.section === 'ons4_change').map((table) => shownRows(report, table.id))).toEqual([['Total: 0'], ['Total: 0'], ['Total: 0'], ['Total: 0']]);
  });

  it('at the default threshold of 8 shows every count from 1 to 7 as "<8", never as a number, and 0 as 0', async () => {
    const fixture = await activityFixture();
    const report = await ok<ActivityReport>(fixture.worker, 'reports.activity', QUARTER);
    expect(report.threshold).toBe(8);
    expect(headline(report)).toEqual({ referrals: '13', people: '<8', contacts: '11', missed: '<8', declined: '<8', closed: '<8', connections: '<8' });
    expect(shownRows(report, 'referrals_by_month')).toEqual(['Jan 2026: <8', 'Feb 2026: <8', 'Mar 2026: <8', 'Total: 13']);
    // 9 is shown; 2 and 2 add up to 4, a small number, so the 9 is hidden.
    expect(shownRows(report, 'referrals_by_source')).toEqual(['GP and wider general practice: *', 'Pharmacy: <8', 'Self-referral: <8', 'Total: 13']);
    expect(shownRows(report, 'caseload_by_month')).toEqual(['Jan 2026: <8', 'Feb 2026: <8', 'Mar 2026: 10']);
    const cells = [...report.headline.map((item) => item.count), ...report.tables.flatMap((table) => [...table.rows.map((row) => row.count), ...(table.total ? [table.total] : [])])];
    expect(cells.filter((cell) => cell.value !== null && cell.value > 0 && cell.value < 8)).toEqual([]);
    expect(cells.filter((cell) => cell.state === 'small').every((cell) => cell.shown === '<8' && cell.value === null)).toBe(true);
    expect(tableOf(report, 'referrals_by_source').rows.find((row) => row.key === 'police')?.count).toEqual({ value: 0, shown: '0', state: 'shown' });
  });

  it('filters by link worker: Omar’s three March referrals only', async () => {
    const fixture = await activityFixture();
    await setThreshold(fixture, 3);
    const report = await ok<ActivityReport>(fixture.worker, 'reports.activity', { ...QUARTER, workerUserId: fixture.ids.otherWorker });
    expect(report.worker).toEqual({ id: fixture.ids.otherWorker, displayName: fixture.names.otherWorker });
    expect(shownRows(report, 'referrals_by_month')).toEqual(['Mar 2026: 3', 'Total: 3']);
    expect(shownRows(report, 'referrals_by_source')).toEqual(['GP and wider general practice: 3', 'Total: 3']);
    expect(headline(report)).toMatchObject({ referrals: '3', contacts: '0', people: '0', declined: '0' });
  });

  it('lists link workers by display name for the filter, for every role, and none of the people', async () => {
    const fixture = await activityFixture();
    for (const who of ['worker', 'supervisor', 'admin'] as const) {
      const session = who === 'worker' ? fixture.worker : await fixture.as(who);
      const options = await ok<ReportOptions>(session, 'reports.options', {});
      expect(options.threshold).toBe(8);
      expect(options.workers.map((w) => [w.displayName, w.disabled])).toEqual(
        [[fixture.names.leaver, true], [fixture.names.worker, false], [fixture.names.otherWorker, false]].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
      );
    }
  });

  it('is open to link workers, GP supervisors and admins alike, and holds no person’s name, NHS number or record id', async () => {
    const fixture = await activityFixture();
    const identifiers = Object.values(fixture.people).flatMap((person) => [person.id, person.givenName, person.familyName, (person.nhsNumber ?? '').replace(/\s/g, '')].filter(Boolean));
    expect(identifiers.length).toBeGreaterThan(30);
    for (const who of ['worker', 'supervisor', 'admin'] as const) {
      const session = who === 'worker' ? fixture.worker : await fixture.as(who);
      const text = JSON.stringify(await ok<ActivityReport>(session, 'reports.activity', QUARTER));
      expect(identifiers.filter((identifier) => text.includes(identifier))).toEqual([]);
    }
  });

  it('records each run in the audit log with the period and filter only', async () => {
    const fixture = await activityFixture();
    await ok(fixture.worker, 'reports.activity', { ...QUARTER, workerUserId: fixture.ids.worker });
    const [entry] = auditOf(fixture.worker, 'reports.activity_viewed');
    expect(entry).toMatchObject({ actor_username: 'lena.worker', entity_id: null });
    expect(JSON.parse(entry!.details_json)).toEqual({ from: QUARTER.from, to: QUARTER.to, workerUserId: fixture.ids.worker });
  });

  it('refuses a period that ends before it starts, one longer than 36 months, and a filter that is not a link worker', async () => {
    const fixture = await activityFixture();
    expect((await refused(fixture.worker, 'reports.activity', { from: '2026-03-01', to: '2026-02-28' })).fields).toEqual({ to: 'The end of the period must be on or after its start' });
    expect((await refused(fixture.worker, 'reports.activity', { from: '2023-01-01', to: '2026-01-01' })).fields).toEqual({ to: 'Choose a period of 36 months or less' });
    expect(await ok(fixture.worker, 'reports.activity', { from: '2023-02-01', to: '2026-01-31' })).toMatchObject({ months: expect.arrayContaining(['2023-02', '2026-01']) });
    expect((await refused(fixture.worker, 'reports.activity', { from: '2026-01-40', to: '2026-02-01' })).fields).toHaveProperty('from');
    expect((await refused(fixture.worker, 'reports.activity', { ...QUARTER, workerUserId: fixture.ids.supervisor })).fields).toEqual({ workerUserId: 'Choose a link worker, or everyone' });
  });
});

describe('the small-number threshold', () => {
  it('is changed by admins only, between 3 and 20, with an audit entry; others are refused', async () => {
    const fixture = await activityFixture();
    const admin = await fixture.as('admin');
    expect(await ok(admin, 'reports.updateSettings', { threshold: 5 })).toEqual({ threshold: 5 });
    const [entry] = auditOf(admin, 'reports.settings_updated');
    expect(JSON.parse(entry!.details_json)).toEqual({ threshold: 5, previousThreshold: 8 });
    expect((await refused(admin, 'reports.updateSettings', { threshold: 2 })).fields).toEqual({ threshold: 'Use a threshold of at least 3' });
    expect((await refused(admin, 'reports.updateSettings', { threshold: 21 })).fields).toEqual({ threshold: 'Use a threshold of at most 20' });
    expect((await refused(admin, 'reports.updateSettings', { threshold: 5.5 })).fields).toEqual({ threshold: 'Enter a whole number' });
    expect((await refused(fixture.worker, 'reports.updateSettings', { threshold: 3 })).code).toBe('forbidden');
    expect((await refused(await fixture.as('supervisor'), 'reports.updateSettings', { threshold: 3 })).code).toBe('forbidden');

    // At 5: the 6 March referrals and the caseloads of 7 and 10 show; Jan's 4 and Feb's 3 are "<5".
    const report = await ok<ActivityReport>(fixture.worker, 'reports.activity', QUARTER);
    expect(shownRows(report, 'referrals_by_month')).toEqual(['Jan 2026: <5', 'Feb 2026: <5', 'Mar 2026: 6', 'Total: 13']);
    expect(shownRows(report, 'caseload_by_month')).toEqual(['Jan 2026: <5', 'Feb 2026: 7', 'Mar 2026: 10']);
  });
});
