import { sql } from 'kysely';
import type { LinkdeskDb } from '../../store/kysely';
import { RecordIndex } from './oruk-records';
import { RECORD_KINDS, TABLE_SPECS, type OrukRecord, type RecordKind } from './oruk-tables';
import type { RecordChanges } from './entry-view';

/**
 * The ORUK records in the database (`directory_oruk_records`): one row per record, its JSON with
 * the fields in the standard's order, so the same record is always stored as the same text.
 */

function isKind(kind: string): kind is RecordKind {
  return (RECORD_KINDS as readonly string[]).includes(kind);
}

/** The record with its fields in the table's order (unknown ones, which never reach here, last). */
export function canonical(kind: RecordKind, record: OrukRecord): OrukRecord {
  const ordered: OrukRecord = {};
  for (const field of TABLE_SPECS[kind].fields) if (record[field.name] !== undefined) ordered[field.name] = record[field.name]!;
  return ordered;
}

/** Every record, in the order they arrived. */
export async function loadAllRecords(db: LinkdeskDb): Promise<RecordIndex> {
  const rows = await db.selectFrom('directory_oruk_records').select(['kind', 'record_json']).orderBy('seq').execute();
  return new RecordIndex(rows.filter((row) => isKind(row.kind)).map((row) => ({ kind: row.kind as RecordKind, record: JSON.parse(row.record_json) as OrukRecord })));
}

async function byIds(db: LinkdeskDb, kind: RecordKind, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('directory_oruk_records').select(['seq', 'kind', 'record_json']).where('kind', '=', kind).where('oruk_id', 'in', [...ids]).execute();
}

async function byLink(db: LinkdeskDb, field: 'service_id' | 'location_id' | 'contact_id' | 'service_at_location_id', ids: readonly string[]) {
  if (ids.length === 0) return [];
  const path = `$.${field}`;
  return db
    .selectFrom('directory_oruk_records')
    .select(['seq', 'kind', 'record_json'])
    .where(sql`json_extract(record_json, ${path})`, 'in', [...ids])
    .execute();
}

/**
 * The records behind some services, and everything an entry reads from them: organisation,
 * locations and their addresses and accessibility, contacts and phones, cost options, schedules.
 */
export async function loadServiceRecords(db: LinkdeskDb, serviceIds: readonly string[]): Promise<RecordIndex> {
  const rows = new Map<number, { seq: number; kind: string; record_json: string }>();
  const keep = (found: { seq: number; kind: string; record_json: string }[]) => {
    for (const row of found) rows.set(row.seq, row);
    return found.map((row) => ({ kind: row.kind, record: JSON.parse(row.record_json) as OrukRecord }));
  };
  const services = keep(await byIds(db, 'service', serviceIds));
  keep(await byIds(db, 'organization', services.map((s) => String(s.record.organization_id ?? '')).filter(Boolean)));
  const linked = keep(await byLink(db, 'service_id', serviceIds));
  const sals = linked.filter((row) => row.kind === 'service_at_location').map((row) => row.record);
  const locationIds = sals.map((sal) => String(sal.location_id));
  keep(await byIds(db, 'location', locationIds));
  keep(await byLink(db, 'location_id', locationIds));
  keep(await byLink(db, 'service_at_location_id', sals.map((sal) => String(sal.id))));
  keep(await byLink(db, 'contact_id', linked.filter((row) => row.kind === 'contact').map((row) => String(row.record.id))));
  const ordered = [...rows.values()].sort((a, b) => a.seq - b.seq);
  return new RecordIndex(ordered.filter((row) => isKind(row.kind)).map((row) => ({ kind: row.kind as RecordKind, record: JSON.parse(row.record_json) as OrukRecord })));
}

/** The ids of services held at a location. */
export async function servicesAtLocations(db: LinkdeskDb, locationIds: readonly string[]): Promise<string[]> {
  const rows = await byLink(db, 'location_id', locationIds);
  return [...new Set(rows.filter((row) => row.kind === 'service_at_location').map((row) => String((JSON.parse(row.record_json) as OrukRecord).service_id)))];
}

/** Inserts or replaces records by table and id; a replaced record keeps its place in the order. */
export async function upsertRecords(db: LinkdeskDb, records: readonly { kind: RecordKind; record: OrukRecord }[]): Promise<void> {
  const CHUNK = 200;
  for (let start = 0; start < records.length; start += CHUNK) {
    const values = records.slice(start, start + CHUNK).map(({ kind, record }) => ({ kind, oruk_id: String(record.id), record_json: JSON.stringify(canonical(kind, record)) }));
    await db
      .insertInto('directory_oruk_records')
      .values(values)
      .onConflict((conflict) => conflict.columns(['kind', 'oruk_id']).doUpdateSet((eb) => ({ record_json: eb.ref('excluded.record_json') })))
      .execute();
  }
}

export async function deleteRecords(db: LinkdeskDb, records: readonly { kind: RecordKind; id: string }[]): Promise<void> {
  for (const { kind, id } of records) await db.deleteFrom('directory_oruk_records').where('kind', '=', kind).where('oruk_id', '=', id).execute();
}

export async function saveChanges(db: LinkdeskDb, changes: RecordChanges): Promise<void> {
  await deleteRecords(db, [...changes.deletes.values()]);
  await upsertRecords(db, [...changes.upserts.values()]);
}
