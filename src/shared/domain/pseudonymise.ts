import { postcodeDistrict } from './directory';

/**
 * The generalisations a pseudonymised extract uses in place of identifying values (ICO guidance:
 * reduce precision until a row no longer points at one person on its own). Pure, so the worker
 * thread, the tests and anything else apply exactly the same rules.
 */

/** Age bands as NHS activity returns use them; the youngest band covers every child. */
export const AGE_BANDS = [
  { label: '0-17', from: 0 },
  { label: '18-24', from: 18 },
  { label: '25-34', from: 25 },
  { label: '35-44', from: 35 },
  { label: '45-54', from: 45 },
  { label: '55-64', from: 55 },
  { label: '65-74', from: 65 },
  { label: '75-84', from: 75 },
  { label: '85+', from: 85 },
] as const;
export type AgeBand = (typeof AGE_BANDS)[number]['label'];

/** Whole years between a date of birth and a date (both yyyy-mm-dd), as a birthday counts them. */
export function ageOn(dateOfBirth: string, onDate: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = onDate.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** The age band on a date, or '' when the date of birth is not known (or after the date). */
export function ageBand(dateOfBirth: string | null, onDate: string): AgeBand | '' {
  if (!dateOfBirth) return '';
  const age = ageOn(dateOfBirth, onDate);
  if (age < 0) return '';
  let band: AgeBand = AGE_BANDS[0].label;
  for (const candidate of AGE_BANDS) if (age >= candidate.from) band = candidate.label;
  return band;
}

/** 'LS6 2AB' → 'LS6'; '' for no postcode or one that is not a UK postcode. */
export function districtOf(postcode: string | null): string {
  return postcodeDistrict(postcode) ?? '';
}
