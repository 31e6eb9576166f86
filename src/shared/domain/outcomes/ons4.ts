/**
 * ONS4 personal wellbeing: four questions, each answered 0–10, never summed into one score.
 * Wording and bands are the Office for National Statistics' (see docs/outcomes.md).
 */
export const ONS4_ITEMS = [
  {
    code: 'life_satisfaction',
    question: 'Overall, how satisfied are you with your life nowadays?',
    label: 'Life satisfaction',
    noun: 'life satisfaction',
  },
  {
    code: 'worthwhile',
    question: 'Overall, to what extent do you feel that the things you do in your life are worthwhile?',
    label: 'Worthwhile',
    noun: 'feeling that the things they do are worthwhile',
  },
  {
    code: 'happiness',
    question: 'Overall, how happy did you feel yesterday?',
    label: 'Happiness',
    noun: 'happiness yesterday',
  },
  {
    code: 'anxiety',
    question: "On a scale where nought is 'not at all anxious' and 10 is 'completely anxious', overall, how anxious did you feel yesterday?",
    label: 'Anxiety',
    noun: 'anxiety yesterday',
  },
] as const;

export type Ons4Item = (typeof ONS4_ITEMS)[number]['code'];
export const ONS4_ITEM_CODES = ONS4_ITEMS.map((item) => item.code) as [Ons4Item, ...Ons4Item[]];

/** Each answer is a whole number from 0 (not at all) to 10 (completely). */
export const ONS4_MIN = 0;
export const ONS4_MAX = 10;

interface Band {
  label: string;
  /** The lowest score in the band; the band runs up to the next band's lowest score. */
  from: number;
}

/** Satisfaction, worthwhile and happiness: higher is better. */
const POSITIVE_BANDS: readonly Band[] = [
  { label: 'low', from: 0 },
  { label: 'medium', from: 5 },
  { label: 'high', from: 7 },
  { label: 'very high', from: 9 },
];
/** Anxiety: lower is better. */
const ANXIETY_BANDS: readonly Band[] = [
  { label: 'very low', from: 0 },
  { label: 'low', from: 2 },
  { label: 'medium', from: 4 },
  { label: 'high', from: 6 },
];

export function ons4Bands(item: Ons4Item): readonly Band[] {
  return item === 'anxiety' ? ANXIETY_BANDS : POSITIVE_BANDS;
}

/** Whether a higher score means better wellbeing (all but anxiety). */
export function higherIsBetter(item: Ons4Item): boolean {
  return item !== 'anxiety';
}

function requireScore(score: number): void {
  if (!Number.isInteger(score) || score < ONS4_MIN || score > ONS4_MAX) throw new RangeError(`An ONS4 score is a whole number from 0 to 10, not ${score}`);
}

/** The band's position, 0 (the first band) to 3. */
export function ons4BandIndex(item: Ons4Item, score: number): number {
  requireScore(score);
  const bands = ons4Bands(item);
  let index = 0;
  bands.forEach((band, position) => {
    if (score >= band.from) index = position;
  });
  return index;
}

/** The ONS band of a score, e.g. 'medium'. */
export function ons4Band(item: Ons4Item, score: number): string {
  return ons4Bands(item)[ons4BandIndex(item, score)]!.label;
}

/** "5–6 medium" style descriptions of each band, for the forms and the docs. */
export function ons4BandRanges(item: Ons4Item): string[] {
  const bands = ons4Bands(item);
  return bands.map((band, index) => {
    const to = index + 1 < bands.length ? bands[index + 1]!.from - 1 : ONS4_MAX;
    return `${band.from === to ? band.from : `${band.from}–${to}`} ${band.label}`;
  });
}

/** Whether the end score is in a better band than the baseline (lower for anxiety, higher for the rest). */
export function improvedByBand(item: Ons4Item, baseline: number, end: number): boolean {
  const from = ons4BandIndex(item, baseline);
  const to = ons4BandIndex(item, end);
  return higherIsBetter(item) ? to > from : to < from;
}

export function ons4ItemOf(code: Ons4Item) {
  return ONS4_ITEMS.find((item) => item.code === code)!;
}

/** "life satisfaction went from 3 (low) to 6 (medium)", or "… stayed at 4 (medium)". */
export function describeOns4Change(item: Ons4Item, baseline: number, end: number): string {
  const noun = ons4ItemOf(item).noun;
  if (baseline === end) return `${noun} stayed at ${end} (${ons4Band(item, end)})`;
  return `${noun} went from ${baseline} (${ons4Band(item, baseline)}) to ${end} (${ons4Band(item, end)})`;
}
