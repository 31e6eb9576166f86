import type { Generated } from 'kysely';
import type { ConsentMethod, ContactMethod } from '../../shared/domain/person';
import type { ClosureReason, ContactMode, EpisodeStatus, ReferralReason, ReferralSource, Urgency } from '../../shared/domain/referral';
import type { Role } from '../../shared/roles';
import type { DirectoryCost, DirectoryStatus, Weekday } from '../../shared/domain/directory';
import type { AgreementMethod, GoalProgress, PlanStatus } from '../../shared/domain/plans';
import type { ConnectionStatus, ConnectionStopReason, GroupSupportType } from '../../shared/domain/connections';
import type { ExportsSchema } from './schema-exports';
import type { OutcomesSchema } from './schema-outcomes';
import type { RecordsSchema } from './schema-records';
import type { SupervisionSchema } from './schema-supervision';

/** Kysely's view of the database. Each table's columns match the migrations in ./migrations. */
export interface WorkspaceTable {
  id: string;
  name: string;
  created_at: string;
}

export interface SettingsTable {
  key: string;
  value_json: string;
}

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  disabled_at: string | null;
  created_at: string;
  created_by: string | null;
  last_sign_in_at: string | null;
}

export interface AuditLogTable {
  id: number;
  at: string;
  actor_user_id: string | null;
  actor_username: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  details_json: string;
  prev_hash: string;
  hash: string;
}

export interface PeopleTable {
  id: string;
  nhs_number: string | null;
  given_name: string;
  family_name: string;
  date_of_birth: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  row_version: Generated<number>;
  // 0003-casework
  preferred_name: string | null;
  pronouns: string | null;
  phone: string | null;
  email: string | null;
  preferred_contact_method: ContactMethod | null;
  address_line1: string | null;
  address_line2: string | null;
  town: string | null;
  postcode: string | null;
  gp_practice: string | null;
  interpreter_language: string | null;
  accessibility_needs: string | null;
  carer_or_next_of_kin: string | null;
  /** 0 or 1. */
  consent_social_prescribing: Generated<number>;
  social_prescribing_consent_date: string | null;
  social_prescribing_consent_method: ConsentMethod | null;
  /** 0 or 1. */
  consent_information_sharing: Generated<number>;
  information_sharing_consent_date: string | null;
  information_sharing_consent_method: ConsentMethod | null;
  updated_by: string | null;
}

/** A referral and the episode of support that follows it. */
export interface EpisodesTable {
  seq: Generated<number>;
  id: string;
  person_id: string;
  worker_user_id: string | null;
  source: ReferralSource;
  referrer_name: string | null;
  referrer_organisation: string | null;
  referrer_contact: string | null;
  received_on: string;
  reason_other: string | null;
  urgency: Urgency;
  notes: string | null;
  status: EpisodeStatus;
  closure_reason: ClosureReason | null;
  closure_note: string | null;
  closed_on: string | null;
  /** receivedOn plus the workspace's first-contact working days, fixed when the referral is entered. */
  first_contact_due_on: string;
  next_contact_on: string | null;
  review_due_on: string | null;
  /** Attended contacts only; kept in step by the contacts service. */
  contact_count: Generated<number>;
  first_contact_at: string | null;
  last_contact_at: string | null;
  last_contact_on: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
}

export interface EpisodeReasonsTable {
  episode_id: string;
  reason: ReferralReason;
}

export interface EpisodeStatusHistoryTable {
  id: Generated<number>;
  episode_id: string;
  /** Null for the first entry, when the referral was received. */
  from_status: EpisodeStatus | null;
  to_status: EpisodeStatus;
  at: string;
  changed_by: string;
  contact_id: string | null;
  closure_reason: ClosureReason | null;
}

export interface ContactsTable {
  seq: Generated<number>;
  id: string;
  episode_id: string;
  person_id: string;
  /** The moment, as UTC ISO text. */
  at: string;
  /** The local calendar date of `at`. */
  contact_on: string;
  mode: ContactMode;
  duration_minutes: number;
  attendees: string | null;
  notes: string | null;
  /** 0 or 1. */
  did_not_attend: number;
  decision: 'accepted' | 'declined' | null;
  recorded_by: string;
  recorded_at: string;
}

export interface PersonNotesTable {
  seq: Generated<number>;
  id: string;
  person_id: string;
  episode_id: string | null;
  text: string;
  created_at: string;
  created_by: string;
}

export interface CodingQueueTable {
  id: string;
  episode_id: string;
  person_id: string;
  contact_id: string | null;
  code: string;
  contact_on: string;
  due_on: string;
  queued_at: string;
  queued_by: string;
  recorded_on: string | null;
  recorded_by: string | null;
  recorded_at: string | null;
}

// 0004-directory
export interface DirectoryOrganisationsTable {
  id: string;
  oruk_id: string;
  name: string;
  description: string | null;
  website: string | null;
  email: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

/** A directory entry: one group or service, as Linkdesk shows and searches it. */
export interface DirectoryServicesTable {
  seq: Generated<number>;
  id: string;
  oruk_id: string;
  organisation_id: string;
  name: string;
  description: string | null;
  /** A DirectoryCategory code, checked by the IPC schemas. */
  category: string;
  status: DirectoryStatus;
  min_age: number | null;
  max_age: number | null;
  eligibility: string | null;
  cost: DirectoryCost | null;
  cost_description: string | null;
  venue_name: string | null;
  address: string | null;
  town: string | null;
  postcode: string | null;
  postcode_district: string | null;
  area: string | null;
  accessibility: string | null;
  contact_name: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  capacity: number | null;
  places_used: number | null;
  /** 0 or 1. */
  waiting_list: Generated<number>;
  last_checked_on: string | null;
  last_checked_by: string | null;
  source: 'linkdesk' | 'oruk_import';
  imported_at: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  row_version: Generated<number>;
}

export interface DirectorySchedulesTable {
  id: Generated<number>;
  service_id: string;
  position: number;
  weekday: Weekday | null;
  start_time: string | null;
  end_time: string | null;
  frequency: string | null;
}

export interface DirectoryServiceFeaturesTable {
  service_id: string;
  feature: string;
}

/** One Open Referral UK record (a row of one ORUK table) as JSON with typed values. */
export interface DirectoryOrukRecordsTable {
  seq: Generated<number>;
  kind: string;
  oruk_id: string;
  record_json: string;
}

/** Areas added later keep their table types in their own schema-<area>.ts files. */
export interface LinkdeskSchema extends OutcomesSchema, SupervisionSchema, ExportsSchema, RecordsSchema {
  workspace: WorkspaceTable;
  settings: SettingsTable;
  users: UsersTable;
  audit_log: AuditLogTable;
  people: PeopleTable;
  episodes: EpisodesTable;
  episode_reasons: EpisodeReasonsTable;
  episode_status_history: EpisodeStatusHistoryTable;
  contacts: ContactsTable;
  person_notes: PersonNotesTable;
  coding_queue: CodingQueueTable;
  directory_organisations: DirectoryOrganisationsTable;
  directory_services: DirectoryServicesTable;
  directory_schedules: DirectorySchedulesTable;
  directory_service_features: DirectoryServiceFeaturesTable;
  directory_oruk_records: DirectoryOrukRecordsTable;
  what_matters_conversations: WhatMattersConversationsTable;
  care_plans: CarePlansTable;
  care_plan_versions: CarePlanVersionsTable;
  care_plan_reviews: CarePlanReviewsTable;
  care_plan_review_goals: CarePlanReviewGoalsTable;
  connections: ConnectionsTable;
  connection_status_history: ConnectionStatusHistoryTable;
  group_support_log: GroupSupportLogTable;
}

// 0005-plans
export interface WhatMattersConversationsTable {
  seq: Generated<number>;
  id: string;
  episode_id: string;
  person_id: string;
  held_on: string;
  /** The person's own words, exactly as typed. */
  own_words: string;
  strengths: string | null;
  barriers: string | null;
  priorities: string | null;
  recorded_by: string;
  recorded_at: string;
}

export interface CarePlansTable {
  id: string;
  episode_id: string;
  person_id: string;
  created_at: string;
  created_by: string;
}

export interface CarePlanVersionsTable {
  id: string;
  plan_id: string;
  version: number;
  status: PlanStatus;
  /** JSON arrays: goals [{ id, text }], steps [{ id, action, owner, ownerName, dueOn, done }], present [name]. */
  goals_json: string;
  steps_json: string;
  present_json: string;
  support_offered: string | null;
  review_on: string | null;
  staff_notes: string | null;
  agreement_method: AgreementMethod | null;
  agreed_on: string | null;
  agreed_at: string | null;
  agreed_by: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

export interface CarePlanReviewsTable {
  id: string;
  version_id: string;
  reviewed_on: string;
  recorded_by: string;
  recorded_at: string;
}

export interface CarePlanReviewGoalsTable {
  review_id: string;
  goal_id: string;
  progress: GoalProgress;
  note: string | null;
}

// 0006-connections
export interface ConnectionsTable {
  seq: Generated<number>;
  id: string;
  episode_id: string;
  person_id: string;
  service_id: string;
  goal_id: string | null;
  status: ConnectionStatus;
  /** The date of the current status. */
  status_on: string;
  stop_reason: ConnectionStopReason | null;
  stop_note: string | null;
  handover_note: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

export interface ConnectionStatusHistoryTable {
  id: Generated<number>;
  connection_id: string;
  /** Null for the first entry, when the connection was suggested. */
  from_status: ConnectionStatus | null;
  to_status: ConnectionStatus;
  changed_on: string;
  at: string;
  changed_by: string;
  stop_reason: ConnectionStopReason | null;
}

export interface GroupSupportLogTable {
  seq: Generated<number>;
  id: string;
  organisation_id: string;
  service_id: string | null;
  support_type: GroupSupportType;
  given_on: string;
  minutes: number;
  note: string | null;
  given_by: string;
  recorded_at: string;
}
