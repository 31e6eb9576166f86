import type { Selectable } from 'kysely';
import type { z } from 'zod';
import { systemUseWindow, type SystemUsePeriod } from '../../../shared/domain/outcomes/system-use';
import type { recordSystemUseSchema, SystemUse } from '../../../shared/ipc/outcomes-schemas';
import { AppError } from '../../errors';
import type { LinkdeskDb } from '../../store/kysely';
import type { SystemUseTable } from '../../store/schema-outcomes';
import { findEpisode, todayOf } from '../casework-common';
import type { WorkspaceSession } from '../workspace-session';
import { formatDay } from './outcomes-common';
import { requireEpisodeInScope } from '../supervision/supervision-scope';

/**
 * System use for the common outcomes framework: GP consultations and A&E attendances in the
 * 6 months before the referral and the 6 months after the episode closed, entered by someone who
 * can see the practice record. A window's counts can be entered once the window has ended, and
 * corrected later (the audit log keeps each entry).
 */
type RecordInput = z.output<typeof recordSystemUseSchema>;
type Row = Selectable<SystemUseTable> & { before_by: string | null; after_by: string | null };

interface EpisodeDates {
  id: string;
  receivedOn: string;
  closedOn: string | null;
}

function windowOf(period: SystemUsePeriod, episode: EpisodeDates, row: Row | undefined, today: string) {
  const window = systemUseWindow(period, episode);
  if (!window) return null;
  const before = period === 'before';
  const entered = before ? row?.before_entered_at : row?.after_entered_at;
  return {
    ...window,
    gpConsultations: (before ? row?.gp_before : row?.gp_after) ?? null,
    aeAttendances: (before ? row?.ae_before : row?.ae_after) ?? null,
    enteredOn: entered ? entered.slice(0, 10) : null,
    enteredBy: (before ? row?.before_by : row?.after_by) ?? null,
    canEnter: window.to < today,
  };
}

/** System use of the given episodes, by episode id. */
export async function loadSystemUse(db: LinkdeskDb, episodes: readonly EpisodeDates[], today: string): Promise<Map<string, SystemUse>> {
  const rows =
    episodes.length === 0
      ? []
      : await db
          .selectFrom('system_use as s')
          .leftJoin('users as b', 'b.id', 's.before_entered_by')
          .leftJoin('users as a', 'a.id', 's.after_entered_by')
          .selectAll('s')
          .select(['b.display_name as before_by', 'a.display_name as after_by'])
          .where(
            's.episode_id',
            'in',
            episodes.map((episode) => episode.id),
          )
          .execute();
  const byEpisode = new Map(rows.map((row) => [row.episode_id, row]));
  return new Map(
    episodes.map((episode) => {
      const row = byEpisode.get(episode.id);
      return [episode.id, { episodeId: episode.id, before: windowOf('before', episode, row, today)!, after: windowOf('after', episode, row, today) }];
    }),
  );
}

export async function recordSystemUse(session: WorkspaceSession, input: RecordInput): Promise<SystemUse> {
  const { db, user } = session.requireUnlocked();
  const today = todayOf(session);
  return db.transaction().execute(async (trx) => {
    const row = await findEpisode(trx, input.episodeId);
    await requireEpisodeInScope(session, trx, row);
    const episode = { id: row.id, receivedOn: row.received_on, closedOn: row.closed_on };
    const window = systemUseWindow(input.period, episode);
    if (!window) throw new AppError('conflict', 'The 6 months after the episode start when it closes: close the episode first.');
    if (window.to >= today) throw new AppError('conflict', `These 6 months end on ${formatDay(window.to)}: enter the counts after that.`);
    const now = session.clock.now().toISOString();
    const values =
      input.period === 'before'
        ? { gp_before: input.gpConsultations, ae_before: input.aeAttendances, before_entered_at: now, before_entered_by: user.id }
        : { gp_after: input.gpConsultations, ae_after: input.aeAttendances, after_entered_at: now, after_entered_by: user.id };
    await trx
      .insertInto('system_use')
      .values({ episode_id: row.id, person_id: row.person_id, ...values })
      .onConflict((conflict) => conflict.column('episode_id').doUpdateSet(values))
      .execute();
    await session.audit(
      {
        action: 'system_use.recorded',
        entityType: 'person',
        entityId: row.person_id,
        details: { episodeId: row.id, period: input.period, gpConsultations: input.gpConsultations, aeAttendances: input.aeAttendances },
      },
      trx,
    );
    return (await loadSystemUse(trx, [episode], today)).get(row.id)!;
  });
}
