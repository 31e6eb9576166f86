import type { WorkspaceSession } from '../../../src/main/services/workspace-session';
import type { CodingItem, PersonSummary } from '../../../src/shared/ipc/casework-schemas';
import type { Connection } from '../../../src/shared/ipc/connections-schemas';
import type { ActivityReport, ReportTable } from '../../../src/shared/ipc/reports-schemas';
import { casework, personWithEpisode, recordContact, type Casework } from '../../support/casework';
import { ok } from '../../support/workspace';
import { createEntry } from '../directory/support';

/**
 * A quarter of made-up casework (January to March 2026), entered through the router as the days
 * pass, with every figure counted by hand in the comments so the report can be checked against them.
 *
 * Lena (the link worker 'worker'):
 *   A1–A4 received 5 Jan (A1–A3 from general practice, A4 self-referred; all lonely, A1 also money);
 *     all accept at a phone contact on 12 Jan. A1 then has face-to-face contacts on 2, 9 and 16 Feb
 *     (4 in all); A2 one on 3 Feb (2 in all); A3 misses one on 4 Feb; A4 closes on 10 Mar, goals met.
 *     Their codes: A1 and A2 recorded on 15 Jan (within the week), A3 on 16 Feb (late), A4 never (overdue).
 *   B1–B3 received 2 Feb from general practice; at phone contacts on 3 Feb B1 and B2 decline, B3 accepts.
 *     B1 and B2 close on 10 Mar (declined). None of their codes is recorded (all overdue by April).
 *   C1 (self) and C2, C3 (pharmacy) received 2 Mar; no contact yet.
 *   A1 is connected to a walking group on 9 Feb and attends from 16 Feb; A2 to an arts group on 3 Feb.
 * Omar (the link worker 'otherWorker'): D1–D3 received 2 Mar from general practice; no contact yet.
 */
export interface ActivityFixture extends Casework {
  people: Record<string, PersonSummary>;
}

const at = (cw: Casework, isoDate: string) => {
  const target = Date.parse(`${isoDate}T09:00:00.000Z`);
  cw.clock.advance(target - cw.clock.now().getTime());
};

export async function activityFixture(): Promise<ActivityFixture> {
  const cw = await casework('2026-01-05T09:00:00.000Z');
  const { worker } = cw;
  const omar = await cw.as('otherWorker');
  const people: Record<string, PersonSummary> = {};
  const episodes: Record<string, string> = {};
  const refer = async (session: WorkspaceSession, name: string, source: string, receivedOn: string, reasons = ['loneliness']) => {
    const made = await personWithEpisode(session, { source, receivedOn, reasons });
    people[name] = made.person;
    episodes[name] = made.episode.id;
  };

  for (const [name, source] of [['A1', 'gp_practice'], ['A2', 'gp_practice'], ['A3', 'gp_practice'], ['A4', 'self']] as const) {
    await refer(worker, name, source, '2026-01-05', name === 'A1' ? ['loneliness', 'money'] : ['loneliness']);
  }
  at(cw, '2026-01-12');
  for (const name of ['A1', 'A2', 'A3', 'A4']) await recordContact(worker, episodes[name]!, { decision: 'accepted' });
  at(cw, '2026-01-15');
  const queue = await ok<CodingItem[]>(worker, 'coding.queue', {});
  const codeOf = (name: string) => queue.find((item) => item.episodeId === episodes[name])!.id;
  for (const name of ['A1', 'A2']) await ok(worker, 'coding.markRecorded', { itemId: codeOf(name), recordedOn: '2026-01-15' });

  at(cw, '2026-02-02');
  for (const name of ['B1', 'B2', 'B3']) await refer(worker, name, 'gp_practice', '2026-02-02');
  await recordContact(worker, episodes.A1!, { mode: 'face_to_face' });
  const walking = await createEntry(worker, { name: 'Riverside Walk', category: 'walking_groups' });
  const arts = await createEntry(worker, { name: 'Open Studio', category: 'arts' });
  at(cw, '2026-02-03');
  await recordContact(worker, episodes.A2!, { mode: 'face_to_face' });
  await recordContact(worker, episodes.B1!, { decision: 'declined' });
  await recordContact(worker, episodes.B2!, { decision: 'declined' });
  await recordContact(worker, episodes.B3!, { decision: 'accepted' });
  await ok(worker, 'connections.create', { episodeId: episodes.A2, serviceId: arts.id });
  at(cw, '2026-02-04');
  await recordContact(worker, episodes.A3!, { didNotAttend: true });
  at(cw, '2026-02-09');
  await recordContact(worker, episodes.A1!, { mode: 'face_to_face' });
  const walk = await ok<Connection>(worker, 'connections.create', { episodeId: episodes.A1, serviceId: walking.id });
  at(cw, '2026-02-16');
  await recordContact(worker, episodes.A1!, { mode: 'face_to_face' });
  await ok(worker, 'connections.move', { connectionId: walk.id, to: 'introduced' });
  await ok(worker, 'connections.move', { connectionId: walk.id, to: 'attending' });
  await ok(worker, 'coding.markRecorded', { itemId: codeOf('A3'), recordedOn: '2026-02-16' });

  at(cw, '2026-03-02');
  await refer(worker, 'C1', 'self', '2026-03-02');
  await refer(worker, 'C2', 'pharmacy', '2026-03-02');
  await refer(worker, 'C3', 'pharmacy', '2026-03-02');
  for (const name of ['D1', 'D2', 'D3']) await refer(omar, name, 'gp_practice', '2026-03-02');
  at(cw, '2026-03-10');
  await ok(worker, 'episodes.transition', { episodeId: episodes.A4, to: 'closed', closureReason: 'goals_met' });
  for (const name of ['B1', 'B2']) await ok(worker, 'episodes.transition', { episodeId: episodes[name], to: 'closed', closureReason: 'declined' });
  at(cw, '2026-04-15');
  return { ...cw, people };
}

export const QUARTER = { from: '2026-01-01', to: '2026-03-31' };

export function tableOf(report: ActivityReport, id: string): ReportTable {
  const found = report.tables.find((table) => table.id === id);
  if (!found) throw new Error(`no table ${id} in the report`);
  return found;
}

/** A table as "label: shown" pairs, leaving out rows that show 0, plus its total. */
export function shownRows(report: ActivityReport, id: string): string[] {
  const table = tableOf(report, id);
  return [...table.rows.filter((row) => row.count.shown !== '0').map((row) => `${row.label}: ${row.count.shown}`), ...(table.total ? [`Total: ${table.total.shown}`] : [])];
}

export function headline(report: ActivityReport): Record<string, string> {
  return Object.fromEntries(report.headline.map((item) => [item.key, item.count.shown]));
}
