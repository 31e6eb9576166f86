import type { Locator, Page } from '@playwright/test';
import type { Harness } from '../harness/server';
import { pdfText, readExportFiles } from '../support/exports';
import {
  ADMIN,
  LINK_WORKER,
  SUPERVISOR,
  assignSupervision,
  callRouter,
  expect,
  expectAccessible,
  isoDateFromToday,
  openRecordFromCaseload,
  personWithAcceptedReferral,
  setUpWorkspace,
  shownDate,
  signIn,
  snapshot,
  test,
} from './fixtures';

// Made-up people. 943 476 5919 and 401 023 2137 are valid example NHS numbers (check digits hold).
const PERSON = { first: 'Margaret', last: 'Oduya', name: 'Margaret Oduya', nhsNumber: '9434765919', dateOfBirth: '1951-04-09' };
const OTHER = { first: 'Bartholomew', last: 'Quennell', name: 'Bartholomew Quennell', nhsNumber: '4010232137', dateOfBirth: '1968-02-17' };
const GOALS = ['Get back to my allotment', 'Meet people once a week'];
const WALKING = 'Riverside Walking Group';
const KNITTING = 'Knit and Natter';
const BOWLS = 'Wednesday Bowls';

/** A dialog as people see it: the window, not the whole page behind it. */
async function dialogShot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screens/${name}.png` });
}

/** A screenshot from the top of the page, so the fixed app bar sits where it belongs. */
async function screen(page: Page, name: string): Promise<void> {
  await page.evaluate('window.scrollTo(0, 0)');
  await snapshot(page, name);
}

function nav(page: Page, label: string): Locator {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: label, exact: true });
}

interface Service {
  name: string;
  organisation: string;
  category: string;
  status?: 'active' | 'paused' | 'closed';
  capacity?: number;
  placesUsed?: number;
  waitingList?: boolean;
}

async function addService(harness: Harness, service: Service): Promise<string> {
  const entry = await callRouter<{ id: string }>(harness, 'directory.create', {
    organisation: { id: null, name: service.organisation },
    name: service.name,
    category: service.category,
    status: service.status ?? 'active',
    capacity: service.capacity ?? null,
    placesUsed: service.placesUsed ?? null,
    waitingList: service.waitingList ?? false,
  });
  return entry.id;
}

/**
 * The directory (an active walking group, a closed knitting group, a full bowls club), the person
 * this walk is about, and a second person with an agreed plan whose name must never reach the first
 * person's copy.
 */
async function setUp(harness: Harness): Promise<{ walkingId: string; episodeId: string }> {
  await setUpWorkspace(harness, [LINK_WORKER, SUPERVISOR]);
  await assignSupervision(harness, SUPERVISOR, [LINK_WORKER]);
  await callRouter(harness, 'session.signIn', { username: LINK_WORKER.username, password: LINK_WORKER.password });
  const walkingId = await addService(harness, { name: WALKING, organisation: 'Riverside Ramblers', category: 'walking_groups', capacity: 20, placesUsed: 8 });
  await addService(harness, { name: KNITTING, organisation: 'Brook Lane Community Centre', category: 'knitting_crafts', status: 'closed' });
  await addService(harness, { name: BOWLS, organisation: 'Brook Lane Bowls Club', category: 'sport', capacity: 12, placesUsed: 12, waitingList: true });
  const { episodeId } = await personWithAcceptedReferral(harness, PERSON, ['loneliness', 'housing']);
  const { episodeId: otherEpisode } = await personWithAcceptedReferral(harness, OTHER, ['money']);
  await callRouter(harness, 'conversations.record', { episodeId: otherEpisode, heldOn: isoDateFromToday(-1), ownWords: `${OTHER.first} wants help with his debts` });
  const draft = await callRouter<{ id: string }>(harness, 'plans.saveDraft', { episodeId: otherEpisode, goals: [{ text: `${OTHER.first} clears his rent arrears` }], present: [OTHER.name] });
  await callRouter(harness, 'plans.agree', { planVersionId: draft.id, method: 'verbal', agreedOn: isoDateFromToday(0) });
  await callRouter(harness, 'session.signOut', {});
  return { walkingId, episodeId };
}

test('from a conversation to a connection: plan, agreement, the person’s copy, connect, attend, review', async ({ page, harness }) => {
  await setUp(harness);
  await page.goto(harness.url);
  await signIn(page, LINK_WORKER);
  await openRecordFromCaseload(page, PERSON.name);

  const whatMatters = page.getByRole('region', { name: 'What matters to me' });
  const plan = page.getByRole('region', { name: 'Personalised care and support plan' });
  const connections = page.getByRole('region', { name: 'Connections to groups and services' });
  await expect(connections).toContainText('Not connected to any group or service yet.');

  // 1. The "what matters to me" conversation.
  await whatMatters.getByRole('button', { name: 'Record what matters' }).click();
  const conversation = page.getByRole('dialog', { name: 'Record what matters' });
  await conversation.getByLabel('In their own words').fill('I want to get back to my allotment, and see people again.');
  await conversation.getByRole('button', { name: 'Save what matters' }).click();
  await expect(conversation).toBeHidden();

  // 2. A co-produced plan with two goals.
  await plan.getByRole('button', { name: 'Start the plan' }).click();
  const editor = page.getByRole('dialog', { name: 'Start the plan' });
  await editor.getByRole('textbox', { name: 'Goal 1', exact: true }).fill(GOALS[0]!);
  await editor.getByRole('button', { name: 'Add a goal' }).click();
  await editor.getByRole('textbox', { name: 'Goal 2', exact: true }).fill(GOALS[1]!);
  await editor.getByLabel('Support offered').fill('A walking group near home');
  await editor.getByLabel('Review date').fill(isoDateFromToday(42));
  await editor.getByRole('button', { name: 'Save draft' }).click();
  await expect(editor).toBeHidden();

  // 3. The person's agreement.
  await plan.getByRole('button', { name: 'Record agreement' }).click();
  const agree = page.getByRole('dialog', { name: 'Record agreement to version 1' });
  await agree.getByLabel('Who was present').fill(PERSON.first);
  await agree.getByRole('radio', { name: 'They agreed verbally' }).check();
  await agree.getByRole('button', { name: 'Record agreement' }).click();
  await expect(agree).toBeHidden();
  await expect(plan).toContainText('Agreement recorded. Version 1 is agreed.');

  // 4. The person's copy, through the export dialog: an encrypted archive in the export folder.
  await plan.getByRole('button', { name: 'Export the person’s copy' }).click();
  const exportDialog = page.getByRole('dialog', { name: 'Export: Person\'s copy of their plan' });
  await expect(exportDialog).toContainText('Version 1 of the plan, as a PDF.');
  await expectAccessible(page, 'person’s copy export dialog');
  await dialogShot(page, 'connections-00a-export-dialog');
  await exportDialog.getByRole('button', { name: 'Export', exact: true }).click();
  const exported = page.getByRole('dialog', { name: 'Person\'s copy of their plan: exported' });
  const fileName = (await exported.getByTestId('export-file-name').textContent())!;
  const passphrase = (await exported.getByTestId('export-passphrase').textContent())!;
  expect(fileName).toMatch(/^person-copy-\d{4}-\d{2}-\d{2}-[0-9a-f]{6}\.zip$/);
  await expectAccessible(page, 'person’s copy exported');
  await dialogShot(page, 'connections-00b-exported');
  await exported.getByLabel('I have noted the passphrase').check();
  await exported.getByRole('button', { name: 'Done' }).click();
  await expect(exported).toBeHidden();
  const files = await readExportFiles({ fileName, folder: harness.exportFolder }, passphrase);
  expect([...files.keys()]).toEqual(['my-care-and-support-plan.pdf']);
  const copyText = (await pdfText(files.get('my-care-and-support-plan.pdf')!)).replace(/\s+/g, ' ');
  for (const goal of GOALS) expect(copyText).toContain(goal);
  expect(copyText).toContain(PERSON.name);
  for (const other of [OTHER.first, OTHER.last, 'rent arrears', OTHER.nhsNumber, PERSON.nhsNumber]) expect(copyText, `${other} on the copy`).not.toContain(other);

  // 5. Connect the person to a directory service, from the plan.
  await connections.getByRole('button', { name: 'Connect to a service' }).click();
  const connect = page.getByRole('dialog', { name: 'Connect to a group or service' });
  await expect(connect.getByLabel('Group or service')).toBeFocused();
  await connect.getByRole('button', { name: 'Connect' }).click();
  await expect(connect.getByText('Choose a group or service from the directory')).toBeVisible();
  await connect.getByLabel('Group or service').fill('knit');
  const closed = page.getByRole('listbox', { name: 'Group or service' }).getByRole('option', { name: new RegExp(KNITTING) });
  await expect(closed).toContainText('Closed: cannot be chosen');
  await expect(closed).toHaveAttribute('aria-disabled', 'true');
  await expectAccessible(page, 'service picker');
  await dialogShot(page, 'connections-01-picker-closed');
  await connect.getByLabel('Group or service').fill('walking');
  await page.getByRole('listbox', { name: 'Group or service' }).getByRole('option', { name: new RegExp(WALKING) }).click();
  await expect(connect.getByLabel('Group or service')).toHaveValue(`${WALKING} (Riverside Ramblers)`);
  await connect.getByRole('radio', { name: `Goal 2: ${GOALS[1]}` }).check();
  await connect.getByLabel('Warm-handover note').fill('Nervous in new groups; her knee slows her down on hills. Meet her at the gate.');
  await expectAccessible(page, 'connect dialog');
  await dialogShot(page, 'connections-02-connect-dialog');
  await connect.getByRole('button', { name: 'Connect' }).click();
  await expect(connect).toBeHidden();
  await expect(connections.getByRole('status')).toContainText(`Connected to ${WALKING} (suggested).`);
  const item = connections.getByRole('listitem').filter({ hasText: WALKING }).first();
  await expect(item).toContainText(`Suggested since ${shownDate(isoDateFromToday(0))}`);
  await expect(item).toContainText(`Goal 2: ${GOALS[1]}`);
  await expect(item).toContainText('Meet her at the gate.');

  // 6. Introduced, then attending.
  await item.getByRole('button', { name: `Mark as introduced: ${WALKING}` }).click();
  const introduce = page.getByRole('dialog', { name: `Mark as introduced: ${WALKING}` });
  await expect(introduce.getByLabel('Warm-handover note')).toHaveValue('Nervous in new groups; her knee slows her down on hills. Meet her at the gate.');
  await expectAccessible(page, 'mark as introduced dialog');
  await dialogShot(page, 'connections-03-introduce-dialog');
  await introduce.getByRole('button', { name: 'Mark as introduced' }).click();
  await expect(introduce).toBeHidden();
  await item.getByRole('button', { name: `Mark as attending: ${WALKING}` }).click();
  const attend = page.getByRole('dialog', { name: `Mark as attending: ${WALKING}` });
  await attend.getByRole('button', { name: 'Mark as attending' }).click();
  await expect(attend).toBeHidden();
  await expect(item).toContainText(`Attending since ${shownDate(isoDateFromToday(0))}`);
  await expect(item.getByRole('listitem')).toHaveText([
    `Suggested on ${shownDate(isoDateFromToday(0))} by ${LINK_WORKER.fullName}`,
    `Introduced on ${shownDate(isoDateFromToday(0))} by ${LINK_WORKER.fullName}`,
    `Attending on ${shownDate(isoDateFromToday(0))} by ${LINK_WORKER.fullName}`,
  ]);

  // The stop dialog asks why, and can be left without stopping anything.
  await item.getByRole('button', { name: `Stop: ${WALKING}` }).click();
  const stop = page.getByRole('dialog', { name: `Stop the connection: ${WALKING}` });
  await stop.getByRole('button', { name: 'Stop the connection' }).click();
  await expect(stop.getByText('Choose why it stopped')).toBeVisible();
  await expectAccessible(page, 'stop dialog');
  await dialogShot(page, 'connections-04-stop-dialog');
  await stop.getByRole('button', { name: 'Cancel' }).click();
  await expect(stop).toBeHidden();
  await expect(item).toContainText('Attending since');
  await expectAccessible(page, 'episode with a connection');
  await item.scrollIntoViewIfNeeded();
  await snapshot(page, 'connections-05-episode');

  // 7. Review the plan: progress on each goal.
  await plan.getByRole('button', { name: 'Record review' }).click();
  const review = page.getByRole('dialog', { name: 'Record review of version 1' });
  await review.getByRole('radiogroup', { name: 'Progress on goal 1' }).getByRole('radio', { name: 'Started', exact: true }).check();
  await review.getByRole('radiogroup', { name: 'Progress on goal 2' }).getByRole('radio', { name: 'Achieved' }).check();
  await review.getByLabel('Note on goal 2').fill('Walks with the Riverside group every Tuesday');
  await review.getByRole('button', { name: 'Save review' }).click();
  await expect(review).toBeHidden();
  await expect(plan).toContainText('Review recorded.');
  await expect(plan).toContainText('Progress at the last review: Achieved — Walks with the Riverside group every Tuesday');

  // 8. The directory entry counts one person connected, and names no one.
  await nav(page, 'Directory').click();
  await page.getByRole('grid', { name: 'Directory' }).getByRole('row').filter({ hasText: WALKING }).click();
  await expect(page.getByRole('heading', { level: 1, name: WALKING })).toBeFocused();
  const about = page.getByRole('region', { name: 'About' });
  await expect(about.getByRole('definition').filter({ hasText: /^1$/ })).toBeVisible();
  await expect(about).toContainText('People connected1');
  await expect(page.getByRole('main')).not.toContainText(PERSON.last);
});

test('group support on a directory entry, and the gaps view', async ({ page, harness }) => {
  await setUp(harness);
  await page.goto(harness.url);
  await signIn(page, LINK_WORKER);
  await nav(page, 'Directory').click();
  await page.getByRole('grid', { name: 'Directory' }).getByRole('row').filter({ hasText: WALKING }).click();
  const support = page.getByRole('region', { name: 'Group support' });
  await expect(support).toContainText('No support recorded yet.');

  await support.getByRole('button', { name: 'Record support' }).click();
  const record = page.getByRole('dialog', { name: 'Record support given' });
  await record.getByRole('button', { name: 'Record support' }).click();
  await expect(record.getByText('Choose the kind of support')).toBeVisible();
  await expect(record.getByText('Enter the time in minutes')).toBeVisible();
  await record.getByRole('radio', { name: 'Funding advice' }).check();
  await record.getByLabel('Date given').fill(isoDateFromToday(-2));
  await record.getByLabel('Time spent (minutes)').fill('90');
  await record.getByLabel('Note (optional)').fill('Went through the lottery small grants form together');
  await expectAccessible(page, 'record support dialog');
  await dialogShot(page, 'connections-06-record-support');
  await record.getByRole('button', { name: 'Record support' }).click();
  await expect(record).toBeHidden();
  await expect(support.getByRole('status')).toContainText(`Funding advice on ${shownDate(isoDateFromToday(-2))} recorded.`);
  await expect(support).toContainText('Given 1 time, 1 hour 30 minutes in all');
  await expect(support).toContainText(`Funding advice on ${shownDate(isoDateFromToday(-2))}, 1 hour 30 minutes`);
  await expect(support).toContainText(`For this group or service · given by ${LINK_WORKER.fullName}`);
  await expectAccessible(page, 'directory entry with group support');
  await screen(page, 'connections-07-entry-support');

  // The gaps view: housing has an open referral and no service; the bowls club is full.
  await page.getByRole('button', { name: 'Back to the directory' }).click();
  await page.getByRole('button', { name: 'Gaps', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Gaps in the directory' })).toBeFocused();
  const unmet = page.getByRole('region', { name: 'Unmet needs' });
  await expect(unmet.getByRole('listitem')).toHaveText(['Debt or money worries: 1 open referral', 'Housing: 1 open referral']);
  const needs = page.getByRole('table', { name: 'Open referrals and active services for each need' });
  await expect(needs.getByRole('row', { name: /Loneliness or isolation/ })).toContainText('Loneliness or isolation11Met');
  await expect(needs.getByRole('row', { name: /Housing/ })).toContainText('Housing10Unmet');
  await expect(page.getByRole('figure', { name: 'Open referrals and active services for each need' }).locator('svg').first()).toBeVisible();
  const full = page.getByRole('table', { name: 'Services at or over capacity' });
  await expect(full.getByRole('row')).toHaveCount(2);
  await expect(full.getByRole('row', { name: new RegExp(BOWLS) })).toContainText('12 of 12');
  await expectAccessible(page, 'gaps view');
  await screen(page, 'connections-08-gaps');
  await full.getByRole('button', { name: BOWLS }).click();
  await expect(page.getByRole('heading', { level: 1, name: BOWLS })).toBeFocused();

  // An admin records support too, and sees the gaps (counts only).
  await page.getByRole('button', { name: 'Lock' }).click();
  await signIn(page, ADMIN);
  await nav(page, 'Directory').click();
  await page.getByRole('button', { name: 'Gaps', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Unmet needs' })).toContainText('Housing: 1 open referral');
});

test('a GP supervisor reads connections and group support, and changes neither', async ({ page, harness }) => {
  const { walkingId, episodeId } = await setUp(harness);
  await callRouter(harness, 'session.signIn', { username: LINK_WORKER.username, password: LINK_WORKER.password });
  await callRouter(harness, 'connections.create', { episodeId, serviceId: walkingId, handoverNote: 'Meet her at the gate' });
  const organisation = await callRouter<{ organisation: { id: string } }>(harness, 'directory.get', { id: walkingId });
  await callRouter(harness, 'groupSupport.record', { organisationId: organisation.organisation.id, type: 'volunteers', givenOn: isoDateFromToday(-1), minutes: 30 });
  await callRouter(harness, 'session.signOut', {});

  await page.goto(harness.url);
  await signIn(page, SUPERVISOR);
  await page.getByLabel('Link worker').click();
  await page.getByRole('option', { name: LINK_WORKER.fullName }).click();
  await openRecordFromCaseload(page, PERSON.name);
  const connections = page.getByRole('region', { name: 'Connections to groups and services' });
  await expect(connections).toContainText(WALKING);
  await expect(connections).toContainText('Meet her at the gate');
  await expect(connections.getByRole('button')).toHaveCount(0);
  await expectAccessible(page, 'connections for a supervisor');

  await nav(page, 'Directory').click();
  await page.getByRole('grid', { name: 'Directory' }).getByRole('row').filter({ hasText: WALKING }).click();
  const support = page.getByRole('region', { name: 'Group support' });
  await expect(support).toContainText('Volunteers on');
  await expect(support.getByRole('button', { name: 'Record support' })).toHaveCount(0);
});
