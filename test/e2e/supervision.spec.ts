import type { Locator, Page } from '@playwright/test';
import type { Harness } from '../harness/server';
import {
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

/** A second link worker, whom the GP supervisor does not supervise. */
const OTHER_WORKER = { username: 'tom.worker', fullName: 'Tomasz Nowak', password: 'copper meadow lantern five', role: 'link_worker' } as const;

// Made-up people. 943 476 5919 is the NHS's own example number (valid check digit).
const FLAGGED = { first: 'Margaret', last: 'Oduya', name: 'Margaret Oduya', nhsNumber: '9434765919', dateOfBirth: '1951-04-09' };
const ADDED = { first: 'Dennis', last: 'Achebe', name: 'Dennis Achebe', dateOfBirth: '1962-11-30' };
const NOT_SUPERVISED = { first: 'Margaret', last: 'Elsewhere', name: 'Margaret Elsewhere', dateOfBirth: '1970-01-20' };

async function screen(page: Page, name: string): Promise<void> {
  await page.evaluate('window.scrollTo(0, 0)');
  await snapshot(page, name);
}

function nav(page: Page, label: string): Locator {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: label, exact: true });
}

async function choose(page: Page, field: Locator, option: string): Promise<void> {
  await field.click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** A person with a referral accepted at first contact, made through the backend by whoever is signed in. */
async function personWithReferral(harness: Harness, person: { first: string; last: string; dateOfBirth: string; nhsNumber?: string }): Promise<{ personId: string }> {
  const created = await callRouter<{ person: { id: string } }>(harness, 'people.create', {
    nhsNumber: person.nhsNumber ?? '',
    givenName: person.first,
    familyName: person.last,
    dateOfBirth: person.dateOfBirth,
  });
  const episode = await callRouter<{ id: string }>(harness, 'episodes.create', { personId: created.person.id, source: 'gp_practice', receivedOn: isoDateFromToday(-10), reasons: ['loneliness'] });
  await callRouter(harness, 'contacts.record', { episodeId: episode.id, at: new Date().toISOString(), mode: 'phone', decision: 'accepted' });
  return { personId: created.person.id };
}

/** Calls a channel through the page's own bridge (window.linkdesk), as the signed-in user, and returns the envelope. */
async function bridgeCall(page: Page, area: string, action: string, input: unknown): Promise<{ ok: boolean; error?: { code: string; message: string } }> {
  return page.evaluate(`window.linkdesk[${JSON.stringify(area)}][${JSON.stringify(action)}](${JSON.stringify(input)})`);
}

test('a link worker prepares, the GP supervisor reviews, decides, signs off; the record is then read-only, and other workers’ cases stay closed to the supervisor', async ({ page, harness }) => {
  // One walk through three people's days: four sign-ins (each a deliberate key derivation) and a dozen screens.
  test.slow();
  await setUpWorkspace(harness, [LINK_WORKER, SUPERVISOR, OTHER_WORKER]);
  await callRouter(harness, 'session.signIn', { username: OTHER_WORKER.username, password: OTHER_WORKER.password });
  const elsewhere = await personWithReferral(harness, NOT_SUPERVISED);
  await callRouter(harness, 'session.signOut', {});
  await callRouter(harness, 'session.signIn', { username: LINK_WORKER.username, password: LINK_WORKER.password });
  await personWithReferral(harness, FLAGGED);
  await personWithReferral(harness, ADDED);
  await callRouter(harness, 'session.signOut', {});
  await page.goto(harness.url);

  // The admin pairs the link worker with the GP supervisor.
  await signIn(page, ADMIN);
  await nav(page, 'Supervision').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Supervision' })).toBeFocused();
  await expect(page.getByText('No link worker has a GP supervisor yet.')).toBeVisible();
  await page.getByRole('button', { name: 'Assign a link worker' }).click();
  const assign = page.getByRole('dialog', { name: 'Assign a link worker to a GP supervisor' });
  await choose(page, assign.getByLabel('GP supervisor'), SUPERVISOR.fullName);
  await choose(page, assign.getByLabel('Link worker'), LINK_WORKER.fullName);
  await expectAccessible(page, 'assign a supervisee dialog');
  await assign.getByRole('button', { name: 'Assign' }).click();
  await expect(page.getByRole('status')).toContainText(`${SUPERVISOR.fullName} now supervises ${LINK_WORKER.fullName}.`);
  await expect(page.getByRole('table', { name: 'Who supervises whom' })).toContainText(LINK_WORKER.fullName);
  await expectAccessible(page, 'supervision pairs for an admin');
  await screen(page, 'supervision-01-admin-pairs');
  await page.getByRole('button', { name: 'Lock' }).click();

  // The link worker flags a person, then prepares the session.
  await signIn(page, LINK_WORKER);
  await page.getByRole('grid', { name: 'Caseload' }).getByRole('row').filter({ hasText: FLAGGED.name }).click();
  await expect(page.getByRole('heading', { level: 1, name: FLAGGED.name })).toBeFocused();
  const flags = page.getByRole('region', { name: 'Risk and safeguarding' });
  await expect(flags).toContainText('No risk or safeguarding flag.');
  await flags.getByRole('button', { name: 'Set a flag' }).click();
  const flagDialog = page.getByRole('dialog', { name: 'Set a risk or safeguarding flag' });
  await flagDialog.getByRole('radio', { name: 'Safeguarding' }).check();
  await flagDialog.getByLabel('Why you are setting it').fill('Her son takes her bank card and pension.');
  await expectAccessible(page, 'set a flag dialog');
  await flagDialog.getByRole('button', { name: 'Set the flag' }).click();
  await expect(flags).toContainText('Her son takes her bank card and pension.');
  await expect(flags).toContainText('Safeguarding flag');
  await expectAccessible(page, 'person record with a flag');
  await screen(page, 'supervision-02-person-flag');
  await page.getByRole('button', { name: 'Back to caseload' }).click();
  await expect(page.getByRole('grid', { name: 'Caseload' }).getByRole('row').filter({ hasText: FLAGGED.name })).toContainText('Safeguarding flag');

  await nav(page, 'Supervision').click();
  await expect(page.getByText(`Your GP supervisor is ${SUPERVISOR.fullName}.`)).toBeVisible();
  await expect(page.getByText('No sessions yet.')).toBeVisible();
  await page.getByRole('button', { name: 'Prepare the next session' }).click();
  const prepare = page.getByRole('dialog', { name: 'Prepare the next session' });
  await expect(prepare.getByLabel('Who attended')).toHaveValue(`${LINK_WORKER.fullName}\n${SUPERVISOR.fullName}`);
  await expectAccessible(page, 'prepare the next session dialog');
  await prepare.getByRole('button', { name: 'Start the session' }).click();
  const today = isoDateFromToday(0);
  await expect(page.getByRole('heading', { level: 2, name: `Session on ${shownDate(today)}` })).toBeFocused();
  const agenda = page.getByRole('region', { name: 'Agenda' });
  await expect(agenda.getByRole('region', { name: 'Safeguarding flag (1)' })).toContainText(FLAGGED.name);

  await page.getByRole('toolbar', { name: 'Session' }).getByRole('button', { name: 'Add a case' }).click();
  const addCase = page.getByRole('dialog', { name: 'Add a case to the agenda' });
  await choose(page, addCase.getByLabel('Case'), `${ADDED.name} (Accepted)`);
  await addCase.getByLabel('Why you want to discuss it').fill('Second opinion on the housing letter.');
  await expectAccessible(page, 'add a case dialog');
  await addCase.getByRole('button', { name: 'Add to the agenda' }).click();
  await expect(agenda.getByRole('region', { name: 'Added by the link worker (1)' })).toContainText('Second opinion on the housing letter.');

  await page.getByRole('toolbar', { name: 'Session' }).getByRole('button', { name: 'Wellbeing check-in' }).click();
  const wellbeing = page.getByRole('dialog', { name: 'Wellbeing check-in' });
  await wellbeing.getByRole('radio', { name: 'Okay' }).check();
  await wellbeing.getByRole('radio', { name: 'Heavy' }).check();
  await wellbeing.getByLabel('Training needs').fill('Trauma-informed practice');
  await expectAccessible(page, 'wellbeing check-in dialog');
  await wellbeing.getByRole('button', { name: 'Save the check-in' }).click();
  await expect(page.getByRole('region', { name: 'Wellbeing check-in' })).toContainText('Trauma-informed practice');
  // Only the supervisor signs.
  await expect(page.getByRole('button', { name: 'Sign off the session' })).toHaveCount(0);
  await expectAccessible(page, 'session prepared by the link worker');
  await screen(page, 'supervision-03-prepared');
  await page.getByRole('button', { name: 'Lock' }).click();

  // The GP supervisor reviews the agenda, records decisions and actions, and signs off.
  await signIn(page, SUPERVISOR);
  await nav(page, 'Supervision').click();
  await expect(page.getByText(`Supervising ${LINK_WORKER.fullName}.`)).toBeVisible();
  await expect(page.getByRole('table', { name: 'Sessions' })).toContainText('Open');
  await expectAccessible(page, 'sessions list for a supervisor');
  await screen(page, 'supervision-04-sessions');
  await page.getByRole('button', { name: 'Open the current session' }).click();
  await expect(page.getByRole('heading', { level: 2, name: `Session on ${shownDate(today)}` })).toBeFocused();
  await expect(page.getByRole('region', { name: 'Numbers for the period' }).getByRole('table')).toContainText('New referrals');
  await expect(page.getByRole('region', { name: 'Wellbeing check-in' })).toContainText('Heavy');
  const flaggedCase = agenda.getByRole('article', { name: new RegExp(FLAGGED.name) });
  await expect(flaggedCase).toContainText('Her son takes her bank card and pension.');

  await flaggedCase.getByRole('button', { name: `Record the discussion for ${FLAGGED.name}` }).click();
  const discussion = page.getByRole('dialog', { name: `Discussion: ${FLAGGED.name}` });
  await discussion.getByLabel('Discussion notes').fill('Margaret is frightened of her son and wants help with her bank.');
  await discussion.getByLabel('Decision').fill('Refer to the adult safeguarding team today');
  await discussion.getByRole('checkbox', { name: 'A safeguarding concern was raised' }).check();
  await discussion.getByRole('button', { name: 'Save the discussion' }).click();
  await expect(discussion.getByText('Say what was done about the safeguarding concern')).toBeVisible();
  await discussion.getByLabel('What was done about the safeguarding concern').fill('Referred by phone; reference SG-1234 given to the practice');
  await expectAccessible(page, 'record the discussion dialog');
  await snapshot(page, 'supervision-05-discussion-dialog');
  await discussion.getByRole('button', { name: 'Save the discussion' }).click();
  await expect(flaggedCase).toContainText('Concern raised. Referred by phone; reference SG-1234 given to the practice');

  await flaggedCase.getByRole('button', { name: `Add an action for ${FLAGGED.name}` }).click();
  const action = page.getByRole('dialog', { name: `Add an action: ${FLAGGED.name}` });
  await action.getByLabel('What will be done').fill('Go with Margaret to the bank');
  await action.getByLabel('By when').fill(isoDateFromToday(7));
  await expectAccessible(page, 'add an action dialog');
  await action.getByRole('button', { name: 'Add the action' }).click();
  await expect(flaggedCase).toContainText('Go with Margaret to the bank');
  await expect(flaggedCase).toContainText(`${LINK_WORKER.fullName}, by ${shownDate(isoDateFromToday(7))}`);
  await expectAccessible(page, 'session under review');
  await screen(page, 'supervision-06-review');

  await page.getByRole('button', { name: 'Sign off the session' }).click();
  const signOff = page.getByRole('dialog', { name: `Sign off the session of ${shownDate(today)}` });
  await expect(signOff).toContainText('1 case on the agenda has nothing recorded.');
  await expectAccessible(page, 'sign-off dialog');
  await signOff.getByRole('button', { name: 'Sign off' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The session is signed off. It is now read-only.' })).toBeFocused();
  await expect(page.getByText(/This record is read-only: nothing in it can be changed/)).toBeVisible();
  for (const name of ['Add a case', 'Wellbeing check-in', 'Sign off the session', 'Add an action', `Record the discussion for ${ADDED.name}`, `Change the discussion for ${FLAGGED.name}`]) {
    await expect(page.getByRole('button', { name })).toHaveCount(0);
  }

  // A change after sign-off is refused by main too, whatever the screen shows.
  const workspace = await callRouter<{ agenda: { id: string; personName: string }[] }>(harness, 'supervision.get', {
    sessionId: (await callRouter<{ id: string }[]>(harness, 'supervision.sessions', {}))[0]!.id,
  });
  const itemId = workspace.agenda.find((item) => item.personName === FLAGGED.name)!.id;
  const refused = await bridgeCall(page, 'supervision', 'recordDiscussion', { itemId, discussion: 'Rewritten afterwards', decision: '', safeguardingRaised: false });
  expect(refused).toEqual({ ok: false, error: { code: 'conflict', message: 'This session has been signed off, so it cannot be changed. Add an addendum instead.' } });
  await page.getByRole('button', { name: 'Back to sessions' }).click();
  await page.getByRole('button', { name: `Open the session of ${shownDate(today)}` }).click();
  await expect(flaggedCase).toContainText('Margaret is frightened of her son and wants help with her bank.');
  await expect(flaggedCase).not.toContainText('Rewritten afterwards');

  // Addenda are the only way to add to it, with who and when.
  await page.getByRole('button', { name: 'Add an addendum' }).click();
  const addendum = page.getByRole('dialog', { name: 'Add an addendum' });
  await addendum.getByLabel('Addendum').fill('Safeguarding team called back: case opened.');
  await expectAccessible(page, 'addendum dialog');
  await addendum.getByRole('button', { name: 'Add the addendum' }).click();
  const addenda = page.getByRole('region', { name: 'Addenda' });
  await expect(addenda).toContainText('Safeguarding team called back: case opened.');
  await expect(addenda).toContainText(`Added by ${SUPERVISOR.fullName}`);
  await expectAccessible(page, 'signed session');
  await screen(page, 'supervision-07-signed');

  // The printed record goes through the one export path.
  await page.getByRole('button', { name: 'Print the session record (PDF)' }).click();
  const exporting = page.getByRole('dialog', { name: 'Export: Supervision session record' });
  await expect(exporting).toContainText('Safeguarding concerns raised');
  await expectAccessible(page, 'export the session record dialog');
  await exporting.getByRole('button', { name: 'Export' }).click();
  const exported = page.getByRole('dialog', { name: 'Supervision session record: exported' });
  await expect(exported.getByTestId('export-file-name')).toHaveText(/^supervision-record-.*\.zip$/);
  await expectAccessible(page, 'session record exported');
  await snapshot(page, 'supervision-08-exported');
  await exported.getByRole('checkbox', { name: 'I have noted the passphrase' }).check();
  await exported.getByRole('button', { name: 'Done' }).click();

  // Actions across sessions, and the history.
  await page.getByRole('button', { name: 'Back to sessions' }).click();
  await page.getByRole('tab', { name: 'Actions' }).click();
  await expect(page.getByRole('tabpanel')).toContainText('Go with Margaret to the bank');
  await expectAccessible(page, 'actions across sessions');
  await screen(page, 'supervision-09-actions');
  await page.getByRole('tab', { name: 'Search past sessions' }).click();
  await page.getByLabel('Words or a name').fill('SG-1234');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: '1 session found' })).toBeVisible();
  await expect(page.getByRole('tabpanel')).toContainText('Found in safeguarding');
  await expectAccessible(page, 'history search');
  await screen(page, 'supervision-10-history');

  // The supervisor cannot open the case of a link worker they do not supervise.
  await nav(page, 'Caseload').click();
  await expect(page.getByRole('grid', { name: 'Caseload' })).toContainText(FLAGGED.name);
  await expect(page.getByRole('grid', { name: 'Caseload' })).not.toContainText(NOT_SUPERVISED.name);
  const forbidden = await bridgeCall(page, 'people', 'get', { personId: elsewhere.personId });
  expect(forbidden).toEqual({ ok: false, error: { code: 'forbidden', message: 'You can only open the casework of the link workers you supervise.' } });
  // Search finds the supervisee's Margaret, not the other worker's.
  await page.getByRole('combobox', { name: 'Search people' }).fill(NOT_SUPERVISED.first);
  const found = page.getByRole('listbox', { name: 'People found' }).getByRole('option');
  await expect(found).toHaveCount(1);
  await expect(found).toContainText(FLAGGED.name);
  await page.keyboard.press('Escape');
});
