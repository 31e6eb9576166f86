import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { adminWorkspace, auditRows, ok } from '../../support/workspace';
import { asUpdate, directoryDump, examplePackage, exportFiles, importFiles, recordCounts, type TextFile } from './support';
import type { DirectoryEntry } from '../../../src/shared/ipc/directory-contract';

function rowsOf(files: TextFile[], name: string): Record<string, string>[] {
  const file = files.find((candidate) => candidate.name === name);
  if (!file) throw new Error(`no ${name} in the export`);
  return parse(file.content, { columns: true }) as Record<string, string>[];
}

/** Every (non-empty) value of every row of the standard's example files, by file and column. */
function exampleValues(): { file: string; id: string; column: string; value: string }[] {
  const values: { file: string; id: string; column: string; value: string }[] = [];
  for (const file of examplePackage()) {
    const rows = parse(file.content.replace(/\r\n|\r/g, '\n'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
    for (const row of rows) for (const [column, value] of Object.entries(row)) if (value !== '') values.push({ file: file.name, id: row.id!, column, value });
  }
  return values;
}

describe('the Open Referral UK example package', () => {
  it('imports completely, exports, and re-imports into a new workspace as identical data', async () => {
    const first = await adminWorkspace();
    const report = await importFiles(first.session, 'csv', examplePackage());
    expect(report.outcome).toBe('imported');
    expect(report.problems).toEqual([]);
    expect(report.servicesCreated).toBe(1);
    expect(report.organisationsCreated).toBe(1);
    // Every row of every file: 23 files, each one row; address/addresses, schedule/schedules and
    // taxonomy/taxonomies are the same record sent twice (HSDS and ORUK file names), merged into one.
    const counts = recordCounts(first.session.requireUnlocked().raw);
    expect(counts).toEqual({
      accessibility: 1,
      address: 1,
      attribute: 1,
      contact: 1,
      cost_option: 1,
      funding: 1,
      language: 1,
      location: 1,
      meta_table_description: 1,
      organization: 1,
      organization_identifier: 1,
      phone: 1,
      program: 1,
      required_document: 1,
      schedule: 1,
      service: 1,
      service_area: 1,
      service_at_location: 1,
      taxonomy: 1,
      taxonomy_term: 1,
    });
    console.log(`oruk example round trip: rows per table ${JSON.stringify(counts)}`);
    // References outside the package (a parent organisation, a taxonomy held elsewhere) are kept, with a warning.
    expect(report.warnings.map((warning) => `${warning.file}:${warning.field}`).sort()).toEqual([
      'organizations.csv:parent_organization_id',
      'taxonomy_terms.csv:parent_id',
      'taxonomy_terms.csv:taxonomy_id',
    ]);

    const exported = await exportFiles(first.session, 'csv');
    expect(exported.map((file) => file.name)).toEqual([
      'organizations.csv',
      'organization_identifiers.csv',
      'services.csv',
      'locations.csv',
      'service_at_location.csv',
      'address.csv',
      'accessibility.csv',
      'schedule.csv',
      'contacts.csv',
      'phones.csv',
      'cost_options.csv',
      'funding.csv',
      'languages.csv',
      'service_areas.csv',
      'taxonomies.csv',
      'taxonomy_terms.csv',
      'attribute.csv',
      'programs.csv',
      'required_documents.csv',
      'meta_table_descriptions.csv',
      'datapackage.json',
    ]);
    // The export is audited with its counts, and nothing else.
    const audit = auditRows(first.session.requireUnlocked().raw).filter((row) => row.action === 'directory.exported');
    expect(audit.map((row) => JSON.parse(row.details_json))).toEqual([{ format: 'csv', files: 21, services: 1, organisations: 1, records: 20 }]);
    // Every value of every example file is in the export, in the column it came in.
    for (const { file, id, column, value } of exampleValues()) {
      const table = {
        'addresses.csv': 'address.csv',
        'schedules.csv': 'schedule.csv',
        'taxonomy.csv': 'taxonomies.csv',
      }[file] ?? file;
      const row = rowsOf(exported, table).find((candidate) => candidate.id === id);
      expect(row?.[column], `${file} ${column}`).toBe(value);
    }

    const second = await adminWorkspace();
    const again = await importFiles(second.session, 'csv', exported);
    expect(again.outcome).toBe('imported');
    expect(again.problems).toEqual([]);
    expect(directoryDump(second.session.requireUnlocked().raw)).toEqual(directoryDump(first.session.requireUnlocked().raw));
    const reexported = await exportFiles(second.session, 'csv');
    expect(reexported).toEqual(exported);

    // The ORUK-named example files come back byte for byte (apart from line endings).
    const original = examplePackage();
    for (const name of ['services.csv', 'organizations.csv', 'locations.csv', 'contacts.csv', 'phones.csv', 'cost_options.csv', 'service_at_location.csv', 'accessibility.csv', 'taxonomy_terms.csv', 'attribute.csv', 'funding.csv', 'languages.csv', 'service_areas.csv', 'organization_identifiers.csv', 'taxonomies.csv']) {
      const source = original.find((file) => file.name === name)!.content.replace(/\r\r\n/g, '\r\n');
      expect(exported.find((file) => file.name === name)!.content, name).toBe(source);
    }
  });

  it('exports the example as nested ORUK JSON', async () => {
    const { session } = await adminWorkspace();
    await importFiles(session, 'csv', examplePackage());
    const [file] = await exportFiles(session, 'json');
    const page = JSON.parse(file!.content) as { total_items: number; contents: Record<string, unknown>[] };
    expect(page.total_items).toBe(1);
    expect(page.contents[0]).toMatchObject({
      id: 'ac148810-d857-441c-9679-408f346de14b',
      name: 'Community Counselling',
      organization: { name: 'Example Organization Inc.', organization_identifiers: [{ identifier: '1234567' }] },
      service_at_locations: [{ location: { name: 'MyCity Civic Center', addresses: [{ postal_code: 'ABC 1234', address_2: 'MyVillage' }], accessibility: [{ details: expect.any(String) }] } }],
      schedules: [{ byday: 'TH,FR', opens_at: '10:00:00', wkst: 'TU' }],
      contacts: [{ name: 'Ann Persona', phones: [{ number: '"+44 1234 234567"', languages: [] }] }],
      cost_options: [{ amount: 35 }],
      languages: [{ phone_id: '1554f2e2-a373-45db-a3fa-9fc48a61c15e' }],
      funding: [{ source: expect.stringMatching(/^This service is funded/) }],
      service_areas: [{ extent_type: 'geojson' }],
    });
  });

  it('makes a directory entry of the example service, flagged stale because it was last assured in 2005', async () => {
    const { session } = await adminWorkspace();
    await importFiles(session, 'csv', examplePackage());
    const list = await ok<{ rows: { id: string }[]; total: number }>(session, 'directory.list', {});
    expect(list.total).toBe(1);
    const entry = await ok<DirectoryEntry>(session, 'directory.get', { id: list.rows[0]!.id });
    expect(entry).toMatchObject({
      orukId: 'ac148810-d857-441c-9679-408f346de14b',
      source: 'oruk_import',
      name: 'Community Counselling',
      organisation: { name: 'Example Organization Inc.', website: 'http://example.com', email: 'email@example.com' },
      category: 'other',
      status: 'active',
      minAge: 12,
      maxAge: 100,
      cost: 'paid',
      costDescription: 'Under 18s and Over 60s: £35 per 1 hour session',
      venueName: 'MyCity Civic Center',
      address: '1-30 Main Street',
      town: 'MyCity',
      postcode: '',
      area: 'MyRegion',
      contactName: 'Ann Persona',
      phone: '+44 1234 234567',
      email: 'email@example.com',
      website: 'http://example.com/counselling',
      lastCheckedOn: '2005-01-01',
      lastCheckedBy: null,
      stale: true,
      connectionCount: 0,
    });
    expect(entry.schedules).toEqual([
      { weekday: 'thu', startTime: '10:00', endTime: '18:00', frequency: 'Every week' },
      { weekday: 'fri', startTime: '10:00', endTime: '18:00', frequency: 'Every week' },
    ]);
    expect(entry.accessibility).toContain('induction loops');
    expect(entry.accessibilityFeatures).toEqual(['hearing_loop', 'step_free']);
  });

  it('saves an imported entry again unchanged without touching its ORUK records, and a check changes only the assured date', async () => {
    const { session } = await adminWorkspace();
    await importFiles(session, 'csv', examplePackage());
    const before = await exportFiles(session, 'csv');
    const list = await ok<{ rows: { id: string }[] }>(session, 'directory.list', {});
    const entry = await ok<DirectoryEntry>(session, 'directory.get', { id: list.rows[0]!.id });
    const saved = await ok<DirectoryEntry>(session, 'directory.update', asUpdate(entry, { category: 'mental_wellbeing', capacity: 8 }));
    expect(saved).toMatchObject({ category: 'mental_wellbeing', capacity: 8, rowVersion: entry.rowVersion + 1 });
    expect(await exportFiles(session, 'csv')).toEqual(before);

    await ok(session, 'directory.markChecked', { id: entry.id });
    const after = await exportFiles(session, 'csv');
    const changed = after.filter((file, index) => file.content !== before[index]!.content).map((file) => file.name);
    expect(changed).toEqual(['services.csv']);
    const services = after.find((file) => file.name === 'services.csv')!.content;
    expect(services).not.toContain('2005-01-01');
    expect(services.replace(/\d{4}-\d{2}-\d{2},email@example.com/, '2005-01-01,email@example.com')).toBe(before.find((file) => file.name === 'services.csv')!.content);
  });
});
