import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { REFERRAL_REASON_CODES, REFERRAL_SOURCE_CODES } from '../../../src/shared/domain/referral';
import { addDays, daysBetween } from '../../../src/shared/domain/working-days';
import { CASELOAD_FLAG_CODES, type CaseloadFlag, type CaseloadRow } from '../../../src/shared/ipc/casework-schemas';
import type { RawDatabase } from '../../../src/main/store/open-database';
import { casework } from '../../support/casework';
import { ok } from '../../support/workspace';

/**
 * Thousands of referrals written straight into the store (as an import or years of use would
 * leave them), then the caseload's SQL flags and filters checked against flags worked out here,
 * independently, for every row. Timings are printed for information only.
 */
const EPISODES = 3000;
const TODAY = '2026-06-01';

interface Seeded {
  id: string;
  status: string;
  nhsKnown: boolean;
  receivedOn: string;
  firstContactDueOn: string;
  contactCount: number;
  lastContactOn: string | null;
  reviewDueOn: string | null;
  overdueCode: boolean;
  workerIndex: number;
  reasons: string[];
  risk: boolean;
  safeguarding: boolean;
}

function seed(raw: RawDatabase, workerIds: string[]): Seeded[] {
  const seeded: Seeded[] = [];
  let state = 42;
  const random = () => ((state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  raw.transaction(() => {
    const person = raw.prepare(`INSERT INTO people (id, nhs_number, given_name, family_name, date_of_birth, created_at, created_by, updated_at) VALUES (?, ?, ?, ?, ?, 'now', ?, 'now')`);
    const episode = raw.prepare(`INSERT INTO episodes (id, person_id, worker_user_id, source, received_on, urgency, status, closure_reason, closed_on, first_contact_due_on, review_due_on, contact_count, first_contact_at, last_contact_at, last_contact_on, created_at, created_by, updated_at)
      VALUES (?, ?, ?, ?, ?, 'routine', ?, ?, ?, ?, ?, ?, ?, ?, ?, 'now', ?, 'now')`);
    const reason = raw.prepare(`INSERT INTO episode_reasons (episode_id, reason) VALUES (?, ?)`);
    const contact = raw.prepare(`INSERT INTO contacts (id, episode_id, person_id, at, contact_on, mode, notes, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, 'phone', 'Caught up on the week', ?, 'now')`);
    // Risk and safeguarding flags on some people, and cleared ones (which flag nothing) on others.
    const flag = raw.prepare(`INSERT INTO person_flags (id, person_id, kind, reason, raised_at, raised_by, cleared_at, cleared_by, clear_reason) VALUES (?, ?, ?, 'Reason', 'now', ?, ?, ?, ?)`);
    const code = raw.prepare(`INSERT INTO coding_queue (id, episode_id, person_id, code, contact_on, due_on, queued_at, queued_by, recorded_on, recorded_by) VALUES (?, ?, ?, '871731000000106', ?, ?, 'now', ?, ?, ?)`);
    for (let i = 0; i < EPISODES; i += 1) {
      const personId = randomUUID();
      const id = randomUUID();
      const workerIndex = Math.floor(random() * workerIds.length);
      const worker = workerIds[workerIndex]!;
      const nhsKnown = random() > 0.1;
      person.run(personId, nhsKnown ? String(1_000_000_000 + i) : null, `Given${i}`, `Family${i}`, `19${50 + (i % 50)}-05-1${i % 10}`, worker);
      const receivedOn = addDays(TODAY, -Math.floor(random() * 200));
      const status = pick(['received', 'contacted', 'accepted', 'declined', 'active', 'active', 'closed', 'closed', 'closed']);
      const contacts = status === 'received' ? 0 : Math.floor(random() * 16);
      const lastContactOn = contacts > 0 ? addDays(receivedOn, Math.min(daysBetween(receivedOn, TODAY), Math.floor(random() * 60))) : null;
      const reviewDueOn = random() > 0.7 ? addDays(TODAY, Math.floor(random() * 20) - 10) : null;
      const firstContactDueOn = addDays(receivedOn, 7);
      const closed = status === 'closed';
      episode.run(
        id, personId, worker, pick(REFERRAL_SOURCE_CODES), receivedOn, status, closed ? 'goals_met' : null, closed ? TODAY : null, firstContactDueOn, reviewDueOn, contacts,
        contacts > 0 ? `${receivedOn}T10:00:00.000Z` : null, lastContactOn ? `${lastContactOn}T10:00:00.000Z` : null, lastContactOn, worker,
      );
      const reasons = [...new Set([pick(REFERRAL_REASON_CODES), pick(REFERRAL_REASON_CODES)])];
      for (const r of reasons) reason.run(id, r);
      for (let n = 0; n < contacts; n += 1) contact.run(randomUUID(), id, personId, `${receivedOn}T10:00:00.000Z`, receivedOn, worker);
      let overdueCode = false;
      if (contacts > 0 && random() > 0.5) {
        const dueOn = addDays(receivedOn, 7);
        const recorded = random() > 0.5;
        code.run(randomUUID(), id, personId, receivedOn, dueOn, worker, recorded ? dueOn : null, recorded ? worker : null);
        overdueCode = !recorded && dueOn < TODAY;
      }
      const risk = i % 17 === 0;
      const safeguarding = i % 23 === 0;
      if (risk) flag.run(randomUUID(), personId, 'risk', worker, null, null, null);
      if (safeguarding) flag.run(randomUUID(), personId, 'safeguarding', worker, null, null, null);
      if (i % 19 === 0) flag.run(randomUUID(), personId, 'safeguarding', worker, 'later', worker, 'No longer a concern');
      seeded.push({ id, status, nhsKnown, receivedOn, firstContactDueOn, contactCount: contacts, lastContactOn, reviewDueOn, overdueCode, workerIndex, reasons, risk, safeguarding });
    }
  })();
  raw.exec('ANALYZE');
  return seeded;
}

/** The flags worked out from the seeded facts, the way the brief words them. */
function expectedFlags(row: Seeded): CaseloadFlag[] {
  const open = row.status !== 'closed';
  const flags: Record<CaseloadFlag, boolean> = {
    safeguarding: row.safeguarding,
    risk: row.risk,
    no_first_contact: open && row.contactCount === 0 && TODAY > row.firstContactDueOn,
    over_12_weeks: open && daysBetween(row.receivedOn, TODAY) > 84,
    over_12_contacts: row.contactCount > 12,
    no_recent_contact: ['contacted', 'accepted', 'active'].includes(row.status) && daysBetween(row.lastContactOn ?? row.receivedOn, TODAY) > 21,
    coding_overdue: row.overdueCode,
    review_due: open && row.reviewDueOn !== null && row.reviewDueOn <= TODAY,
    nhs_number_unknown: !row.nhsKnown,
    // No outcome follow-ups are seeded here (test/integration/outcomes covers that flag).
    outcome_follow_up_due: false,
  };
  return CASELOAD_FLAG_CODES.filter((flag) => flags[flag]);
}

describe('the caseload at scale', () => {
  it(`agrees with independently worked-out flags for all ${EPISODES} referrals, through every filter and page`, async () => {
    const { worker, ids } = await casework(`${TODAY}T09:00:00Z`);
    const workerIds = [ids.worker, ids.otherWorker];
    const seeded = seed(worker.requireUnlocked().raw, workerIds);
    const byId = new Map(seeded.map((row) => [row.id, row]));
    const all = async (query: Record<string, unknown>) => {
      const rows: CaseloadRow[] = [];
      const totals = new Set<number>();
      for (let page = 0; ; page += 1) {
        const result = await ok<{ rows: CaseloadRow[]; total: number }>(worker, 'caseload.list', { page, pageSize: 100, ...query });
        rows.push(...result.rows);
        totals.add(result.total);
        if (result.rows.length < 100) break;
      }
      const [total] = [...totals];
      expect(totals.size).toBe(1);
      expect(rows).toHaveLength(total!);
      expect(new Set(rows.map((row) => row.episodeId)).size).toBe(total);
      return rows;
    };

    const started = performance.now();
    const everything = await all({ includeClosed: true });
    expect(everything).toHaveLength(EPISODES);
    for (const row of everything) expect(row.flags, row.episodeId).toEqual(expectedFlags(byId.get(row.episodeId)!));

    const open = seeded.filter((row) => row.status !== 'closed');
    expect((await all({})).map((row) => row.episodeId).sort()).toEqual(open.map((row) => row.id).sort());
    for (const flag of CASELOAD_FLAG_CODES) {
      const flagged = await all({ flag });
      expect(flagged.map((row) => row.episodeId).sort(), flag).toEqual(open.filter((row) => expectedFlags(row).includes(flag)).map((row) => row.id).sort());
    }
    for (const reason of ['loneliness', 'housing'] as const) {
      expect((await all({ reason, workerUserId: ids.otherWorker })).map((row) => row.episodeId).sort(), reason).toEqual(
        open.filter((row) => row.reasons.includes(reason) && row.workerIndex === 1).map((row) => row.id).sort(),
      );
    }
    console.log(`caseload at scale: ${EPISODES} referrals checked through every flag and two reason filters in ${Math.round(performance.now() - started)} ms`);

    const timings: string[] = [];
    for (const [label, query] of [
      ['open caseload, first page', {}],
      ['open caseload by name', { sortBy: 'name', sortDirection: 'asc' }],
      ['all referrals, page 20', { includeClosed: true, page: 20 }],
      ['flag no_recent_contact', { flag: 'no_recent_contact' }],
      ['reason housing', { reason: 'housing' }],
    ] as const) {
      const start = performance.now();
      for (let run = 0; run < 10; run += 1) await ok(worker, 'caseload.list', { page: 0, pageSize: 25, ...query });
      timings.push(`${label} ${((performance.now() - start) / 10).toFixed(1)} ms`);
    }
    console.log(`caseload.list through the router with ${EPISODES} referrals: ${timings.join('; ')}`);
  });
});
