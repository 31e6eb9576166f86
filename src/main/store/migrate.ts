import type { RawDatabase } from './open-database';
import type { Migration } from './migrations/migration';
import { MIGRATIONS } from './migrations';
import { WorkspaceOpenError } from './store-error';

/** The schema version is SQLite's user_version: the number of the last migration applied. */
export function schemaVersion(db: RawDatabase): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Applies the migrations not yet applied, each atomically with its version bump. */
export function migrate(db: RawDatabase, migrations: readonly Migration[] = MIGRATIONS, upTo = Infinity): number {
  const current = schemaVersion(db);
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new WorkspaceOpenError(`This workspace was made by a newer Linkdesk (schema ${current}); update Linkdesk to open it.`);
  }
  for (const migration of migrations) {
    if (migration.version <= current || migration.version > upTo) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version=${migration.version}`);
    })();
  }
  return schemaVersion(db);
}
