import { parse } from 'csv-parse/sync';
import { baseName, parseCsvFile, type TextFile } from './csv-read';
import type { ImportPackage, Origin } from './oruk-validate';
import { convertV1Rows } from './oruk-v1-convert';
import { V1_COLUMNS, V1_FILES, V1_ONLY_FILES, V1_ONLY_SERVICE_KEYS, type Raw, type V1Row, type V1Rows, type V1Table } from './oruk-v1-rows';

export { v1Uuid } from './oruk-v1-rows';

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
