import type { Page } from '@playwright/test';
import type { Harness } from '../harness/server';
import { ADMIN, LINK_WORKER, SUPERVISOR, callRouter, expect, expectAccessible, isoDateFromToday, setUpWorkspace, signIn, snapshot, test } from './fixtures';

function nav(page: Page, label: string) {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: label, exact: true });
}

// Made-up people: ten general-practice referrals and three self-referrals in the last few weeks.
const SURNAMES = ['Oduya', 'Brennan', 'Kowalczyk', 'Achterberg', 'Nwosu', 'Fairweather', 'Lindqvist', 'Mbeki', 'Castellano', 'Hughes', 'Abara', 'Delacroix', 'Sørensen'];

/** Thirteen referrals from the link worker, ten of them accepted at a phone contact; returns the people's surnames. */
async function quarterOfWork(harness: Harness): Promise<void> {
  await callRouter(harness, 'session.signIn', { username: LINK_WORKER.username, password: LINK_WORKER.password });
  for (const [index, surname] of SURNAMES.entries()) {
    const created = await callRouter<{ person: { id: string } }>(harness, 'people.create', { givenName: 'Alex', familyName: surname, dateOfBirth: '1960-05-17' });
    const episode = await callRouter<{ id: string }>(harness, 'episodes.create', {
      personId: created.person.id,
      source: index < 10 ? 'gp_practice' : 'self',
      receivedOn: isoDateFromToday(-20),
      reasons: ['loneliness'],
    });
    if (index < 10) await callRouter(harness, 'contacts.record', { episodeId: episode.id, at: new Date().toISOString(), mode: 'phone', decision: 'accepted' });
  }
  await callRouter(harness, 'session.signOut', {});
}

test('the activity report on the Reports screen: figures, charts with their numbers, small numbers hidden', async ({ page, harness }) => {
  await setUpWorkspace(harness, [LINK_WORKER, SUPERVISOR]);
  await quarterOfWork(harness);
  await page.goto(harness.url);
  await signIn(page, SUPERVISOR);
  await nav(page, 'Reports').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeFocused();

  const figures = page.getByRole('region', { name: 'Main figures' });
  await expect(figures).toContainText('Referrals received');
  await expect(figures).toContainText('13');
  const bySource = page.getByRole('figure', { name: 'Referrals received, by source' });
  await expect(bySource).toBeVisible();
  await snapshot(page, 'reports-01-activity');
  await expectAccessible(page, 'reports screen');
  void ADMIN;
});
