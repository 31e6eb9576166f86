import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CONTACT_MODE_CODES, REFERRAL_SOURCE_CODES } from '../../../src/shared/domain/referral';
import { addDays } from '../../../src/shared/domain/working-days';
import type { ExportResult } from '../../../src/shared/domain/exports';
import type { ActivityReport } from '../../../src/shared/ipc/reports-schemas';
import type { RawDatabase } from '../../../src/main/store/open-database';
import { casework } from '../../support/casework';
import { ok } from '../../support/workspace';
import { tableOf } from './support';

/**
 * Years of a busy PCN written straight into the store, then the activity report's counts checked
 * against counts made here, independently, and every shown count checked against the threshold.
 * Timings are printed for information (docs/reports.md), never asserted.
 */
const EPISODES = 20_000;
const START = '2023-04-01';
const DAYS = 3 * 365;

interface Truth {
  byMonth: Map<string, number>;
  bySource: Map<string, number>;
  contacts: number;
}

function seed(raw: RawDatabase, workerIds: string[]): Truth {
  let state = 7;
  const random = () => ((state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const truth: Truth = { byMonth: new Map(), bySource: new Map(), contacts: 0 };
  const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  raw.transaction(() => {
    const person = raw.prepare(`INSERT INTO people (id, nhs_number, given_name, family_name, created_at, created_by, updated_at) VALUES (?, NULL, ?, ?, 'now', ?, 'now')`);
    const episode = raw.prepare(`INSERT INTO episodes (id, person_id, worker_user_id, source, received_on, urgency, status, closure_reason, closed_on, first_contact_due_on, contact_count, created_at, created_by, updated_at)
      VALUES (?, ?, ?, ?, ?, 'routine', ?, ?, ?, ?, ?, 'now', ?, 'now')`);
    const reason = raw.prepare(`INSERT INTO episode_reasons (episode_id, reason) VALUES (?, 'loneliness')`);
    const contact = raw.prepare(`INSERT INTO contacts (id, episode_id, person_id, at, contact_on, mode, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'now')`);
    for (let i = 0; i < EPISODES; i += 1) {
      const personId = randomUUID();
      const id = randomUUID();
      const worker = pick(workerIds);
      person.run(personId, `Given${i}`, `Family${i}`, worker);
      const receivedOn = addDays(START, Math.floor(random() * DAYS));
      const source = random() < 0.6 ? 'gp_practice' : pick(REFERRAL_SOURCE_CODES);
      const contacts = Math.floor(random() * 12);
      const closed = random() < 0.7;
      episode.run(id, personId, worker, source, receivedOn, closed ? 'closed' : 'active', closed ? 'goals_met' : null, closed ? addDays(receivedOn, 90) : null, addDays(receivedOn, 7), contacts, worker);
      reason.run(id);
      bump(truth.byMonth, receivedOn.slice(0, 7));
      bump(truth.bySource, source);
      for (let c = 0; c < contacts; c += 1) {
        const on = addDays(receivedOn, 7 * c);
        const mode = pick(CONTACT_MODE_CODES);
        contact.run(randomUUID(), id, personId, `${on}T10:00:00.000Z`, on, mode, worker);
        truth.contacts += 1;
      }
    }
  })();
  return truth;
}

describe('the activity report at scale', () => {
  it(`counts ${EPISODES.toLocaleString('en-GB')} referrals and their contacts over three years as counted independently, suppressing every small number`, async () => {
    const cw = await casework('2026-06-01T09:00:00.000Z');
    const truth = seed(cw.worker.requireUnlocked().raw, [cw.ids.worker, cw.ids.otherWorker]);
    // The whole of the seeded time, so contacts after the last referral fall inside it too.
    const period = { from: START, to: '2026-06-30' };

    const started = performance.now();
    const report = await ok<ActivityReport>(cw.worker, 'reports.activity', { ...period, from: '2023-07-01' });
    const reportMs = performance.now() - started;
    const full = await ok<ActivityReport>(cw.worker, 'reports.activity', { from: START, to: '2026-03-31' });

    const months = tableOf(full, 'referrals_by_month');
    for (const row of months.rows) {
      const expected = truth.byMonth.get(row.key) ?? 0;
      expect(row.count.shown, row.key).toBe(expected > 0 && expected < 8 ? '<8' : expected.toLocaleString('en-GB'));
    }
    const sources = tableOf(full, 'referrals_by_source');
    expect(sources.total?.value).toBe(EPISODES);
    for (const row of sources.rows.filter((r) => r.count.value !== null)) expect(row.count.value, row.key).toBe(truth.bySource.get(row.key) ?? 0);
    const modes = tableOf(report, 'contacts_by_mode');
    expect(modes.rows.every((row) => row.count.value === null || row.count.value === 0 || row.count.value >= 8)).toBe(true);
    expect(report.tables.length).toBeGreaterThan(10);

    const exportStarted = performance.now();
    await ok<ExportResult>(cw.worker, 'reports.exportActivity', { ...period, from: '2023-07-01', declaration: { purpose: 'Annual return', recipient: 'The ICB', lawfulBasis: 'anonymous_statistics' } });
    const exportMs = performance.now() - exportStarted;
    console.info(`activity report over ${EPISODES} referrals and ${truth.contacts} contacts, 36 months: report ${reportMs.toFixed(0)} ms, CSV+PDF export ${exportMs.toFixed(0)} ms`);
    // Writing 125,000 rows takes most of a minute on a busy two-core machine; nothing here is timed for pass or fail.
  }, 300_000);
});
