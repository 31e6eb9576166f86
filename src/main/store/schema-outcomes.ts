import type { Generated } from 'kysely';
import type { Instrument, Timepoint } from '../../shared/domain/outcomes/instruments';

/** Kysely table types added by migration 0007-outcomes; part of LinkdeskSchema. */
export interface OutcomeMeasuresTable {
  seq: Generated<number>;
  id: string;
  episode_id: string;
  person_id: string;
  instrument: Instrument;
  timepoint: Timepoint;
  recorded_on: string;
  /** 0 or 1. */
  declined: number;
  /** A JSON array of whole numbers; null when declined. */
  answers_json: string | null;
  total: number | null;
  metric: number | null;
  recorded_at: string;
  recorded_by: string;
}

export interface OutcomeFollowUpsTable {
  episode_id: string;
  due_on: string;
  set_at: string;
  set_by: string;
}

export interface SystemUseTable {
  episode_id: string;
  person_id: string;
  gp_before: number | null;
  ae_before: number | null;
  before_entered_at: string | null;
  before_entered_by: string | null;
  gp_after: number | null;
  ae_after: number | null;
  after_entered_at: string | null;
  after_entered_by: string | null;
}

export interface EpisodeClosuresTable {
  episode_id: string;
  what_mattered: string;
  what_was_offered: string;
  what_happened: string;
  recorded_at: string;
  recorded_by: string;
}

export interface OutcomesSchema {
  outcome_measures: OutcomeMeasuresTable;
  outcome_follow_ups: OutcomeFollowUpsTable;
  system_use: SystemUseTable;
  episode_closures: EpisodeClosuresTable;
}
