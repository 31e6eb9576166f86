import { CONNECTION_STOP_REASON_CODES, type ConnectionStatus } from '../../../src/shared/domain/connections';
import { addDays, daysBetween } from '../../../src/shared/domain/working-days';
import { type GeneratorStage, inOneTransaction, seededUuid, streamFor } from '../context';

/**
 * Connections from planned episodes to directory services, with their status history: a few per
 * episode, to distinct services (one in progress per episode and service), most to a popular fifth
 * of the directory. A closed episode's connections have all ended (completed or stopped).
 */
const PATH: readonly ConnectionStatus[] = ['suggested', 'introduced', 'attending', 'completed'];

export const connectionsStage: GeneratorStage = {
  name: 'connections to directory services',
  run(context) {
    const { raw, today, serviceIds } = context;
    const random = streamFor(context.seed, 'connections');
    const episodes = new Map(context.episodes.map((episode) => [episode.id, episode]));
    const plans = context.plans;
    const perPlan = plans.map(() => 0);
    for (let n = 0; n < context.scale.connections; n += 1) perPlan[n < plans.length * 3 ? n % plans.length : random.int(0, plans.length - 1)]! += 1;
    const popular = serviceIds.slice(0, Math.max(1, Math.floor(serviceIds.length / 5)));
    const rows: { episodeId: string; serviceId: string; goalId: string | null; on: string }[] = [];
    plans.forEach((plan, index) => {
      const episode = episodes.get(plan.episodeId)!;
      const used = new Set<string>();
      for (let n = 0; n < perPlan[index]!; n += 1) {
        let serviceId = random.chance(0.8) ? random.pick(popular) : random.pick(serviceIds);
        while (used.has(serviceId)) serviceId = random.pick(serviceIds);
        used.add(serviceId);
        const end = episode.closedOn ?? today;
        rows.push({ episodeId: episode.id, serviceId, goalId: random.chance(0.6) ? random.pick(plan.goalIds) : null, on: addDays(episode.acceptedOn!, random.int(0, Math.max(0, Math.min(60, daysBetween(episode.acceptedOn!, end))))) });
      }
    });
    rows.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
    const connection = raw.prepare(`INSERT INTO connections (id, episode_id, person_id, service_id, goal_id, status, status_on, stop_reason, stop_note, handover_note, created_at, created_by, updated_at, updated_by)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?)`);
    const history = raw.prepare(`INSERT INTO connection_status_history (connection_id, from_status, to_status, changed_on, at, changed_by, stop_reason) VALUES (?, ?, ?, ?, ?, ?, ?)`);
    let changes = 0;
    inOneTransaction(raw, rows, (row) => {
      const episode = episodes.get(row.episodeId)!;
      const end = episode.closedOn ?? today;
      const closed = episode.closedOn !== null;
      // How far along the path it got, and whether it stopped there.
      const reached = random.int(0, 3);
      const stopped = reached < 3 && (closed || random.chance(0.15));
      const steps: { from: ConnectionStatus | null; to: ConnectionStatus; stopReason: string | null }[] = [];
      for (let n = 0; n <= reached; n += 1) steps.push({ from: n === 0 ? null : PATH[n - 1]!, to: PATH[n]!, stopReason: null });
      if (stopped) steps.push({ from: PATH[reached]!, to: 'stopped', stopReason: random.pick(CONNECTION_STOP_REASON_CODES) });
      const span = Math.max(0, daysBetween(row.on, end));
      const dates = steps.map((_, n) => addDays(row.on, Math.floor((span * n) / Math.max(1, steps.length))));
      const last = steps.at(-1)!;
      const id = seededUuid(random);
      const worker = episode.workerId;
      const lastAt = `${dates.at(-1)}T14:00:00.000Z`;
      connection.run(id, episode.id, episode.personId, row.serviceId, row.goalId, last.to, dates.at(-1), last.stopReason, random.chance(0.3) ? 'Introduced to the organiser by phone.' : null, `${row.on}T14:00:00.000Z`, worker, lastAt, worker);
      steps.forEach((step, n) => history.run(id, step.from, step.to, dates[n], `${dates[n]}T14:00:00.000Z`, worker, step.stopReason));
      changes += steps.length;
    });
    return { connections: rows.length, connection_status_history: changes };
  },
};
