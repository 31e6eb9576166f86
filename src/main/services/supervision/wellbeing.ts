import type { Wellbeing } from '../../../shared/ipc/supervision-schemas';
import type { LinkdeskDb } from '../../store/kysely';
import { nullIfEmpty } from '../casework-common';
import type { WorkspaceSession } from '../workspace-session';
import { changeOpenSession } from './session-access';

/**
 * The link worker's own wellbeing check-in: how they are, how the workload feels, training needs
 * and the support agreed. Private to the pair: only the two people in the session read it (the
 * session's membership check), it never appears in the printed record, and the audit says only
 * that it was saved.
 */

export async function loadWellbeing(db: LinkdeskDb, sessionId: string): Promise<Wellbeing | null> {
  const row = await db
    .selectFrom('supervision_wellbeing as wb')
    .leftJoin('users as u', 'u.id', 'wb.updated_by')
    .selectAll('wb')
    .select('u.display_name')
    .where('wb.session_id', '=', sessionId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    feeling: row.feeling,
    feelingNote: row.feeling_note ?? '',
    workload: row.workload,
    trainingNeeds: row.training_needs ?? '',
    supportAgreed: row.support_agreed ?? '',
    updatedAt: row.updated_at,
    updatedBy: row.display_name,
  };
}

export async function saveWellbeing(
  session: WorkspaceSession,
  input: { sessionId: string; feeling: Wellbeing['feeling']; feelingNote: string; workload: Wellbeing['workload']; trainingNeeds: string; supportAgreed: string },
): Promise<Wellbeing> {
  const { user } = session.requireUnlocked();
  return changeOpenSession(session, input.sessionId, 'save wellbeing', async (trx, { row }) => {
    const values = {
      feeling: input.feeling,
      feeling_note: nullIfEmpty(input.feelingNote.trim()),
      workload: input.workload,
      training_needs: nullIfEmpty(input.trainingNeeds.trim()),
      support_agreed: nullIfEmpty(input.supportAgreed.trim()),
      updated_at: session.clock.now().toISOString(),
      updated_by: user.id,
    };
    await trx
      .insertInto('supervision_wellbeing')
      .values({ session_id: row.id, ...values })
      .onConflict((conflict) => conflict.column('session_id').doUpdateSet(values))
      .execute();
    await session.audit({ action: 'supervision.wellbeing_saved', entityType: 'supervision_session', entityId: row.id }, trx);
    return (await loadWellbeing(trx, row.id))!;
  });
}
