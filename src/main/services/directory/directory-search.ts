import { sql } from 'kysely';
import { readAreaQuery, type AccessibilityFeature, type DirectoryCategory, type Weekday } from '../../../shared/domain/directory';
import type { DirectoryQuery, DirectoryRow } from '../../../shared/ipc/directory-contract';
import { connectionCountSql } from '../connections/connection-counts';
import type { WorkspaceSession } from '../workspace-session';
import { readStaleMonths, staleSql, todayOf } from './directory';

/**
 * Searching and filtering the directory, all in SQL and a page at a time. Text is matched with
 * the FTS5 index over entry name, description and organisation name: every word must appear,
 * each from its start ("knit" finds "Knitting"), accents ignored.
 */

/** The words of a search as an FTS5 query: each a quoted prefix term, all required. */
export function ftsQuery(text: string): string | null {
  const words = text
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .slice(0, 12);
  return words.length === 0 ? null : words.map((word) => `"${word}"*`).join(' AND ');
}

function likePrefix(text: string): string {
  return `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export async function listDirectory(session: WorkspaceSession, query: DirectoryQuery): Promise<{ rows: DirectoryRow[]; total: number }> {
  const { db } = session.requireUnlocked();
  const today = todayOf(session);
  const months = await readStaleMonths(db);
  const match = ftsQuery(query.text);
  const stale = staleSql(today, months);

  let base = db.selectFrom('directory_services as s').innerJoin('directory_organisations as o', 'o.id', 's.organisation_id');
  if (match) base = base.innerJoin(sql<{ rowid: number; rank: number }>`(SELECT rowid, rank FROM directory_fts WHERE directory_fts MATCH ${match})`.as('m'), (join) => join.onRef('m.rowid', '=', 's.seq'));
  let filtered = base;
  if (query.category) filtered = filtered.where('s.category', '=', query.category);
  if (query.status) filtered = filtered.where('s.status', '=', query.status);
  if (query.cost) filtered = filtered.where('s.cost', '=', query.cost);
  if (query.weekday) {
    const weekday = query.weekday;
    filtered = filtered.where((eb) => eb.exists(eb.selectFrom('directory_schedules as d').select('d.id').whereRef('d.service_id', '=', 's.id').where('d.weekday', '=', weekday)));
  }
  for (const feature of query.accessibility) {
    filtered = filtered.where((eb) =>
      eb.exists(eb.selectFrom('directory_service_features as f').select('f.feature').whereRef('f.service_id', '=', 's.id').where('f.feature', '=', feature)),
    );
  }
  if (query.area) {
    const area = readAreaQuery(query.area);
    if (area.kind === 'district') filtered = filtered.where('s.postcode_district', '=', area.district);
    else {
      const prefix = likePrefix(area.name);
      const letters = area.postcodeArea;
      filtered = filtered.where(
        letters
          ? sql<boolean>`(s.town LIKE ${prefix} ESCAPE '\\' OR s.area LIKE ${prefix} ESCAPE '\\' OR s.postcode_district GLOB ${`${letters}[0-9]*`})`
          : sql<boolean>`(s.town LIKE ${prefix} ESCAPE '\\' OR s.area LIKE ${prefix} ESCAPE '\\')`,
      );
    }
  }
  if (query.staleOnly) filtered = filtered.where(stale, '=', 1);

  const totalRow = await filtered.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  let rowsQuery = filtered.select([
    's.id',
    's.name',
    'o.name as organisation_name',
    's.category',
    's.status',
    's.cost',
    's.town',
    's.postcode',
    's.area',
    's.capacity',
    's.places_used',
    's.waiting_list',
    's.last_checked_on',
    stale.as('stale'),
    connectionCountSql().as('connection_count'),
    sql<string | null>`(SELECT group_concat(weekday) FROM (SELECT DISTINCT weekday FROM directory_schedules d WHERE d.service_id = s.id AND d.weekday IS NOT NULL))`.as('weekdays'),
    sql<string | null>`(SELECT group_concat(feature) FROM directory_service_features f WHERE f.service_id = s.id)`.as('features'),
  ]);
  if (query.sort === 'relevance' && match) rowsQuery = rowsQuery.orderBy(sql`m.rank`);
  else if (query.sort === 'last_checked') rowsQuery = rowsQuery.orderBy(sql`s.last_checked_on IS NOT NULL`).orderBy('s.last_checked_on');
  rowsQuery = rowsQuery.orderBy(sql`s.name COLLATE NOCASE`).orderBy('s.id');
  const rows = await rowsQuery.limit(query.pageSize).offset(query.page * query.pageSize).execute();

  const order: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
  return {
    total: Number(totalRow.n),
    rows: rows.map((row) => ({
      id: row.id,
      name: row.name,
      organisationName: row.organisation_name,
      category: row.category as DirectoryCategory,
      status: row.status,
      cost: row.cost,
      town: row.town ?? '',
      postcode: row.postcode ?? '',
      area: row.area ?? '',
      weekdays: order.filter((day) => (row.weekdays ?? '').split(',').includes(day)),
      accessibilityFeatures: ((row.features ?? '').split(',').filter(Boolean) as AccessibilityFeature[]).sort(),
      capacity: row.capacity,
      placesUsed: row.places_used,
      waitingList: row.waiting_list === 1,
      lastCheckedOn: row.last_checked_on,
      stale: row.stale === 1,
      connectionCount: Number(row.connection_count),
    })),
  };
}
