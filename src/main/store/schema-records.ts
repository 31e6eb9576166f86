import type { Generated } from 'kysely';

/** Kysely table types added by migration 0010-records-management; part of LinkdeskSchema. */
export interface BackupRunsTable {
  id: Generated<number>;
  started_at: string;
  finished_at: string;
  trigger: 'manual' | 'scheduled';
  outcome: 'succeeded' | 'failed';
  name: string | null;
  bytes: number | null;
  sha256: string | null;
  failure: string | null;
  run_by: string | null;
}

export interface RecordsSchema {
  backup_runs: BackupRunsTable;
}
