/**
 * How big the benchmark dataset is. `full` is a large Primary Care Network after ten years of use
 * (issue #8); `small` is the same shape at 1/50, for the CI smoke run.
 */
export interface Scale {
  name: 'full' | 'small';
  people: number;
  episodes: number;
  contacts: number;
  plans: number;
  /** Goals and steps together, across the plans' current versions (approximate: drawn per plan). */
  goalsAndSteps: number;
  services: number;
  organisations: number;
  connections: number;
  outcomeMeasures: number;
  supervisionSessions: number;
  linkWorkers: number;
  supervisors: number;
  /** Years of history the referrals are spread over, ending today. */
  years: number;
}

export const FULL: Scale = {
  name: 'full',
  people: 50_000,
  episodes: 60_000,
  contacts: 600_000,
  plans: 50_000,
  goalsAndSteps: 200_000,
  services: 3_000,
  organisations: 1_000,
  connections: 150_000,
  outcomeMeasures: 100_000,
  supervisionSessions: 2_000,
  linkWorkers: 8,
  supervisors: 2,
  years: 10,
};

export const SMALL: Scale = {
  name: 'small',
  people: 1_000,
  episodes: 1_200,
  contacts: 12_000,
  plans: 1_000,
  goalsAndSteps: 4_000,
  services: 60,
  organisations: 20,
  connections: 3_000,
  outcomeMeasures: 2_000,
  supervisionSessions: 40,
  linkWorkers: 3,
  supervisors: 1,
  years: 10,
};

export const SCALES = { full: FULL, small: SMALL } as const;
export type ScaleName = keyof typeof SCALES;

export function isScaleName(name: string): name is ScaleName {
  return name in SCALES;
}
