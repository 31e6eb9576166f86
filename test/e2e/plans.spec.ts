import type { Page } from '@playwright/test';
import type { Harness } from '../harness/server';
import {
  assignSupervision,
  LINK_WORKER,
  SUPERVISOR,
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

// A made-up person. 943 476 5919 is the NHS's own example number (valid check digit).
const PERSON = { first: 'Margaret', last: 'Oduya', name: 'Margaret Oduya', nhsNumber: '9434765919', dateOfBirth: '1951-04-09' };
const OWN_WORDS = '"I want to get back to my allotment."\n  And see people again.';

async function screen(page: Page, name: string): Promise<void> {
  await page.evaluate('window.scrollTo(0, 0)');
  await snapshot(page, name);
}

/** The person, with a referral accepted at first contact, made by the link worker through the backend. */
async function personWithReferral(harness: Harness): Promise<{ episodeId: string }> {
  await callRouter(harness, 'session.signIn', { username: LINK_WORKER.username, password: LINK_WORKER.password });
  return personWithAcceptedReferral(harness, PERSON);
}

async function openRecord(page: Page): Promise<void> {
  await openRecordFromCaseload(page, PERSON.name);
}

test('what matters, a co-produced plan, its agreement, the person’s copy, a new version and a review', async ({ page, harness }) => {
  await setUpWorkspace(harness, [LINK_WORKER]);
  await personWithReferral(harness);
  await callRouter(harness, 'session.signOut', {});
  await page.goto(harness.url);
  await signIn(page, LINK_WORKER);
  await openRecord(page);

  const whatMatters = page.getByRole('region', { name: 'What matters to me' });
  const plan = page.getByRole('region', { name: 'Personalised care and support plan' });
  await expect(whatMatters).toContainText('No conversations recorded yet.');
  await expect(plan).toContainText('No plan yet.');

  // "What matters to me", the words kept exactly as typed.
  await whatMatters.getByRole('button', { name: 'Record what matters' }).click();
  const conversation = page.getByRole('dialog', { name: 'Record what matters' });
  await expect(conversation.getByLabel('Date of the conversation')).toBeFocused();
  await conversation.getByRole('button', { name: 'Save what matters' }).click();
  await expect(conversation.getByText('Write what matters to the person, in their own words')).toBeVisible();
  await conversation.getByLabel('In their own words').fill(OWN_WORDS);
  await conversation.getByLabel('Their strengths').fill('Green fingers; knows her neighbours');
  await conversation.getByLabel('What gets in the way').fill('Bad knee, the bus stop is far');
  await conversation.getByLabel('Their priorities').fill('Allotment first');
  await expectAccessible(page, 'record what matters dialog');
  await snapshot(page, 'plans-01-what-matters-dialog');
  await conversation.getByRole('button', { name: 'Save what matters' }).click();
  await expect(conversation).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'What matters to them is recorded.' })).toBeVisible();
  const quote = whatMatters.locator('blockquote');
  await expect(quote).toHaveText(OWN_WORDS);
  await expect(quote).toHaveCSS('white-space', 'pre-wrap');
  await expect(whatMatters).toContainText('Green fingers; knows her neighbours');

  // A draft plan with two goals and a step.
  await plan.getByRole('button', { name: 'Start the plan' }).click();
  const editor = page.getByRole('dialog', { name: 'Start the plan' });
  await editor.getByRole('textbox', { name: 'Goal 1', exact: true }).fill('Get back to my allotment');
  await editor.getByRole('button', { name: 'Add a goal' }).click();
  await editor.getByRole('textbox', { name: 'Goal 2', exact: true }).fill('Meet people once a week');
  await editor.getByRole('button', { name: 'Add a step' }).click();
  await editor.getByLabel('What will be done').fill('Ring the allotment society');
  await editor.getByLabel('Who will do it').click();
  await page.getByRole('option', { name: 'Someone else' }).click();
  await editor.getByRole('button', { name: 'Save draft' }).click();
  await expect(editor.getByText('Say who will do it')).toBeVisible();
  await editor.getByLabel('Name (group, service or person)').fill('Her son, Daniel');
  await editor.getByLabel('By when').fill(isoDateFromToday(14));
  await editor.getByLabel('Support offered').fill('Walking group on Tuesdays');
  await editor.getByLabel('Review date').fill(isoDateFromToday(42));
  await editor.getByLabel('Staff-only notes').fill('Check on the knee with the GP');
  await expectAccessible(page, 'plan editor');
  await snapshot(page, 'plans-02-plan-editor');
  await editor.getByRole('button', { name: 'Save draft' }).click();
  await expect(editor).toBeHidden();
  await expect(plan).toContainText('Draft plan saved (version 1).');
  await expect(plan).toContainText('Version 1');
  await expect(plan).toContainText('Draft');
  await expect(plan).toContainText('Get back to my allotment');
  await expect(plan).toContainText('Someone else (Her son, Daniel)');
  await expect(plan).toContainText(`by ${shownDate(isoDateFromToday(14))}`);
  await expect(plan).toContainText('Staff only — never on the person’s copy');
  await expect(plan).toContainText('Check on the knee with the GP');

  // The agreement.
  await plan.getByRole('button', { name: 'Record agreement' }).click();
  const agree = page.getByRole('dialog', { name: 'Record agreement to version 1' });
  await agree.getByLabel('Who was present').fill('Margaret\nDaniel (son)');
  await agree.getByRole('button', { name: 'Record agreement' }).click();
  await expect(agree.getByText('Choose how the person agreed')).toBeVisible();
  await agree.getByRole('radio', { name: 'They agreed verbally' }).check();
  await expectAccessible(page, 'agreement dialog');
  await snapshot(page, 'plans-03-agreement-dialog');
  await agree.getByRole('button', { name: 'Record agreement' }).click();
  await expect(agree).toBeHidden();
  await expect(plan).toContainText('Agreement recorded. Version 1 is agreed.');
  await expect(plan).toContainText(`Agreed verbally on ${shownDate(isoDateFromToday(0))}`);
  await expect(plan).toContainText('Margaret, Daniel (son)');
  await expect(plan.getByRole('button', { name: 'Edit draft' })).toHaveCount(0);

  // The person's copy, in large print, through the export dialog (the walk in plan-to-connection.spec.ts opens the file).
  await plan.getByLabel('Large print').check();
  await plan.getByRole('button', { name: 'Export the person’s copy' }).click();
  const exportDialog = page.getByRole('dialog', { name: 'Export: Person\'s copy of their plan' });
  await expect(exportDialog).toContainText('Version 1 of the plan, in large print, as a PDF.');
  await exportDialog.getByRole('button', { name: 'Export', exact: true }).click();
  const exported = page.getByRole('dialog', { name: 'Person\'s copy of their plan: exported' });
  await expect(exported.getByTestId('export-passphrase')).toHaveText(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){5}$/);
  await exported.getByLabel('I have noted the passphrase').check();
  await exported.getByRole('button', { name: 'Done' }).click();
  await expect(exported).toBeHidden();
  await expect(plan.getByRole('link')).toHaveCount(0);
  await expectAccessible(page, 'agreed plan with the person’s copy');
  await screen(page, 'plans-04-agreed-plan');

  // A review of the agreed version.
  await plan.getByRole('button', { name: 'Record review' }).click();
  const review = page.getByRole('dialog', { name: 'Record review of version 1' });
  await review.getByRole('button', { name: 'Save review' }).click();
  await expect(review.getByText('Choose the progress').first()).toBeVisible();
  await review.getByRole('radiogroup', { name: 'Progress on goal 1' }).getByRole('radio', { name: 'Started', exact: true }).check();
  await review.getByLabel('Note on goal 1').fill('Has been twice');
  await review.getByRole('radiogroup', { name: 'Progress on goal 2' }).getByRole('radio', { name: 'Achieved' }).check();
  await expectAccessible(page, 'review dialog');
  await snapshot(page, 'plans-05-review-dialog');
  await review.getByRole('button', { name: 'Save review' }).click();
  await expect(review).toBeHidden();
  await expect(plan).toContainText('Review recorded.');
  await expect(plan).toContainText('Progress at the last review: Started — Has been twice');
  await expect(plan).toContainText('Goal 2: Achieved');

  // A new version: version 1 stays, read-only, under earlier versions.
  await plan.getByRole('button', { name: 'Start a new version' }).click();
  await expect(plan).toContainText('Version 2 started as a draft. Version 1 stays as it was agreed.');
  await expect(plan.getByRole('button', { name: 'Edit draft' })).toBeVisible();
  const earlier = plan.getByRole('region', { name: 'Earlier versions' });
  await expect(earlier).toContainText(`Version 1: Agreed on ${shownDate(isoDateFromToday(0))}`);
  await expectAccessible(page, 'plan with a new draft version');
  await screen(page, 'plans-06-new-version');
  await earlier.getByRole('button', { name: /Version 1/ }).click();
  const versionOne = page.getByRole('dialog', { name: 'Plan version 1 (read only)' });
  await expect(versionOne).toContainText('Get back to my allotment');
  await expect(versionOne).toContainText('Goal 1: Started — Has been twice');
  await expect(versionOne.getByRole('button', { name: 'Edit draft' })).toHaveCount(0);
  await expectAccessible(page, 'earlier version');
  await snapshot(page, 'plans-07-earlier-version');
  await versionOne.getByRole('button', { name: 'Close' }).click();
  await expect(versionOne).toBeHidden();

  // Editing the new draft: the goals carried over; remove the second.
  await plan.getByRole('button', { name: 'Edit draft' }).click();
  const editTwo = page.getByRole('dialog', { name: 'Edit draft plan (version 2)' });
  await expect(editTwo.getByRole('textbox', { name: 'Goal 1', exact: true })).toHaveValue('Get back to my allotment');
  await editTwo.getByRole('button', { name: 'Remove goal 2' }).click();
  await expect(editTwo.getByRole('textbox', { name: 'Goal 2', exact: true })).toHaveCount(0);
  await editTwo.getByRole('button', { name: 'Save draft' }).click();
  await expect(editTwo).toBeHidden();
  await expect(plan).toContainText('Draft plan saved (version 2).');
  await expect(plan).not.toContainText('Meet people once a week');
});

test('a GP supervisor reads what matters and the plan, with no way to change them', async ({ page, harness }) => {
  await setUpWorkspace(harness, [LINK_WORKER, SUPERVISOR]);
  await assignSupervision(harness, SUPERVISOR, [LINK_WORKER]);
  const { episodeId } = await personWithReferral(harness);
  await callRouter(harness, 'conversations.record', { episodeId, heldOn: isoDateFromToday(-1), ownWords: OWN_WORDS });
  const draft = await callRouter<{ id: string }>(harness, 'plans.saveDraft', {
    episodeId,
    goals: [{ text: 'Get back to my allotment' }],
    steps: [{ action: 'Ring the allotment society', owner: 'person', dueOn: isoDateFromToday(7) }],
    staffNotes: 'Check on the knee with the GP',
  });
  await callRouter(harness, 'plans.agree', { planVersionId: draft.id, method: 'signed', agreedOn: isoDateFromToday(0) });
  await callRouter(harness, 'session.signOut', {});

  await page.goto(harness.url);
  await signIn(page, SUPERVISOR);
  await page.getByLabel('Link worker').click();
  await page.getByRole('option', { name: LINK_WORKER.fullName }).click();
  await openRecord(page);
  const whatMatters = page.getByRole('region', { name: 'What matters to me' });
  const plan = page.getByRole('region', { name: 'Personalised care and support plan' });
  await expect(whatMatters.locator('blockquote')).toHaveText(OWN_WORDS);
  await expect(plan).toContainText('Get back to my allotment');
  await expect(plan).toContainText('Agreed by signing it');
  await expect(plan).toContainText('Staff only — never on the person’s copy');
  for (const name of ['Record what matters', 'Start the plan', 'Edit draft', 'Record agreement', 'Record review', 'Start a new version', 'Export the person’s copy']) {
    await expect(page.getByRole('button', { name })).toHaveCount(0);
  }
  await expectAccessible(page, 'plan for a supervisor');
  await screen(page, 'plans-08-supervisor');
});
