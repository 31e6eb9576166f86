import type { Page } from '@playwright/test';
import type { Harness } from '../harness/server';
import { pdfText, readExportFiles } from '../support/exports';
import { ADMIN, LINK_WORKER, callRouter, expect, expectAccessible, isoDateFromToday, setUpWorkspace, shownDate, signIn, snapshot, test } from './fixtures';

// A made-up person. 943 476 5919 is the NHS's own example number (valid check digit).
const PERSON = { first: 'Margaret', last: 'Oduya', name: 'Margaret Oduya', nhsNumber: '9434765919', dateOfBirth: '1951-04-09' };

async function screen(page: Page, name: string): Promise<void> {
  await page.evaluate('window.scrollTo(0, 0)');
  await snapshot(page, name);
}

/** A person referred 10 days ago who accepted at the first contact, made through the backend. */
async function personWithReferral(harness: Harness): Promise<void> {
  await callRouter(harness, 'session.signIn', { username: LINK_WORKER.username, password: LINK_WORKER.password });
  const created = await callRouter<{ person: { id: string } }>(harness, 'people.create', {
    nhsNumber: PERSON.nhsNumber,
    givenName: PERSON.first,
    familyName: PERSON.last,
    dateOfBirth: PERSON.dateOfBirth,
    gpPractice: 'Riverside Surgery',
  });
  const episode = await callRouter<{ id: string }>(harness, 'episodes.create', {
    personId: created.person.id,
    source: 'gp_practice',
    referrerName: 'Dr Ann Lee',
    referrerOrganisation: 'Riverside Surgery',
    receivedOn: isoDateFromToday(-10),
    reasons: ['loneliness'],
  });
  await callRouter(harness, 'contacts.record', { episodeId: episode.id, at: new Date(Date.now() - 8 * 86_400_000).toISOString(), mode: 'phone', decision: 'accepted' });
  await callRouter(harness, 'session.signOut', {});
}

async function fillOns4(scope: ReturnType<Page['getByRole']>, answers: readonly number[]): Promise<void> {
  const labels = ['Life satisfaction (0 to 10)', 'Worthwhile (0 to 10)', 'Happiness (0 to 10)', 'Anxiety (0 to 10)'];
  for (const [index, label] of labels.entries()) await scope.getByLabel(label).fill(String(answers[index]));
}

test('baseline, a follow-up flagged on the caseload, closing with the final ONS4, and the message back as an encrypted PDF', async ({ page, harness }) => {
  await setUpWorkspace(harness, [LINK_WORKER]);
  await personWithReferral(harness);
  await page.goto(harness.url);
  await signIn(page, LINK_WORKER);
  await page.getByRole('grid', { name: 'Caseload' }).getByRole('row').filter({ hasText: PERSON.name }).click();
  await expect(page.getByRole('heading', { level: 1, name: PERSON.name })).toBeFocused();

  const outcomes = page.getByRole('region', { name: 'Wellbeing and outcomes' });
  await expect(outcomes).toContainText('No measures recorded yet.');

  // Baseline ONS4, a week ago: a partial answer is refused, naming the question left out.
  await outcomes.getByRole('button', { name: 'Record ONS4' }).click();
  const baseline = page.getByRole('dialog', { name: 'Record ONS4' });
  await expect(baseline.getByText('Overall, how satisfied are you with your life nowadays?')).toBeVisible();
  await expect(baseline.getByText('ONS bands: 0–4 low, 5–6 medium, 7–8 high, 9–10 very high').first()).toBeVisible();
  await baseline.getByLabel('Date they answered').fill(isoDateFromToday(-7));
  await fillOns4(baseline, [3, 5, 4, 8]);
  await baseline.getByLabel('Anxiety (0 to 10)').fill('');
  await baseline.getByLabel('Next follow-up due').fill(isoDateFromToday(0));
  await baseline.getByRole('button', { name: 'Save measure' }).click();
  await expect(baseline.getByText('Answer “Anxiety”, or record that they declined to answer')).toBeVisible();
  await baseline.getByLabel('Anxiety (0 to 10)').fill('11');
  await baseline.getByRole('button', { name: 'Save measure' }).click();
  await expect(baseline.getByText('Anxiety: use a whole number from 0 to 10')).toBeVisible();
  await baseline.getByLabel('Anxiety (0 to 10)').fill('8');
  await expectAccessible(page, 'ONS4 dialog');
  await snapshot(page, 'outcomes-01-ons4-dialog');
  await baseline.getByRole('button', { name: 'Save measure' }).click();
  await expect(baseline).toBeHidden();
  await expect(outcomes.getByRole('status').filter({ hasText: 'Measure recorded.' })).toBeVisible();
  await expect(outcomes).toContainText(`Next wellbeing follow-up due ${shownDate(isoDateFromToday(0))}.`);
  await expect(outcomes).toContainText('Life satisfaction 3 (low); Worthwhile 5 (medium); Happiness 4 (low); Anxiety 8 (high)');

  // SWEMWBS at baseline, with its attribution.
  await outcomes.getByRole('button', { name: 'Record SWEMWBS' }).click();
  const swemwbs = page.getByRole('dialog', { name: 'Record SWEMWBS' });
  await expect(swemwbs).toContainText('Short Warwick-Edinburgh Mental Well-being Scale (SWEMWBS) © University of Warwick, 2006, all rights reserved.');
  await swemwbs.getByLabel('Date they answered').fill(isoDateFromToday(-7));
  const responses = ['Some of the time (3)', 'Often (4)', 'Rarely (2)', 'Some of the time (3)', 'Often (4)', 'Some of the time (3)', 'All of the time (5)'];
  for (const [index, response] of responses.entries()) {
    await swemwbs.getByRole('radiogroup', { name: new RegExp(`^${index + 1}\\. `) }).getByRole('radio', { name: response }).check();
  }
  await swemwbs.getByLabel('Next follow-up due').fill(isoDateFromToday(0));
  await expectAccessible(page, 'SWEMWBS dialog');
  await snapshot(page, 'outcomes-02-swemwbs-dialog');
  await swemwbs.getByRole('button', { name: 'Save measure' }).click();
  await expect(swemwbs).toBeHidden();
  await expect(outcomes).toContainText('Metric score 21.54 (raw 24)');

  // The follow-up is due today: the caseload flags it.
  await page.getByRole('button', { name: 'Back to caseload' }).click();
  const row = page.getByRole('grid', { name: 'Caseload' }).getByRole('row').filter({ hasText: PERSON.name });
  await expect(row).toContainText('Outcome follow-up due');
  await row.click();
  await expect(outcomes.getByText('Outcome follow-up due')).toBeVisible();

  // The follow-up measure: the change from baseline in plain English, and the chart.
  await outcomes.getByRole('button', { name: 'Record ONS4' }).click();
  const followUp = page.getByRole('dialog', { name: 'Record ONS4' });
  await expect(followUp.getByRole('radio', { name: 'Follow-up' })).toBeChecked();
  await expect(followUp.getByRole('radio', { name: 'Baseline' })).toHaveCount(0);
  await fillOns4(followUp, [5, 6, 6, 5]);
  await followUp.getByRole('button', { name: 'Save measure' }).click();
  await expect(followUp).toBeHidden();
  await expect(outcomes).toContainText('Life satisfaction went from 3 (low) to 5 (medium)');
  await expect(outcomes).toContainText('Anxiety yesterday went from 8 (high) to 5 (medium)');
  await expect(outcomes.getByRole('figure', { name: /ONS4 scores over time/ })).toBeVisible();
  await expect(outcomes).not.toContainText('Outcome follow-up due');
  await expectAccessible(page, 'record with outcomes');
  await outcomes.scrollIntoViewIfNeeded();
  await snapshot(page, 'outcomes-03-record');

  // Closing: the reason, the summary, the final ONS4; then straight on to the message back.
  await page.getByRole('button', { name: 'Close episode' }).click();
  const close = page.getByRole('dialog', { name: 'Close episode' });
  await close.getByLabel('Reason for closing').click();
  await page.getByRole('option', { name: 'Goals met' }).click();
  await close.getByLabel('What mattered to them').fill('Seeing people again');
  await close.getByLabel('What they were offered').fill('Riverside walking group; befriending calls');
  await close.getByLabel('What the result was').fill('Walks every Tuesday and has made friends');
  await close.getByRole('radio', { name: 'They answered' }).check();
  await fillOns4(close, [6, 7, 7, 3]);
  await expectAccessible(page, 'close dialog');
  await snapshot(page, 'outcomes-04-close-dialog');
  await close.getByRole('button', { name: 'Close episode' }).click();

  const exportDialog = page.getByRole('dialog', { name: 'Export: Message back to the GP and referrer' });
  await expect(exportDialog).toContainText('The SNOMED codes recorded');
  await expectAccessible(page, 'message back export dialog');
  await exportDialog.getByRole('button', { name: 'Export' }).click();
  const done = page.getByRole('dialog', { name: 'Message back to the GP and referrer: exported' });
  const passphrase = (await done.getByTestId('export-passphrase').textContent())!.trim();
  const fileName = (await done.getByTestId('export-file-name').textContent())!.trim();
  expect(fileName).toMatch(/^gp-letter-\d{4}-\d{2}-\d{2}-[a-z0-9]+\.zip$/);
  await expectAccessible(page, 'message back exported');
  await snapshot(page, 'outcomes-05-exported');
  await done.getByLabel('I have noted the passphrase').check();
  await done.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Episode closed.' })).toBeVisible();
  await expect(outcomes).toContainText('Life satisfaction went from 3 (low) to 6 (medium)');
  await expect(outcomes).toContainText('Walks every Tuesday and has made friends');

  // The letter, opened as the GP would: the ZIP with the passphrase shown on screen, then the PDF.
  const files = await readExportFiles({ folder: harness.exportFolder, fileName }, passphrase);
  const text = (await pdfText(files.get('message-back-to-gp-and-referrer.pdf')!)).replace(/\s+/g, ' ');
  expect(text).toContain('Life satisfaction went from 3 (low) to 6 (medium).');
  expect(text).toContain('Anxiety yesterday went from 8 (high) to 3 (low).');
  expect(text).toContain('NHS number: 943 476 5919');
  expect(text).toContain('Outcome: Goals met.');
  expect(text).toContain('871731000000106 Referral to social prescribing service');
  expect(text).toContain('OFFICIAL-SENSITIVE');

  // Cohort outcomes, in Reports: one person, so the figures are suppressed.
  await page.getByRole('navigation').getByText('Reports', { exact: true }).click();
  const cohort = page.getByRole('region', { name: 'Wellbeing outcomes of closed referrals' });
  await cohort.getByRole('button', { name: 'Show outcomes' }).click();
  await expect(cohort.getByRole('status').filter({ hasText: 'Closed from' })).toContainText('people. With ONS4 at the start and the end: <8.');
  await expect(cohort).toContainText('Fewer than 8 people have ONS4 at the start and the end, so no figures are shown');
  await expectAccessible(page, 'cohort outcomes');
  await screen(page, 'outcomes-06-cohort');
});

test('cohort outcomes for eight or more people: the table of changes with confidence intervals, and charts, for an admin too', async ({ page, harness }) => {
  await setUpWorkspace(harness, [LINK_WORKER]);
  await callRouter(harness, 'session.signIn', { username: LINK_WORKER.username, password: LINK_WORKER.password });
  const pairs = [
    [[3, 5, 4, 7], [6, 6, 4, 2]],
    [[4, 5, 4, 7], [5, 6, 5, 3]],
    [[5, 5, 4, 7], [6, 6, 4, 4]],
    [[2, 5, 4, 7], [2, 6, 5, 5]],
    [[6, 5, 4, 7], [8, 6, 4, 6]],
    [[7, 5, 4, 7], [6, 6, 5, 7]],
    [[4, 5, 4, 7], [7, 6, 4, 8]],
    [[5, 5, 4, 7], [5, 6, 5, 1]],
  ];
  for (const [index, [baseline, end]] of pairs.entries()) {
    const created = await callRouter<{ person: { id: string } }>(harness, 'people.create', { givenName: `Person${index}`, familyName: 'Cohort', dateOfBirth: '1960-01-01' });
    const episode = await callRouter<{ id: string }>(harness, 'episodes.create', { personId: created.person.id, source: 'self', receivedOn: isoDateFromToday(-20), reasons: ['loneliness'] });
    await callRouter(harness, 'outcomes.record', { episodeId: episode.id, instrument: 'ons4', timepoint: 'baseline', recordedOn: isoDateFromToday(-20), answers: baseline });
    await callRouter(harness, 'outcomes.closeEpisode', { episodeId: episode.id, closureReason: 'goals_met', whatHappened: 'Joined a group', finalOns4: 'answered', finalOns4Answers: end });
  }
  await callRouter(harness, 'session.signOut', {});

  await page.goto(harness.url);
  await signIn(page, ADMIN);
  await page.getByRole('navigation').getByText('Reports', { exact: true }).click();
  const cohort = page.getByRole('region', { name: 'Wellbeing outcomes of closed referrals' });
  await cohort.getByRole('button', { name: 'Show outcomes' }).click();
  await expect(cohort.getByRole('status').filter({ hasText: 'Closed from' })).toContainText('people. With ONS4 at the start and the end: 10.');
  const table = cohort.getByRole('table', { name: /ONS4 at the start and the end/ });
  // Life satisfaction changes 3, 1, 1, 0, 2, −1, 3, 0: mean 1.125; 4 of 8 a band better. Anxiety: −20 / 8 = −2.5.
  await expect(table.getByRole('row', { name: /Life satisfaction/ })).toContainText('+1.13');
  await expect(table.getByRole('row', { name: /Life satisfaction/ })).toContainText('50%');
  await expect(table.getByRole('row', { name: /Anxiety \(lower is better\)/ })).toContainText('−2.50');
  await expect(cohort.getByRole('figure', { name: /^Mean change from start to end, per ONS4 item/ })).toBeVisible();
  await expect(cohort.getByRole('figure', { name: /^Share at least one ONS band better at the end/ })).toBeVisible();
  await expectAccessible(page, 'cohort outcomes with figures');
  await screen(page, 'outcomes-07-cohort-figures');
});
