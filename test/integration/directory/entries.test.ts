import { describe, expect, it } from 'vitest';
import type { DirectoryEntry } from '../../../src/shared/ipc/directory-contract';
import { addUser, adminWorkspace, auditRows, ManualClock, ok, refused, signedInSession, tableHashes } from '../../support/workspace';
import { asUpdate, createEntry, entryInput, exportFiles } from './support';

const DAY = 86_400_000;

describe('directory entries', () => {
  it('adds an entry with everything a link worker records about a group, and reads it back', async () => {
    const { session, adminId } = await adminWorkspace();
    const entry = await createEntry(session);
    expect(entry).toMatchObject({
      source: 'linkdesk',
      rowVersion: 1,
      organisation: { name: 'Brook Lane Community Trust', description: 'A local charity running groups in the Brook Lane area', website: 'https://brooklane.example.org' },
      name: 'Tuesday Knit and Natter',
      category: 'knitting_crafts',
      status: 'active',
      minAge: 18,
      maxAge: null,
      eligibility: 'Adults living in the PCN area',
      cost: 'free',
      costDescription: 'Tea and biscuits included',
      schedules: [{ weekday: 'tue', startTime: '10:00', endTime: '12:00', frequency: 'Every week' }],
      venueName: 'St Mark’s Church Hall',
      address: '12 Brook Lane',
      town: 'Leeds',
      postcode: 'LS6 2AB',
      postcodeDistrict: 'LS6',
      area: 'Headingley',
      accessibilityFeatures: ['accessible_toilet', 'step_free'],
      contactName: 'Jo Bloggs',
      phone: '0113 496 0000',
      email: 'knit@brooklane.example.org',
      website: 'https://brooklane.example.org/knit',
      capacity: 20,
      placesUsed: 12,
      waitingList: false,
      lastCheckedOn: null,
      lastCheckedBy: null,
      stale: true,
      connectionCount: 0,
    });
    expect(await ok(session, 'directory.get', { id: entry.id })).toEqual(entry);
    const audit = auditRows(session.requireUnlocked().raw).filter((row) => row.action === 'directory.entry_created');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_user_id: adminId, entity_type: 'directory_entry', entity_id: entry.id });
    // Ids and codes only: no names, phone numbers or addresses in the audit log.
    expect(audit[0]!.details_json).not.toMatch(/Knit|Bloggs|0113 496|Brook|Leeds/);
  });

  it('refuses each broken rule as invalid input naming the field, and writes nothing', async () => {
    const { session } = await adminWorkspace();
    const raw = session.requireUnlocked().raw;
    const before = tableHashes(raw);
    const cases: [Record<string, unknown>, string][] = [
      [{ name: '  ' }, 'name'],
      [{ category: 'golf' }, 'category'],
      [{ status: 'open' }, 'status'],
      [{ minAge: -1 }, 'minAge'],
      [{ minAge: 4.5 }, 'minAge'],
      [{ minAge: 65, maxAge: 18 }, 'maxAge'],
      [{ cost: 'cheap' }, 'cost'],
      [{ schedules: [{ weekday: 'tue', startTime: '12:00', endTime: '10:00', frequency: '' }] }, 'schedules.0.endTime'],
      [{ schedules: [{ weekday: 'monday', startTime: '', endTime: '', frequency: '' }] }, 'schedules.0.weekday'],
      [{ schedules: [{ weekday: 'mon', startTime: '9am', endTime: '', frequency: '' }] }, 'schedules.0.startTime'],
      [{ schedules: [{ weekday: null, startTime: '', endTime: '', frequency: '' }] }, 'schedules.0.frequency'],
      [{ postcode: 'NOT A POSTCODE' }, 'postcode'],
      [{ phone: 'ring Jo' }, 'phone'],
      [{ phone: '123' }, 'phone'],
      [{ email: 'jo at example' }, 'email'],
      [{ website: 'javascript:alert(1)' }, 'website'],
      [{ capacity: -1 }, 'capacity'],
      [{ capacity: 10, placesUsed: 11 }, 'placesUsed'],
      [{ capacity: null, placesUsed: 3 }, 'capacity'],
      [{ waitingList: 'yes' }, 'waitingList'],
      [{ accessibilityFeatures: ['lift'] }, 'accessibilityFeatures.0'],
      [{ accessibilityFeatures: ['step_free', 'step_free'] }, 'accessibilityFeatures'],
      [{ description: 'Bell\u0007' }, 'description'],
      [{ organisation: { id: null, name: '', description: '', website: '', email: '' } }, 'organisation.name'],
      [{ organisation: { id: 'not-an-id', name: 'X', description: '', website: '', email: '' } }, 'organisation.id'],
      [{ colour: 'blue' }, 'colour'],
    ];
    for (const [overrides, field] of cases) {
      const error = await refused(session, 'directory.create', entryInput(overrides));
      expect(error.code, JSON.stringify(overrides)).toBe('invalid_input');
      expect(Object.keys(error.fields ?? {}), JSON.stringify(overrides)).toContain(field);
    }
    // An organisation id that is well formed but not in the directory is refused by the service.
    const unknown = await refused(session, 'directory.create', entryInput({ organisation: { id: '7b1e3c52-9a0e-4f7e-8a55-2f0d6c1b9e11', name: 'X', description: '', website: '', email: '' } }));
    expect(unknown).toMatchObject({ code: 'invalid_input', fields: { 'organisation.id': 'Choose an organisation from the directory' } });
    expect(tableHashes(raw)).toEqual(before);
  });

  it('saves changes with the version it was read at, and refuses a stale version', async () => {
    const { session } = await adminWorkspace();
    const entry = await createEntry(session);
    const updated = await ok<DirectoryEntry>(session, 'directory.update', asUpdate(entry, { name: 'Knit, Natter and Crochet', status: 'paused', placesUsed: 20, waitingList: true, schedules: [] }));
    expect(updated).toMatchObject({ name: 'Knit, Natter and Crochet', status: 'paused', placesUsed: 20, waitingList: true, schedules: [], rowVersion: 2 });
    const stale = await refused(session, 'directory.update', asUpdate(entry, { name: 'Lost edit' }));
    expect(stale).toMatchObject({ code: 'conflict', message: 'Someone else changed this entry; reload it.' });
    expect(await refused(session, 'directory.update', asUpdate(updated, { id: '7b1e3c52-9a0e-4f7e-8a55-2f0d6c1b9e11' }))).toMatchObject({ code: 'not_found' });
    expect(await refused(session, 'directory.get', { id: '7b1e3c52-9a0e-4f7e-8a55-2f0d6c1b9e11' })).toMatchObject({ code: 'not_found' });
    const audit = auditRows(session.requireUnlocked().raw).filter((row) => row.action === 'directory.entry_updated');
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.details_json)).toEqual({ fields: 'name,status,schedules,placesUsed,waitingList' });
  });

  it('moves an entry to another organisation, or to a new one, and keeps organisation details shared', async () => {
    const { session } = await adminWorkspace();
    const first = await createEntry(session);
    const second = await createEntry(session, { name: 'Walk and Talk', category: 'walking_groups', organisation: { id: first.organisation.id, name: first.organisation.name, description: first.organisation.description, website: first.organisation.website, email: first.organisation.email } });
    expect(second.organisation.id).toBe(first.organisation.id);
    const organisations = await ok<{ id: string; name: string; serviceCount: number }[]>(session, 'directory.organisations', { text: 'brook' });
    expect(organisations).toEqual([{ id: first.organisation.id, name: 'Brook Lane Community Trust', serviceCount: 2 }]);

    // Renaming the organisation from one entry renames it for both.
    await ok(session, 'directory.update', asUpdate(second, { organisation: { id: first.organisation.id, name: 'Brook Lane Trust', description: '', website: '', email: '' } }));
    expect((await ok<DirectoryEntry>(session, 'directory.get', { id: first.id })).organisation.name).toBe('Brook Lane Trust');
    const moved = await ok<DirectoryEntry>(session, 'directory.update', asUpdate(await ok<DirectoryEntry>(session, 'directory.get', { id: second.id }), { organisation: { id: null, name: 'Leeds Ramblers', description: '', website: '', email: '' } }));
    expect(moved.organisation.name).toBe('Leeds Ramblers');
    expect(moved.organisation.id).not.toBe(first.organisation.id);
  });

  it('writes Linkdesk changes into the Open Referral UK export', async () => {
    const { session } = await adminWorkspace();
    const entry = await createEntry(session);
    await ok(session, 'directory.update', asUpdate(entry, { status: 'closed', phone: '0113 496 1111', schedules: [{ weekday: 'wed', startTime: '18:30', endTime: '20:00', frequency: 'First Wednesday of the month' }] }));
    const [json] = await exportFiles(session, 'json');
    const page = JSON.parse(json!.content) as { contents: Record<string, unknown>[] };
    expect(page.contents).toHaveLength(1);
    const service = page.contents[0]!;
    expect(service).toMatchObject({
      id: entry.orukId,
      name: 'Tuesday Knit and Natter',
      status: 'inactive',
      minimum_age: 18,
      url: 'https://brooklane.example.org/knit',
      organization: { id: entry.organisation.orukId, name: 'Brook Lane Community Trust' },
      cost_options: [{ option: 'Free', amount: 0, amount_description: 'Tea and biscuits included' }],
      schedules: [{ byday: 'WE', opens_at: '18:30:00', closes_at: '20:00:00', description: 'First Wednesday of the month' }],
      contacts: [{ name: 'Jo Bloggs', phones: [{ number: '0113 496 1111' }] }],
    });
    const sal = (service.service_at_locations as Record<string, unknown>[])[0]!;
    expect(sal).toMatchObject({ location: { name: 'St Mark’s Church Hall', location_type: 'physical', addresses: [{ address_1: '12 Brook Lane', city: 'Leeds', postal_code: 'LS6 2AB', region: 'Headingley', country: 'GB' }] } });
  });

  it('flags entries not checked for six months as stale, counting from when they were last checked', async () => {
    const clock = new ManualClock('2026-03-02T09:00:00.000Z');
    const { session, adminId } = await adminWorkspace({ clock });
    const entry = await createEntry(session);
    expect(entry.stale).toBe(true); // never checked

    const checked = await ok<DirectoryEntry>(session, 'directory.markChecked', { id: entry.id });
    expect(checked).toMatchObject({ lastCheckedOn: '2026-03-02', lastCheckedBy: { id: adminId, displayName: 'Ada Admin' }, stale: false, rowVersion: 2 });

    const staleIds = async () => (await ok<{ rows: { id: string; stale: boolean }[] }>(session, 'directory.list', { staleOnly: true })).rows.map((row) => row.id);
    clock.advance(183 * DAY - 3_600_000); // 1 September: five months and 30 days on
    session.touch();
    expect((await ok<DirectoryEntry>(session, 'directory.get', { id: entry.id })).stale).toBe(false);
    expect(await staleIds()).toEqual([]);
    clock.advance(DAY); // 2 September: six months on
    session.touch();
    expect((await ok<DirectoryEntry>(session, 'directory.get', { id: entry.id })).stale).toBe(true);
    expect(await staleIds()).toEqual([entry.id]);

    // The limit is a workspace setting.
    expect(await ok(session, 'directory.settings')).toEqual({ staleMonths: 6 });
    expect(await ok(session, 'directory.updateSettings', { staleMonths: 12 })).toEqual({ staleMonths: 12 });
    expect((await ok<DirectoryEntry>(session, 'directory.get', { id: entry.id })).stale).toBe(false);
    expect((await refused(session, 'directory.updateSettings', { staleMonths: 0 })).fields).toHaveProperty('staleMonths');
    await ok(session, 'directory.updateSettings', { staleMonths: 6 });

    // Checking it again clears the flag; the check reaches the ORUK record as its assured date.
    const rechecked = await ok<DirectoryEntry>(session, 'directory.markChecked', { id: entry.id });
    expect(rechecked).toMatchObject({ lastCheckedOn: '2026-09-02', stale: false });
    const [json] = await exportFiles(session, 'json');
    expect((JSON.parse(json!.content) as { contents: { assured_date: string }[] }).contents[0]!.assured_date).toBe('2026-09-02');
    expect(auditRows(session.requireUnlocked().raw).filter((row) => row.action === 'directory.entry_checked')).toHaveLength(2);
  });

  it('lets everyone look entries up, and only link workers and admins change, import and export them', async () => {
    const { folder, session: admin } = await adminWorkspace();
    const entry = await createEntry(admin);
    const supervisor = await addUser(admin, 'gp_supervisor');
    const worker = await addUser(admin, 'link_worker');
    const gp = await signedInSession(folder, supervisor.username, supervisor.password);
    const lw = await signedInSession(folder, worker.username, worker.password);

    expect((await ok<{ total: number }>(gp, 'directory.list', {})).total).toBe(1);
    expect((await ok<DirectoryEntry>(gp, 'directory.get', { id: entry.id })).name).toBe(entry.name);
    expect(await ok(gp, 'directory.settings')).toEqual({ staleMonths: 6 });
    for (const [channel, input] of [
      ['directory.create', entryInput()],
      ['directory.update', asUpdate(entry)],
      ['directory.markChecked', { id: entry.id }],
      ['directory.importOruk', { format: 'json', files: [{ name: 'feed.json', content: '[]' }] }],
      ['directory.exportOruk', { format: 'csv' }],
      ['directory.updateSettings', { staleMonths: 3 }],
    ] as const) {
      expect((await refused(gp, channel, input)).code, channel).toBe('forbidden');
    }

    const created = await createEntry(lw, { name: 'Men’s Shed' });
    const checked = await ok<DirectoryEntry>(lw, 'directory.markChecked', { id: created.id });
    expect(checked.lastCheckedBy?.displayName).toBe(worker.displayName);
    await ok(lw, 'directory.update', asUpdate(entry, { capacity: 25 }));
    await ok(lw, 'directory.exportOruk', { format: 'json' });
    expect((await refused(lw, 'directory.updateSettings', { staleMonths: 3 })).code).toBe('forbidden');
  });
});
