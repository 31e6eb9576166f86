import { expect, expectAccessible, snapshot, test } from './fixtures';

test('a newcomer tries Linkdesk with demo data from the set-up wizard', async ({ page, harness }) => {
  test.setTimeout(240_000);
  await page.goto(harness.url);
  await page.getByRole('button', { name: 'Try Linkdesk with demo data' }).click();
  await expect(page.getByRole('status')).toContainText(/creating the demo workspace/i);

  await expect(page.getByRole('heading', { name: 'Your demo workspace is ready' })).toBeVisible({ timeout: 180_000 });
  const accounts = page.getByRole('table', { name: 'Demo accounts' });
  await expect(accounts).toContainText('amira.khan');
  await expect(accounts).toContainText('GP supervisor');
  const password = (await page.getByTestId('demo-password').textContent()) ?? '';
  await expectAccessible(page, 'demo ready');
  await snapshot(page, 'demo-01-ready');
  await page.getByRole('button', { name: 'Continue to sign in' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toContainText('DEMO');
  await page.getByLabel('User name').fill('amira.khan');
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Caseload' })).toBeVisible();
  // A living caseload: many rows, some with flags to act on.
  await expect(page.getByRole('grid').getByRole('row')).not.toHaveCount(0);
  await expect(page.getByRole('grid')).toContainText(/Received|Active|Accepted/);
  await expect.poll(async () => page.getByRole('grid').getByRole('row').count()).toBeGreaterThan(10);
  await snapshot(page, 'demo-02-caseload');
});
