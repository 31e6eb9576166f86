import { SMALL_NUMBER_THRESHOLD_DEFAULT, SMALL_NUMBER_THRESHOLD_MAX, SMALL_NUMBER_THRESHOLD_MIN } from '../../../shared/domain/reports';
import type { ReportOptions, ReportSettings } from '../../../shared/ipc/reports-schemas';
import type { LinkdeskDb } from '../../store/kysely';
import type { WorkspaceSession } from '../workspace-session';

const THRESHOLD_KEY = 'reportsSmallNumberThreshold';

/** The workspace's small-number threshold; the default when unset or out of range. */
export async function readThreshold(db: LinkdeskDb): Promise<number> {
  const row = await db.selectFrom('settings').select('value_json').where('key', '=', THRESHOLD_KEY).executeTakeFirst();
  const value = row ? (JSON.parse(row.value_json) as unknown) : null;
  return typeof value === 'number' && Number.isInteger(value) && value >= SMALL_NUMBER_THRESHOLD_MIN && value <= SMALL_NUMBER_THRESHOLD_MAX ? value : SMALL_NUMBER_THRESHOLD_DEFAULT;
}

export async function updateReportSettings(session: WorkspaceSession, settings: ReportSettings): Promise<ReportSettings> {
  const { db } = session.requireUnlocked();
  await db.transaction().execute(async (trx) => {
    const previous = await readThreshold(trx);
    const value_json = JSON.stringify(settings.threshold);
    await trx
      .insertInto('settings')
      .values({ key: THRESHOLD_KEY, value_json })
      .onConflict((conflict) => conflict.column('key').doUpdateSet({ value_json }))
      .execute();
    await session.audit({ action: 'reports.settings_updated', details: { threshold: settings.threshold, previousThreshold: previous } }, trx);
  });
  return { threshold: settings.threshold };
}

/** The threshold and the link workers a report can be filtered by (staff names only). */
export async function reportOptions(session: WorkspaceSession): Promise<ReportOptions> {
  const { db } = session.requireUnlocked();
  const workers = await db
    .selectFrom('users')
    .select(['id', 'display_name', 'disabled_at'])
    .where('role', '=', 'link_worker')
    .orderBy('display_name')
    .orderBy('id')
    .execute();
  return {
    threshold: await readThreshold(db),
    workers: workers.map((row) => ({ id: row.id, displayName: row.display_name, disabled: row.disabled_at !== null })),
  };
}
