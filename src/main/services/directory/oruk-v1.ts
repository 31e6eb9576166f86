import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import type { OrukTable } from './oruk-tables';
import { isUuid, readRecord, type ImportPackage, type Origin } from './oruk-validate';
import { baseName, parseCsvFile, type TextFile } from './csv-read';

/**
 * Older Open Referral UK feeds (v1, the "ORUK API v1" JSON and its CSV tables) are read by turning
 * them into ORUK 3.0 records first; from there they are checked like any 3.0 feed.
 *
 * What changes on the way:
 * - ids: v1 ids are any text; 3.0 ids are UUIDs. A v1 id that is not a UUID becomes a name-based
 *   UUID (version 5) of the table and the id, so the same feed imported again finds the same records;
 * - regular_schedules and holiday_schedules become schedules (a holiday closure keeps its dates);
 * - physical_addresses and postal_addresses become addresses, accessibility_for_disabilities
 *   becomes accessibility, fundings becomes funding;
 * - eligibilitys fold into the service: the lowest minimum and highest maximum age, and the
 *   eligibility text (kept as HSDS `eligibility_description`);
 * - taxonomies (v1 terms with a vocabulary) become taxonomy terms, and service_taxonomys and
 *   link_taxonomys become attributes;
 * - organisation `url` becomes `website`; a location without a type is a physical one; an address
 *   without a county (state_province, required in 3.0) takes its town, and without a country, GB;
 * - reviews and the v1 service fields deliverable_type, attending_type and attending_access have no
 *   place in 3.0 and are left out, with a warning.
 */

type V1Table =
  | 'organization'
  | 'service'
  | 'location'
  | 'physical_address'
  | 'postal_address'
  | 'service_at_location'
  | 'regular_schedule'
  | 'holiday_schedule'
  | 'contact'
  | 'phone'
  | 'cost_option'
  | 'eligibility'
  | 'funding'
  | 'language'
  | 'accessibility_for_disabilities'
  | 'service_area'
  | 'taxonomy'
  | 'service_taxonomy'
  | 'link_taxonomy'
  | 'review';

const V1_FILES: Record<string, V1Table> = {
  'organizations.csv': 'organization',
  'services.csv': 'service',
  'locations.csv': 'location',
  'physical_addresses.csv': 'physical_address',
  'postal_addresses.csv': 'postal_address',
  'service_at_locations.csv': 'service_at_location',
  'service_at_location.csv': 'service_at_location',
  'regular_schedules.csv': 'regular_schedule',
  'holiday_schedules.csv': 'holiday_schedule',
  'contacts.csv': 'contact',
  'phones.csv': 'phone',
  'cost_options.csv': 'cost_option',
  'eligibilitys.csv': 'eligibility',
  'eligibility.csv': 'eligibility',
  'fundings.csv': 'funding',
  'languages.csv': 'language',
  'accessibility_for_disabilities.csv': 'accessibility_for_disabilities',
  'service_areas.csv': 'service_area',
  'taxonomies.csv': 'taxonomy',
  'service_taxonomys.csv': 'service_taxonomy',
  'link_taxonomys.csv': 'link_taxonomy',
  'reviews.csv': 'review',
};

/** Columns of each v1 table; others are ignored with a warning (v1 feeds vary). */
const V1_COLUMNS: Record<V1Table, readonly string[]> = {
  organization: ['id', 'name', 'description', 'email', 'url', 'logo', 'uri'],
  service: ['id', 'organization_id', 'name', 'description', 'url', 'email', 'status', 'fees', 'accreditations', 'deliverable_type', 'attending_type', 'attending_access', 'assured_date', 'assurer_email'],
  location: ['id', 'name', 'description', 'latitude', 'longitude'],
  physical_address: ['id', 'location_id', 'attention', 'address_1', 'city', 'state_province', 'postal_code', 'country'],
  postal_address: ['id', 'location_id', 'attention', 'address_1', 'city', 'state_province', 'postal_code', 'country'],
  service_at_location: ['id', 'service_id', 'location_id'],
  regular_schedule: ['id', 'service_id', 'service_at_location_id', 'weekday', 'opens_at', 'closes_at', 'valid_from', 'valid_to', 'dtstart', 'freq', 'interval', 'byday', 'bymonthday', 'description'],
  holiday_schedule: ['id', 'service_id', 'service_at_location_id', 'closed', 'opens_at', 'closes_at', 'start_date', 'end_date'],
  contact: ['id', 'service_id', 'name', 'title'],
  phone: ['id', 'contact_id', 'number', 'language'],
  cost_option: ['id', 'service_id', 'valid_from', 'valid_to', 'option', 'amount', 'amount_description'],
  eligibility: ['id', 'service_id', 'eligibility', 'minimum_age', 'maximum_age'],
  funding: ['id', 'service_id', 'source'],
  language: ['id', 'service_id', 'language'],
  accessibility_for_disabilities: ['id', 'location_id', 'accessibility'],
  service_area: ['id', 'service_id', 'service_area', 'extent', 'uri'],
  taxonomy: ['id', 'name', 'vocabulary', 'parent'],
  service_taxonomy: ['id', 'service_id', 'taxonomy_id'],
  link_taxonomy: ['id', 'link_type', 'link_id', 'taxonomy_id'],
  review: ['id', 'service_id', 'organization_id', 'reviewer_organization_id', 'title', 'description', 'date', 'score', 'url', 'widget'],
};

const V1_ONLY_FILES = new Set(Object.entries(V1_FILES).filter(([, table]) => !['organization', 'service', 'location', 'service_at_location', 'contact', 'phone', 'cost_option', 'language', 'service_area', 'taxonomy'].includes(table)).map(([file]) => file));
const V1_ONLY_SERVICE_KEYS = ['regular_schedules', 'holiday_schedules', 'eligibilitys', 'service_taxonomys', 'fundings', 'reviews', 'deliverable_type', 'attending_access'];

/** A v1 id that is not a UUID becomes a version 5 UUID of the table and the id. */
const V1_NAMESPACE = Buffer.from('6f2c1b1e8d3a4c7f9a0e5b2d4c6e8f10', 'hex');
export function v1Uuid(table: OrukTable, id: string): string {
  if (isUuid(id)) return id.toLowerCase();
  const hash = createHash('sha1').update(V1_NAMESPACE).update(`oruk-v1/${table}/${id}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

type Raw = Record<string, unknown>;
interface V1Row {
  raw: Raw;
  origin: Origin;
  /** For JSON: the path of the object, so problems point at it. */
  path: string | null;
}
type V1Rows = Map<V1Table, V1Row[]>;

function isObject(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function headerOf(content: string): string[] {
  try {
    const [header] = parse(content.replace(/\r\n|\r/g, '\n'), { bom: true, to_line: 1, relax_column_count: true }) as string[][];
    return (header ?? []).map((column) => column.trim());
  } catch {
    return [];
  }
}

/** A CSV package is v1 when it has a v1-only file, or v1 columns in services.csv or taxonomies.csv. */
export function isV1CsvPackage(files: readonly TextFile[]): boolean {
  return files.some((file) => {
    const name = baseName(file.name).toLowerCase();
    if (V1_ONLY_FILES.has(name)) return true;
    if (name === 'services.csv') return headerOf(file.content).some((column) => ['deliverable_type', 'attending_type', 'attending_access'].includes(column));
    if (name === 'taxonomies.csv') return headerOf(file.content).includes('vocabulary');
    return false;
  });
}

/** A JSON service is v1 when it has v1-only properties. */
export function isV1Service(service: Raw): boolean {
  if (V1_ONLY_SERVICE_KEYS.some((key) => key in service)) return true;
  const sals = service.service_at_locations;
  return Array.isArray(sals) && sals.some((sal) => isObject(sal) && isObject(sal.location) && ('physical_addresses' in sal.location || 'accessibility_for_disabilities' in sal.location));
}

function addRow(rows: V1Rows, table: V1Table, row: V1Row): void {
  const list = rows.get(table) ?? [];
  list.push(row);
  rows.set(table, list);
}

export function readV1CsvPackage(files: readonly TextFile[], pkg: ImportPackage): void {
  const rows: V1Rows = new Map();
  for (const file of files) {
    const name = baseName(file.name);
    const table = V1_FILES[name.toLowerCase()];
    if (!table) {
      pkg.problem({ file: name, row: null, path: null }, null, `"${name}" is not a file of an Open Referral UK v1 package. The files are: ${Object.keys(V1_FILES).join(', ')}`);
      continue;
    }
    const parsed = parseCsvFile(file, pkg);
    if (!parsed) continue;
    const known = V1_COLUMNS[table];
    for (const column of parsed.header) {
      if (!known.includes(column)) pkg.warn({ file: name, row: 1, path: null }, column, `"${column}" is not a v1 column Linkdesk reads; its values are left out`);
    }
    if (!parsed.header.includes('id')) {
      pkg.problem({ file: name, row: 1, path: null }, 'id', 'The required column "id" is missing');
      continue;
    }
    for (const { row, cells } of parsed.rows) {
      const origin = { file: name, row, path: null };
      if (cells.length !== parsed.header.length) {
        pkg.problem(origin, null, `This row has ${cells.length} value${cells.length === 1 ? '' : 's'}, but the header has ${parsed.header.length} columns`);
        continue;
      }
      const raw: Raw = {};
      parsed.header.forEach((column, index) => {
        if (known.includes(column) && cells[index]!.trim() !== '') raw[column] = cells[index];
      });
      addRow(rows, table, { raw, origin, path: null });
    }
  }
  convertV1Rows(rows, pkg, 'csv');
}

/** Flattens v1 JSON services into v1 table rows, filling each nested row's link to its parent. */
export function flattenV1Services(services: { service: Raw; origin: Origin; path: string }[], pkg: ImportPackage): void {
  const rows: V1Rows = new Map();
  const idOf = (raw: Raw) => (typeof raw.id === 'string' || typeof raw.id === 'number' ? String(raw.id) : undefined);
  const each = (parent: Raw, key: string, path: string, origin: Origin, visit: (child: Raw, childPath: string) => void) => {
    const value = parent[key];
    if (value === undefined || value === null) return;
    if (!Array.isArray(value)) {
      pkg.problem({ ...origin, path: `${path}.${key}` }, key, 'Must be a list');
      return;
    }
    value.forEach((child, index) => {
      const childPath = `${path}.${key}[${index}]`;
      if (!isObject(child)) pkg.problem({ ...origin, path: childPath }, key, 'Must be an object');
      else visit(child, childPath);
    });
  };
  const schedules = (holder: Raw, path: string, origin: Origin, link: Raw) => {
    each(holder, 'regular_schedules', path, origin, (child, childPath) => addRow(rows, 'regular_schedule', { raw: { ...link, ...child }, origin, path: childPath }));
    each(holder, 'holiday_schedules', path, origin, (child, childPath) => addRow(rows, 'holiday_schedule', { raw: { ...link, ...child }, origin, path: childPath }));
  };
  for (const { service, origin, path } of services) {
    const serviceId = idOf(service);
    const organization = service.organization;
    const flat: Raw = { ...service };
    if (isObject(organization)) {
      flat.organization_id ??= organization.id;
      addRow(rows, 'organization', { raw: organization, origin, path: `${path}.organization` });
    }
    addRow(rows, 'service', { raw: flat, origin, path });
    const link = { service_id: serviceId };
    schedules(service, path, origin, link);
    each(service, 'contacts', path, origin, (contact, contactPath) => {
      addRow(rows, 'contact', { raw: { ...link, ...contact }, origin, path: contactPath });
      each(contact, 'phones', contactPath, origin, (phone, phonePath) => addRow(rows, 'phone', { raw: { contact_id: idOf(contact), ...phone }, origin, path: phonePath }));
    });
    each(service, 'cost_options', path, origin, (child, childPath) => addRow(rows, 'cost_option', { raw: { ...link, ...child }, origin, path: childPath }));
    each(service, 'eligibilitys', path, origin, (child, childPath) => addRow(rows, 'eligibility', { raw: { ...link, ...child }, origin, path: childPath }));
    each(service, 'fundings', path, origin, (child, childPath) => addRow(rows, 'funding', { raw: { ...link, ...child }, origin, path: childPath }));
    each(service, 'languages', path, origin, (child, childPath) => addRow(rows, 'language', { raw: { ...link, ...child }, origin, path: childPath }));
    each(service, 'service_areas', path, origin, (child, childPath) => addRow(rows, 'service_area', { raw: { ...link, ...child }, origin, path: childPath }));
    each(service, 'reviews', path, origin, (child, childPath) => addRow(rows, 'review', { raw: child, origin, path: childPath }));
    each(service, 'service_taxonomys', path, origin, (child, childPath) => {
      const taxonomy = child.taxonomy;
      const row: Raw = { ...link, ...child };
      if (isObject(taxonomy)) {
        row.taxonomy_id ??= taxonomy.id;
        addRow(rows, 'taxonomy', { raw: taxonomy, origin, path: `${childPath}.taxonomy` });
      }
      addRow(rows, 'service_taxonomy', { raw: row, origin, path: childPath });
    });
    each(service, 'service_at_locations', path, origin, (sal, salPath) => {
      const location = sal.location;
      const salRow: Raw = { ...link, ...sal };
      if (isObject(location)) {
        salRow.location_id ??= location.id;
        const locationPath = `${salPath}.location`;
        addRow(rows, 'location', { raw: location, origin, path: locationPath });
        const locationLink = { location_id: idOf(location) };
        each(location, 'physical_addresses', locationPath, origin, (child, childPath) => addRow(rows, 'physical_address', { raw: { ...locationLink, ...child }, origin, path: childPath }));
        each(location, 'postal_addresses', locationPath, origin, (child, childPath) => addRow(rows, 'postal_address', { raw: { ...locationLink, ...child }, origin, path: childPath }));
        each(location, 'accessibility_for_disabilities', locationPath, origin, (child, childPath) =>
          addRow(rows, 'accessibility_for_disabilities', { raw: { ...locationLink, ...child }, origin, path: childPath }),
        );
      }
      addRow(rows, 'service_at_location', { raw: salRow, origin, path: salPath });
      schedules(sal, salPath, origin, { service_id: serviceId, service_at_location_id: idOf(sal) });
    });
  }
  convertV1Rows(rows, pkg, 'json');
}

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
function convertV1Rows(rows: V1Rows, pkg: ImportPackage, source: 'csv' | 'json'): void {
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
