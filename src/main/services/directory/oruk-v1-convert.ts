import type { OrukTable } from './oruk-tables';
import { readRecord, type ImportPackage } from './oruk-validate';
import { v1Uuid, type Raw, type V1Row, type V1Rows, type V1Table } from './oruk-v1-rows';

/** Turns the rows of an Open Referral UK v1 feed into 3.0 records (the mapping is described in oruk-v1.ts). */

const WEEKDAY_WORDS: Record<string, string> = { monday: 'MO', tuesday: 'TU', wednesday: 'WE', thursday: 'TH', friday: 'FR', saturday: 'SA', sunday: 'SU' };

function text(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function numberOf(value: unknown, source: 'csv' | 'json'): unknown {
  if (source === 'json' && typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return value;
}

/** Turns v1 rows into 3.0 records and checks them like any other import. */
export function convertV1Rows(rows: V1Rows, pkg: ImportPackage, source: 'csv' | 'json'): void {
  const idIn = (table: OrukTable, value: unknown) => {
    const id = text(value);
    return id === undefined ? undefined : v1Uuid(table, id);
  };
  const add = (kind: OrukTable, raw: Raw, row: V1Row) => {
    const origin = row.path ? { ...row.origin, path: row.path } : row.origin;
    const record = readRecord(pkg, kind, raw, origin, source, { pathOf: row.path ? (field) => `${row.path}.${field}` : undefined });
    if (record) pkg.add(kind, record, origin, { sameFileIsDuplicate: source === 'csv' });
  };
  const needsId = (row: V1Row): string | null => {
    const id = text(row.raw.id);
    if (id === undefined) pkg.problem(row.path ? { ...row.origin, path: `${row.path}.id` } : row.origin, 'id', 'Required, but empty or missing');
    return id ?? null;
  };
  const list = (table: V1Table) => rows.get(table) ?? [];

  // Eligibility folds into its service.
  const eligibility = new Map<string, { min?: number; max?: number; texts: string[] }>();
  for (const row of list('eligibility')) {
    const serviceId = idIn('service', row.raw.service_id);
    if (!serviceId) continue;
    const entry = eligibility.get(serviceId) ?? { texts: [] };
    const min = Number(row.raw.minimum_age);
    const max = Number(row.raw.maximum_age);
    if (text(row.raw.minimum_age) !== undefined && Number.isFinite(min)) entry.min = entry.min === undefined ? min : Math.min(entry.min, min);
    if (text(row.raw.maximum_age) !== undefined && Number.isFinite(max)) entry.max = entry.max === undefined ? max : Math.max(entry.max, max);
    const words = text(row.raw.eligibility);
    if (words && !entry.texts.includes(words)) entry.texts.push(words);
    eligibility.set(serviceId, entry);
  }

  for (const row of list('organization')) {
    const id = needsId(row);
    if (id === null) continue;
    add('organization', { id: v1Uuid('organization', id), name: row.raw.name, description: row.raw.description ?? row.raw.name, email: row.raw.email, website: row.raw.url ?? row.raw.website, logo: row.raw.logo, uri: row.raw.uri }, row);
  }
  for (const row of list('service')) {
    const id = needsId(row);
    if (id === null) continue;
    const serviceId = v1Uuid('service', id);
    for (const dropped of ['deliverable_type', 'attending_type', 'attending_access']) {
      if (text(row.raw[dropped]) !== undefined) pkg.warn(row.path ? { ...row.origin, path: `${row.path}.${dropped}` } : row.origin, dropped, 'A v1 field with no place in ORUK 3.0; left out');
    }
    const folded = eligibility.get(serviceId);
    add(
      'service',
      {
        id: serviceId,
        organization_id: idIn('organization', row.raw.organization_id),
        name: row.raw.name,
        description: row.raw.description,
        url: row.raw.url,
        email: row.raw.email,
        status: typeof row.raw.status === 'string' ? row.raw.status.trim().toLowerCase() : row.raw.status,
        fees: row.raw.fees,
        accreditations: row.raw.accreditations,
        assured_date: typeof row.raw.assured_date === 'string' ? row.raw.assured_date.slice(0, 10) : row.raw.assured_date,
        assurer_email: row.raw.assurer_email,
        minimum_age: folded?.min !== undefined ? (source === 'csv' ? String(folded.min) : folded.min) : undefined,
        maximum_age: folded?.max !== undefined ? (source === 'csv' ? String(folded.max) : folded.max) : undefined,
        eligibility_description: folded && folded.texts.length > 0 ? folded.texts.join('; ') : undefined,
      },
      row,
    );
  }
  for (const row of list('location')) {
    const id = needsId(row);
    if (id === null) continue;
    add('location', { id: v1Uuid('location', id), location_type: 'physical', name: row.raw.name, description: row.raw.description, latitude: numberOf(row.raw.latitude, source), longitude: numberOf(row.raw.longitude, source) }, row);
  }
  for (const [table, type] of [['physical_address', 'physical'], ['postal_address', 'postal']] as const) {
    for (const row of list(table)) {
      const id = needsId(row);
      if (id === null) continue;
      const city = text(row.raw.city);
      const county = text(row.raw.state_province);
      if (county === undefined && city !== undefined) pkg.warn(row.path ? { ...row.origin, path: `${row.path}.state_province` } : row.origin, 'state_province', 'No county given; ORUK 3.0 requires one, so the town is used');
      add(
        'address',
        {
          id: v1Uuid('address', id),
          location_id: idIn('location', row.raw.location_id),
          attention: row.raw.attention,
          address_1: row.raw.address_1,
          city: row.raw.city,
          state_province: county ?? city,
          postal_code: row.raw.postal_code,
          country: text(row.raw.country) ?? 'GB',
          address_type: type,
        },
        row,
      );
    }
  }
  for (const row of list('service_at_location')) {
    const id = needsId(row);
    if (id === null) continue;
    add('service_at_location', { id: v1Uuid('service_at_location', id), service_id: idIn('service', row.raw.service_id), location_id: idIn('location', row.raw.location_id) }, row);
  }
  for (const row of list('regular_schedule')) {
    const id = needsId(row);
    if (id === null) continue;
    const weekday = text(row.raw.weekday);
    const byday = text(row.raw.byday) ?? (weekday ? (WEEKDAY_WORDS[weekday.toLowerCase()] ?? weekday.toUpperCase().slice(0, 2)) : undefined);
    add(
      'schedule',
      {
        id: v1Uuid('schedule', id),
        service_id: idIn('service', row.raw.service_id),
        service_at_location_id: idIn('service_at_location', row.raw.service_at_location_id),
        opens_at: row.raw.opens_at,
        closes_at: row.raw.closes_at,
        valid_from: row.raw.valid_from,
        valid_to: row.raw.valid_to,
        dtstart: row.raw.dtstart,
        freq: typeof row.raw.freq === 'string' ? row.raw.freq.trim().toUpperCase() : row.raw.freq,
        interval: numberOf(row.raw.interval, source),
        byday,
        bymonthday: text(row.raw.bymonthday),
        description: row.raw.description,
      },
      row,
    );
  }
  for (const row of list('holiday_schedule')) {
    const id = needsId(row);
    if (id === null) continue;
    const closed = row.raw.closed === true || (typeof row.raw.closed === 'string' && ['true', '1', 'yes'].includes(row.raw.closed.trim().toLowerCase()));
    add(
      'schedule',
      {
        id: v1Uuid('schedule', `holiday/${id}`),
        service_id: idIn('service', row.raw.service_id),
        service_at_location_id: idIn('service_at_location', row.raw.service_at_location_id),
        valid_from: row.raw.start_date,
        valid_to: row.raw.end_date,
        opens_at: closed ? undefined : row.raw.opens_at,
        closes_at: closed ? undefined : row.raw.closes_at,
        description: closed ? 'Closed (holiday)' : 'Holiday opening hours',
      },
      row,
    );
  }
  for (const row of list('contact')) {
    const id = needsId(row);
    if (id === null) continue;
    add('contact', { id: v1Uuid('contact', id), service_id: idIn('service', row.raw.service_id), name: row.raw.name, title: row.raw.title }, row);
  }
  for (const row of list('phone')) {
    const id = needsId(row);
    if (id === null) continue;
    const phoneId = v1Uuid('phone', id);
    add('phone', { id: phoneId, contact_id: idIn('contact', row.raw.contact_id), number: text(row.raw.number) }, row);
    const language = text(row.raw.language);
    if (language) add('language', { id: v1Uuid('language', `phone/${id}`), phone_id: phoneId, name: language }, row);
  }
  for (const row of list('cost_option')) {
    const id = needsId(row);
    if (id === null) continue;
    add(
      'cost_option',
      {
        id: v1Uuid('cost_option', id),
        service_id: idIn('service', row.raw.service_id),
        valid_from: row.raw.valid_from,
        valid_to: row.raw.valid_to,
        option: row.raw.option,
        amount: numberOf(row.raw.amount, source),
        amount_description: row.raw.amount_description,
      },
      row,
    );
  }
  for (const row of list('funding')) {
    const id = needsId(row);
    if (id === null) continue;
    add('funding', { id: v1Uuid('funding', id), service_id: idIn('service', row.raw.service_id), source: row.raw.source }, row);
  }
  for (const row of list('language')) {
    const id = needsId(row);
    if (id === null) continue;
    add('language', { id: v1Uuid('language', id), service_id: idIn('service', row.raw.service_id), name: row.raw.language }, row);
  }
  for (const row of list('accessibility_for_disabilities')) {
    const id = needsId(row);
    if (id === null) continue;
    add('accessibility', { id: v1Uuid('accessibility', id), location_id: idIn('location', row.raw.location_id), accessibility: row.raw.accessibility }, row);
  }
  for (const row of list('service_area')) {
    const id = needsId(row);
    if (id === null) continue;
    add('service_area', { id: v1Uuid('service_area', id), service_id: idIn('service', row.raw.service_id), service_area: row.raw.service_area, extent: row.raw.extent, uri: row.raw.uri }, row);
  }
  for (const row of list('taxonomy')) {
    const id = needsId(row);
    if (id === null) continue;
    add(
      'taxonomy_term',
      { id: v1Uuid('taxonomy_term', id), name: row.raw.name, description: row.raw.description ?? row.raw.name, taxonomy: row.raw.vocabulary, parent_id: idIn('taxonomy_term', row.raw.parent) },
      row,
    );
  }
  for (const row of list('service_taxonomy')) {
    const id = needsId(row);
    if (id === null) continue;
    add('attribute', { id: v1Uuid('attribute', `service/${id}`), link_id: idIn('service', row.raw.service_id), taxonomy_term_id: idIn('taxonomy_term', row.raw.taxonomy_id), link_type: 'service' }, row);
  }
  for (const row of list('link_taxonomy')) {
    const id = needsId(row);
    if (id === null) continue;
    const linkType = text(row.raw.link_type)?.toLowerCase();
    const linkTable: OrukTable = linkType === 'organization' || linkType === 'location' || linkType === 'contact' || linkType === 'phone' ? linkType : 'service';
    add('attribute', { id: v1Uuid('attribute', `link/${id}`), link_id: idIn(linkTable, row.raw.link_id), taxonomy_term_id: idIn('taxonomy_term', row.raw.taxonomy_id), link_type: text(row.raw.link_type) }, row);
  }
  for (const row of list('review')) pkg.warn(row.path ? { ...row.origin, path: row.path } : row.origin, null, 'Reviews have no place in ORUK 3.0; left out');
}
