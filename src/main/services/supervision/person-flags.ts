import { randomUUID } from 'node:crypto';
import type { PersonFlagKind } from '../../../shared/domain/supervision';
import type { PersonFlag } from '../../../shared/ipc/supervision-schemas';
import { AppError } from '../../errors';
import type { LinkdeskDb } from '../../store/kysely';
import { isUniqueViolation, requirePerson } from '../casework-common';
import type { WorkspaceSession } from '../workspace-session';
import { requirePersonInScope } from './supervision-scope';

/**
 * Risk and safeguarding flags on a person. The link worker sets one with a reason and clears it
 * with a reason; both are audited (ids and the kind only, never the reason). Flags are never
 * edited or deleted, so the record keeps when each was raised and cleared. Current flags show in
 * the caseload (caseload.ts) and put the person's case on the supervision agenda.
 */

export function flagQuery(db: LinkdeskDb) {
  return db
    .selectFrom('person_flags as f')
    .leftJoin('users as r', 'r.id', 'f.raised_by')
    .leftJoin('users as c', 'c.id', 'f.cleared_by')
    .selectAll('f')
    .select(['r.display_name as raised_by_name', 'c.display_name as cleared_by_name']);
}

type FlagRow = Awaited<ReturnType<ReturnType<typeof flagQuery>['execute']>>[number];

export function toFlag(row: FlagRow): PersonFlag {
  return {
    id: row.id,
    personId: row.person_id,
    kind: row.kind,
    reason: row.reason,
    raisedAt: row.raised_at,
    raisedBy: row.raised_by_name,
    clearedAt: row.cleared_at,
    clearedBy: row.cleared_by_name,
    clearReason: row.clear_reason,
  };
}

async function loadFlag(db: LinkdeskDb, flagId: string): Promise<PersonFlag> {
  const row = await flagQuery(db).where('f.id', '=', flagId).executeTakeFirst();
  if (!row) throw new AppError('not_found', 'That flag does not exist.');
  return toFlag(row);
}

/** A person's flags, current ones first, then the cleared ones newest first. */
export async function listFlags(session: WorkspaceSession, personId: string): Promise<PersonFlag[]> {
  const { db } = session.requireUnlocked();
  return db.transaction().execute(async (trx) => {
    await requirePerson(trx, personId);
    await requirePersonInScope(session, trx, personId);
    const rows = await flagQuery(trx).where('f.person_id', '=', personId).orderBy('f.cleared_at', 'desc').orderBy('f.raised_at', 'desc').execute();
    const flags = rows.map(toFlag).sort((a, b) => Number(a.clearedAt !== null) - Number(b.clearedAt !== null));
    await session.audit({ action: 'person_flag.viewed', entityType: 'person', entityId: personId, details: { count: flags.length } }, trx);
    return flags;
  });
}

export async function raiseFlag(session: WorkspaceSession, input: { personId: string; kind: PersonFlagKind; reason: string }): Promise<PersonFlag> {
  const { db, user } = session.requireUnlocked();
  return db.transaction().execute(async (trx) => {
    await requirePerson(trx, input.personId);
    const id = randomUUID();
    try {
      await trx
        .insertInto('person_flags')
        .values({ id, person_id: input.personId, kind: input.kind, reason: input.reason.trim(), raised_at: session.clock.now().toISOString(), raised_by: user.id })
        .execute();
    } catch (error) {
      if (isUniqueViolation(error, 'person_flags')) throw new AppError('conflict', `This person already has a current ${input.kind} flag. Clear it first to give a new reason.`);
      throw error;
    }
    await session.audit({ action: 'person_flag.raised', entityType: 'person', entityId: input.personId, details: { flagId: id, kind: input.kind } }, trx);
    return loadFlag(trx, id);
  });
}

export async function clearFlag(session: WorkspaceSession, input: { flagId: string; reason: string }): Promise<PersonFlag> {
  const { db, user } = session.requireUnlocked();
  return db.transaction().execute(async (trx) => {
    const flag = await loadFlag(trx, input.flagId);
    if (flag.clearedAt !== null) throw new AppError('conflict', 'This flag has already been cleared.');
    await trx
      .updateTable('person_flags')
      .set({ cleared_at: session.clock.now().toISOString(), cleared_by: user.id, clear_reason: input.reason.trim() })
      .where('id', '=', input.flagId)
      .where('cleared_at', 'is', null)
      .execute();
    await session.audit({ action: 'person_flag.cleared', entityType: 'person', entityId: flag.personId, details: { flagId: flag.id, kind: flag.kind } }, trx);
    return loadFlag(trx, input.flagId);
  });
}
