import { describe, expect, it } from 'vitest';
import type { WorkspaceSession } from '../../../src/main/services/workspace-session';
import type { ImportProblemRow, ImportReport } from '../../../src/shared/ipc/directory-contract';
import { adminWorkspace, auditRows, ok, refused, tableHashes } from '../../support/workspace';
import { examplePackage, importFiles, recordCounts, type TextFile } from './support';
import { fullService, json, smallService } from './oruk-feeds';

const EXAMPLE_SERVICE = 'ac148810-d857-441c-9679-408f346de14b';
const EXAMPLE_ORG = 'd9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610';
const SERVICES_HEADER = 'id,organization_id,name,description,url,email,status,fees,accreditations,minimum_age,maximum_age,assured_date,assurer_email,alert,last_modified';

/** The example package with some files replaced (or added). */
function examplePackageWith(replacements: Record<string, string>): TextFile[] {
  const files = examplePackage().map((file) => (file.name in replacements ? { name: file.name, content: replacements[file.name]! } : file));
  for (const [name, content] of Object.entries(replacements)) if (!files.some((file) => file.name === name)) files.push({ name, content });
  return files;
}

/** Imports, expects a rejection that wrote nothing at all (not even to the audit log), and returns the problems. */
async function rejected(session: WorkspaceSession, format: 'json' | 'csv', files: TextFile[]): Promise<ImportProblemRow[]> {
  const raw = session.requireUnlocked().raw;
  const before = tableHashes(raw);
  const report = await importFiles(session, format, files);
  expect(report.outcome).toBe('rejected');
  expect(report.problemCount).toBe(report.problems.length);
  expect(report.servicesCreated + report.servicesUpdated + report.organisationsCreated).toBe(0);
  expect(tableHashes(raw)).toEqual(before);
  return report.problems;
}

describe('rejecting malformed ORUK JSON', () => {
  it('says where JSON stops being JSON', async () => {
    const { session } = await adminWorkspace();
    expect(await rejected(session, 'json', [{ name: 'feed.json', content: '{\n  "id": "x",\n  "name": \n}' }])).toEqual([
      { file: 'feed.json', row: null, path: null, field: null, reason: 'Not valid JSON: the text stops making sense at line 4, column 1' },
    ]);
    expect(await rejected(session, 'json', [{ name: 'feed.json', content: '[{"id": "x"' }])).toMatchObject([{ reason: expect.stringMatching(/^Not valid JSON/) }]);
    expect(await rejected(session, 'json', [{ name: 'feed.json', content: '42' }])).toMatchObject([{ reason: 'Expected an ORUK service, a list of services, or a page of services ({ "contents": [...] })' }]);
    expect(await rejected(session, 'json', [{ name: 'feed.csv', content: '[]' }])).toMatchObject([{ file: 'feed.csv', reason: expect.stringMatching(/^Not a JSON file/) }]);
  });

  it('reports every wrong type, missing field, unknown code and bad format, with where it is', async () => {
    const { session } = await adminWorkspace();
    const broken = fullService({ name: 42, minimum_age: 'sixteen', status: 'open', email: 'garden at example', assured_date: '2026-02-30' });
    const location = (broken.service_at_locations as { location: Record<string, unknown> }[])[0]!.location;
    location.location_type = 'building';
    delete (location.addresses as Record<string, unknown>[])[0]!.postal_code;
    delete (broken.organization as Record<string, unknown>).description;
    const second = smallService({ id: 'not-a-uuid', organization_id: undefined });
    const problems = await rejected(session, 'json', [json({ contents: [broken, second] })]);
    const at = (path: string) => problems.find((problem) => problem.path === path);
    expect(at('contents[0].name')).toEqual({ file: 'feed.json', row: 1, path: 'contents[0].name', field: 'name', reason: 'Must be text, not a number' });
    expect(at('contents[0].minimum_age')).toMatchObject({ field: 'minimum_age', reason: 'Must be a number, not text' });
    expect(at('contents[0].status')).toMatchObject({ reason: 'Must be one of "active", "inactive", "defunct", "temporarily closed", not "open"' });
    expect(at('contents[0].email')).toMatchObject({ reason: 'Must be an email address, like name@example.org, not "garden at example"' });
    expect(at('contents[0].assured_date')).toMatchObject({ reason: 'Must be a real date written like 2024-05-31, not "2026-02-30"' });
    expect(at('contents[0].organization.description')).toMatchObject({ field: 'description', reason: 'Required, but empty or missing' });
    expect(at('contents[0].service_at_locations[0].location.location_type')).toMatchObject({ reason: 'Must be one of "physical", "postal", "virtual", not "building"' });
    expect(at('contents[0].service_at_locations[0].location.addresses[0].postal_code')).toMatchObject({ row: 1, field: 'postal_code', reason: 'Required, but empty or missing' });
    expect(at('contents[1].id')).toMatchObject({ row: 2, reason: 'Must be an identifier in UUID form, like ac148810-d857-441c-9679-408f346de14b, not "not-a-uuid"' });
    expect(at('contents[1].organization_id')).toMatchObject({ row: 2, reason: 'Required: a service needs its organisation, nested as "organization" or named by "organization_id"' });
    expect(problems).toHaveLength(10); // and nothing more: records nested in a broken one are not reported again
  });

  it('refuses a nested record that says it belongs elsewhere, and a list that is not a list', async () => {
    const { session } = await adminWorkspace();
    const service = fullService({ contacts: { id: 'x' } });
    (service.schedules as Record<string, unknown>[])[0]!.service_id = '99999999-9999-4999-8999-999999999999';
    const problems = await rejected(session, 'json', [json(service)]);
    expect(problems).toEqual([
      { file: 'feed.json', row: 1, path: 'schedules[0].service_id', field: 'service_id', reason: 'Says 99999999-9999-4999-8999-999999999999, but it is nested in 1c8f4b63-2d10-4c9f-8b62-4e3d8a7f2b02' },
      { file: 'feed.json', row: 1, path: 'contacts', field: 'contacts', reason: 'Must be a list' },
    ]);
  });
});

describe('rejecting malformed ORUK CSV', () => {
  it('a missing column, an extra column, a short row and broken quoting, each with file, row and field', async () => {
    const { session } = await adminWorkspace();
    const withoutName = examplePackageWith({ 'services.csv': `id,organization_id,description,status\n${EXAMPLE_SERVICE},${EXAMPLE_ORG},Counselling,active\n` });
    expect(await rejected(session, 'csv', withoutName)).toEqual([{ file: 'services.csv', row: 1, path: null, field: 'name', reason: 'The required column "name" is missing' }]);

    const withColour = examplePackageWith({ 'services.csv': `id,organization_id,name,status,colour\n${EXAMPLE_SERVICE},${EXAMPLE_ORG},Counselling,active,blue\n` });
    expect(await rejected(session, 'csv', withColour)).toEqual([
      { file: 'services.csv', row: 1, path: null, field: 'colour', reason: '"colour" is not a column of the Open Referral UK service table (services.csv)' },
    ]);

    const shortRow = examplePackageWith({ 'services.csv': `id,organization_id,name,status\n${EXAMPLE_SERVICE},${EXAMPLE_ORG},Counselling\n` });
    expect(await rejected(session, 'csv', shortRow)).toEqual([{ file: 'services.csv', row: 2, path: null, field: null, reason: 'This row has 3 values, but the header has 4 columns' }]);

    const brokenQuotes = examplePackageWith({ 'services.csv': `id,organization_id,name,status\n${EXAMPLE_SERVICE},${EXAMPLE_ORG},"Counselling,active\n` });
    expect(await rejected(session, 'csv', brokenQuotes)).toEqual([
      { file: 'services.csv', row: 2, path: null, field: null, reason: 'Broken quoting: a quoted value is never closed, so the rest of the file cannot be read' },
    ]);
    const strayQuote = examplePackageWith({ 'services.csv': `id,organization_id,name,status\n${EXAMPLE_SERVICE},${EXAMPLE_ORG},"Counselling" and more,active\n` });
    expect(await rejected(session, 'csv', strayQuote)).toMatchObject([{ file: 'services.csv', row: 2, reason: expect.stringMatching(/^Broken quoting/) }]);
  });

  it('a row referring to an organisation that is neither in the import nor in Linkdesk', async () => {
    const { session } = await adminWorkspace();
    const missing = 'eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee';
    const files = examplePackageWith({ 'services.csv': `${SERVICES_HEADER}\n${EXAMPLE_SERVICE},${missing},Community Counselling,,,,active,,,,,,,,\n` });
    expect(await rejected(session, 'csv', files)).toEqual([
      { file: 'services.csv', row: 2, path: null, field: 'organization_id', reason: `There is no organisation with id ${missing} in this import or in Linkdesk` },
    ]);
  });

  it('an unknown file, a repeated id, wrong values, and two files disagreeing about one record', async () => {
    const { session } = await adminWorkspace();
    const files = examplePackageWith({
      'servics.csv': 'id\n',
      'locations.csv': 'id,location_type,name,latitude\n3a19ff88-4620-4d17-9830-ac1d859eb5d5,physical,Civic Centre,north\n3a19ff88-4620-4d17-9830-ac1d859eb5d5,virtual,Online,\n',
      'addresses.csv': 'id,location_id,address_1,city,state_province,postal_code,country,address_type\n74706e55-df26-4b84-80fe-ecc30b5befb4,3a19ff88-4620-4d17-9830-ac1d859eb5d5,1-30 Main Street,OtherCity,MyState,ABC 1234,US,postal\n',
    });
    const problems = await rejected(session, 'csv', files);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: 'servics.csv', row: null, reason: expect.stringMatching(/^"servics.csv" is not a file of an Open Referral UK package. The files are: organizations.csv/) }),
        { file: 'locations.csv', row: 2, path: null, field: 'latitude', reason: 'Must be a number, not "north"' },
        { file: 'locations.csv', row: 3, path: null, field: 'id', reason: 'The location id 3a19ff88-4620-4d17-9830-ac1d859eb5d5 is used twice in this file (also locations.csv row 2)' },
        expect.objectContaining({ file: 'addresses.csv', row: 2, field: 'city', reason: expect.stringMatching(/^The address 74706e55-df26-4b84-80fe-ecc30b5befb4 is also given at address.csv row 2 with a different city/) }),
      ]),
    );
  });

  it('writes nothing if any row is wrong, lists every wrong row, and imports everything once they are fixed', async () => {
    const { session } = await adminWorkspace();
    const good = (n: number) => `1c8f4b63-2d10-4c9f-8b62-4e3d8a7f2b${String(n).padStart(2, '0')},${EXAMPLE_ORG},Service ${n},,,,active,,,,,,,,`;
    const rows = Array.from({ length: 30 }, (_, index) => good(index + 10));
    rows[4] = rows[4]!.replace(',active,', ',open,');
    rows[17] = rows[17]!.replace(',active,', ',active,,,12x,');
    rows[17] = rows[17]!.split(',').slice(0, 15).join(',');
    const contacts = 'id,service_id,name,title\n1e7efce3-639b-4880-940c-b95cd30cdb50,ac148810-d857-441c-9679-408f346de14b,Ann Persona,Reception Manager\nnot-an-id,ac148810-d857-441c-9679-408f346de14b,Bob,\n';
    const files = examplePackageWith({ 'services.csv': `${SERVICES_HEADER}\n${[good(99).replace('Service 99', 'Community Counselling').replace(/^[^,]+/, EXAMPLE_SERVICE), ...rows].join('\n')}\n`, 'contacts.csv': contacts });
    const problems = await rejected(session, 'csv', files);
    expect(problems.map((problem) => `${problem.file} row ${problem.row} ${problem.field}`)).toEqual(['contacts.csv row 3 id', 'services.csv row 7 status', 'services.csv row 20 minimum_age']);
    expect(await ok<{ total: number }>(session, 'directory.list', {})).toMatchObject({ total: 0 });

    const fixed = examplePackageWith({ 'services.csv': `${SERVICES_HEADER}\n${[good(99).replace('Service 99', 'Community Counselling').replace(/^[^,]+/, EXAMPLE_SERVICE), ...Array.from({ length: 30 }, (_, index) => good(index + 10))].join('\n')}\n` });
    const report: ImportReport = await importFiles(session, 'csv', fixed);
    expect(report).toMatchObject({ outcome: 'imported', servicesCreated: 31, problemCount: 0 });
    expect(recordCounts(session.requireUnlocked().raw).service).toBe(31);
  });

  it('a rejected re-import leaves what an earlier import wrote exactly as it was', async () => {
    const { session } = await adminWorkspace();
    await importFiles(session, 'csv', examplePackage());
    const files = examplePackageWith({ 'services.csv': `${SERVICES_HEADER}\n${EXAMPLE_SERVICE},${EXAMPLE_ORG},Renamed,,,,defunct,,,,,,,,\n`, 'phones.csv': 'id,contact_id,number\n1554f2e2-a373-45db-a3fa-9fc48a61c15e,1e7efce3-639b-4880-940c-b95cd30cdb50,\n' });
    expect(await rejected(session, 'csv', files)).toEqual([{ file: 'phones.csv', row: 2, path: null, field: 'number', reason: 'Required, but empty or missing' }]);
  });

  it('accepts references to records an earlier import brought in', async () => {
    const { session } = await adminWorkspace();
    const organisations = examplePackage().filter((file) => file.name === 'organizations.csv');
    expect(await importFiles(session, 'csv', organisations)).toMatchObject({ outcome: 'imported', organisationsCreated: 1, servicesCreated: 0 });
    const services = [{ name: 'services.csv', content: `id,organization_id,name,status\n${EXAMPLE_SERVICE},${EXAMPLE_ORG},Community Counselling,active\n` }];
    expect(await importFiles(session, 'csv', services)).toMatchObject({ outcome: 'imported', servicesCreated: 1 });
  });
});

describe('import size', () => {
  it('refuses more than 20 MB at once, saying so, and writes nothing', async () => {
    const { session } = await adminWorkspace();
    const raw = session.requireUnlocked().raw;
    const before = tableHashes(raw);
    const big = 'x'.repeat(11 * 1024 * 1024);
    const error = await refused(session, 'directory.importOruk', { format: 'json', files: [{ name: 'a.json', content: big }, { name: 'b.json', content: big }] });
    expect(error).toMatchObject({
      code: 'invalid_input',
      fields: { files: 'These files come to 22 MB; Linkdesk imports at most 20 MB at a time. Import the feed in parts, for example a page at a time.' },
    });
    expect(tableHashes(raw)).toEqual(before);
    expect(auditRows(raw).some((row) => row.action === 'directory.imported')).toBe(false);
  });
});
