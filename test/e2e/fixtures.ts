import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test as base, type Page } from '@playwright/test';
import { format } from 'date-fns';
import { enGB } from 'date-fns/locale/en-GB';
import { router } from '../../src/main/ipc';
import { startHarness, type Harness } from '../harness/server';

process.env.LINKDESK_SILENT = '1';

export const ADMIN = { username: 'ada.admin', fullName: 'Ada Lovelace', password: 'correct horse battery staple' };
export const WORKSPACE_NAME = 'Brook Lane PCN';

interface Fixtures {
  /** Idle lock for this test's harness, in milliseconds; the workspace setting applies when unset. */
  idleMilliseconds: number | undefined;
  harness: Harness;
}

/** Each test gets its own empty workspace folder and harness, torn down afterwards. */
export const test = base.extend<Fixtures>({
  idleMilliseconds: [undefined, { option: true }],
  harness: async ({ idleMilliseconds }, use) => {
    const folder = mkdtempSync(join(tmpdir(), 'linkdesk-e2e-'));
    const harness = await startHarness({ folder, idleMillisecondsOverride: idleMilliseconds });
    await use(harness);
    await harness.close();
    rmSync(folder, { recursive: true, force: true });
  },
});
export { expect };

/** Fails on any serious or critical WCAG 2.2 A/AA violation on the page as it is now. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  // Judge the screen as people see it once it has settled: mid-fade colours are not the design's.
  // (Polled with evaluate: waitForFunction compiles its predicate in the page, which the app's CSP forbids.)
  await expect.poll(() => page.evaluate<boolean>('document.getAnimations().every((animation) => animation.playState !== "running")')).toBe(true);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(blocking.map((v) => `${screen}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Saves a screenshot under test-results/screens so people can look at each screen. */
export async function snapshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}

/** People the casework tests sign in as (made up; the workspace is a temp folder). */
export const LINK_WORKER = { username: 'sam.worker', fullName: 'Samira Okafor', password: 'kettle lantern orchard nine', role: 'link_worker' } as const;
export const SUPERVISOR = { username: 'gp.super', fullName: 'Dr Priya Raman', password: 'violet harbour teapot seven', role: 'gp_supervisor' } as const;

type StaffMember = { username: string; fullName: string; password: string; role: 'link_worker' | 'gp_supervisor' | 'admin' };

/** Calls the real router directly (fast set-up), failing the test with main's message if it refuses. */
export async function callRouter<T = unknown>(harness: Harness, channel: string, input: unknown): Promise<T> {
  const envelope = await router(harness.session, channel, input);
  if (!envelope.ok) throw new Error(`${channel} refused: ${envelope.error.code} ${envelope.error.message} ${JSON.stringify(envelope.error.fields ?? {})}`);
  return envelope.data as T;
}

/** A workspace with the admin and the given staff, set up through the backend and left locked. */
export async function setUpWorkspace(harness: Harness, staff: readonly StaffMember[]): Promise<void> {
  await harness.session.setup({ workspaceName: WORKSPACE_NAME, adminUsername: ADMIN.username, adminDisplayName: ADMIN.fullName, adminPassword: ADMIN.password });
  await callRouter(harness, 'session.signIn', { username: ADMIN.username, password: ADMIN.password });
  for (const member of staff) {
    await callRouter(harness, 'users.create', { username: member.username, displayName: member.fullName, role: member.role, temporaryPassword: member.password });
  }
  await callRouter(harness, 'session.signOut', {});
}

/** An admin assigns link workers to a GP supervisor, who may then read their casework; left locked. */
export async function assignSupervision(harness: Harness, supervisor: StaffMember, workers: readonly StaffMember[]): Promise<void> {
  await callRouter(harness, 'session.signIn', { username: ADMIN.username, password: ADMIN.password });
  const users = await callRouter<{ id: string; username: string }[]>(harness, 'users.list', {});
  const idOf = (member: StaffMember) => users.find((user) => user.username === member.username)!.id;
  for (const worker of workers) await callRouter(harness, 'supervisionPairs.assign', { supervisorUserId: idOf(supervisor), workerUserId: idOf(worker) });
  await callRouter(harness, 'session.signOut', {});
}

/** Signs in through the sign-in screen and waits for the app frame. */
export async function signIn(page: Page, member: { username: string; fullName: string; password: string }): Promise<void> {
  await page.getByLabel('User name').fill(member.username);
  await page.getByLabel('Password').fill(member.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('banner')).toContainText(member.fullName);
}

/** A local calendar date `days` from today as yyyy-mm-dd (negative for the past). */
export function isoDateFromToday(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** The date as the app shows it, e.g. "3 May 2026". */
export function shownDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return format(new Date(year, month - 1, day), 'd MMM yyyy', { locale: enGB });
}

/** A made-up person for a referral set up through the backend. */
export interface TestPerson {
  first: string;
  last: string;
  name: string;
  nhsNumber: string;
  dateOfBirth: string;
}

/**
 * A person with a referral received ten days ago and accepted at a first contact today, made by
 * whoever is signed in to the harness (a link worker).
 */
export async function personWithAcceptedReferral(harness: Harness, person: TestPerson, reasons: readonly string[] = ['loneliness']): Promise<{ personId: string; episodeId: string }> {
  const created = await callRouter<{ person: { id: string } }>(harness, 'people.create', {
    nhsNumber: person.nhsNumber,
    givenName: person.first,
    familyName: person.last,
    dateOfBirth: person.dateOfBirth,
  });
  const episode = await callRouter<{ id: string }>(harness, 'episodes.create', { personId: created.person.id, source: 'gp_practice', receivedOn: isoDateFromToday(-10), reasons });
  await callRouter(harness, 'contacts.record', { episodeId: episode.id, at: new Date().toISOString(), mode: 'phone', decision: 'accepted' });
  return { personId: created.person.id, episodeId: episode.id };
}

/** Opens a person's record from the caseload grid and waits for its heading to take focus. */
export async function openRecordFromCaseload(page: Page, name: string): Promise<void> {
  await page.getByRole('grid', { name: 'Caseload' }).getByRole('row').filter({ hasText: name }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeFocused();
}
