import type { Generated } from 'kysely';
import type { Role } from '../../shared/roles';

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
}

export interface LinkdeskSchema {
  workspace: WorkspaceTable;
  settings: SettingsTable;
  users: UsersTable;
  audit_log: AuditLogTable;
  people: PeopleTable;
}
