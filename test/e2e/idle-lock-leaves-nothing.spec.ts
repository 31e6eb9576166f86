import { LINK_WORKER, callRouter, expect, isoDateFromToday, setUpWorkspace, signIn, snapshot, test } from './fixtures';

// A made-up person whose every detail is easy to search the page for.
const PERSON = { givenName: 'Philippa', familyName: 'Quennell-Hart', nhsNumber: '9434765919', dateOfBirth: '1948-02-29' };
const SHOWN_NHS = '943 476 5919';
const REFERRAL_NOTE = 'Recently bereaved, finds weekends hardest';
const PERSON_NOTE = 'Prefers calls after the allotment on Tuesdays';

test.describe('idle lock with a record open', () => {
  test.use({ idleMilliseconds: 8_000 });

  test('leaves no personal data in the page, its storage or its title once it locks', async ({ page, harness }) => {
    await setUpWorkspace(harness, [LINK_WORKER]);
    await callRouter(harness, 'session.signIn', { username: LINK_WORKER.username, password: LINK_WORKER.password });
    const created = await callRouter<{ person: { id: string } }>(harness, 'people.create', { ...PERSON });
    const episode = await callRouter<{ id: string }>(harness, 'episodes.create', {
      personId: created.person.id,
      source: 'gp_practice',
      receivedOn: isoDateFromToday(-3),
      reasons: ['bereavement'],
      notes: REFERRAL_NOTE,
    });
    await callRouter(harness, 'people.addNote', { personId: created.person.id, episodeId: episode.id, text: PERSON_NOTE });
    await callRouter(harness, 'session.signOut', {});

    await page.goto(harness.url);
    await signIn(page, LINK_WORKER);
    await page.getByRole('grid').getByText(PERSON.familyName).first().click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(PERSON.familyName);
    await expect(page.locator('main')).toContainText(PERSON_NOTE);

    // No input from here on: the main process locks and the page follows.
    await expect(page.getByText(/locked itself after/i)).toBeVisible({ timeout: 60_000 });
    expect(harness.session.isUnlocked).toBe(false);
    const html = await page.content();
    for (const secret of [PERSON.givenName, PERSON.familyName, PERSON.nhsNumber, SHOWN_NHS, PERSON.dateOfBirth, '29 Feb 1948', REFERRAL_NOTE, PERSON_NOTE, LINK_WORKER.fullName]) {
      expect(html, secret).not.toContain(secret);
    }
    const stored = JSON.parse(
      await page.evaluate<string>(
        'indexedDB.databases().then((databases) => JSON.stringify({ local: Object.keys(localStorage), session: Object.keys(sessionStorage), title: document.title, databases: databases.length }))',
      ),
    ) as { local: string[]; session: string[]; title: string; databases: number };
    expect(stored).toEqual({ local: [], session: [], title: expect.not.stringContaining(PERSON.familyName), databases: 0 });
    // The locked page can no longer ask for the record either.
    const refused = await page.evaluate<string>(`window.linkdesk.people.get({ personId: '${created.person.id}' }).then((r) => JSON.stringify(r))`);
    expect(JSON.parse(refused)).toMatchObject({ ok: false, error: { code: 'locked' } });
    await snapshot(page, 'hardening-idle-locked-after-record');
  });
});
