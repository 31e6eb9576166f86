import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { Harness } from '../harness/server';
import { ADMIN, LINK_WORKER, callRouter, expect, expectAccessible, isoDateFromToday, setUpWorkspace, signIn, snapshot, test } from './fixtures';

// A made-up person. 943 476 5919 is the NHS's own example number (valid check digit).
const PERSON = { first: 'Margaret', last: 'Oduya', name: 'Margaret Oduya', nhsNumber: '9434765919', dateOfBirth: '1951-04-09' };

/** A person whose only referral closed nine years ago (backdated in the store: the harness clock is the real one). */
async function personPastRetention(harness: Harness): Promise<void> {
  await callRouter(harness, 'session.signIn', { username: LINK_WORKER.username, password: LINK_WORKER.password });
  const created = await callRouter<{ person: { id: string } }>(harness, 'people.create', {
    nhsNumber: PERSON.nhsNumber,
    givenName: PERSON.first,
    familyName: PERSON.last,
    dateOfBirth: PERSON.dateOfBirth,
  });
  const episode = await callRouter<{ id: string }>(harness, 'episodes.create', { personId: created.person.id, source: 'gp_practice', receivedOn: isoDateFromToday(-3), reasons: ['loneliness'] });
  await callRouter(harness, 'contacts.record', { episodeId: episode.id, at: new Date().toISOString(), mode: 'phone', decision: 'accepted', notes: 'Keen on the allotment group' });
  await callRouter(harness, 'episodes.transition', { episodeId: episode.id, to: 'closed', closureReason: 'goals_met' });
  harness.session.requireUnlocked().raw.prepare(`UPDATE episodes SET closed_on = '2017-02-01' WHERE id = ?`).run(episode.id);
  await callRouter(harness, 'session.signOut', {});
}

function area(page: Page, label: string) {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: label, exact: true });
}

async function screen(page: Page, name: string): Promise<void> {
  await page.evaluate('window.scrollTo(0, 0)');
  await snapshot(page, name);
}

test('an admin backs up, checks and restores a backup, then erases a record past retention', async ({ page, harness }) => {
  const backups = mkdtempSync(join(tmpdir(), 'linkdesk-e2e-backups-'));
  try {
    await setUpWorkspace(harness, [LINK_WORKER]);
    await personPastRetention(harness);
    await page.goto(harness.url);
    await signIn(page, ADMIN);
    await area(page, 'Backup and retention').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Backup and retention' })).toBeFocused();
    await expect(page.getByText('Last backup: none yet.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Back up now' })).toBeDisabled();
    await expectAccessible(page, 'backup and retention');
    await screen(page, 'records-page');

    // Settings: a folder that is not there is named as the problem; then a real one.
    const settings = page.getByRole('form', { name: 'Backup settings' });
    await settings.getByLabel('Backup folder').fill(join(backups, 'not-there'));
    await settings.getByRole('radio', { name: 'Every day at a set time' }).check();
    await settings.getByRole('textbox', { name: 'Time of day' }).fill('18:30');
    await settings.getByLabel('Keep this many backups').fill('3');
    await settings.getByRole('button', { name: 'Save backup settings' }).click();
    await expect(settings.getByText('This folder does not exist. Create it first, or check the drive is plugged in')).toBeVisible();
    await settings.getByLabel('Backup folder').fill(backups);
    await settings.getByRole('button', { name: 'Save backup settings' }).click();
    await expect(page.getByText('Backup settings saved.')).toBeVisible();
    await expect(page.getByText(/Backups run every day at 18:30/)).toBeVisible();

    await page.getByRole('button', { name: 'Back up now' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Backup made: linkdesk-backup-' })).toBeVisible();
    expect(readdirSync(backups)).toEqual([expect.stringMatching(/^linkdesk-backup-\d{8}-\d{6}$/)]);
    const list = page.getByRole('table', { name: 'Backups in the folder' });
    await expect(list.getByRole('row')).toHaveCount(2);
    await screen(page, 'records-backup-made');

    // Check the backup: nothing changes, every check listed.
    await list.getByRole('button', { name: /^Check the backup made/ }).click();
    const check = page.getByRole('dialog', { name: 'Check a backup' });
    await check.getByLabel('User name', { exact: true }).fill(ADMIN.username);
    await check.getByLabel('Password', { exact: true }).fill('not the right password');
    await check.getByRole('button', { name: 'Check backup' }).click();
    await expect(check.getByText('This password does not open this backup')).toBeVisible();
    await check.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await check.getByRole('button', { name: 'Check backup' }).click();
    await expect(check.getByText('The backup passed every check.')).toBeVisible();
    await expect(check.getByText('Passed: Audit log')).toBeVisible();
    await expectAccessible(page, 'check a backup');
    await snapshot(page, 'records-backup-checked');
    await check.getByRole('button', { name: 'Cancel' }).click();

    // Restore it: confirm what is lost, then Linkdesk locks and everyone signs in again.
    await list.getByRole('button', { name: /^Restore the backup made/ }).click();
    const restore = page.getByRole('dialog', { name: 'Restore a backup' });
    await restore.getByRole('radio', { name: 'The recovery key' }).check();
    await restore.getByRole('textbox', { name: 'Recovery key' }).fill('AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA');
    await restore.getByRole('button', { name: 'Check and restore' }).click();
    await expect(restore.getByText('Tick to confirm that you understand what is lost')).toBeVisible();
    await restore.getByRole('radio', { name: /An admin’s user name and password/ }).check();
    await restore.getByLabel('User name', { exact: true }).fill(ADMIN.username);
    await restore.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await restore.getByRole('checkbox', { name: /I understand that everything recorded after/ }).check();
    await expectAccessible(page, 'restore a backup');
    await restore.getByRole('button', { name: 'Check and restore' }).click();
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible({ timeout: 15_000 });
    await signIn(page, ADMIN);
    await area(page, 'Backup and retention').click();
    // The restored log ends before that backup was made, but the backup itself is still counted.
    await expect(page.getByText('Last backup: none yet.')).toHaveCount(0);

    // Retention: the person whose referral closed in 2017 is listed; erasing needs their name typed.
    const review = page.getByRole('table', { name: 'Records past retention' });
    await expect(review.getByRole('row').filter({ hasText: PERSON.name })).toContainText('943 476 5919');
    await review.getByRole('button', { name: `Erase ${PERSON.name}’s record` }).click();
    const erase = page.getByRole('dialog', { name: `Erase ${PERSON.name}’s record` });
    await erase.getByLabel(/Type the person’s name/).fill('Margaret Oduyaa');
    await erase.getByRole('button', { name: 'Erase for good' }).click();
    await expect(erase.getByText('This is not the name of the person being erased. Type it as shown')).toBeVisible();
    await expectAccessible(page, 'erase a record');
    await snapshot(page, 'records-erase-dialog');
    await erase.getByLabel(/Type the person’s name/).fill('margaret oduya');
    await erase.getByRole('button', { name: 'Erase for good' }).click();
    await expect(page.getByRole('status').filter({ hasText: `${PERSON.name}’s record was erased` })).toBeVisible();
    await expect(page.getByText('No one’s record is past the retention period.')).toBeVisible();
    await expectAccessible(page, 'after erasure');
    await screen(page, 'records-erased');
  } finally {
    rmSync(backups, { recursive: true, force: true });
  }
});

test('the area is the admin’s only: a link worker has no such item and main refuses the calls', async ({ page, harness }) => {
  await setUpWorkspace(harness, [LINK_WORKER]);
  await page.goto(harness.url);
  await signIn(page, LINK_WORKER);
  await expect(area(page, 'Backup and retention')).toHaveCount(0);
  const refused = await page.evaluate('window.linkdesk.backup.run({})');
  expect(refused).toEqual({ ok: false, error: { code: 'forbidden', message: 'Your role does not allow this.' } });
});
