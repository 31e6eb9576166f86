import type { Generated } from 'kysely';
import type { ActionOwner, PersonFlagKind, WellbeingFeeling, Workload } from '../../shared/domain/supervision';

/** Kysely table types added by migration 0008-supervision; part of LinkdeskSchema. */
export interface SupervisionSchema {
  supervision_pairs: SupervisionPairsTable;
  supervision_sessions: SupervisionSessionsTable;
  supervision_agenda_items: SupervisionAgendaItemsTable;
  supervision_actions: SupervisionActionsTable;
  supervision_action_completions: SupervisionActionCompletionsTable;
  supervision_wellbeing: SupervisionWellbeingTable;
  supervision_addenda: SupervisionAddendaTable;
  person_flags: PersonFlagsTable;
}

/** A GP supervisor supervising a link worker, from when an admin assigned it until it ended. */
export interface SupervisionPairsTable {
  id: string;
  supervisor_user_id: string;
  worker_user_id: string;
  assigned_at: string;
  assigned_by: string;
  ended_at: string | null;
  ended_by: string | null;
}

export interface SupervisionSessionsTable {
  seq: Generated<number>;
  id: string;
  pair_id: string;
  held_on: string;
  /** The first day the period numbers cover; the last is held_on. */
  period_from: string;
  /** JSON array of the names of the people who attended. */
  attendees_json: string;
  /** JSON object of the period numbers, frozen at sign-off (null while open: worked out live). */
  numbers_json: string | null;
  signed_at: string | null;
  signed_by: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

export interface SupervisionAgendaItemsTable {
  seq: Generated<number>;
  id: string;
  session_id: string;
  episode_id: string;
  person_id: string;
  /** JSON array of AgendaReason codes the caseload gave this case (without 'added'). */
  reasons_json: string;
  /** Who added the case by hand, if anyone. */
  added_by: string | null;
  added_note: string | null;
  discussion: string | null;
  decision: string | null;
  /** 0 or 1. */
  safeguarding_raised: Generated<number>;
  safeguarding_action: string | null;
  created_at: string;
  updated_at: string;
  updated_by: string;
}

export interface SupervisionActionsTable {
  seq: Generated<number>;
  id: string;
  session_id: string;
  agenda_item_id: string | null;
  text: string;
  owner: ActionOwner;
  due_on: string;
  created_at: string;
  created_by: string;
}

export interface SupervisionActionCompletionsTable {
  action_id: string;
  done_on: string;
  /** The open session it was ticked off in, if it was ticked off in one. */
  session_id: string | null;
  recorded_at: string;
  recorded_by: string;
}

export interface SupervisionWellbeingTable {
  session_id: string;
  feeling: WellbeingFeeling;
  feeling_note: string | null;
  workload: Workload;
  training_needs: string | null;
  support_agreed: string | null;
  updated_at: string;
  updated_by: string;
}

export interface SupervisionAddendaTable {
  seq: Generated<number>;
  id: string;
  session_id: string;
  text: string;
  added_at: string;
  added_by: string;
}

export interface PersonFlagsTable {
  seq: Generated<number>;
  id: string;
  person_id: string;
  kind: PersonFlagKind;
  reason: string;
  raised_at: string;
  raised_by: string;
  cleared_at: string | null;
  cleared_by: string | null;
  clear_reason: string | null;
}
