import { ADMIN, WORKSPACE_NAME, expect, expectAccessible, snapshot, test } from './fixtures';

const WORKER = { username: 'sam.worker', fullName: 'Samira Okafor', password: 'kettle lantern orchard nine' };

test('set up a workspace, sign in, add a user, lock, and sign in as the new user', async ({ page, harness }) => {
  await page.goto(harness.url);

  // First run: the set-up wizard.
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/set up/i);
  await expectAccessible(page, 'set-up wizard');
  await page.getByLabel('PCN or practice name').fill(WORKSPACE_NAME);
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('User name').fill(ADMIN.username);
  await page.getByLabel('Full name').fill(ADMIN.fullName);
  await page.getByLabel('Password', { exact: true }).fill('too short');
  await page.getByLabel('Confirm password').fill('too short');
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await expect(page.getByText(/at least 12 characters/i).first()).toBeVisible();
  await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
  await page.getByLabel('Confirm password').fill(ADMIN.password);
  await snapshot(page, '01-setup-admin');
  await page.getByRole('button', { name: 'Create workspace' }).click();

  // The recovery key is shown once.
  const recoveryKey = page.getByTestId('recovery-key');
  await expect(recoveryKey).toHaveText(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){7}$/);
  await expectAccessible(page, 'recovery key');
  await snapshot(page, '02-recovery-key');
  const continueButton = page.getByRole('button', { name: 'Continue to sign in' });
  await expect(continueButton).toBeDisabled();
  await page.getByLabel('I have stored the recovery key somewhere safe').check();
  await continueButton.click();

  // Sign in as the admin; a wrong password first.
  await expect(page.getByRole('heading', { level: 1 })).toContainText(WORKSPACE_NAME);
  await expectAccessible(page, 'sign-in');
  await page.getByLabel('User name').fill(ADMIN.username);
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText(/wrong user name or password/i);
  await page.getByLabel('Password').fill(ADMIN.password);
  await snapshot(page, '03-sign-in');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Caseload' })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText(ADMIN.fullName);
  await expectAccessible(page, 'app frame');
  await snapshot(page, '04-caseload-frame');

  // Admin adds a link worker under Settings.
  await page.getByRole('navigation').getByText('Settings', { exact: true }).click();
  await page.getByRole('button', { name: 'Add user' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add user' });
  await dialog.getByLabel('User name').fill(WORKER.username);
  await dialog.getByLabel('Full name').fill(WORKER.fullName);
  await dialog.getByLabel('Role').click();
  await page.getByRole('option', { name: 'Link worker' }).click();
  await dialog.getByLabel('Temporary password', { exact: true }).fill(WORKER.password);
  await dialog.getByLabel('Confirm temporary password').fill(WORKER.password);
  await expectAccessible(page, 'add user dialog');
  await snapshot(page, '05-add-user');
  await dialog.getByRole('button', { name: 'Add user' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row', { name: new RegExp(WORKER.fullName) })).toContainText('Link worker');
  await expectAccessible(page, 'settings');
  await snapshot(page, '06-settings-users');

  // The audit log shows what happened and verifies its chain.
  await page.getByRole('navigation').getByText('Audit log', { exact: true }).click();
  await expect(page.getByRole('grid')).toContainText('User added');
  await page.getByRole('button', { name: /verify/i }).click();
  await expect(page.getByText('The audit chain is intact')).toBeVisible();
  await expectAccessible(page, 'audit log');
  await snapshot(page, '07-audit-log');

  // Lock, then sign in as the new user, who sees no admin areas.
  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expect(page.locator('body')).not.toContainText(WORKER.fullName);
  await page.getByLabel('User name').fill(WORKER.username);
  await page.getByLabel('Password').fill(WORKER.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('banner')).toContainText(WORKER.fullName);
  await expect(page.getByRole('navigation').getByText('Audit log', { exact: true })).toHaveCount(0);
  await snapshot(page, '08-link-worker');
});

test.describe('idle lock', () => {
  test.use({ idleMilliseconds: 5_000 });

  test('locks itself when nobody uses it and leaves no personal data in the page', async ({ page, harness }) => {
    await harness.session.setup({ workspaceName: WORKSPACE_NAME, adminUsername: ADMIN.username, adminDisplayName: ADMIN.fullName, adminPassword: ADMIN.password });
    await page.goto(harness.url);
    await page.getByLabel('User name').fill(ADMIN.username);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('banner')).toContainText(ADMIN.fullName);

    // No input from here on: the main process locks after 5 seconds and the page follows.
    await expect(page.getByText(/locked itself after/i)).toBeVisible({ timeout: 30_000 });
    expect(harness.session.isUnlocked).toBe(false);
    const pageText = await page.locator('body').innerHTML();
    expect(pageText).not.toContain(ADMIN.fullName);
    await expectAccessible(page, 'locked sign-in');
    await snapshot(page, '09-idle-locked');
  });
});
