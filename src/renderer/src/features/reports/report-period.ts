import { addMonths, format, startOfMonth } from 'date-fns';

/**
 * Report periods people ask for: recent months, or the NHS financial year (1 April to 31 March),
 * which is how PCNs and commissioners count. Dates are the practice's local calendar dates.
 */
export const PERIOD_PRESETS = {
  last_3_months: 'Last 3 months',
  last_6_months: 'Last 6 months',
  last_12_months: 'Last 12 months',
  this_financial_year: 'This financial year so far',
  last_financial_year: 'Last financial year',
  custom: 'Dates I choose',
} as const;
export type PeriodPreset = keyof typeof PERIOD_PRESETS;

export interface Period {
  from: string;
  to: string;
}

const iso = (date: Date) => format(date, 'yyyy-MM-dd');

/** The months named run up to today: "last 3 months" in May is 1 March to today. */
export function presetPeriod(preset: Exclude<PeriodPreset, 'custom'>, today: Date = new Date()): Period {
  const months = { last_3_months: 3, last_6_months: 6, last_12_months: 12 } as const;
  if (preset in months) return { from: iso(startOfMonth(addMonths(today, 1 - months[preset as keyof typeof months]))), to: iso(today) };
  // April (month 3) starts the financial year.
  const startYear = today.getMonth() >= 3 ? today.getFullYear() : today.getFullYear() - 1;
  if (preset === 'this_financial_year') return { from: `${startYear}-04-01`, to: iso(today) };
  return { from: `${startYear - 1}-04-01`, to: `${startYear}-03-31` };
}
