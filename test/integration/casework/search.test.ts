import { describe, expect, it } from 'vitest';
import type { WorkspaceSession } from '../../../src/main/services/workspace-session';
import { auditOf, casework, createEpisode, createPerson, recordContact, uniquePerson } from '../../support/casework';
import { ok, refused } from '../../support/workspace';

interface SearchResult {
  personId: string;
  name: string;
  nhsNumber: string | null;
  dateOfBirth: string;
  matchedIn: 'name' | 'nhs_number' | 'date_of_birth' | 'notes';
  snippet: string | null;
}

async function search(session: WorkspaceSession, query: string): Promise<SearchResult[]> {
  return ok<SearchResult[]>(session, 'people.search', { query });
}

async function people(session: WorkspaceSession) {
  const zoe = await createPerson(session, { nhsNumber: '943 476 5919', givenName: 'Zoë', familyName: 'Ångström', preferredName: 'Zed', dateOfBirth: '1954-06-30' });
  const sean = await createPerson(session, uniquePerson({ givenName: 'Seán', familyName: "O'Brien-Smith", dateOfBirth: '1990-11-22' }));
  const zola = await createPerson(session, uniquePerson({ givenName: 'Zola', familyName: 'Budd', dateOfBirth: '1990-11-22', nhsNumber: '' }));
  return { zoe, sean, zola };
}

describe('searching for people', () => {
  it('finds names by the start of any part, whatever the accents or case', async () => {
    const { worker } = await casework();
    const { zoe, sean, zola } = await people(worker);
    expect((await search(worker, 'zoe')).map((r) => [r.personId, r.matchedIn])).toEqual([[zoe.id, 'name']]);
    expect((await search(worker, 'ANGST')).map((r) => r.personId)).toEqual([zoe.id]);
    expect((await search(worker, 'Zo')).map((r) => r.personId).sort()).toEqual([zoe.id, zola.id].sort());
    expect((await search(worker, 'zo ang')).map((r) => r.personId)).toEqual([zoe.id]);
    expect((await search(worker, 'sean o')).map((r) => r.personId)).toEqual([sean.id]);
    expect((await search(worker, 'smith')).map((r) => r.personId)).toEqual([sean.id]);
    expect((await search(worker, 'Zed')).map((r) => r.personId)).toEqual([zoe.id]); // preferred name
    expect(await search(worker, 'Zoltan')).toEqual([]);
    expect(await search(worker, 'ngstr')).toEqual([]); // the start of a name, not the middle
    expect((await search(worker, 'zoe'))[0]).toEqual({ personId: zoe.id, name: 'Zoë Ångström (Zed)', nhsNumber: '9434765919', dateOfBirth: '1954-06-30', matchedIn: 'name', snippet: null });
  });

  it('finds an NHS number typed with or without spaces', async () => {
    const { worker } = await casework();
    const { zoe } = await people(worker);
    for (const typed of ['9434765919', '943 476 5919', ' 943-476-5919 ']) {
      expect((await search(worker, typed)).map((r) => [r.personId, r.matchedIn]), typed).toEqual([[zoe.id, 'nhs_number']]);
    }
    expect(await search(worker, '9434765918')).toEqual([]);
  });

  it('finds a date of birth typed as 1990-11-22 or 22/11/1990', async () => {
    const { worker } = await casework();
    const { sean, zola } = await people(worker);
    for (const typed of ['1990-11-22', '22/11/1990', '22.11.1990', '22-11-1990']) {
      const found = await search(worker, typed);
      expect(found.map((r) => r.personId).sort(), typed).toEqual([sean.id, zola.id].sort());
      expect(new Set(found.map((r) => r.matchedIn))).toEqual(new Set(['date_of_birth']));
    }
    expect(await search(worker, '31/02/1990')).toEqual([]);
  });

  it('finds words in contact notes, person notes and referral notes, with a snippet of the note', async () => {
    const { worker } = await casework();
    const { zoe, sean, zola } = await people(worker);
    const zoeReferral = await createEpisode(worker, zoe.id, { notes: 'Recently widowed; keen on allotments and growing vegetables' });
    await recordContact(worker, zoeReferral.id, { notes: 'Visited the community garden together. She enjoyed the café afterwards.' });
    await ok(worker, 'people.addNote', { personId: sean.id, text: 'Asked about the debt advice drop-in at the library' });
    const zolaReferral = await createEpisode(worker, zola.id);
    await recordContact(worker, zolaReferral.id, { notes: 'Wants help with debt and a walking group' });

    const garden = await search(worker, 'garden');
    expect(garden).toEqual([{ personId: zoe.id, name: 'Zoë Ångström (Zed)', nhsNumber: '9434765919', dateOfBirth: '1954-06-30', matchedIn: 'notes', snippet: expect.stringContaining('community garden') }]);
    expect((await search(worker, 'CAFE')).map((r) => r.personId)).toEqual([zoe.id]); // accents ignored
    expect((await search(worker, 'allotment')).map((r) => [r.personId, r.snippet])).toEqual([[zoe.id, expect.stringContaining('allotments')]]);
    expect((await search(worker, 'debt')).map((r) => r.personId).sort()).toEqual([sean.id, zola.id].sort());
    expect((await search(worker, 'debt library')).map((r) => r.personId)).toEqual([sean.id]); // every word must be there
    expect(await search(worker, 'swimming')).toEqual([]);
  });

  it('keeps snippets short', async () => {
    const { worker } = await casework();
    const person = await createPerson(worker, uniquePerson());
    const long = `${'Lots of background about the family situation. '.repeat(40)}Then we spoke about the orchestra. ${'More notes follow here. '.repeat(40)}`;
    await ok(worker, 'people.addNote', { personId: person.id, text: long });
    const [hit] = await search(worker, 'orchestra');
    expect(hit!.snippet).toContain('orchestra');
    expect(hit!.snippet!.length).toBeLessThan(150);
  });

  it('lists each person once, with the strongest kind of match', async () => {
    const { worker } = await casework();
    const person = await createPerson(worker, uniquePerson({ givenName: 'Walker', familyName: 'Brown' }));
    await ok(worker, 'people.addNote', { personId: person.id, text: 'Walker joined the walking group' });
    expect((await search(worker, 'walker')).map((r) => [r.personId, r.matchedIn])).toEqual([[person.id, 'name']]);
  });

  it('treats search syntax as plain words', async () => {
    const { worker } = await casework();
    await people(worker);
    for (const typed of ['"zoe', 'zoe OR sean', 'NEAR(zoe sean)', 'names:zoe', '**', '-zoe', "'; DROP TABLE people; --", 'zo*', '^zoe']) {
      const result = await ok<SearchResult[]>(worker, 'people.search', { query: typed });
      expect(Array.isArray(result), typed).toBe(true);
    }
    expect((await search(worker, 'zoe OR sean'))).toEqual([]);
    expect(worker.requireUnlocked().raw.prepare('SELECT count(*) AS n FROM people').get()).toEqual({ n: 3 });
  });

  it('records each search with the number of people found, never what was typed', async () => {
    const { worker, ids } = await casework();
    await people(worker);
    await search(worker, 'Zo');
    await search(worker, '943 476 5919');
    await search(worker, 'nobody at all');
    const entries = auditOf(worker, 'people.searched');
    expect(entries.map((row) => [row.actor_user_id, row.entity_id, JSON.parse(row.details_json)])).toEqual([
      [ids.worker, null, { resultCount: 2 }],
      [ids.worker, null, { resultCount: 1 }],
      [ids.worker, null, { resultCount: 0 }],
    ]);
    // What was typed would show in the entry's own fields; its hashes and ids are random hex, which may hold "943" by chance.
    const written = entries.map((row) => [row.action, row.entity_type, row.entity_id, row.details_json, row.actor_username]);
    expect(JSON.stringify(written)).not.toMatch(/Zo|943 ?476 ?5919|nobody/);
  });

  it('refuses a query shorter than 2 characters or longer than 100', async () => {
    const { worker } = await casework();
    expect((await refused(worker, 'people.search', { query: ' z ' })).fields).toEqual({ query: 'Type at least 2 characters' });
    expect((await refused(worker, 'people.search', { query: 'z'.repeat(101) })).fields).toEqual({ query: 'Use at most 100 characters' });
  });
});
