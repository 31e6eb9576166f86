import type { RawDatabase } from '../open-database';

/**
 * One schema change. Migrations are plain code listed in ./index.ts (no file-system discovery,
 * which a bundler would break) and each runs inside one transaction with the schema version bump.
 */
export interface Migration {
  version: number;
  name: string;
  up(db: RawDatabase): void;
}
