import { describeOns4Change, ONS4_ITEMS, ONS4_MAX, ONS4_MIN, type Ons4Item } from './ons4';
import { formatMetric, scoreSwemwbs, SWEMWBS_ITEM_MAX, SWEMWBS_ITEM_MIN, SWEMWBS_STATEMENTS } from './swemwbs';
import { scoreUcla3, UCLA3_ITEM_MAX, UCLA3_ITEM_MIN, UCLA3_QUESTIONS } from './ucla3';

/**
 * The outcome measures Linkdesk records, and when: at the start (baseline), at reviews while the
 * episode is open (follow-ups), and at the end. A person may decline to answer: that is recorded
 * as declined, never as a score of zero. Answers are all-or-nothing: a partly answered measure is
 * refused, because a part score cannot be compared with anything.
 */
export const INSTRUMENTS = {
  ons4: { label: 'ONS4 personal wellbeing', shortLabel: 'ONS4', itemCount: 4, min: ONS4_MIN, max: ONS4_MAX },
  swemwbs: { label: 'Short Warwick-Edinburgh Mental Well-being Scale (SWEMWBS)', shortLabel: 'SWEMWBS', itemCount: 7, min: SWEMWBS_ITEM_MIN, max: SWEMWBS_ITEM_MAX },
  ucla3: { label: 'UCLA 3-item loneliness scale', shortLabel: 'UCLA loneliness', itemCount: 3, min: UCLA3_ITEM_MIN, max: UCLA3_ITEM_MAX },
} as const;
export type Instrument = keyof typeof INSTRUMENTS;
export const INSTRUMENT_CODES = Object.keys(INSTRUMENTS) as [Instrument, ...Instrument[]];

export const TIMEPOINTS = { baseline: 'Baseline', review: 'Follow-up', end: 'End of episode' } as const;
export type Timepoint = keyof typeof TIMEPOINTS;
export const TIMEPOINT_CODES = Object.keys(TIMEPOINTS) as [Timepoint, ...Timepoint[]];

/** What each question is called in a message naming it. */
export function itemNames(instrument: Instrument): readonly string[] {
  if (instrument === 'ons4') return ONS4_ITEMS.map((item) => item.label);
  if (instrument === 'swemwbs') return SWEMWBS_STATEMENTS.map((_statement, index) => `Statement ${index + 1}`);
  return UCLA3_QUESTIONS.map((_question, index) => `Question ${index + 1}`);
}

/**
 * Problems with a set of answers, by item index: a missing answer, or one outside the scale.
 * Empty when the answers are complete and in range.
 */
export function answerProblems(instrument: Instrument, answers: readonly (number | null | undefined)[]): Map<number, string> {
  const spec = INSTRUMENTS[instrument];
  const names = itemNames(instrument);
  const problems = new Map<number, string>();
  for (let index = 0; index < spec.itemCount; index += 1) {
    const answer = answers[index];
    if (answer === null || answer === undefined) problems.set(index, `Answer “${names[index]}”, or record that they declined to answer`);
    else if (!Number.isInteger(answer) || answer < spec.min || answer > spec.max) problems.set(index, `${names[index]}: use a whole number from ${spec.min} to ${spec.max}`);
  }
  return problems;
}

export interface Scores {
  /** SWEMWBS raw total or UCLA total; null for ONS4, whose items are never summed. */
  total: number | null;
  /** SWEMWBS metric score; null otherwise. */
  metric: number | null;
}

/** The scores of complete, in-range answers. */
export function scoreAnswers(instrument: Instrument, answers: readonly number[]): Scores {
  if (instrument === 'swemwbs') {
    const { raw, metric } = scoreSwemwbs(answers);
    return { total: raw, metric };
  }
  if (instrument === 'ucla3') return { total: scoreUcla3(answers), metric: null };
  return { total: null, metric: null };
}

/** A sentence's first letter in capitals. */
export function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Plain-English changes from baseline to a later measure, one line per score. */
export function describeChanges(instrument: Instrument, baseline: { answers: readonly number[]; scores: Scores }, later: { answers: readonly number[]; scores: Scores }): string[] {
  if (instrument === 'ons4') {
    return ONS4_ITEMS.map((item, index) => sentence(describeOns4Change(item.code as Ons4Item, baseline.answers[index]!, later.answers[index]!)));
  }
  if (instrument === 'swemwbs') {
    const from = baseline.scores.metric!;
    const to = later.scores.metric!;
    return [from === to ? `Mental wellbeing (SWEMWBS metric score) stayed at ${formatMetric(to)}` : `Mental wellbeing (SWEMWBS metric score) went from ${formatMetric(from)} to ${formatMetric(to)}`];
  }
  const from = baseline.scores.total!;
  const to = later.scores.total!;
  return [from === to ? `Loneliness score stayed at ${to} (3 is least lonely, 9 most)` : `Loneliness score went from ${from} to ${to} (3 is least lonely, 9 most)`];
}
