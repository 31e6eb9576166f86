import { IDLE_MINUTES_DEFAULT } from '../../shared/validation';
import type { LinkdeskDb } from '../store/kysely';

/** Workspace-wide settings, kept as JSON values in the settings table. */
export interface WorkspaceSettings {
  idleMinutes: number;
}

export const DEFAULT_SETTINGS: WorkspaceSettings = { idleMinutes: IDLE_MINUTES_DEFAULT };

export async function readSettings(db: LinkdeskDb): Promise<WorkspaceSettings> {
  const rows = await db.selectFrom('settings').selectAll().execute();
  const stored = Object.fromEntries(rows.map((row) => [row.key, JSON.parse(row.value_json) as unknown]));
  return {
    idleMinutes: typeof stored.idleMinutes === 'number' ? stored.idleMinutes : DEFAULT_SETTINGS.idleMinutes,
  };
}

export async function writeSettings(db: LinkdeskDb, settings: WorkspaceSettings): Promise<void> {
  for (const [key, value] of Object.entries(settings)) {
    await db
      .insertInto('settings')
      .values({ key, value_json: JSON.stringify(value) })
      .onConflict((conflict) => conflict.column('key').doUpdateSet({ value_json: JSON.stringify(value) }))
      .execute();
  }
}
