import { NO_RECENT_CONTACT_DAYS, OVER_12_CONTACTS, OVER_12_WEEKS_DAYS } from '../../../src/main/services/caseload';
import type { RawDatabase } from '../../../src/main/store/open-database';
import type { AgendaReason } from '../../../src/shared/domain/supervision';
import type { EpisodeStatus } from '../../../src/shared/domain/referral';
import type { PeriodNumbers } from '../../../src/shared/ipc/supervision-schemas';
import { addDays, daysBetween } from '../../../src/shared/domain/working-days';
import type { EpisodeFact } from '../context';

/**
 * A link worker's casework as it stood on a past day, read back from the tables the casework
 * stage wrote: which referrals were open, why each needed discussing in supervision (the same
 * rules as the app's agenda, src/main/services/supervision/agenda.ts, applied on that day), and
 * the period numbers the app would have frozen at sign-off (services/supervision/numbers.ts).
 * Person flags (risk, safeguarding) are not generated, so those two reasons never appear.
 */
export interface CaseFact {
  episode: EpisodeFact;
  /** Attended contacts' days, in order. */
  attended: string[];
  closureReason: string | null;
  coding: { dueOn: string; recordedOn: string | null } | null;
}

/** How many of the sorted days fall before `day` (or on it, with `inclusive`). */
function countBefore(days: readonly string[], day: string, inclusive = false): number {
  let low = 0;
  let high = days.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (days[middle]! < day || (inclusive && days[middle] === day)) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Open on a day: received by then and not yet closed (a referral closed that day is still open in the morning). */
function isOpenOn(fact: CaseFact, day: string): boolean {
  return fact.episode.receivedOn <= day && (fact.episode.closedOn === null || fact.episode.closedOn >= day);
}

/** The status the episode had on a day, from its attended contacts (the casework stage's rules). */
function statusOn(fact: CaseFact, day: string): EpisodeStatus {
  if (fact.episode.closedOn !== null && fact.episode.closedOn < day) return 'closed';
  const attended = countBefore(fact.attended, day, true);
  if (attended === 0) return 'received';
  if (fact.episode.acceptedOn === null) return 'declined';
  return attended === 1 ? 'accepted' : 'active';
}

/** One worker's referrals in order of receipt, with sorted days to count from. */
interface Caseload {
  cases: CaseFact[];
  received: string[];
  closed: string[];
  contacts: string[];
  /** The longest any referral stayed open (to today for open ones): no earlier referral can be open on a day. */
  longestDays: number;
}

export class WorkerCasework {
  private readonly caseloads = new Map<string, Caseload>();

  constructor(raw: RawDatabase, episodes: readonly EpisodeFact[], today: string) {
    const attended = new Map<string, string[]>();
    // Read in table order (one pass over the pages, not an index lookup per contact), then sorted by day.
    for (const [episodeId, day] of raw.prepare(`SELECT episode_id, contact_on FROM contacts WHERE did_not_attend = 0`).raw().iterate() as Iterable<[string, string]>) {
      const days = attended.get(episodeId);
      if (days) days.push(day);
      else attended.set(episodeId, [day]);
    }
    for (const days of attended.values()) days.sort();
    const closures = new Map(raw.prepare(`SELECT id, closure_reason FROM episodes WHERE closure_reason IS NOT NULL`).raw().all() as [string, string][]);
    const codes = new Map((raw.prepare(`SELECT episode_id, due_on, recorded_on FROM coding_queue`).raw().all() as [string, string, string | null][]).map(([id, dueOn, recordedOn]) => [id, { dueOn, recordedOn }]));
    for (const episode of [...episodes].sort((a, b) => (a.receivedOn < b.receivedOn ? -1 : a.receivedOn > b.receivedOn ? 1 : 0))) {
      const fact: CaseFact = { episode, attended: attended.get(episode.id) ?? [], closureReason: closures.get(episode.id) ?? null, coding: codes.get(episode.id) ?? null };
      const caseload = this.caseloads.get(episode.workerId) ?? { cases: [], received: [], closed: [], contacts: [], longestDays: 0 };
      caseload.cases.push(fact);
      caseload.received.push(episode.receivedOn);
      if (episode.closedOn !== null) caseload.closed.push(episode.closedOn);
      caseload.contacts.push(...fact.attended);
      caseload.longestDays = Math.max(caseload.longestDays, daysBetween(episode.receivedOn, episode.closedOn ?? today));
      this.caseloads.set(episode.workerId, caseload);
    }
    for (const caseload of this.caseloads.values()) {
      caseload.closed.sort();
      caseload.contacts.sort();
    }
  }

  /** The worker's referrals that may be open at some time from `from` to `to`: received by then, and not so long before that they must have closed. */
  private mayBeOpen(workerId: string, from: string, to = from): CaseFact[] {
    const caseload = this.caseloads.get(workerId);
    if (!caseload) return [];
    return caseload.cases.slice(countBefore(caseload.received, addDays(from, -caseload.longestDays)), countBefore(caseload.received, to, true));
  }

  /** The worker's referrals open on the morning of `day`, each with why it needed discussing then (that day's contacts not yet made). */
  openOn(workerId: string, day: string): { fact: CaseFact; reasons: AgendaReason[] }[] {
    const quiet = addDays(day, -NO_RECENT_CONTACT_DAYS);
    const longAgo = addDays(day, -OVER_12_WEEKS_DAYS);
    const yesterday = addDays(day, -1);
    return this.mayBeOpen(workerId, day)
      .filter((fact) => isOpenOn(fact, day))
      .map((fact) => {
        const before = countBefore(fact.attended, day);
        const status = statusOn(fact, yesterday);
        const lastContact = before > 0 ? fact.attended[before - 1]! : fact.episode.receivedOn;
        const reasons: AgendaReason[] = [];
        if (status === 'declined') reasons.push('declined');
        if ((status === 'accepted' || status === 'active') && lastContact < quiet) reasons.push('disengaged');
        if (fact.episode.receivedOn < longAgo) reasons.push('over_12_weeks');
        if (before > OVER_12_CONTACTS) reasons.push('over_12_contacts');
        if (fact.coding && fact.coding.dueOn < day && (fact.coding.recordedOn === null || fact.coding.recordedOn >= day)) reasons.push('coding_overdue');
        return { fact, reasons };
      });
  }

  /** Referrals closed in the period as declined or disengaged: worth a word though the case has ended. */
  closedInPeriod(workerId: string, from: string, to: string): { fact: CaseFact; reason: AgendaReason }[] {
    return this.mayBeOpen(workerId, from, to)
      .filter((fact) => fact.episode.closedOn !== null && fact.episode.closedOn >= from && fact.episode.closedOn < to)
      .filter((fact) => fact.closureReason === 'declined' || fact.closureReason === 'disengaged')
      .map((fact) => ({ fact, reason: fact.closureReason === 'declined' ? 'declined' : 'disengaged' }));
  }

  /** The period numbers as the app works them out when the session is signed on `signedOn`. */
  numbers(workerId: string, from: string, to: string, signedOn: string): PeriodNumbers {
    const caseload = this.caseloads.get(workerId);
    if (!caseload) return { newReferrals: 0, active: 0, closed: 0, contacts: 0, waitingFirstContact: 0 };
    let active = 0;
    let waitingFirstContact = 0;
    for (const fact of this.mayBeOpen(workerId, signedOn)) {
      const status = statusOn(fact, signedOn);
      if (status === 'accepted' || status === 'active') active += 1;
      if (status !== 'closed' && countBefore(fact.attended, signedOn, true) === 0) waitingFirstContact += 1;
    }
    const between = (days: readonly string[]) => countBefore(days, to, true) - countBefore(days, from);
    return { newReferrals: between(caseload.received), active, closed: between(caseload.closed), contacts: between(caseload.contacts), waitingFirstContact };
  }
}
