/**
 * The Short Warwick-Edinburgh Mental Well-being Scale (SWEMWBS): seven statements about the last
 * two weeks, each answered 1 (none of the time) to 5 (all of the time). The raw total (7–35) is
 * converted to a metric score by the published Rasch conversion table (Stewart-Brown et al. 2009;
 * Warwick Medical School's scoring guidance). Its use needs the attribution below shown with it.
 */
export const SWEMWBS_ATTRIBUTION = 'Short Warwick-Edinburgh Mental Well-being Scale (SWEMWBS) © University of Warwick, 2006, all rights reserved.';

export const SWEMWBS_INTRODUCTION = 'Below are some statements about feelings and thoughts. Please choose the answer that best describes your experience of each over the last 2 weeks.';

export const SWEMWBS_STATEMENTS = [
  'I’ve been feeling optimistic about the future',
  'I’ve been feeling useful',
  'I’ve been feeling relaxed',
  'I’ve been dealing with problems well',
  'I’ve been thinking clearly',
  'I’ve been feeling close to other people',
  'I’ve been able to make up my own mind about things',
] as const;

export const SWEMWBS_RESPONSES = ['None of the time', 'Rarely', 'Some of the time', 'Often', 'All of the time'] as const;

export const SWEMWBS_ITEM_MIN = 1;
export const SWEMWBS_ITEM_MAX = 5;
export const SWEMWBS_RAW_MIN = 7;
export const SWEMWBS_RAW_MAX = 35;

/** Raw score (7–35) → metric score, as published. Index 0 is raw 7. */
const METRIC = [
  7.0, 9.51, 11.25, 12.4, 13.33, 14.08, 14.75, 15.32, 15.84, 16.36, 16.88, 17.43, 17.98, 18.59, 19.25, 19.98, 20.73, 21.54, 22.35, 23.21, 24.11, 25.03,
  26.02, 27.03, 28.13, 29.31, 30.7, 32.55, 35.0,
] as const;

/** The metric score for a raw total; throws for a total the scale cannot give. */
export function swemwbsMetric(raw: number): number {
  if (!Number.isInteger(raw) || raw < SWEMWBS_RAW_MIN || raw > SWEMWBS_RAW_MAX) throw new RangeError(`A SWEMWBS raw score is a whole number from 7 to 35, not ${raw}`);
  return METRIC[raw - SWEMWBS_RAW_MIN]!;
}

/** Raw and metric scores of seven complete answers. */
export function scoreSwemwbs(answers: readonly number[]): { raw: number; metric: number } {
  if (answers.length !== SWEMWBS_STATEMENTS.length) throw new RangeError('SWEMWBS needs all 7 answers');
  for (const answer of answers) {
    if (!Number.isInteger(answer) || answer < SWEMWBS_ITEM_MIN || answer > SWEMWBS_ITEM_MAX) throw new RangeError(`A SWEMWBS answer is a whole number from 1 to 5, not ${answer}`);
  }
  const raw = answers.reduce((sum, answer) => sum + answer, 0);
  return { raw, metric: swemwbsMetric(raw) };
}

/** A metric score as the screens and letters show it: two decimal places. */
export function formatMetric(metric: number): string {
  return metric.toFixed(2);
}
