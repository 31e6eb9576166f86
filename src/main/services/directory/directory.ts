import { randomUUID } from 'node:crypto';
import { sql, type Selectable } from 'kysely';
import {
  DIRECTORY_STALE_MONTHS_DEFAULT,
  DIRECTORY_STALE_MONTHS_MAX,
  DIRECTORY_STALE_MONTHS_MIN,
  postcodeDistrict,
  type AccessibilityFeature,
  type DirectoryCategory,
} from '../../../shared/domain/directory';
import type { DirectoryEntry, EntryInput, ScheduleInput, updateEntrySchema } from '../../../shared/ipc/directory-contract';
import type { z } from 'zod';
import { AppError } from '../../errors';
import type { LinkdeskDb } from '../../store/kysely';
import type { DirectoryOrganisationsTable, DirectoryServicesTable } from '../../store/schema';
import type { WorkspaceSession } from '../workspace-session';
import { connectionCountSql } from '../connections/connection-counts';
import { locationFieldsOf, RecordChanges, writeChecked, writeEntryChanges, writeOrganisation, type EntryFields, type OrganisationView } from './entry-view';
import { RecordIndex } from './oruk-records';
import { loadServiceRecords, saveChanges, servicesAtLocations } from './record-store';

/**
 * Directory entries: adding, changing, reading and marking as checked. Every change is written to
 * the entry's typed columns and to its Open Referral UK records in one transaction, with its
 * audit entry.
 */

type UpdateEntryInput = z.output<typeof updateEntrySchema>;
export type ServiceRow = Selectable<DirectoryServicesTable>;
type OrganisationRow = Selectable<DirectoryOrganisationsTable>;

export const STALE_ENTRY_MESSAGE = 'Someone else changed this entry; reload it.';
const STALE_MONTHS_KEY = 'directoryStaleMonths';

/** Today's calendar date where the practice is, by the session clock (so tests can move time). */
export function todayOf(session: WorkspaceSession): string {
  const now = session.clock.now();
  return `${String(now.getFullYear()).padStart(4, '0')}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

export async function readStaleMonths(db: LinkdeskDb): Promise<number> {
  const row = await db.selectFrom('settings').select('value_json').where('key', '=', STALE_MONTHS_KEY).executeTakeFirst();
  const value = row ? (JSON.parse(row.value_json) as unknown) : null;
  return typeof value === 'number' && Number.isInteger(value) && value >= DIRECTORY_STALE_MONTHS_MIN && value <= DIRECTORY_STALE_MONTHS_MAX ? value : DIRECTORY_STALE_MONTHS_DEFAULT;
}

export async function updateStaleMonths(session: WorkspaceSession, staleMonths: number): Promise<{ staleMonths: number }> {
  const { db } = session.requireUnlocked();
  await db.transaction().execute(async (trx) => {
    const value_json = JSON.stringify(staleMonths);
    await trx
      .insertInto('settings')
      .values({ key: STALE_MONTHS_KEY, value_json })
      .onConflict((conflict) => conflict.column('key').doUpdateSet({ value_json }))
      .execute();
    await session.audit({ action: 'directory.settings_updated', details: { staleMonths } }, trx);
  });
  return { staleMonths };
}

/**
 * 1 when an entry was never checked, or last checked at least `months` calendar months before
 * today ('floor' keeps 31 August minus six months at 28 February rather than 3 March).
 */
export function staleSql(today: string, months: number) {
  return sql<number>`CASE WHEN s.last_checked_on IS NULL OR s.last_checked_on <= date(${today}, ${`-${months} months`}, 'floor') THEN 1 ELSE 0 END`;
}

const text = (value: string | null) => value ?? '';
const nullIfEmpty = (value: string) => (value === '' ? null : value);

/** An entry's fields as stored, for comparing with what someone sends. */
export function fieldsOfRow(row: ServiceRow, schedules: ScheduleInput[]): EntryFields {
  return {
    name: row.name,
    description: text(row.description),
    status: row.status,
    minAge: row.min_age,
    maxAge: row.max_age,
    eligibility: text(row.eligibility),
    cost: row.cost,
    costDescription: text(row.cost_description),
    schedules,
    venueName: text(row.venue_name),
    address: text(row.address),
    town: text(row.town),
    postcode: text(row.postcode),
    area: text(row.area),
    accessibility: text(row.accessibility),
    contactName: text(row.contact_name),
    phone: text(row.phone),
    email: text(row.email),
    website: text(row.website),
  };
}

/** The typed columns for an entry's fields. */
export function columnsOf(fields: EntryFields) {
  return {
    name: fields.name,
    description: nullIfEmpty(fields.description),
    status: fields.status,
    min_age: fields.minAge,
    max_age: fields.maxAge,
    eligibility: nullIfEmpty(fields.eligibility),
    cost: fields.cost,
    cost_description: nullIfEmpty(fields.costDescription),
    venue_name: nullIfEmpty(fields.venueName),
    address: nullIfEmpty(fields.address),
    town: nullIfEmpty(fields.town),
    postcode: nullIfEmpty(fields.postcode),
    postcode_district: postcodeDistrict(fields.postcode),
    area: nullIfEmpty(fields.area),
    accessibility: nullIfEmpty(fields.accessibility),
    contact_name: nullIfEmpty(fields.contactName),
    phone: nullIfEmpty(fields.phone),
    email: nullIfEmpty(fields.email),
    website: nullIfEmpty(fields.website),
  };
}

export function locationColumnsOf(fields: Pick<EntryFields, 'venueName' | 'address' | 'town' | 'postcode' | 'area' | 'accessibility'>) {
  return {
    venue_name: nullIfEmpty(fields.venueName),
    address: nullIfEmpty(fields.address),
    town: nullIfEmpty(fields.town),
    postcode: nullIfEmpty(fields.postcode),
    postcode_district: postcodeDistrict(fields.postcode),
    area: nullIfEmpty(fields.area),
    accessibility: nullIfEmpty(fields.accessibility),
  };
}

function organisationOfRow(row: OrganisationRow): OrganisationView {
  return { name: row.name, description: text(row.description), website: text(row.website), email: text(row.email) };
}

export async function readSchedules(db: LinkdeskDb, serviceId: string): Promise<ScheduleInput[]> {
  const rows = await db.selectFrom('directory_schedules').selectAll().where('service_id', '=', serviceId).orderBy('position').execute();
  return rows.map((row) => ({ weekday: row.weekday, startTime: text(row.start_time), endTime: text(row.end_time), frequency: text(row.frequency) }));
}

export async function replaceSchedules(db: LinkdeskDb, serviceId: string, schedules: readonly ScheduleInput[]): Promise<void> {
  await db.deleteFrom('directory_schedules').where('service_id', '=', serviceId).execute();
  if (schedules.length === 0) return;
  await db
    .insertInto('directory_schedules')
    .values(
      schedules.map((schedule, position) => ({
        service_id: serviceId,
        position,
        weekday: schedule.weekday,
        start_time: nullIfEmpty(schedule.startTime),
        end_time: nullIfEmpty(schedule.endTime),
        frequency: nullIfEmpty(schedule.frequency),
      })),
    )
    .execute();
}

export async function replaceFeatures(db: LinkdeskDb, serviceId: string, features: readonly AccessibilityFeature[]): Promise<void> {
  await db.deleteFrom('directory_service_features').where('service_id', '=', serviceId).execute();
  if (features.length > 0) await db.insertInto('directory_service_features').values(features.map((feature) => ({ service_id: serviceId, feature }))).execute();
}

export async function getEntry(session: WorkspaceSession, id: string, db: LinkdeskDb = session.requireUnlocked().db): Promise<DirectoryEntry> {
  const today = todayOf(session);
  const months = await readStaleMonths(db);
  const row = await db
    .selectFrom('directory_services as s')
    .innerJoin('directory_organisations as o', 'o.id', 's.organisation_id')
    .leftJoin('users as checker', 'checker.id', 's.last_checked_by')
    .selectAll('s')
    .select([
      'o.id as org_id',
      'o.oruk_id as org_oruk_id',
      'o.name as org_name',
      'o.description as org_description',
      'o.website as org_website',
      'o.email as org_email',
      'checker.display_name as checker_name',
      staleSql(today, months).as('stale'),
      connectionCountSql().as('connection_count'),
    ])
    .where('s.id', '=', id)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', 'That directory entry does not exist.');
  const features = await db.selectFrom('directory_service_features').select('feature').where('service_id', '=', id).orderBy('feature').execute();
  return {
    id: row.id,
    orukId: row.oruk_id,
    source: row.source,
    importedAt: row.imported_at,
    rowVersion: row.row_version,
    organisation: { id: row.org_id, orukId: row.org_oruk_id, name: row.org_name, description: text(row.org_description), website: text(row.org_website), email: text(row.org_email) },
    ...fieldsOfRow(row, await readSchedules(db, id)),
    category: row.category as DirectoryCategory,
    postcodeDistrict: text(row.postcode_district),
    accessibilityFeatures: features.map((feature) => feature.feature as AccessibilityFeature),
    capacity: row.capacity,
    placesUsed: row.places_used,
    waitingList: row.waiting_list === 1,
    lastCheckedOn: row.last_checked_on,
    lastCheckedBy: row.last_checked_by && row.checker_name ? { id: row.last_checked_by, displayName: row.checker_name } : null,
    stale: row.stale === 1,
    connectionCount: Number(row.connection_count),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function entryFieldsOf(input: EntryInput): EntryFields {
  return {
    name: input.name,
    description: input.description,
    status: input.status,
    minAge: input.minAge,
    maxAge: input.maxAge,
    eligibility: input.eligibility,
    cost: input.cost,
    costDescription: input.costDescription,
    schedules: input.schedules,
    venueName: input.venueName,
    address: input.address,
    town: input.town,
    postcode: input.postcode,
    area: input.area,
    accessibility: input.accessibility,
    contactName: input.contactName,
    phone: input.phone,
    email: input.email,
    website: input.website,
  };
}

function localColumnsOf(input: EntryInput) {
  return { category: input.category, capacity: input.capacity, places_used: input.placesUsed, waiting_list: input.waitingList ? 1 : 0 };
}

/**
 * The organisation an entry belongs to: an existing one (its details updated if they changed) or
 * a new one. Returns its Linkdesk id and ORUK id.
 */
async function resolveOrganisation(session: WorkspaceSession, trx: LinkdeskDb, changes: RecordChanges, input: EntryInput['organisation']): Promise<{ id: string; orukId: string; changed: boolean }> {
  const { user } = session.requireUnlocked();
  const now = session.clock.now().toISOString();
  const after: OrganisationView = { name: input.name, description: input.description, website: input.website, email: input.email };
  if (input.id === null) {
    const id = randomUUID();
    const orukId = randomUUID();
    writeOrganisation(changes, { id: orukId }, null, after);
    await trx
      .insertInto('directory_organisations')
      .values({ id, oruk_id: orukId, name: after.name, description: nullIfEmpty(after.description), website: nullIfEmpty(after.website), email: nullIfEmpty(after.email), created_at: now, created_by: user.id, updated_at: now, updated_by: user.id })
      .execute();
    return { id, orukId, changed: true };
  }
  const row = await trx.selectFrom('directory_organisations').selectAll().where('id', '=', input.id).executeTakeFirst();
  if (!row) throw new AppError('invalid_input', 'Some of the details are not right.', { 'organisation.id': 'Choose an organisation from the directory' });
  const before = organisationOfRow(row);
  if (JSON.stringify(before) === JSON.stringify(after)) return { id: row.id, orukId: row.oruk_id, changed: false };
  const record = (await loadOrganisationRecord(trx, row.oruk_id)) ?? { id: row.oruk_id };
  writeOrganisation(changes, record, before, after);
  await trx
    .updateTable('directory_organisations')
    .set({ name: after.name, description: nullIfEmpty(after.description), website: nullIfEmpty(after.website), email: nullIfEmpty(after.email), updated_at: now, updated_by: user.id })
    .where('id', '=', row.id)
    .execute();
  return { id: row.id, orukId: row.oruk_id, changed: true };
}

async function loadOrganisationRecord(db: LinkdeskDb, orukId: string) {
  const row = await db.selectFrom('directory_oruk_records').select('record_json').where('kind', '=', 'organization').where('oruk_id', '=', orukId).executeTakeFirst();
  return row ? (JSON.parse(row.record_json) as Record<string, string | number>) : undefined;
}

/**
 * Entries sharing a location whose details an edit changed show the new details too; each such
 * entry's version moves on, so anyone editing it is told to reload.
 */
async function refreshEntriesAt(session: WorkspaceSession, trx: LinkdeskDb, locationIds: readonly string[], exceptOrukId: string): Promise<void> {
  if (locationIds.length === 0) return;
  const others = (await servicesAtLocations(trx, locationIds)).filter((orukId) => orukId !== exceptOrukId);
  if (others.length === 0) return;
  const index = await loadServiceRecords(trx, others);
  const { user } = session.requireUnlocked();
  for (const orukId of others) {
    const service = index.get('service', orukId);
    if (!service) continue;
    await trx
      .updateTable('directory_services')
      .set((eb) => ({ ...locationColumnsOf(locationFieldsOf(index, service)), updated_at: session.clock.now().toISOString(), updated_by: user.id, row_version: eb('row_version', '+', 1) }))
      .where('oruk_id', '=', orukId)
      .execute();
  }
}

export async function createEntry(session: WorkspaceSession, input: EntryInput): Promise<DirectoryEntry> {
  const { db, user } = session.requireUnlocked();
  return db.transaction().execute(async (trx) => {
    const changes = new RecordChanges(new RecordIndex());
    const organisation = await resolveOrganisation(session, trx, changes, input.organisation);
    const id = randomUUID();
    const orukId = randomUUID();
    const fields = entryFieldsOf(input);
    changes.put('service', { id: orukId, organization_id: organisation.orukId, name: fields.name, status: 'active' });
    writeEntryChanges(changes, orukId, null, fields);
    const now = session.clock.now().toISOString();
    await trx
      .insertInto('directory_services')
      .values({
        id,
        oruk_id: orukId,
        organisation_id: organisation.id,
        ...columnsOf(fields),
        ...localColumnsOf(input),
        source: 'linkdesk',
        created_at: now,
        created_by: user.id,
        updated_at: now,
        updated_by: user.id,
      })
      .execute();
    await replaceSchedules(trx, id, fields.schedules);
    await replaceFeatures(trx, id, input.accessibilityFeatures);
    await saveChanges(trx, changes);
    await session.audit(
      { action: 'directory.entry_created', entityType: 'directory_entry', entityId: id, details: { category: input.category, status: input.status, organisationId: organisation.id, newOrganisation: input.organisation.id === null } },
      trx,
    );
    return getEntry(session, id, trx);
  });
}

export async function updateEntry(session: WorkspaceSession, input: UpdateEntryInput): Promise<DirectoryEntry> {
  const { db, user } = session.requireUnlocked();
  const { id, rowVersion } = input;
  return db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom('directory_services').selectAll().where('id', '=', id).executeTakeFirst();
    if (!current) throw new AppError('not_found', 'That directory entry does not exist.');
    if (current.row_version !== rowVersion) throw new AppError('conflict', STALE_ENTRY_MESSAGE);
    const index = await loadServiceRecords(trx, [current.oruk_id]);
    const changes = new RecordChanges(index);
    if (!index.get('service', current.oruk_id)) changes.put('service', { id: current.oruk_id, name: current.name, status: 'active' });
    const organisation = await resolveOrganisation(session, trx, changes, input.organisation);
    const service = index.get('service', current.oruk_id)!;
    if (service.organization_id !== organisation.orukId) changes.put('service', { ...service, organization_id: organisation.orukId });

    const before = fieldsOfRow(current, await readSchedules(trx, id));
    const after = entryFieldsOf(input);
    const changedLocations = writeEntryChanges(changes, current.oruk_id, before, after);
    const beforeFeatures = (await trx.selectFrom('directory_service_features').select('feature').where('service_id', '=', id).orderBy('feature').execute()).map((row) => row.feature);
    const changedFields = [
      ...(Object.keys(after) as (keyof EntryFields)[]).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key])),
      ...(current.category !== input.category ? ['category'] : []),
      ...(current.capacity !== input.capacity ? ['capacity'] : []),
      ...(current.places_used !== input.placesUsed ? ['placesUsed'] : []),
      ...((current.waiting_list === 1) !== input.waitingList ? ['waitingList'] : []),
      ...(JSON.stringify(beforeFeatures) !== JSON.stringify([...input.accessibilityFeatures].sort()) ? ['accessibilityFeatures'] : []),
      ...(current.organisation_id !== organisation.id ? ['organisation'] : organisation.changed ? ['organisationDetails'] : []),
    ];

    const result = await trx
      .updateTable('directory_services')
      .set((eb) => ({
        ...columnsOf(after),
        ...localColumnsOf(input),
        organisation_id: organisation.id,
        updated_at: session.clock.now().toISOString(),
        updated_by: user.id,
        row_version: eb('row_version', '+', 1),
      }))
      .where('id', '=', id)
      .where('row_version', '=', rowVersion)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new AppError('conflict', STALE_ENTRY_MESSAGE);
    await replaceSchedules(trx, id, after.schedules);
    await replaceFeatures(trx, id, input.accessibilityFeatures);
    await saveChanges(trx, changes);
    await refreshEntriesAt(session, trx, changedLocations, current.oruk_id);
    await session.audit({ action: 'directory.entry_updated', entityType: 'directory_entry', entityId: id, details: { fields: changedFields.join(',') } }, trx);
    return getEntry(session, id, trx);
  });
}

export async function markChecked(session: WorkspaceSession, id: string): Promise<DirectoryEntry> {
  const { db, user } = session.requireUnlocked();
  const today = todayOf(session);
  return db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom('directory_services').select(['oruk_id', 'last_checked_on']).where('id', '=', id).executeTakeFirst();
    if (!current) throw new AppError('not_found', 'That directory entry does not exist.');
    const index = await loadServiceRecords(trx, [current.oruk_id]);
    const changes = new RecordChanges(index);
    writeChecked(changes, current.oruk_id, today);
    await trx
      .updateTable('directory_services')
      .set((eb) => ({ last_checked_on: today, last_checked_by: user.id, updated_at: session.clock.now().toISOString(), updated_by: user.id, row_version: eb('row_version', '+', 1) }))
      .where('id', '=', id)
      .execute();
    await saveChanges(trx, changes);
    await session.audit({ action: 'directory.entry_checked', entityType: 'directory_entry', entityId: id, details: { checkedOn: today, previouslyCheckedOn: current.last_checked_on } }, trx);
    return getEntry(session, id, trx);
  });
}

export async function listOrganisations(session: WorkspaceSession, input: { text: string; limit: number }) {
  const { db } = session.requireUnlocked();
  let query = db
    .selectFrom('directory_organisations as o')
    .leftJoin('directory_services as s', 's.organisation_id', 'o.id')
    .select(['o.id', 'o.name', (eb) => eb.fn.count<number>('s.id').as('serviceCount')])
    .groupBy('o.id')
    .orderBy(sql`o.name COLLATE NOCASE`)
    .orderBy('o.id')
    .limit(input.limit);
  if (input.text) {
    const pattern = `%${input.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where(sql<boolean>`o.name LIKE ${pattern} ESCAPE '\\'`);
  }
  const rows = await query.execute();
  return rows.map((row) => ({ id: row.id, name: row.name, serviceCount: Number(row.serviceCount) }));
}
