import { LINK_WORKER, callRouter, expect, expectAccessible, isoDateFromToday, setUpWorkspace, signIn, snapshot, test } from './fixtures';

const HOSTILE_NAME = '<img src=x onerror="window.__xss=1;alert(1)">';
const HOSTILE_NOTE = '<script>window.__xss=2</script> and "quotes" & <b>bold</b>';

test('text typed into records is shown as written and never runs as code', async ({ page, harness }) => {
  await setUpWorkspace(harness, [LINK_WORKER]);
  await callRouter(harness, 'session.signIn', { username: LINK_WORKER.username, password: LINK_WORKER.password });
  const created = await callRouter<{ outcome: string; person: { id: string } }>(harness, 'people.create', {
    givenName: HOSTILE_NAME,
    familyName: 'Tester',
    dateOfBirth: '1960-04-01',
  });
  await callRouter(harness, 'episodes.create', {
    personId: created.person.id,
    source: 'self',
    receivedOn: isoDateFromToday(-2),
    reasons: ['loneliness'],
    notes: HOSTILE_NOTE,
  });
  await callRouter(harness, 'session.signOut', {});

  let dialogs = 0;
  page.on('dialog', (dialog) => {
    dialogs += 1;
    void dialog.dismiss();
  });
  await page.goto(harness.url);
  await signIn(page, LINK_WORKER);

  const grid = page.getByRole('grid');
  await expect(grid).toContainText(HOSTILE_NAME);
  await grid.getByText(HOSTILE_NAME).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(HOSTILE_NAME);
  await expect(page.locator('main')).toContainText(HOSTILE_NOTE);
  await expect(page.locator('main img[src="x"]')).toHaveCount(0);
  await expect(page.locator('main b', { hasText: 'bold' })).toHaveCount(0);
  expect(await page.evaluate('typeof window.__xss')).toBe('undefined');
  expect(dialogs).toBe(0);
  await expectAccessible(page, 'record with hostile text');
  await snapshot(page, 'hostile-01-record');
});
