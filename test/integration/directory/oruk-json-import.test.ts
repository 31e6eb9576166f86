import { describe, expect, it } from 'vitest';
import type { DirectoryEntry, DirectoryRow } from '../../../src/shared/ipc/directory-contract';
import { adminWorkspace, auditRows, ok } from '../../support/workspace';
import { directoryDump, exportFiles, importFiles, recordCounts } from './support';
import { fullService, json, LOCATION_ID, ORG_ID, SERVICE_2_ID, SERVICE_ID, smallService, v1Service } from './oruk-feeds';

async function entryByOrukId(session: Parameters<typeof ok>[0], orukId: string): Promise<DirectoryEntry> {
  const list = await ok<{ rows: DirectoryRow[] }>(session, 'directory.list', { pageSize: 100 });
  for (const row of list.rows) {
    const entry = await ok<DirectoryEntry>(session, 'directory.get', { id: row.id });
    if (entry.orukId === orukId) return entry;
  }
  throw new Error(`no entry for ${orukId}`);
}

describe('importing ORUK JSON', () => {
  it('round-trips: a nested feed imports, exports as JSON, and imports into a new workspace as identical data', async () => {
    const first = await adminWorkspace();
    const report = await importFiles(first.session, 'json', [json([fullService(), smallService()])]);
    expect(report).toMatchObject({ outcome: 'imported', problems: [], warnings: [], servicesCreated: 2, organisationsCreated: 1 });
    const counts = recordCounts(first.session.requireUnlocked().raw);
    expect(counts).toEqual({
      accessibility: 1,
      address: 1,
      attribute: 1,
      contact: 1,
      cost_option: 1,
      funding: 1,
      language: 2,
      location: 1,
      organization: 1,
      organization_identifier: 1,
      phone: 1,
      schedule: 2,
      service: 2,
      service_area: 1,
      service_at_location: 2,
      taxonomy_term: 1,
    });
    console.log(`oruk json round trip: rows per table ${JSON.stringify(counts)}`);

    const [exported] = await exportFiles(first.session, 'json');
    expect(exported!.name).toBe('services.json');
    const page = JSON.parse(exported!.content) as { total_items: number; contents: Record<string, unknown>[] };
    expect(page.total_items).toBe(2);
    // Everything the feed gave is in the export, nested where it was, with the links filled in.
    const original = fullService();
    const back = page.contents[0]!;
    for (const [field, value] of Object.entries(original)) {
      if (typeof value !== 'object') expect(back[field], field).toEqual(value);
    }
    expect(back.organization).toMatchObject({ id: ORG_ID, name: 'Greenspace Leeds', organization_identifiers: [{ organization_id: ORG_ID, identifier: '1234567' }] });
    expect(back.contacts).toMatchObject([{ service_id: SERVICE_ID, phones: [{ number: '0113 496 0123', languages: [{ name: 'Punjabi' }] }] }]);
    expect(back.attributes).toMatchObject([{ link_id: SERVICE_ID, taxonomy_term: { name: 'Gardening' } }]);
    expect((page.contents[1]!.service_at_locations as { location: { id: string } }[])[0]!.location.id).toBe(LOCATION_ID);

    const second = await adminWorkspace();
    const again = await importFiles(second.session, 'json', [exported!]);
    expect(again).toMatchObject({ outcome: 'imported', problems: [], warnings: [] });
    expect(directoryDump(second.session.requireUnlocked().raw)).toEqual(directoryDump(first.session.requireUnlocked().raw));
    expect(await exportFiles(second.session, 'json')).toEqual([exported]);

    // The same data through the CSV package gives the same records too.
    const third = await adminWorkspace();
    expect(await importFiles(third.session, 'csv', await exportFiles(first.session, 'csv'))).toMatchObject({ outcome: 'imported', problems: [] });
    expect(directoryDump(third.session.requireUnlocked().raw)).toEqual(directoryDump(first.session.requireUnlocked().raw));
  });

  it('reads the feed into directory entries', async () => {
    const { session } = await adminWorkspace();
    await importFiles(session, 'json', [json({ contents: [fullService(), smallService()], total_items: 2, page_number: 1, total_pages: 1 })]);
    const garden = await entryByOrukId(session, SERVICE_ID);
    expect(garden).toMatchObject({
      name: 'Gardening for Wellbeing',
      status: 'active',
      category: 'other',
      minAge: 16,
      maxAge: 99,
      cost: 'free',
      costDescription: 'Tea and cake included',
      venueName: 'Meanwood Allotments',
      address: '1 Allotment Lane',
      town: 'Leeds',
      postcode: 'LS6 4BU',
      postcodeDistrict: 'LS6',
      area: 'Meanwood',
      accessibility: 'Level access and raised beds; accessible toilet in the community centre',
      accessibilityFeatures: ['accessible_toilet', 'step_free'],
      contactName: 'Priya Shah',
      phone: '0113 496 0123',
      email: 'garden@greenspace.example.org',
      website: 'https://greenspace.example.org/gardening',
      lastCheckedOn: '2026-01-15',
      organisation: { name: 'Greenspace Leeds', website: 'https://greenspace.example.org' },
    });
    expect(garden.schedules).toEqual([
      { weekday: 'tue', startTime: '10:00', endTime: '12:30', frequency: 'Every week' },
      { weekday: 'sat', startTime: '10:00', endTime: '12:30', frequency: 'Every week' },
      { weekday: 'fri', startTime: '14:00', endTime: '16:00', frequency: '1st Friday of the month' },
    ]);
    // The second service shares the location, and "temporarily closed" reads as paused.
    expect(await entryByOrukId(session, SERVICE_2_ID)).toMatchObject({ name: 'Nature Walks', status: 'paused', venueName: 'Meanwood Allotments', postcode: 'LS6 4BU' });
    expect((await ok<{ total: number }>(session, 'directory.list', { area: 'LS6', weekday: 'sat' })).total).toBe(1);
  });

  it('an edit to a shared location shows on every entry held there', async () => {
    const { session } = await adminWorkspace();
    await importFiles(session, 'json', [json([fullService(), smallService()])]);
    const garden = await entryByOrukId(session, SERVICE_ID);
    const walks = await entryByOrukId(session, SERVICE_2_ID);
    const { organisation, id, rowVersion, orukId: _orukId, source: _source, importedAt: _importedAt, postcodeDistrict: _district, lastCheckedOn: _checked, lastCheckedBy: _by, stale: _stale, connectionCount: _count, createdAt: _created, updatedAt: _updated, ...fields } = garden;
    await ok(session, 'directory.update', {
      ...fields,
      id,
      rowVersion,
      organisation: { id: organisation.id, name: organisation.name, description: organisation.description, website: organisation.website, email: organisation.email },
      address: '2 Allotment Lane',
      postcode: 'LS6 4BX',
    });
    const after = await entryByOrukId(session, SERVICE_2_ID);
    expect(after).toMatchObject({ address: '2 Allotment Lane', postcode: 'LS6 4BX', venueName: 'Meanwood Allotments' });
    expect(after.rowVersion).toBe(walks.rowVersion + 1);
    expect((await ok<{ total: number }>(session, 'directory.list', { area: 'LS6 4BX' })).total).toBe(2);
  });

  it('accepts one service on its own and warns about properties ORUK 3.0 does not have', async () => {
    const { session } = await adminWorkspace();
    const report = await importFiles(session, 'json', [json(fullService({ colour: 'green' }))]);
    expect(report.outcome).toBe('imported');
    expect(report.warnings).toEqual([{ file: 'feed.json', row: 1, path: 'colour', field: 'colour', reason: '"colour" is not an Open Referral UK 3.0 field of a service; left out' }]);
    expect(JSON.stringify(JSON.parse((await exportFiles(session, 'json'))[0]!.content))).not.toContain('colour');
  });

  it('updates what an earlier import brought in, instead of adding it again, and keeps Linkdesk’s own fields', async () => {
    const { session } = await adminWorkspace();
    await importFiles(session, 'json', [json([fullService(), smallService()])]);
    const before = await entryByOrukId(session, SERVICE_ID);
    await ok(session, 'directory.update', {
      id: before.id,
      rowVersion: before.rowVersion,
      organisation: { id: before.organisation.id, name: before.organisation.name, description: before.organisation.description, website: before.organisation.website, email: before.organisation.email },
      name: before.name,
      description: before.description,
      category: 'gardening_green',
      status: before.status,
      minAge: before.minAge,
      maxAge: before.maxAge,
      eligibility: 'Referral from a link worker',
      cost: before.cost,
      costDescription: before.costDescription,
      schedules: before.schedules,
      venueName: before.venueName,
      address: before.address,
      town: before.town,
      postcode: before.postcode,
      area: before.area,
      accessibility: before.accessibility,
      accessibilityFeatures: ['step_free'],
      contactName: before.contactName,
      phone: before.phone,
      email: before.email,
      website: before.website,
      capacity: 12,
      placesUsed: 12,
      waitingList: true,
    });
    await ok(session, 'directory.markChecked', { id: before.id });

    // The feed changes: a new name, one schedule dropped, the contact's phone changed.
    const changed = fullService({ name: 'Growing Together', schedules: [(fullService().schedules as unknown[])[0]] });
    (changed.contacts as { phones: { number: string }[] }[])[0]!.phones[0]!.number = '0113 496 9999';
    const report = await importFiles(session, 'json', [json(changed)]);
    expect(report).toMatchObject({ outcome: 'imported', servicesCreated: 0, servicesUpdated: 1, organisationsCreated: 0 });

    const after = await entryByOrukId(session, SERVICE_ID);
    expect(after.id).toBe(before.id);
    expect(after).toMatchObject({ name: 'Growing Together', phone: '0113 496 9999', category: 'gardening_green', capacity: 12, placesUsed: 12, waitingList: true, eligibility: 'Referral from a link worker', accessibilityFeatures: ['step_free'] });
    expect(after.schedules.map((s) => s.weekday)).toEqual(['tue', 'sat']);
    // Linkdesk's check (today) is later than the feed's assured date, so it stands.
    expect(after.lastCheckedOn).not.toBe('2026-01-15');
    expect(after.lastCheckedBy).not.toBeNull();
    const counts = recordCounts(session.requireUnlocked().raw);
    expect(counts.service).toBe(2);
    expect(counts.schedule).toBe(1);
    expect((await ok<{ total: number }>(session, 'directory.list', {})).total).toBe(2);

    // Importing the same feed again changes nothing.
    const same = await importFiles(session, 'json', [json(changed)]);
    expect(same).toMatchObject({ servicesCreated: 0, servicesUpdated: 0, servicesUnchanged: 1 });
    expect(auditRows(session.requireUnlocked().raw).filter((row) => row.action === 'directory.imported')).toHaveLength(3);
  });

  it('converts an ORUK v1 service: schedules, addresses, eligibility, taxonomy and ids', async () => {
    const { session } = await adminWorkspace();
    const report = await importFiles(session, 'json', [json([v1Service()])]);
    expect(report.problems).toEqual([]);
    expect(report.outcome).toBe('imported');
    expect(report.warnings.map((warning) => warning.reason)).toEqual(
      expect.arrayContaining(['A v1 field with no place in ORUK 3.0; left out', 'Reviews have no place in ORUK 3.0; left out', 'No county given; ORUK 3.0 requires one, so the town is used']),
    );
    const list = await ok<{ rows: DirectoryRow[] }>(session, 'directory.list', {});
    const entry = await ok<DirectoryEntry>(session, 'directory.get', { id: list.rows[0]!.id });
    expect(entry).toMatchObject({
      name: 'Chair Yoga',
      minAge: 18,
      maxAge: 90,
      eligibility: 'Over 55s; Carers welcome',
      venueName: 'Shipley Library',
      address: '2 Wellcroft',
      town: 'Shipley',
      postcode: 'BD18 3QH',
      contactName: 'Sam Lee',
      phone: '01274 000000',
      lastCheckedOn: '2025-11-01',
      organisation: { name: 'Age Well Bradford', website: 'https://agewell.example.org' },
      accessibilityFeatures: ['hearing_loop', 'step_free'],
    });
    expect(entry.orukId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(entry.schedules).toEqual([
      { weekday: 'wed', startTime: '11:00', endTime: '12:00', frequency: 'Every week' },
      { weekday: null, startTime: '', endTime: '', frequency: 'Closed (holiday)' },
    ]);
    const counts = recordCounts(session.requireUnlocked().raw);
    expect(counts).toMatchObject({ service: 1, organization: 1, schedule: 2, address: 1, accessibility: 1, attribute: 1, taxonomy_term: 1, funding: 1, language: 2 });

    // The same v1 feed again finds the same records by their converted ids.
    const again = await importFiles(session, 'json', [json([v1Service()])]);
    expect(again).toMatchObject({ outcome: 'imported', servicesCreated: 0 });
    expect(recordCounts(session.requireUnlocked().raw)).toEqual(counts);

    // And the export is ORUK 3.0, which imports cleanly elsewhere.
    const other = await adminWorkspace();
    expect(await importFiles(other.session, 'json', await exportFiles(session, 'json'))).toMatchObject({ outcome: 'imported', problems: [] });
  });

  it('imports a v1 CSV package', async () => {
    const { session } = await adminWorkspace();
    const files = [
      { name: 'organizations.csv', content: 'id,name,description,url\norg-1,Bradford Men’s Shed,A workshop for men,https://shed.example.org\n' },
      { name: 'services.csv', content: 'id,organization_id,name,description,status,deliverable_type\nsvc-1,org-1,Men’s Shed,Woodwork and company,active,Support\n' },
      { name: 'locations.csv', content: 'id,name\nloc-1,The Old Mill\n' },
      { name: 'physical_addresses.csv', content: 'id,location_id,address_1,city,state_province,postal_code,country\na-1,loc-1,3 Mill Lane,Bradford,West Yorkshire,BD1 2AB,GB\n' },
      { name: 'service_at_locations.csv', content: 'id,service_id,location_id\nsal-1,svc-1,loc-1\n' },
      { name: 'regular_schedules.csv', content: 'id,service_id,opens_at,closes_at,byday,freq,interval\nr-1,svc-1,09:00,13:00,"MO,WE",WEEKLY,1\n' },
      { name: 'eligibilitys.csv', content: 'id,service_id,eligibility,minimum_age\ne-1,svc-1,Men over 18,18\n' },
    ];
    const report = await importFiles(session, 'csv', files);
    expect(report.problems).toEqual([]);
    expect(report.outcome).toBe('imported');
    const list = await ok<{ rows: DirectoryRow[] }>(session, 'directory.list', {});
    expect(list.rows[0]).toMatchObject({ name: 'Men’s Shed', organisationName: 'Bradford Men’s Shed', postcode: 'BD1 2AB', weekdays: ['mon', 'wed'] });
    const entry = await ok<DirectoryEntry>(session, 'directory.get', { id: list.rows[0]!.id });
    expect(entry).toMatchObject({ minAge: 18, eligibility: 'Men over 18', address: '3 Mill Lane' });
  });
});
