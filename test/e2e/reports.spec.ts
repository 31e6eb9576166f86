import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { Uint8ArrayReader, Uint8ArrayWriter, ZipReader } from '@zip.js/zip.js';
import type { Harness } from '../harness/server';
import { ADMIN, LINK_WORKER, SUPERVISOR, callRouter, expect, expectAccessible, isoDateFromToday, setUpWorkspace, signIn, snapshot, test } from './fixtures';

function nav(page: Page, label: string) {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: label, exact: true });
}

// Made-up people: ten general-practice referrals and three self-referrals three weeks ago.
const SURNAMES = ['Oduya', 'Brennan', 'Kowalczyk', 'Achterberg', 'Nwosu', 'Fairweather', 'Lindqvist', 'Mbeki', 'Castellano', 'Hughes', 'Abara', 'Delacroix', 'Sørensen'];

/** Thirteen referrals held by the link worker, the ten from general practice accepted at a phone contact. Returns the people's ids. */
async function weeksOfWork(harness: Harness): Promise<string[]> {
  await callRouter(harness, 'session.signIn', { username: LINK_WORKER.username, password: LINK_WORKER.password });
  const ids: string[] = [];
  for (const [index, surname] of SURNAMES.entries()) {
    const created = await callRouter<{ person: { id: string } }>(harness, 'people.create', { givenName: 'Alex', familyName: surname, dateOfBirth: '1960-05-17' });
    ids.push(created.person.id);
    const episode = await callRouter<{ id: string }>(harness, 'episodes.create', {
      personId: created.person.id,
      source: index < 10 ? 'gp_practice' : 'self',
      receivedOn: isoDateFromToday(-20),
      reasons: ['loneliness'],
    });
    if (index < 10) await callRouter(harness, 'contacts.record', { episodeId: episode.id, at: new Date().toISOString(), mode: 'phone', decision: 'accepted' });
  }
  await callRouter(harness, 'session.signOut', {});
  return ids;
}

/** The files inside the one export the harness wrote (a plain ZIP), as text. */
async function exportedFiles(harness: Harness, fileName: string): Promise<Map<string, string>> {
  const reader = new ZipReader(new Uint8ArrayReader(new Uint8Array(readFileSync(join(harness.exportFolder, fileName)))));
  const files = new Map<string, string>();
  for (const entry of await reader.getEntries()) {
    if (!entry.directory) files.set(entry.filename, Buffer.from(await entry.getData(new Uint8ArrayWriter())).toString('latin1'));
  }
  await reader.close();
  return files;
}

async function screen(page: Page, name: string): Promise<void> {
  await page.evaluate('window.scrollTo(0, 0)');
  await snapshot(page, name);
}

test('the activity report: figures, charts with their numbers, a worker filter, and exporting the report and one chart', async ({ page, harness }) => {
  await setUpWorkspace(harness, [LINK_WORKER, SUPERVISOR]);
  await weeksOfWork(harness);
  await page.goto(harness.url);
  await signIn(page, SUPERVISOR);
  await nav(page, 'Reports').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeFocused();

  const figures = page.getByRole('region', { name: 'Main figures' });
  await expect(figures.getByRole('definition').first()).toHaveText('13');
  await expect(figures).toContainText('Referrals received');
  const bySource = page.getByRole('figure', { name: 'Referrals received, by source' });
  // Ten from general practice would give away the three self-referrals ("<8") by subtraction, so it is hidden too.
  await expect(bySource).toHaveAccessibleDescription(/GP and wider general practice: \*; .*Self-referral: <8; Other: 0; total 13\./);
  await expectAccessible(page, 'reports screen');
  await screen(page, 'reports-01-activity');

  // Every chart's numbers as a table, on request.
  await bySource.getByRole('button', { name: 'Show the numbers of Referrals received, by source' }).click();
  const table = bySource.getByRole('table', { name: 'Referrals received, by source' });
  await expect(table.getByRole('row', { name: 'Self-referral <8' })).toBeVisible();
  await expect(table.getByRole('row', { name: 'GP and wider general practice *' })).toBeVisible();
  await expect(table.getByRole('row', { name: 'Total 13' })).toBeVisible();
  await expectAccessible(page, 'reports screen with a table');
  await bySource.screenshot({ path: 'test-results/screens/reports-02-chart-and-table.png' });

  // The worker filter lists link workers by name.
  await page.getByLabel('Link worker').click();
  await page.getByRole('option', { name: LINK_WORKER.fullName }).click();
  await expect(page.getByRole('heading', { name: /Activity report/ })).toContainText(LINK_WORKER.fullName);

  // The whole report through the one export path.
  await page.getByRole('button', { name: 'Export the activity report' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export: PCN activity report' });
  await expect(dialog).toContainText('The whole activity report, with its main figures');
  await expect(dialog).toContainText('This file holds no names or identifiers');
  await expect(dialog.getByLabel('Purpose')).toHaveValue('Activity reporting to the PCN and commissioners');
  await expectAccessible(page, 'activity report export dialog');
  await snapshot(page, 'reports-03-export-dialog');
  await dialog.getByRole('button', { name: 'Export' }).click();
  const done = page.getByRole('dialog', { name: 'PCN activity report: exported' });
  const fileName = (await done.getByTestId('export-file-name').textContent())!;
  expect(fileName).toMatch(/^activity-report-\d{4}-\d{2}-\d{2}-[0-9a-f]{6}\.zip$/);
  await expect(done).not.toContainText('Passphrase');
  await done.getByRole('button', { name: 'Done' }).click();
  const whole = await exportedFiles(harness, fileName);
  expect([...whole.keys()].sort()).toEqual(['activity-report.csv', 'activity-report.pdf']);
  const csv = whole.get('activity-report.csv')!;
  expect(csv).toContain(`Link worker,${LINK_WORKER.fullName} (referrals they hold now)`);
  expect(csv).toContain('Main figures,Main figures,Referrals received,13');
  expect(csv).toContain('"Referrals received, by source","Referrals received, by source",Self-referral,<8');
  expect(whole.get('activity-report.pdf')!.startsWith('%PDF-')).toBe(true);
  expect(SURNAMES.filter((surname) => csv.includes(surname) || whole.get('activity-report.pdf')!.includes(surname))).toEqual([]);

  // One chart on its own.
  await bySource.getByRole('button', { name: 'Export this chart: Referrals received, by source' }).click();
  const chartDialog = page.getByRole('dialog', { name: 'Export: PCN activity report' });
  await expect(chartDialog).toContainText('Referrals received, by source, from');
  await chartDialog.getByRole('button', { name: 'Export' }).click();
  const chartFile = (await page.getByTestId('export-file-name').textContent())!;
  await page.getByRole('button', { name: 'Done' }).click();
  const chart = (await exportedFiles(harness, chartFile)).get('activity-report.csv')!;
  expect(chart).not.toContain('Main figures');
  expect(chart).toContain('Self-referral,<8');
  expect(readdirSync(harness.exportFolder).sort()).toEqual([fileName, chartFile].sort());

  // A period with nothing in it.
  const period = page.getByRole('search', { name: 'Choose what the report covers' });
  await period.getByLabel('Period').click();
  await page.getByRole('option', { name: 'Dates I choose' }).click();
  await period.getByLabel('From', { exact: true }).fill(isoDateFromToday(-400));
  await period.getByLabel('To', { exact: true }).fill(isoDateFromToday(-380));
  await expect(figures.getByRole('definition').first()).toHaveText('0');
  await period.getByLabel('To', { exact: true }).fill(isoDateFromToday(-500));
  await expect(page.getByText('The end of the period must be on or after its start')).toBeVisible();
});

test('an admin reads the report and changes the small-number threshold', async ({ page, harness }) => {
  await setUpWorkspace(harness, [LINK_WORKER]);
  await weeksOfWork(harness);
  await page.goto(harness.url);
  await signIn(page, ADMIN);
  await nav(page, 'Reports').click();
  const bySource = page.getByRole('figure', { name: 'Referrals received, by source' });
  await expect(bySource).toHaveAccessibleDescription(/Self-referral: <8;/);

  await nav(page, 'Settings').click();
  const section = page.getByRole('region', { name: 'Reports' });
  await expect(section.getByLabel('Small-number threshold')).toHaveValue('8');
  await section.getByLabel('Small-number threshold').fill('2');
  await section.getByRole('button', { name: 'Save report settings' }).click();
  await expect(section.getByText('Use a threshold of at least 3')).toBeVisible();
  await section.getByLabel('Small-number threshold').fill('3');
  await expect(section).toContainText('Counts from 1 to 2 show as “<3”');
  await expectAccessible(page, 'report settings');
  await section.getByRole('button', { name: 'Save report settings' }).click();
  await expect(section.getByRole('status')).toHaveText('Reports now show counts from 1 to 2 as “<3”.');

  await nav(page, 'Reports').click();
  await expect(page.getByText('Counts from 1 to 2 show as “<3”')).toBeVisible();
  await expect(bySource).toHaveAccessibleDescription(/GP and wider general practice: 10; .*Self-referral: 3;/);
});

test('the audit log: filters by action, person, who and period, and shows the chain check', async ({ page, harness }) => {
  await setUpWorkspace(harness, [LINK_WORKER]);
  const ids = await weeksOfWork(harness);
  await page.goto(harness.url);

  // The link worker opens a record: its id is at the foot, for the IG lead.
  await signIn(page, LINK_WORKER);
  await page.getByRole('grid', { name: 'Caseload' }).getByRole('row').filter({ hasText: 'Alex Sørensen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Alex Sørensen' })).toBeFocused();
  const person = ids[12]!;
  await expect(page.getByText(`Record id for the audit log: ${person}`)).toBeVisible();
  await nav(page, 'Reports').click();
  await expect(page.getByRole('region', { name: 'Main figures' })).toBeVisible();
  await page.getByRole('button', { name: 'Lock' }).click();

  await signIn(page, ADMIN);
  await nav(page, 'Audit log').click();
  const grid = page.getByRole('grid', { name: 'Audit log entries' });
  const filters = page.getByRole('search', { name: 'Filter the audit log' });

  // By person: the id pasted from the record.
  await filters.getByLabel('Person or record id').fill(person);
  await expect(grid.getByRole('row').filter({ hasText: 'Person record opened' })).toHaveCount(1);
  await expect(grid.getByRole('row').filter({ hasText: 'Person added' })).toHaveCount(1);
  await expect(grid.getByRole('row').filter({ hasText: 'Referral added' })).toHaveCount(1);
  await expect(grid).not.toContainText('Signed in');
  await expectAccessible(page, 'audit log filtered by person');
  await screen(page, 'reports-04-audit-by-person');

  // By action, from a list of what people read.
  await filters.getByRole('button', { name: 'Clear filters' }).click();
  await filters.getByLabel('Action').click();
  await page.getByRole('option', { name: 'Activity report viewed', exact: true }).click();
  await expect(grid.getByRole('row').filter({ hasText: 'Activity report viewed' })).toHaveCount(1);
  await expect(grid).toContainText(LINK_WORKER.username);

  // Picking a record from an entry filters to it.
  await filters.getByLabel('Action').click();
  await page.getByRole('option', { name: 'Person record opened', exact: true }).click();
  await grid.getByRole('button', { name: `person ${person.slice(0, 8)}: show only entries about this record` }).click();
  await expect(filters.getByLabel('Person or record id')).toHaveValue(person);

  // By who, and by period.
  await filters.getByRole('button', { name: 'Clear filters' }).click();
  await filters.getByLabel('Who').click();
  await page.getByRole('option', { name: `${ADMIN.fullName} (${ADMIN.username})` }).click();
  await expect(grid.getByRole('row').filter({ hasText: 'Signed in' }).first()).toBeVisible();
  await expect(grid).not.toContainText('Person record opened');
  await filters.getByLabel('From').fill(isoDateFromToday(1));
  await expect(grid).toContainText('No audit entries match these filters.');

  // The chain check says how many entries it checked, and where a broken chain breaks.
  await page.getByRole('button', { name: 'Verify the audit chain' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The audit chain is intact' })).toContainText(/\d+ entries were checked/);
  harness.session.requireUnlocked().raw.exec(`DROP TRIGGER audit_log_no_update; UPDATE audit_log SET details_json = '{"role":"admin"}' WHERE id = 5;`);
  await page.getByRole('button', { name: 'Verify the audit chain' }).click();
  const broken = page.getByRole('alert').filter({ hasText: 'The audit chain is broken' });
  await expect(broken).toContainText('entry 5 was changed after it was written');
  await expect(broken).toContainText('Entries checked and intact4');
  await expect(broken).toContainText('First broken entryNumber 5');
  await expectAccessible(page, 'audit log with a broken chain');
  await screen(page, 'reports-05-audit-broken-chain');
});
