import type { Locator, Page } from '@playwright/test';
import {
  assignSupervision,
  ADMIN,
  LINK_WORKER,
  SUPERVISOR,
  callRouter,
  expect,
  expectAccessible,
  isoDateFromToday,
  setUpWorkspace,
  shownDate,
  signIn,
  snapshot,
  test,
} from './fixtures';

/** A screenshot from the top of the page, so the fixed app bar sits where it belongs. */
async function screen(page: Page, name: string): Promise<void> {
  await page.evaluate('window.scrollTo(0, 0)');
  await snapshot(page, name);
}

// A made-up person. 943 476 5919 is the NHS's own example number (valid check digit).
const PERSON = { first: 'Margaret', last: 'Oduya', name: 'Margaret Oduya', nhsNumber: '9434765919', shownNhs: '943 476 5919', dateOfBirth: '1951-04-09' };
const REFERRAL_CODE = '871731000000106';

function nav(page: Page, label: string): Locator {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: label, exact: true });
}

async function chooseOption(page: Page, field: Locator, option: string): Promise<void> {
  await field.click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

function caseloadRow(page: Page, name: string): Locator {
  return page.getByRole('grid', { name: 'Caseload' }).getByRole('row').filter({ hasText: name });
}

async function recordContact(page: Page, options: { how: string; minutes: string; notes: string; decision?: string }): Promise<void> {
  await page.getByRole('button', { name: 'Record contact' }).click();
  const dialog = page.getByRole('dialog', { name: /Record contact with/ });
  await expect(dialog.getByLabel('Date and time')).toBeFocused();
  await chooseOption(page, dialog.getByLabel('How', { exact: true }), options.how);
  await dialog.getByLabel('Duration (minutes)').fill(options.minutes);
  await dialog.getByLabel('Contact notes').fill(options.notes);
  if (options.decision) await dialog.getByRole('radio', { name: options.decision }).check();
  await dialog.getByRole('button', { name: 'Save contact' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Contact recorded.' })).toBeVisible();
  // Focus goes back to the button that opened the dialog.
  await expect(page.getByRole('button', { name: 'Record contact' })).toBeFocused();
}

test('a referral from arrival to closure: caseload, record, contacts, GP coding', async ({ page, harness }) => {
  await setUpWorkspace(harness, [LINK_WORKER]);
  await page.goto(harness.url);
  await signIn(page, LINK_WORKER);

  // The empty caseload.
  await expect(page.getByRole('heading', { level: 1, name: 'Caseload' })).toBeFocused();
  await expect(page.getByText('No one on the caseload matches these filters.')).toBeVisible();
  await expectAccessible(page, 'caseload (empty)');
  await screen(page, 'casework-01-caseload-empty');

  // New referral: the person first.
  await page.getByRole('button', { name: 'New referral' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New referral' })).toBeFocused();
  await page.getByRole('button', { name: 'Continue to the referral' }).click();
  await expect(page.getByText('Enter the NHS number, or tick “NHS number not known”')).toBeVisible();
  await expect(page.getByText('Enter the first name')).toBeVisible();
  await page.getByLabel('NHS number', { exact: true }).fill('943 476 5918');
  await page.getByLabel('First name').fill(PERSON.first);
  await page.getByLabel('Last name').fill(PERSON.last);
  await page.getByLabel('Date of birth').fill(PERSON.dateOfBirth);
  await page.getByLabel('Pronouns').fill('she/her');
  await page.getByLabel('Phone').fill('0113 496 0000');
  await chooseOption(page, page.getByLabel('Preferred contact method'), 'Phone call');
  await page.getByLabel('Postcode').fill('ls1 4ap');
  await page.getByLabel('Consents to social prescribing').check();
  await page.getByRole('button', { name: 'Continue to the referral' }).click();
  await expect(page.getByText('This is not a valid NHS number: check the 10 digits')).toBeVisible();
  await expect(page.getByText('Say how consent was given')).toBeVisible();
  await page.getByLabel('NHS number', { exact: true }).fill(PERSON.shownNhs);
  await page.getByLabel('Date of consent to social prescribing').fill(isoDateFromToday(-14));
  await chooseOption(page, page.getByLabel('How consent to social prescribing was given'), 'Verbally');
  await expectAccessible(page, 'new referral: the person');
  await screen(page, 'casework-02-new-referral-person');
  await page.getByRole('button', { name: 'Continue to the referral' }).click();

  // Then the referral, received 14 days ago.
  await expect(page.getByRole('heading', { level: 2, name: `The referral for ${PERSON.name}` })).toBeFocused();
  await chooseOption(page, page.getByLabel('Referral source'), 'GP and wider general practice');
  await page.getByLabel('Date received').fill(isoDateFromToday(-14));
  await page.getByLabel('Referrer name').fill('Dr A Example');
  await page.getByRole('checkbox', { name: 'Loneliness or isolation' }).check();
  await page.getByRole('checkbox', { name: 'Other', exact: true }).check();
  await page.getByRole('button', { name: 'Save referral' }).click();
  await expect(page.getByText('Say what the other reason is')).toBeVisible();
  await page.getByLabel('Other reason').fill('Recently moved to the area');
  await page.getByRole('checkbox', { name: 'Debt or money worries' }).check();
  await chooseOption(page, page.getByLabel('Urgency'), 'Soon');
  await page.getByLabel('Referral notes').fill('Lives alone since her husband died. Keen on gardening.');
  await expectAccessible(page, 'new referral: the referral');
  await screen(page, 'casework-03-new-referral-details');
  await page.getByRole('button', { name: 'Save referral' }).click();

  // The new record opens.
  await expect(page.getByRole('heading', { level: 1, name: PERSON.name })).toBeFocused();
  await expect(page.getByText(PERSON.shownNhs)).toBeVisible();
  const referral = page.getByRole('region', { name: `Referral received ${shownDate(isoDateFromToday(-14))}` });
  await expect(referral).toContainText('Received');
  await expect(referral).toContainText('Loneliness or isolation');
  await expect(referral).toContainText('Other: Recently moved to the area');

  // On the caseload, flagged: nobody has contacted her in time.
  await nav(page, 'Caseload').click();
  const row = caseloadRow(page, PERSON.name);
  await expect(row).toContainText('No first contact in time');
  await expect(row).toContainText('Received');
  await expectAccessible(page, 'caseload with a referral');
  await screen(page, 'casework-04-caseload-flagged');

  // Keyboard: focus the row's name cell and press Enter to open the record.
  await row.getByRole('gridcell').first().focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: PERSON.name })).toBeFocused();
  await expectAccessible(page, 'person record');
  await screen(page, 'casework-05-person-record');

  // First contact today: she accepts.
  await page.getByRole('button', { name: 'Record contact' }).click();
  const dialog = page.getByRole('dialog', { name: `Record contact with ${PERSON.name}` });
  await expect(dialog.getByRole('radiogroup', { name: 'Decision at this contact' })).toBeVisible();
  await chooseOption(page, dialog.getByLabel('How', { exact: true }), 'Phone');
  await dialog.getByLabel('Duration (minutes)').fill('40');
  await dialog.getByLabel('Who attended').fill('Margaret');
  await dialog.getByLabel('Contact notes').fill('What matters to her: getting out of the house, the allotment.');
  await dialog.getByRole('radio', { name: 'Accepted social prescribing' }).check();
  await expectAccessible(page, 'record contact dialog');
  await screen(page, 'casework-06-record-contact');
  await dialog.getByRole('button', { name: 'Save contact' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Record contact' })).toBeFocused();
  await expect(referral).toContainText('Accepted');
  await expect(referral).toContainText('1 so far (6–12 is typical)');

  // The flag has gone from the caseload.
  await nav(page, 'Caseload').click();
  await expect(caseloadRow(page, PERSON.name)).toContainText('Accepted');
  await expect(caseloadRow(page, PERSON.name)).not.toContainText('No first contact in time');

  // The GP coding queue has the referral code, due in 7 days.
  await nav(page, 'GP coding').click();
  await expect(page.getByRole('heading', { level: 1, name: 'GP coding' })).toBeFocused();
  await expect(page.getByText('These codes must reach the GP record within a week of the contact.')).toBeVisible();
  const codeRow = page.getByRole('row').filter({ hasText: REFERRAL_CODE });
  await expect(codeRow).toContainText(PERSON.name);
  await expect(codeRow).toContainText(PERSON.shownNhs);
  await expect(codeRow).toContainText('Referral to social prescribing service');
  await expect(codeRow).toContainText(shownDate(isoDateFromToday(7)));
  await expect(codeRow).toContainText('Waiting');
  await expectAccessible(page, 'GP coding queue');
  await screen(page, 'casework-07-coding-queue');

  // Marked as recorded, it leaves the queue.
  await codeRow.getByRole('button', { name: /Mark as recorded/ }).click();
  const markDialog = page.getByRole('dialog', { name: 'Mark as recorded' });
  await expect(markDialog.getByLabel('Date recorded in the GP system')).toHaveValue(isoDateFromToday(0));
  await expectAccessible(page, 'mark as recorded dialog');
  await markDialog.getByRole('button', { name: 'Mark as recorded' }).click();
  await expect(markDialog).toBeHidden();
  await expect(page.getByRole('status')).toContainText(`Marked as recorded on ${shownDate(isoDateFromToday(0))}`);
  await expect(page.getByRole('status')).toBeFocused();
  await expect(page.getByRole('row').filter({ hasText: REFERRAL_CODE })).toHaveCount(0);
  await expect(page.getByText('Nothing is waiting: every code has reached the GP record.')).toBeVisible();
  await page.getByLabel('Show recorded').check();
  await expect(page.getByRole('row').filter({ hasText: REFERRAL_CODE })).toContainText(`Recorded ${shownDate(isoDateFromToday(0))}`);

  // Back to the record through search, then more contacts.
  const search = page.getByRole('combobox', { name: 'Search people' });
  await search.fill('Odu');
  const found = page.getByRole('listbox', { name: 'People found' }).getByRole('option').filter({ hasText: PERSON.name });
  await expect(found).toContainText(`NHS ${PERSON.shownNhs}`);
  await expect(found).toContainText('Found in name');
  await expectAccessible(page, 'search results');
  await screen(page, 'casework-08-search');
  await found.click();
  await expect(page.getByRole('heading', { level: 1, name: PERSON.name })).toBeFocused();

  await recordContact(page, { how: 'Face to face', minutes: '60', notes: 'Visited the community garden together.' });
  await expect(referral).toContainText('Active');
  // No decision is asked once she has accepted.
  await page.getByRole('button', { name: 'Record contact' }).click();
  await expect(page.getByRole('radiogroup', { name: 'Decision at this contact' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await recordContact(page, { how: 'Group', minutes: '90', notes: 'First gardening group session.' });
  await recordContact(page, { how: 'Phone', minutes: '15', notes: 'Check-in: enjoying the group.' });
  await expect(referral).toContainText('4 so far (6–12 is typical)');

  // Plan the next contact and a review, and add a note.
  await page.getByRole('button', { name: 'Plan next contact' }).click();
  const planDialog = page.getByRole('dialog', { name: 'Plan next contact and review' });
  await planDialog.getByLabel('Next planned contact').fill(isoDateFromToday(7));
  await planDialog.getByLabel('Review date').fill(isoDateFromToday(28));
  await planDialog.getByRole('button', { name: 'Save plan' }).click();
  await expect(planDialog).toBeHidden();
  await expect(referral).toContainText(shownDate(isoDateFromToday(28)));
  await page.getByRole('button', { name: 'Add note' }).click();
  const noteDialog = page.getByRole('dialog', { name: 'Add note' });
  await noteDialog.getByLabel('Note').fill('Her daughter visits on Sundays and is happy to be contacted.');
  await noteDialog.getByRole('button', { name: 'Save note' }).click();
  await expect(noteDialog).toBeHidden();
  await expect(page.getByRole('region', { name: 'Notes' })).toContainText('Her daughter visits on Sundays');
  await page.getByRole('button', { name: '4 contacts' }).click();
  await expectAccessible(page, 'person record with contacts');
  await screen(page, 'casework-09-record-with-contacts');

  // The caseload counts the contacts and shows the plan.
  await nav(page, 'Caseload').click();
  const activeRow = caseloadRow(page, PERSON.name);
  await expect(activeRow.locator('[data-field="contactCount"]')).toHaveText('4');
  await expect(activeRow.locator('[data-field="nextContactOn"]')).toHaveText(shownDate(isoDateFromToday(7)));
  await expect(activeRow).toContainText('Active');
  await screen(page, 'casework-10-caseload-contacts');

  // Close the episode: goals met.
  await activeRow.click();
  await page.getByRole('button', { name: 'Close episode' }).click();
  const closeDialog = page.getByRole('dialog', { name: 'Close episode' });
  await closeDialog.getByRole('button', { name: 'Close episode' }).click();
  await expect(closeDialog.getByText('Choose why the episode is closing')).toBeVisible();
  await chooseOption(page, closeDialog.getByLabel('Reason for closing'), 'Goals met');
  await closeDialog.getByLabel('Closing note').fill('Going to the gardening group every week.');
  await closeDialog.getByLabel('What the result was').fill('Goes to the gardening group every week.');
  await expectAccessible(page, 'close episode dialog');
  await closeDialog.getByRole('button', { name: 'Close episode' }).click();
  await expect(closeDialog).toBeHidden();
  // Closing goes on to the message back to the GP (docs/outcomes.md); not needed here.
  await page.getByRole('dialog', { name: 'Export: Message back to the GP and referrer' }).getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('status')).toContainText('Episode closed.');
  await expect(page.getByRole('status')).toBeFocused();
  await expect(referral).toContainText('Goals met');
  await expect(referral.getByRole('button', { name: 'Record contact' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'New referral for this person' })).toBeVisible();

  // It leaves the default caseload, and shows with "Include closed".
  await nav(page, 'Caseload').click();
  await expect(page.getByText('No one on the caseload matches these filters.')).toBeVisible();
  await page.getByLabel('Include closed').check();
  await expect(caseloadRow(page, PERSON.name)).toContainText('Closed');
  await expectAccessible(page, 'caseload including closed');
  await screen(page, 'casework-11-caseload-closed');
});

test('a person already in Linkdesk is found instead of added twice', async ({ page, harness }) => {
  await setUpWorkspace(harness, [LINK_WORKER]);
  await callRouter(harness, 'session.signIn', { username: LINK_WORKER.username, password: LINK_WORKER.password });
  await callRouter(harness, 'people.create', { nhsNumber: PERSON.nhsNumber, givenName: PERSON.first, familyName: PERSON.last, dateOfBirth: PERSON.dateOfBirth });
  await callRouter(harness, 'people.create', { nhsNumber: '', givenName: 'John', familyName: 'Smith', dateOfBirth: '1960-01-01' });
  await callRouter(harness, 'session.signOut', {});
  await page.goto(harness.url);
  await signIn(page, LINK_WORKER);

  // The same NHS number, typed with a different name: the existing person is shown.
  await page.getByRole('button', { name: 'New referral' }).click();
  await page.getByLabel('NHS number', { exact: true }).fill('9434765919');
  await page.getByLabel('First name').fill('Maggie');
  await page.getByLabel('Last name').fill(PERSON.last);
  await page.getByLabel('Date of birth').fill(PERSON.dateOfBirth);
  await page.getByRole('button', { name: 'Continue to the referral' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'This person may already be in Linkdesk' })).toBeFocused();
  const match = page.getByRole('listitem').filter({ hasText: PERSON.name });
  await expect(match).toContainText(PERSON.shownNhs);
  await expect(match).toContainText(shownDate(PERSON.dateOfBirth));
  await expect(match).toContainText('Same NHS number');
  // The same NHS number is the same person: there is no "someone else" choice.
  await expect(match.getByRole('button', { name: /This is someone else/ })).toHaveCount(0);
  await expectAccessible(page, 'possible duplicate');
  await screen(page, 'casework-12-duplicate-nhs-number');
  await match.getByRole('button', { name: /Use this person/ }).click();

  await expect(page.getByRole('heading', { level: 2, name: `The referral for ${PERSON.name}` })).toBeFocused();
  await chooseOption(page, page.getByLabel('Referral source'), 'Pharmacy');
  await page.getByRole('checkbox', { name: 'Bereavement' }).check();
  await page.getByRole('button', { name: 'Save referral' }).click();
  await expect(page.getByRole('heading', { level: 1, name: PERSON.name })).toBeFocused();

  // Same name and date of birth, no NHS number: it may be someone else, and here it is.
  await page.getByRole('button', { name: 'Back to caseload' }).click();
  await page.getByRole('button', { name: 'New referral' }).click();
  await page.getByLabel('NHS number not known').check();
  await expect(page.getByLabel('NHS number', { exact: true })).toBeDisabled();
  await page.getByLabel('First name').fill('john');
  await page.getByLabel('Last name').fill('SMITH');
  await page.getByLabel('Date of birth').fill('1960-01-01');
  await page.getByRole('button', { name: 'Continue to the referral' }).click();
  const sameName = page.getByRole('listitem').filter({ hasText: 'John Smith' });
  await expect(sameName).toContainText('Same name and date of birth');
  await expect(sameName).toContainText('Not known');
  await screen(page, 'casework-13-duplicate-name-and-birth');
  await sameName.getByRole('button', { name: /This is someone else/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'The referral for john SMITH' })).toBeFocused();
  await chooseOption(page, page.getByLabel('Referral source'), 'Self-referral');
  await page.getByRole('checkbox', { name: 'Housing' }).check();
  await page.getByRole('button', { name: 'Save referral' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'john SMITH' })).toBeVisible();
  await expect(page.getByText('NHS number not known').first()).toBeVisible();

  // Correcting the record: the edit form holds what is stored, and saving shows the change.
  await page.getByRole('button', { name: 'Edit details' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit details' });
  await expect(edit.getByLabel('NHS number not known')).toBeChecked();
  await expect(edit.getByLabel('Date of birth')).toHaveValue('1960-01-01');
  await edit.getByLabel('First name').fill('John');
  await edit.getByLabel('Last name').fill('Smith');
  await edit.getByLabel('Interpreter language').fill('Polish');
  await expectAccessible(page, 'edit details dialog');
  await edit.getByRole('button', { name: 'Save details' }).click();
  await expect(edit).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'John Smith' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Details' })).toContainText('Interpreter: Polish');
  await expect(page.getByRole('button', { name: 'Edit details' })).toBeFocused();

  // Two people called John Smith now, each found by search.
  await page.getByRole('combobox', { name: 'Search people' }).fill('smith');
  await expect(page.getByRole('listbox', { name: 'People found' }).getByRole('option')).toHaveCount(2);
  await page.keyboard.press('Escape');
});

test('GP supervisors read without write buttons; admins see the coding queue, not records', async ({ page, harness }) => {
  await setUpWorkspace(harness, [LINK_WORKER, SUPERVISOR]);
  await assignSupervision(harness, SUPERVISOR, [LINK_WORKER]);
  await callRouter(harness, 'session.signIn', { username: LINK_WORKER.username, password: LINK_WORKER.password });
  const created = await callRouter<{ outcome: string; person: { id: string } }>(harness, 'people.create', {
    nhsNumber: PERSON.nhsNumber,
    givenName: PERSON.first,
    familyName: PERSON.last,
    dateOfBirth: PERSON.dateOfBirth,
  });
  const episode = await callRouter<{ id: string }>(harness, 'episodes.create', {
    personId: created.person.id,
    source: 'gp_practice',
    receivedOn: isoDateFromToday(-3),
    reasons: ['loneliness'],
  });
  await callRouter(harness, 'contacts.record', { episodeId: episode.id, at: new Date().toISOString(), mode: 'phone', decision: 'accepted' });
  await callRouter(harness, 'session.signOut', {});

  await page.goto(harness.url);
  await signIn(page, SUPERVISOR);
  await expect(caseloadRow(page, PERSON.name)).toContainText('Accepted');
  await expect(page.getByRole('button', { name: 'New referral' })).toHaveCount(0);
  await page.getByLabel('Link worker').click();
  await expect(page.getByRole('option', { name: LINK_WORKER.fullName })).toBeVisible();
  await expect(page.getByRole('option', { name: 'My caseload' })).toHaveCount(0);
  await page.getByRole('option', { name: LINK_WORKER.fullName }).click();
  await expect(caseloadRow(page, PERSON.name)).toBeVisible();
  await caseloadRow(page, PERSON.name).click();
  await expect(page.getByRole('heading', { level: 1, name: PERSON.name })).toBeFocused();
  await expect(page.getByRole('button', { name: 'Record contact' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Add note' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Edit details' })).toHaveCount(0);
  await expectAccessible(page, 'person record for a supervisor');
  await screen(page, 'casework-14-supervisor-record');

  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.locator('body')).not.toContainText(PERSON.name);
  await signIn(page, ADMIN);
  await expect(page.getByRole('heading', { level: 1, name: 'Caseload' })).toBeVisible();
  await expect(page.getByText(/Admins manage the workspace/)).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Search people' })).toHaveCount(0);
  const codeRow = page.getByRole('row').filter({ hasText: REFERRAL_CODE });
  await expect(codeRow).toContainText(PERSON.name);
  // Admins may not open records, so the name is plain text.
  await expect(codeRow.getByRole('button', { name: PERSON.name, exact: true })).toHaveCount(0);
  await expectAccessible(page, 'admin caseload page');
  await screen(page, 'casework-15-admin-caseload');
});
