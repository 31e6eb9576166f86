import { describe, expect, it } from 'vitest';
import type { GroupSupport } from '../../../src/shared/ipc/connections-schemas';
import { auditOf, casework } from '../../support/casework';
import { ok, refused } from '../../support/workspace';
import { createEntry } from '../directory/support';

const MISSING = '00000000-0000-4000-8000-000000000000';

describe('the group support log', () => {
  it('records support given to an organisation or one of its services, by whom, and lists it per organisation or service, newest first', async () => {
    const { worker, as, names } = await casework();
    const knit = await createEntry(worker);
    const walk = await createEntry(worker, { organisation: { id: knit.organisation.id, name: knit.organisation.name, description: knit.organisation.description, website: knit.organisation.website, email: knit.organisation.email }, name: 'Quiet Walk', category: 'walking_groups' });
    const organisationId = knit.organisation.id;

    const first = await ok<GroupSupport>(worker, 'groupSupport.record', { organisationId, type: 'funding_advice', givenOn: '2026-02-20', minutes: 90, note: 'Helped with a lottery bid' });
    expect(first).toMatchObject({ organisationId, organisationName: 'Brook Lane Community Trust', serviceId: null, serviceName: null, type: 'funding_advice', givenOn: '2026-02-20', minutes: 90, note: 'Helped with a lottery bid', givenBy: names.worker });
    const admin = await as('admin');
    const second = await ok<GroupSupport>(admin, 'groupSupport.record', { organisationId, serviceId: walk.id, type: 'volunteers', givenOn: '2026-03-01', minutes: 45 });
    expect(second).toMatchObject({ serviceId: walk.id, serviceName: 'Quiet Walk', note: '', givenBy: names.admin });

    const supervisor = await as('supervisor');
    expect((await ok<GroupSupport[]>(supervisor, 'groupSupport.list', { organisationId })).map((s) => s.id)).toEqual([second.id, first.id]);
    expect((await ok<GroupSupport[]>(supervisor, 'groupSupport.list', { serviceId: walk.id })).map((s) => s.id)).toEqual([second.id]);
    expect(await ok<GroupSupport[]>(supervisor, 'groupSupport.list', { serviceId: knit.id })).toEqual([]);
    expect((await refused(supervisor, 'groupSupport.record', { organisationId, type: 'training', givenOn: '2026-03-01', minutes: 30 })).code).toBe('forbidden');

    const recorded = auditOf(worker, 'group_support.recorded');
    expect(recorded.map((row) => [row.entity_type, row.entity_id, JSON.parse(row.details_json)])).toEqual([
      ['directory_organisation', organisationId, { supportId: first.id, serviceId: null, type: 'funding_advice', minutes: 90 }],
      ['directory_organisation', organisationId, { supportId: second.id, serviceId: walk.id, type: 'volunteers', minutes: 45 }],
    ]);
  });

  describe('refuses details that are not right, naming the field', () => {
    const cases: [string, Record<string, unknown>, string, string][] = [
      ['no type', { type: undefined }, 'type', 'Choose the kind of support'],
      ['an unknown type', { type: 'cake' }, 'type', 'Choose the kind of support'],
      ['no minutes', { minutes: undefined }, 'minutes', 'Enter the time in minutes'],
      ['no time at all', { minutes: 0 }, 'minutes', 'Use at least 1 minute'],
      ['more than a day', { minutes: 1441 }, 'minutes', 'Use at most 1440 minutes (a day)'],
      ['part minutes', { minutes: 2.5 }, 'minutes', 'Use whole minutes'],
      ['a date that is not a date', { givenOn: '2026-02-30' }, 'givenOn', 'Use a real date, like 2026-11-22'],
      ['a date in the future', { givenOn: '2026-03-03' }, 'givenOn', 'The date cannot be in the future'],
      ['an organisation not in the directory', { organisationId: MISSING }, 'organisationId', 'Choose an organisation from the directory'],
      ['a service not in the directory', { serviceId: MISSING }, 'serviceId', 'Choose one of this organisation’s groups or services'],
      ['a note too long', { note: 'x'.repeat(4001) }, 'note', 'Use at most 4000 characters'],
    ];
    it.each(cases)('%s', async (_name, change, field, message) => {
      const { worker } = await casework();
      const entry = await createEntry(worker);
      const error = await refused(worker, 'groupSupport.record', { organisationId: entry.organisation.id, type: 'training', givenOn: '2026-03-02', minutes: 30, ...change });
      expect(error.code).toBe('invalid_input');
      expect(error.fields?.[field]).toBe(message);
      expect(await ok<GroupSupport[]>(worker, 'groupSupport.list', { organisationId: entry.organisation.id })).toEqual([]);
    });

    it('a service of another organisation', async () => {
      const { worker } = await casework();
      const mine = await createEntry(worker);
      const theirs = await createEntry(worker, { organisation: { id: null, name: 'Other Trust' }, name: 'Other group' });
      const error = await refused(worker, 'groupSupport.record', { organisationId: mine.organisation.id, serviceId: theirs.id, type: 'training', givenOn: '2026-03-02', minutes: 30 });
      expect(error.fields).toEqual({ serviceId: 'Choose one of this organisation’s groups or services' });
    });

    it('a list for both, or neither, or something not in the directory', async () => {
      const { worker } = await casework();
      const entry = await createEntry(worker);
      expect((await refused(worker, 'groupSupport.list', {})).fields).toEqual({ organisationId: 'Choose an organisation or a service' });
      expect((await refused(worker, 'groupSupport.list', { organisationId: entry.organisation.id, serviceId: entry.id })).fields).toEqual({ organisationId: 'Choose an organisation or a service' });
      expect((await refused(worker, 'groupSupport.list', { organisationId: MISSING })).code).toBe('not_found');
      expect((await refused(worker, 'groupSupport.list', { serviceId: MISSING })).code).toBe('not_found');
    });
  });
});
