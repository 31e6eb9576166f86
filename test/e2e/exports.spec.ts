import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { Harness } from '../harness/server';
import { pdfText, readExportFiles } from '../support/exports';
import { ADMIN, LINK_WORKER, callRouter, expect, expectAccessible, isoDateFromToday, setUpWorkspace, signIn, snapshot, test } from './fixtures';

// A made-up person. 943 476 5919 is the NHS's own example number (valid check digit).
const PERSON = { first: 'Margaret', last: 'Oduya', name: 'Margaret Oduya', nhsNumber: '9434765919', dateOfBirth: '1951-04-09' };
const NOTE = 'Enjoys the allotment; prefers morning calls.';
/** Enough contacts that the extract runs for a moment, so its progress bar can be seen (and cancelled). */
const SEEDED_PEOPLE = 600;
const CONTACTS_EACH = 200;

function nav(page: Page, label: string) {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: label, exact: true });
}

/** The person (through the router, as the link worker would make them) and a PCN's worth of contacts written straight into the store. */
async function seed(harness: Harness): Promise<void> {
  const worker = await callRouter<{ id: string }>(harness, 'session.signIn', { username: LINK_WORKER.username, password: LINK_WORKER.password });
  const created = await callRouter<{ person: { id: string } }>(harness, 'people.create', { nhsNumber: PERSON.nhsNumber, givenName: PERSON.first, familyName: PERSON.last, dateOfBirth: PERSON.dateOfBirth, postcode: 'LS6 2AB' });
  const episode = await callRouter<{ id: string }>(harness, 'episodes.create', { personId: created.person.id, source: 'gp_practice', receivedOn: isoDateFromToday(-10), reasons: ['loneliness'] });
  await callRouter(harness, 'contacts.record', { episodeId: episode.id, at: new Date().toISOString(), mode: 'phone', decision: 'accepted', notes: NOTE });

  const { raw } = harness.session.requireUnlocked();
  const person = raw.prepare(`INSERT INTO people (id, given_name, family_name, date_of_birth, postcode, created_at, created_by, updated_at) VALUES (?, ?, 'Seeded', ?, 'BD7 1DP', 'now', ?, 'now')`);
  const referral = raw.prepare(
    `INSERT INTO episodes (id, person_id, worker_user_id, source, received_on, urgency, status, first_contact_due_on, contact_count, created_at, created_by, updated_at) VALUES (?, ?, ?, 'self', '2026-01-05', 'routine', 'active', '2026-01-12', ?, 'now', ?, 'now')`,
  );
  const contact = raw.prepare(`INSERT INTO contacts (id, episode_id, person_id, at, contact_on, mode, duration_minutes, recorded_by, recorded_at) VALUES (?, ?, ?, '2026-01-06T10:00:00.000Z', '2026-01-06', 'phone', 30, ?, 'now')`);
  raw.transaction(() => {
    for (let i = 0; i < SEEDED_PEOPLE; i += 1) {
      const personId = randomUUID();
      const episodeId = randomUUID();
      person.run(personId, `Seed${i}`, `19${40 + (i % 60)}-06-15`, worker.id);
      referral.run(episodeId, personId, worker.id, CONTACTS_EACH, worker.id);
      for (let c = 0; c < CONTACTS_EACH; c += 1) contact.run(randomUUID(), episodeId, personId, worker.id);
    }
  })();
  await callRouter(harness, 'session.signOut', {});
}

/**
 * axe on the open dialog only, straight away: a running export's dialog changes every poll and may
 * become the result dialog at any moment, so fixtures' expectAccessible (which waits for the page
 * to settle) cannot judge it. Whichever dialog is open when axe runs must pass.
 */
async function expectDialogAccessibleNow(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).include('[role="dialog"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(blocking.map((v) => `${screen}: ${v.id} (${v.impact}) ${v.help}`)).toEqual([]);
}

/** Reads the passphrase and file name from the result dialog, ticks "noted" and closes it. */
async function takeResult(page: Page, label: string, screen: string) {
  const result = page.getByRole('dialog', { name: `${label}: exported` });
  await expect(result).toBeVisible();
  const passphrase = (await result.getByTestId('export-passphrase').textContent())!.trim();
  const fileName = (await result.getByTestId('export-file-name').textContent())!.trim();
  await expectAccessible(page, `${label} result dialog`);
  await snapshot(page, screen);
  await result.getByLabel('I have noted the passphrase').check();
  await result.getByRole('button', { name: 'Done' }).click();
  await expect(result).toBeHidden();
  return { passphrase, fileName };
}

test('a subject access export made through the export centre, opened with its passphrase; the coding sheet; a pseudonymised extract with its progress bar, cancelled and made', async ({ page, harness }) => {
  test.setTimeout(360_000);
  await setUpWorkspace(harness, [LINK_WORKER]);
  await seed(harness);
  await page.goto(harness.url);
  await signIn(page, LINK_WORKER);

  await nav(page, 'Exports').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Exports' })).toBeFocused();
  const centre = page.getByRole('main');
  await expect(centre.getByRole('heading', { level: 3 })).toHaveText(['Subject access request', 'Transfer to another service', 'GP coding sheet']);
  await expect(centre.getByRole('button', { name: 'Make a pseudonymised extract' })).toHaveCount(0);
  await expect(page.getByRole('grid', { name: 'Past exports' })).toContainText('No exports yet.');
  await expectAccessible(page, 'export centre');
  await snapshot(page, 'exports-01-centre-link-worker');

  // Subject access: choose the person, declare, export.
  await centre.getByRole('button', { name: 'Make a subject access export' }).click();
  const choose = page.getByRole('dialog', { name: 'Subject access request: choose the person' });
  await expect(choose.getByRole('combobox', { name: 'Person' })).toBeFocused();
  await choose.getByRole('combobox', { name: 'Person' }).fill('Oduya');
  await expect(page.getByRole('listbox', { name: 'Person' }).getByRole('option')).toHaveCount(1);
  await expectAccessible(page, 'choose a person dialog');
  await snapshot(page, 'exports-02-choose-person');
  await page.getByRole('listbox', { name: 'Person' }).getByRole('option', { name: new RegExp(PERSON.name) }).click();

  const declare = page.getByRole('dialog', { name: 'Export: Subject access request' });
  await expect(declare.getByTestId('export-person')).toHaveText(`About ${PERSON.name}, born 9 Apr 1951, NHS number 943 476 5919.`);
  await expect(declare.getByLabel('Purpose')).toHaveValue('Answering a subject access request');
  await expect(declare.getByText('Who has viewed their record (the audit)')).toBeVisible();
  await declare.getByLabel('Purpose').fill('SAR received 3 May, reference 2026-014');
  await declare.getByLabel('Recipient').fill('The person, by recorded post');
  await expectAccessible(page, 'subject access declaration');
  await snapshot(page, 'exports-03-subject-access-declaration');
  await declare.getByRole('button', { name: 'Export' }).click();
  const sar = await takeResult(page, 'Subject access request', 'exports-04-subject-access-result');
  expect(sar.fileName).toMatch(/^subject-access-\d{4}-\d{2}-\d{2}-[0-9a-f]{6}\.zip$/);
  await expect(centre.getByRole('button', { name: 'Make a subject access export' })).toBeFocused();

  // The archive in the export folder opens with the passphrase shown once.
  expect(readdirSync(harness.exportFolder)).toEqual([sar.fileName]);
  const files = await readExportFiles({ folder: harness.exportFolder, fileName: sar.fileName }, sar.passphrase);
  const json = JSON.parse(new TextDecoder().decode(files.get('subject-access.json'))) as { sections: { person: { givenName: string; familyName: string; nhsNumber: string }; contacts: { notes: string }[] } };
  expect(json.sections.person).toMatchObject({ givenName: PERSON.first, familyName: PERSON.last, nhsNumber: PERSON.nhsNumber });
  expect(json.sections.contacts.map((contact) => contact.notes)).toEqual([NOTE]);
  const text = (await pdfText(files.get('subject-access.pdf')!)).replace(/\s+/g, ' ');
  expect(text).toContain(PERSON.name);
  expect(text).toContain('OFFICIAL-SENSITIVE');

  // The register lists it, with the declaration and the hash, and no passphrase.
  const register = page.getByRole('grid', { name: 'Past exports' });
  await expect(register).toContainText(sar.fileName);
  await expect(register).toContainText('The person, by recorded post');
  await expect(register).not.toContainText(sar.passphrase);
  await expectAccessible(page, 'export centre with an export');
  await snapshot(page, 'exports-05-register');

  // The transfer bundle asks for the person the same way (looked at, then left).
  await centre.getByRole('button', { name: 'Make a transfer bundle' }).click();
  await page.getByRole('dialog', { name: 'Transfer to another service: choose the person' }).getByRole('combobox', { name: 'Person' }).fill('Oduya');
  await page.getByRole('listbox', { name: 'Person' }).getByRole('option', { name: new RegExp(PERSON.name) }).click();
  const transfer = page.getByRole('dialog', { name: 'Export: Transfer to another service' });
  await expect(transfer.getByText('JSON, with a FHIR R4 bundle')).toBeVisible();
  await expectAccessible(page, 'transfer bundle declaration');
  await transfer.getByRole('button', { name: 'Cancel' }).click();
  await expect(transfer).toBeHidden();

  // The GP coding sheet for next week, when the person's referral code (due a week after today's contact) falls due.
  await centre.getByRole('button', { name: 'Make the coding sheet' }).click();
  const sheet = page.getByRole('dialog', { name: "Export: The week's GP coding sheet" });
  await expect(sheet.getByLabel('Week')).toContainText('This week, from Monday');
  await sheet.getByLabel('Week').click();
  await page.getByRole('option', { name: /^Next week, from Monday/ }).click();
  await expectAccessible(page, 'coding sheet declaration');
  await snapshot(page, 'exports-05a-coding-sheet-declaration');
  await sheet.getByRole('button', { name: 'Export' }).click();
  const codingSheet = await takeResult(page, "The week's GP coding sheet", 'exports-05b-coding-sheet-result');
  const sheetFiles = await readExportFiles({ folder: harness.exportFolder, fileName: codingSheet.fileName }, codingSheet.passphrase);
  const csvName = [...sheetFiles.keys()].find((name) => name.endsWith('.csv'))!;
  expect(new TextDecoder().decode(sheetFiles.get(csvName))).toContain(`Due,${PERSON.name},943 476 5919,${PERSON.dateOfBirth},871731000000106`);

  // The service lead (an admin) sees every export in the register, offers no person-level
  // exports, and makes the pseudonymised extract of the whole workspace: a job with a progress bar.
  await page.getByRole('button', { name: 'Lock' }).click();
  await signIn(page, ADMIN);
  await nav(page, 'Exports').click();
  await expect(centre.getByRole('heading', { level: 3 })).toHaveText(['GP coding sheet', 'Pseudonymised extract']);
  const adminRegister = page.getByRole('grid', { name: 'Past exports' });
  await expect(adminRegister).toContainText(sar.fileName);
  await expect(adminRegister).toContainText(codingSheet.fileName);
  await expect(adminRegister).toContainText(LINK_WORKER.fullName);
  await expectAccessible(page, 'export centre for an admin');
  await snapshot(page, 'exports-05c-centre-admin');
  await centre.getByRole('button', { name: 'Make a pseudonymised extract' }).click();
  const extract = page.getByRole('dialog', { name: 'Export: Pseudonymised record-level extract' });
  await expect(extract.getByLabel('Lawful basis')).toContainText('Planning and evaluating the service');
  await expectAccessible(page, 'pseudonymised extract declaration');

  // Started, looked at while it reads, and cancelled: nothing is saved.
  await extract.getByRole('button', { name: 'Export' }).click();
  await expect(extract.getByRole('status').getByRole('progressbar')).toBeVisible();
  await expect(extract.getByText(/^Reading records: [\d,]+ of [\d,]+$/)).toBeVisible();
  await snapshot(page, 'exports-06-extract-progress');
  await extract.getByRole('button', { name: 'Cancel export' }).click();
  await expect(extract.getByRole('alert')).toHaveText('The export was cancelled. No file was saved.');
  expect(readdirSync(harness.exportFolder).sort()).toEqual([sar.fileName, codingSheet.fileName].sort());

  // Started again and left to finish.
  await extract.getByRole('button', { name: 'Export' }).click();
  await expect(extract.getByText(/^Reading records: [\d,]+ of [\d,]+$/)).toBeVisible();
  await expectDialogAccessibleNow(page, 'pseudonymised extract in progress');
  const made = await takeResult(page, 'Pseudonymised record-level extract', 'exports-07-extract-result');
  const extractFiles = await readExportFiles({ folder: harness.exportFolder, fileName: made.fileName }, made.passphrase);
  expect([...extractFiles.keys()].sort()).toEqual(['README.txt', 'contacts.csv', 'episodes.csv', 'measures.csv']);
  const contacts = new TextDecoder().decode(extractFiles.get('contacts.csv'));
  expect(contacts.trimEnd().split('\r\n')).toHaveLength(1 + 1 + SEEDED_PEOPLE * CONTACTS_EACH);
  expect(contacts).not.toContain(PERSON.last);
  await expect(page.getByRole('grid', { name: 'Past exports' })).toContainText(made.fileName);
});
