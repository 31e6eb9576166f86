import { scoreAnswers } from '../../../src/shared/domain/outcomes/instruments';
import { addDays, daysBetween } from '../../../src/shared/domain/working-days';
import { type GeneratorStage, inOneTransaction, seededUuid, streamFor, tableExists } from '../context';

/**
 * Outcome measures (ONS4, SWEMWBS, UCLA-3) for planned episodes: a baseline when the person
 * accepted, an end measure when the episode closed, and follow-ups in between until the dataset
 * has scale.outcomeMeasures of them; some declined (no answers, as the service stores them).
 * Scores come from the same scoring code the service uses. Open episodes have their next
 * follow-up due, as the service keeps it.
 */
type Instrument = 'ons4' | 'swemwbs' | 'ucla3';
const RANGES: Record<Instrument, [number, number, number]> = { ons4: [4, 0, 10], swemwbs: [7, 1, 5], ucla3: [3, 1, 3] };

export const outcomesStage: GeneratorStage = {
  name: 'outcome measures',
  pending: (raw) => (tableExists(raw, 'outcome_measures') ? null : 'not built yet (100,000 outcome measures at full scale)'),
  run(context) {
    const { raw, today } = context;
    const random = streamFor(context.seed, 'outcomes');
    const episodes = new Map(context.episodes.map((episode) => [episode.id, episode]));
    const planned = context.plans.map((plan) => episodes.get(plan.episodeId)!);
    const rows: { episodeId: string; personId: string; workerId: string; instrument: Instrument; timepoint: 'baseline' | 'review' | 'end'; on: string }[] = [];
    const target = context.scale.outcomeMeasures;
    const instruments = new Map<string, Instrument>();
    for (const episode of planned) {
      if (rows.length >= target) break;
      const instrument = random.pick(['ons4', 'swemwbs', 'swemwbs', 'ucla3'] as const);
      instruments.set(episode.id, instrument);
      rows.push({ episodeId: episode.id, personId: episode.personId, workerId: episode.workerId, instrument, timepoint: 'baseline', on: episode.acceptedOn! });
      if (episode.closedOn && rows.length < target) rows.push({ episodeId: episode.id, personId: episode.personId, workerId: episode.workerId, instrument, timepoint: 'end', on: episode.closedOn });
    }
    // Follow-ups in between, on episodes long enough to have one, until the target is reached.
    const long = planned.filter((episode) => daysBetween(episode.acceptedOn!, episode.closedOn ?? today) > 30);
    while (rows.length < target && long.length > 0) {
      const episode = random.pick(long);
      rows.push({ episodeId: episode.id, personId: episode.personId, workerId: episode.workerId, instrument: instruments.get(episode.id) ?? 'ons4', timepoint: 'review', on: addDays(episode.acceptedOn!, random.int(14, daysBetween(episode.acceptedOn!, episode.closedOn ?? today))) });
    }
    rows.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
    const insert = raw.prepare(`INSERT INTO outcome_measures (id, episode_id, person_id, instrument, timepoint, recorded_on, declined, answers_json, total, metric, recorded_at, recorded_by)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    inOneTransaction(raw, rows, (row) => {
      const declined = random.chance(0.05);
      const [items, min, max] = RANGES[row.instrument];
      const answers = declined ? null : Array.from({ length: items }, () => random.int(min, max));
      const scores = answers ? scoreAnswers(row.instrument, answers) : { total: null, metric: null };
      insert.run(seededUuid(random), row.episodeId, row.personId, row.instrument, row.timepoint, row.on, declined ? 1 : 0, answers ? JSON.stringify(answers) : null, scores.total, scores.metric, `${row.on}T13:00:00.000Z`, row.workerId);
    });
    const followUp = raw.prepare(`INSERT INTO outcome_follow_ups (episode_id, due_on, set_at, set_by) VALUES (?, ?, ?, ?)`);
    const open = planned.filter((episode) => episode.closedOn === null);
    inOneTransaction(raw, open, (episode) => followUp.run(episode.id, addDays(episode.acceptedOn!, 42 * random.int(1, 3)), `${episode.acceptedOn}T13:00:00.000Z`, episode.workerId));
    return { outcome_measures: rows.length, outcome_follow_ups: open.length };
  },
};
