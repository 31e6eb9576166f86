import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { GroupSupport, recordGroupSupportSchema } from '../../../shared/ipc/connections-schemas';
import { AppError } from '../../errors';
import type { LinkdeskDb } from '../../store/kysely';
import { invalidInput, todayOf } from '../casework-common';
import { textOrNull } from '../plans/plans-common';
import type { WorkspaceSession } from '../workspace-session';

/**
 * The group support log: time link workers and admins give to the community groups and
 * organisations in the directory (the "impact on community groups" of the outcomes framework).
 * No personal data about the people supported; audited with ids and codes only.
 */
type RecordGroupSupportInput = z.output<typeof recordGroupSupportSchema>;

async function loadGroupSupport(db: LinkdeskDb, filter: { organisationId: string } | { serviceId: string } | { id: string }): Promise<GroupSupport[]> {
  let query = db
    .selectFrom('group_support_log as g')
    .innerJoin('directory_organisations as o', 'o.id', 'g.organisation_id')
    .leftJoin('directory_services as s', 's.id', 'g.service_id')
    .leftJoin('users as u', 'u.id', 'g.given_by')
    .selectAll('g')
    .select(['o.name as organisation_name', 's.name as service_name', 'u.display_name as given_by_name']);
  if ('organisationId' in filter) query = query.where('g.organisation_id', '=', filter.organisationId);
  else if ('serviceId' in filter) query = query.where('g.service_id', '=', filter.serviceId);
  else query = query.where('g.id', '=', filter.id);
  const rows = await query.orderBy('g.given_on', 'desc').orderBy('g.seq', 'desc').execute();
  return rows.map((row) => ({
    id: row.id,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    serviceId: row.service_id,
    serviceName: row.service_name,
    type: row.support_type,
    givenOn: row.given_on,
    minutes: row.minutes,
    note: row.note ?? '',
    givenBy: row.given_by_name,
    recordedAt: row.recorded_at,
  }));
}

export async function recordGroupSupport(session: WorkspaceSession, input: RecordGroupSupportInput): Promise<GroupSupport> {
  const { db, user } = session.requireUnlocked();
  return db.transaction().execute(async (trx) => {
    const organisation = await trx.selectFrom('directory_organisations').select('id').where('id', '=', input.organisationId).executeTakeFirst();
    if (!organisation) invalidInput({ organisationId: 'Choose an organisation from the directory' });
    if (input.serviceId !== null) {
      const service = await trx.selectFrom('directory_services').select('organisation_id').where('id', '=', input.serviceId).executeTakeFirst();
      if (!service || service.organisation_id !== organisation.id) invalidInput({ serviceId: 'Choose one of this organisation’s groups or services' });
    }
    if (input.givenOn > todayOf(session)) invalidInput({ givenOn: 'The date cannot be in the future' });
    const id = randomUUID();
    await trx
      .insertInto('group_support_log')
      .values({
        id,
        organisation_id: organisation.id,
        service_id: input.serviceId,
        support_type: input.type,
        given_on: input.givenOn,
        minutes: input.minutes,
        note: textOrNull(input.note),
        given_by: user.id,
        recorded_at: session.clock.now().toISOString(),
      })
      .execute();
    await session.audit(
      {
        action: 'group_support.recorded',
        entityType: 'directory_organisation',
        entityId: organisation.id,
        details: { supportId: id, serviceId: input.serviceId, type: input.type, minutes: input.minutes },
      },
      trx,
    );
    const [support] = await loadGroupSupport(trx, { id });
    return support!;
  });
}

export async function listGroupSupport(session: WorkspaceSession, query: { organisationId?: string | undefined; serviceId?: string | undefined }): Promise<GroupSupport[]> {
  const { db } = session.requireUnlocked();
  if (query.serviceId !== undefined) {
    const service = await db.selectFrom('directory_services').select('id').where('id', '=', query.serviceId).executeTakeFirst();
    if (!service) throw new AppError('not_found', 'That directory entry does not exist.');
    return loadGroupSupport(db, { serviceId: service.id });
  }
  const organisation = await db.selectFrom('directory_organisations').select('id').where('id', '=', query.organisationId!).executeTakeFirst();
  if (!organisation) throw new AppError('not_found', 'That organisation does not exist.');
  return loadGroupSupport(db, { organisationId: organisation.id });
}
