import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { ADMIN, LINK_WORKER, callRouter, expect, expectAccessible, isoDateFromToday, setUpWorkspace, shownDate, signIn, snapshot, test } from './fixtures';

/** The Open Referral UK standard's own example CSV package (CC BY-SA 4.0, Open Referral project). */
const EXAMPLE_CSV = resolve('test/integration/directory/fixtures/open-referral-uk/examples/csv');
const EXAMPLE_SERVICE = 'Community Counselling';

/** A screenshot from the top of the page, so the fixed app bar sits where it belongs. */
async function screen(page: Page, name: string): Promise<void> {
  await page.evaluate('window.scrollTo(0, 0)');
  await snapshot(page, name);
}

function nav(page: Page, label: string): Locator {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: label, exact: true });
}

function directoryRow(page: Page, name: string): Locator {
  return page.getByRole('grid', { name: 'Directory' }).getByRole('row').filter({ hasText: name });
}

async function chooseOption(page: Page, field: Locator, option: string): Promise<void> {
  await field.click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('the directory: import the ORUK example, open, check, filter, edit, add by hand, a rejected import', async ({ page, harness }) => {
  await setUpWorkspace(harness, [LINK_WORKER]);
  await page.goto(harness.url);
  await signIn(page, LINK_WORKER);

  await nav(page, 'Directory').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Directory' })).toBeFocused();
  await expect(page.getByText('No entries match these filters.')).toBeVisible();
  await expectAccessible(page, 'directory (empty)');
  await screen(page, 'directory-01-empty');

  // Import the standard's example CSV package through the dialog.
  const importButton = page.getByRole('button', { name: 'Import Open Referral UK data' });
  await importButton.click();
  const importDialog = page.getByRole('dialog', { name: 'Import Open Referral UK data' });
  await expect(importDialog.getByText('At most 20 MB and 40 files at a time.')).toBeVisible();
  const csvFiles = readdirSync(EXAMPLE_CSV)
    .filter((name) => name.endsWith('.csv'))
    .map((name) => join(EXAMPLE_CSV, name));
  await importDialog.getByLabel('CSV files', { exact: true }).setInputFiles(csvFiles);
  await expect(importDialog.getByText(`${csvFiles.length} files chosen`)).toBeVisible();
  await expectAccessible(page, 'import dialog (files chosen)');
  await screen(page, 'directory-02-import-chosen');
  await importDialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(importDialog.getByRole('status').filter({ hasText: /^Imported \d+ records from 23 files\. Services: 1 added/ })).toBeVisible();
  await expectAccessible(page, 'import dialog (imported)');
  await screen(page, 'directory-03-import-done');
  await importDialog.getByRole('button', { name: 'Close' }).click();
  await expect(importDialog).toBeHidden();
  await expect(importButton).toBeFocused();

  // The imported service is listed; its feed says it was last checked in 2005, so it is stale.
  const row = directoryRow(page, EXAMPLE_SERVICE);
  await expect(row).toBeVisible();
  await expect(row).toContainText('Example Organization Inc.');
  await expect(row).toContainText('1 Jan 2005');
  await expect(row).toContainText('Not checked for 6 months');
  await expectAccessible(page, 'directory (one entry)');
  await screen(page, 'directory-04-list');

  // Only stale entries: it is one.
  await page.getByLabel('Only entries not checked for 6 months').check();
  await expect(row).toBeVisible();
  await page.getByLabel('Only entries not checked for 6 months').uncheck();

  // Filters: category, search, day.
  await chooseOption(page, page.getByLabel('Category'), 'Arts');
  await expect(page.getByText('No entries match these filters.')).toBeVisible();
  await chooseOption(page, page.getByLabel('Category'), 'Other');
  await expect(row).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByLabel('Search the directory').fill('counsel');
  await expect(row).toBeVisible();
  await page.getByLabel('Search the directory').fill('knitting');
  await expect(page.getByText('No entries match these filters.')).toBeVisible();
  await expectAccessible(page, 'directory (filtered, nothing found)');
  await screen(page, 'directory-05-filtered-empty');
  await page.getByRole('button', { name: 'Clear filters' }).click();

  // Open it with the keyboard: Enter on its row.
  await row.getByRole('gridcell').first().click();
  await expect(page.getByRole('heading', { level: 1, name: EXAMPLE_SERVICE })).toBeFocused();
  await expect(page.getByText('Imported from Open Referral UK')).toBeVisible();
  await expectAccessible(page, 'entry (imported)');
  await screen(page, 'directory-06-entry');

  // Mark it checked: today, by this link worker, and no longer stale.
  await page.getByRole('button', { name: 'Mark as checked today' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Marked as checked today.' })).toBeVisible();
  await expect(page.getByText(`${shownDate(isoDateFromToday(0))} by ${LINK_WORKER.fullName}`)).toBeVisible();
  await expect(page.getByText('Not checked for 6 months')).toBeHidden();

  // Edit: choose its real category.
  const edit = page.getByRole('button', { name: 'Edit', exact: true });
  await edit.click();
  let dialog = page.getByRole('dialog', { name: `Edit ${EXAMPLE_SERVICE}` });
  await chooseOption(page, dialog.getByLabel('Category'), 'Mental wellbeing');
  await dialog.getByLabel('Postcode').fill('LS6 ZZZ');
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog.getByText('Enter a full UK postcode, like LS1 4AP')).toBeVisible();
  await dialog.getByLabel('Postcode').fill('ls6 1aa');
  await expectAccessible(page, 'edit dialog');
  await screen(page, 'directory-07-edit');
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Changes saved.' })).toBeVisible();
  await expect(edit).toBeFocused();
  await expect(page.getByText('Mental wellbeing').first()).toBeVisible();

  // Someone else changes it while the form is open: the save is refused, not lost silently.
  await edit.click();
  dialog = page.getByRole('dialog', { name: `Edit ${EXAMPLE_SERVICE}` });
  await dialog.getByLabel('Contact name').fill('Reception');
  const { rows } = await callRouter<{ rows: { id: string }[] }>(harness, 'directory.list', { text: 'counselling' });
  await callRouter(harness, 'directory.markChecked', { id: rows[0]!.id });
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Someone else changed this entry; reload it.');
  await screen(page, 'directory-08-conflict');
  await dialog.getByRole('button', { name: 'Reload the entry' }).click();
  await expect(dialog).toBeHidden();

  // Add a service by hand.
  await page.getByRole('button', { name: 'Back to the directory' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Directory' })).toBeFocused();
  await page.getByRole('button', { name: 'Add service' }).click();
  dialog = page.getByRole('dialog', { name: 'Add a service' });
  await dialog.getByRole('button', { name: 'Add service' }).click();
  await expect(dialog.getByText('Enter the name of the group or service')).toBeVisible();
  await expect(dialog.getByText('Choose a category')).toBeVisible();
  await expect(dialog.getByText('Enter the organisation’s name')).toBeVisible();
  await dialog.getByLabel('Name of the group or service').fill('Knit and Natter');
  await chooseOption(page, dialog.getByLabel('Category'), 'Knitting and crafts');
  await dialog.getByLabel('Organisation name').fill('Brook Lane Community Centre');
  await chooseOption(page, dialog.getByLabel('Cost', { exact: true }), 'Free');
  await dialog.getByRole('button', { name: 'Add a session' }).click();
  await chooseOption(page, dialog.getByLabel('Session 1 day'), 'Tuesday');
  await dialog.getByLabel('Starts').fill('10:00');
  await dialog.getByLabel('Ends').fill('12:00');
  await dialog.getByLabel('Town').fill('Leeds');
  await dialog.getByLabel('Postcode').fill('LS6 2AB');
  await dialog.getByLabel('Step-free access').check();
  await expectAccessible(page, 'add dialog');
  await screen(page, 'directory-09-add');
  await dialog.getByRole('button', { name: 'Add service' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Knit and Natter' })).toBeFocused();
  await expect(page.getByText('Tuesday, 10:00 to 12:00, Every week')).toBeVisible();
  await expect(page.getByText('Never checked').first()).toBeVisible();
  await page.getByRole('button', { name: 'Back to the directory' }).click();
  const added = directoryRow(page, 'Knit and Natter');
  await expect(added).toContainText('Tue');
  await expect(added).toContainText('Free');
  await expect(added).toContainText('Never checked');
  // Never checked counts as stale; the checked example does not.
  await page.getByLabel('Only entries not checked for 6 months').check();
  await expect(added).toBeVisible();
  await expect(directoryRow(page, EXAMPLE_SERVICE)).toBeHidden();
  await page.getByLabel('Only entries not checked for 6 months').uncheck();
  await chooseOption(page, page.getByLabel('Day'), 'Tuesday');
  await expect(added).toBeVisible();
  await expect(directoryRow(page, EXAMPLE_SERVICE)).toBeHidden();
  await page.keyboard.press('Escape');
  await screen(page, 'directory-10-list-two');
  await page.getByRole('button', { name: 'Clear filters' }).click();

  // A broken CSV package: every problem listed, and nothing imported.
  const folder = mkdtempSync(join(tmpdir(), 'linkdesk-oruk-bad-'));
  try {
    const broken = join(folder, 'services.csv');
    writeFileSync(
      broken,
      'id,organization_id,description,status\r\n' +
        '3f1c6c2a-0b7e-4c55-9d7a-1d2f0c1e9a01,d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610,A lunch club,open\r\n',
    );
    await importButton.click();
    await importDialog.getByLabel('CSV files', { exact: true }).setInputFiles([broken]);
    await importDialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(importDialog.getByRole('alert')).toContainText('Nothing was imported.');
    const problems = importDialog.getByRole('table');
    await expect(problems.getByRole('row').filter({ hasText: 'services.csv' }).first()).toBeVisible();
    await expect(problems).toContainText('name');
    await expectAccessible(page, 'import dialog (rejected)');
    await screen(page, 'directory-11-import-rejected');
    await importDialog.getByRole('button', { name: 'Close' }).click();
    await expect(importButton).toBeFocused();
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  await expect(page.getByRole('grid', { name: 'Directory' }).getByRole('row')).toHaveCount(3);
});

test('an admin sets when directory entries go stale', async ({ page, harness }) => {
  await setUpWorkspace(harness, []);
  await page.goto(harness.url);
  await signIn(page, ADMIN);
  await nav(page, 'Settings').click();
  const months = page.getByLabel('Directory entries go stale after this many months');
  await expect(months).toHaveValue('6');
  await months.fill('40');
  await page.getByRole('button', { name: 'Save directory settings' }).click();
  await expect(page.getByText('Use at most 36 months')).toBeVisible();
  await months.fill('12');
  await page.getByRole('button', { name: 'Save directory settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Directory settings saved.' })).toBeVisible();
  await expectAccessible(page, 'settings (directory)');
  await screen(page, 'directory-12-settings');
  await nav(page, 'Directory').click();
  await expect(page.getByLabel('Only entries not checked for 12 months')).toBeVisible();
});
