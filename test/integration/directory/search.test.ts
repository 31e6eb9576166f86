import { describe, expect, it } from 'vitest';
import type { WorkspaceSession } from '../../../src/main/services/workspace-session';
import type { DirectoryRow } from '../../../src/shared/ipc/directory-contract';
import { adminWorkspace, ManualClock, ok, refused } from '../../support/workspace';
import { createEntry } from './support';

const DAY = 86_400_000;

/** A small directory with one entry for each thing a filter can pick out. */
async function smallDirectory(session: WorkspaceSession, clock: ManualClock) {
  const org = { id: null, name: 'Headingley Arts Collective', description: '', website: '', email: '' };
  const knit = await createEntry(session, { name: 'Knit and Natter', description: 'Friendly knitting circle', category: 'knitting_crafts', cost: 'free', organisation: org });
  const choir = await createEntry(session, {
    name: 'Community Choir',
    description: 'Singing for wellbeing; no experience needed',
    category: 'singing',
    cost: 'low_cost',
    costDescription: '£2 a session',
    schedules: [{ weekday: 'thu', startTime: '19:00', endTime: '21:00', frequency: 'Every week' }],
    town: 'Bradford',
    postcode: 'BD1 1AA',
    area: 'City Centre',
    accessibilityFeatures: ['hearing_loop'],
    organisation: { ...org, id: knit.organisation.id },
  });
  const walk = await createEntry(session, {
    name: 'Zoë’s Walking Group',
    description: 'Gentle walks in Roundhay Park',
    category: 'walking_groups',
    cost: null,
    costDescription: '',
    schedules: [
      { weekday: 'mon', startTime: '10:00', endTime: '11:00', frequency: 'Every week' },
      { weekday: 'thu', startTime: '10:00', endTime: '11:00', frequency: 'Every week' },
    ],
    town: 'Leeds',
    postcode: 'LS8 2HH',
    area: 'Roundhay',
    accessibilityFeatures: [],
    organisation: { id: null, name: 'Leeds Ramblers', description: '', website: '', email: '' },
  });
  const debt = await createEntry(session, {
    name: 'Money Advice Drop-in',
    description: 'Debt and benefits advice',
    category: 'debt_advice',
    status: 'paused',
    cost: 'paid',
    schedules: [{ weekday: 'wed', startTime: '', endTime: '', frequency: 'Every 2 weeks' }],
    town: 'Leeds',
    postcode: 'LS1 4AP',
    area: 'City Centre',
    accessibilityFeatures: ['step_free', 'accessible_toilet', 'hearing_loop'],
    organisation: { id: null, name: 'Citizens Advice Leeds', description: '', website: '', email: '' },
  });
  // Checked today: the others have never been checked and are stale.
  await ok(session, 'directory.markChecked', { id: knit.id });
  await ok(session, 'directory.markChecked', { id: choir.id });
  clock.advance(DAY);
  session.touch();
  return { knit, choir, walk, debt };
}

async function names(session: WorkspaceSession, query: Record<string, unknown>): Promise<string[]> {
  const result = await ok<{ rows: DirectoryRow[]; total: number }>(session, 'directory.list', query);
  expect(result.total).toBe(result.rows.length);
  return result.rows.map((row) => row.name);
}

describe('searching the directory', () => {
  it('filters by every field a link worker narrows a search with', async () => {
    const clock = new ManualClock();
    const { session } = await adminWorkspace({ clock });
    await smallDirectory(session, clock);
    expect(await names(session, {})).toEqual(['Community Choir', 'Knit and Natter', 'Money Advice Drop-in', 'Zoë’s Walking Group']);
    expect(await names(session, { category: 'singing' })).toEqual(['Community Choir']);
    expect(await names(session, { weekday: 'thu' })).toEqual(['Community Choir', 'Zoë’s Walking Group']);
    expect(await names(session, { weekday: 'sat' })).toEqual([]);
    expect(await names(session, { cost: 'free' })).toEqual(['Knit and Natter']);
    expect(await names(session, { cost: 'low_cost' })).toEqual(['Community Choir']);
    expect(await names(session, { status: 'paused' })).toEqual(['Money Advice Drop-in']);
    expect(await names(session, { status: 'active' })).toEqual(['Community Choir', 'Knit and Natter', 'Zoë’s Walking Group']);
    expect(await names(session, { accessibility: ['hearing_loop'] })).toEqual(['Community Choir', 'Money Advice Drop-in']);
    expect(await names(session, { accessibility: ['step_free'] })).toEqual(['Knit and Natter', 'Money Advice Drop-in']);
    expect(await names(session, { accessibility: ['step_free', 'hearing_loop'] })).toEqual(['Money Advice Drop-in']);
    expect(await names(session, { staleOnly: true })).toEqual(['Money Advice Drop-in', 'Zoë’s Walking Group']);
    // Filters combine.
    expect(await names(session, { weekday: 'thu', cost: 'low_cost', accessibility: ['hearing_loop'] })).toEqual(['Community Choir']);
  });

  it('finds an area by postcode district, postcode area, full postcode, town or area name', async () => {
    const clock = new ManualClock();
    const { session } = await adminWorkspace({ clock });
    await smallDirectory(session, clock);
    expect(await names(session, { area: 'LS6' })).toEqual(['Knit and Natter']);
    expect(await names(session, { area: 'ls8 2hh' })).toEqual(['Zoë’s Walking Group']);
    expect(await names(session, { area: 'LS' })).toEqual(['Knit and Natter', 'Money Advice Drop-in', 'Zoë’s Walking Group']);
    expect(await names(session, { area: 'BD1' })).toEqual(['Community Choir']);
    expect(await names(session, { area: 'LS1' })).toEqual(['Money Advice Drop-in']); // not LS10, LS11…
    expect(await names(session, { area: 'bradford' })).toEqual(['Community Choir']);
    expect(await names(session, { area: 'City Centre' })).toEqual(['Community Choir', 'Money Advice Drop-in']);
    expect(await names(session, { area: 'Round' })).toEqual(['Zoë’s Walking Group']);
    expect(await names(session, { area: '100%_' })).toEqual([]);
  });

  it('searches names, descriptions and organisation names by the start of each word, ignoring accents', async () => {
    const clock = new ManualClock();
    const { session } = await adminWorkspace({ clock });
    await smallDirectory(session, clock);
    expect(await names(session, { text: 'knit' })).toEqual(['Knit and Natter']);
    expect(await names(session, { text: 'wellbeing' })).toEqual(['Community Choir']);
    expect(await names(session, { text: 'headingley arts' })).toEqual(['Community Choir', 'Knit and Natter']);
    expect(await names(session, { text: 'zoe' })).toEqual(['Zoë’s Walking Group']);
    expect(await names(session, { text: 'ramblers roundhay' })).toEqual(['Zoë’s Walking Group']);
    expect(await names(session, { text: 'debt', category: 'debt_advice' })).toEqual(['Money Advice Drop-in']);
    expect(await names(session, { text: 'knit choir' })).toEqual([]);
    // Search syntax is just text: quotes, stars and operators find nothing rather than fail.
    expect(await names(session, { text: '"NEAR(* OR' })).toEqual([]);
    expect(await names(session, { text: "'; DROP TABLE directory_services; --" })).toEqual([]);
    expect(await names(session, { text: '   ' })).toHaveLength(4);
  });

  it('pages and sorts on the server, and gives each row what the list shows', async () => {
    const clock = new ManualClock();
    const { session } = await adminWorkspace({ clock });
    const { choir } = await smallDirectory(session, clock);
    const page1 = await ok<{ rows: DirectoryRow[]; total: number }>(session, 'directory.list', { pageSize: 3, page: 0 });
    const page2 = await ok<{ rows: DirectoryRow[]; total: number }>(session, 'directory.list', { pageSize: 3, page: 1 });
    expect(page1.total).toBe(4);
    expect(page1.rows.map((row) => row.name)).toEqual(['Community Choir', 'Knit and Natter', 'Money Advice Drop-in']);
    expect(page2.rows.map((row) => row.name)).toEqual(['Zoë’s Walking Group']);
    expect(page1.rows[0]).toEqual({
      id: choir.id,
      name: 'Community Choir',
      organisationName: 'Headingley Arts Collective',
      category: 'singing',
      status: 'active',
      cost: 'low_cost',
      town: 'Bradford',
      postcode: 'BD1 1AA',
      area: 'City Centre',
      weekdays: ['thu'],
      accessibilityFeatures: ['hearing_loop'],
      capacity: 20,
      placesUsed: 12,
      waitingList: false,
      lastCheckedOn: '2026-03-02',
      stale: false,
      connectionCount: 0,
    });
    const walk = (await ok<{ rows: DirectoryRow[] }>(session, 'directory.list', { text: 'walk' })).rows[0]!;
    expect(walk.weekdays).toEqual(['mon', 'thu']);
    expect(await names(session, { sort: 'last_checked' })).toEqual(['Money Advice Drop-in', 'Zoë’s Walking Group', 'Community Choir', 'Knit and Natter']);
    expect(await names(session, { text: 'advice debt', sort: 'relevance' })).toEqual(['Money Advice Drop-in']);
    expect((await refused(session, 'directory.list', { pageSize: 500 })).fields).toHaveProperty('pageSize');
    expect((await refused(session, 'directory.list', { weekday: 'funday' })).fields).toHaveProperty('weekday');
  });
});
