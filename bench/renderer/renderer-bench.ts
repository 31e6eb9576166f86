import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { DEFAULT_RENDERER_DIR, startHarness } from '../../test/harness/server';
import { router } from '../../src/main/ipc';
import { summarise, type Summary } from '../measure/timing';

/**
 * The renderer on the big dataset, in Debian's Chromium through the test harness (the built page,
 * with window.linkdesk wired to the real router and encrypted store): the time from pressing
 * Sign in to the first caseload row on screen, and from pressing "next page" to the next page's
 * rows on screen. Not part of `npm test`: the suite launches it.
 */
const CHROMIUM = process.env.LINKDESK_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--lang=en-GB'];

export interface RendererResult {
  unlockToRows: Summary;
  paging: Summary;
  pages: number;
}

/** The newest modification time of any file under the folders (0 when there are none). */
function newestChange(folders: readonly string[]): number {
  let newest = 0;
  for (const folder of folders) {
    for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
    }
  }
  return newest;
}

/** Builds the renderer if it has not been built, or its sources changed since (CI has just built it for the e2e tests). */
export function ensureBuiltRenderer(log: (line: string) => void): void {
  const index = join(DEFAULT_RENDERER_DIR, 'index.html');
  if (existsSync(index) && statSync(index).mtimeMs >= newestChange([resolve('src/renderer'), resolve('src/shared')])) return;
  log('Building the renderer first (electron-vite build)…');
  execFileSync(process.execPath, [resolve('node_modules/electron-vite/bin/electron-vite.js'), 'build'], { stdio: 'inherit' });
}

async function signInAndWaitForRows(page: Page, url: string, username: string, password: string): Promise<number> {
  await page.goto(url);
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Password').fill(password);
  const firstRow = page.locator('.MuiDataGrid-row').first();
  const started = performance.now();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await firstRow.waitFor({ state: 'visible', timeout: 60_000 });
  return performance.now() - started;
}

async function nextPage(page: Page): Promise<number> {
  const firstRow = page.locator('.MuiDataGrid-row').first();
  const before = await firstRow.getAttribute('data-id');
  const started = performance.now();
  await page.getByRole('button', { name: 'Go to next page' }).click();
  await page.locator(`.MuiDataGrid-row[data-id="${before}"]`).waitFor({ state: 'detached', timeout: 30_000 });
  await firstRow.waitFor({ state: 'visible', timeout: 30_000 });
  return performance.now() - started;
}

export async function measureRenderer(options: { workspaceFolder: string; username: string; password: string; signIns: number; pages: number }): Promise<RendererResult> {
  const harness = await startHarness({ folder: options.workspaceFolder, idleMillisecondsOverride: 24 * 3_600_000 });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 800 }, locale: 'en-GB', timezoneId: 'Europe/London' });
    const unlock: number[] = [];
    // One sign-in more than counted: the first warms the browser's and the disk's caches.
    for (let round = 0; round <= options.signIns; round += 1) {
      const ms = await signInAndWaitForRows(page, harness.url, options.username, options.password);
      if (round > 0) unlock.push(ms);
      if (round < options.signIns) await router(harness.session, 'session.signOut', {});
    }
    // Every referral, closed ones too, so there are always pages to turn (a small dataset's open caseload fits on two).
    const firstRow = await page.locator('.MuiDataGrid-row').first().getAttribute('data-id');
    await page.getByLabel('Include closed').check();
    await page.locator(`.MuiDataGrid-row[data-id="${firstRow}"]`).waitFor({ state: 'detached', timeout: 30_000 }).catch(() => undefined);
    await page.locator('.MuiDataGrid-row').first().waitFor({ state: 'visible' });
    const paging: number[] = [];
    for (let n = 0; n < options.pages; n += 1) paging.push(await nextPage(page));
    return { unlockToRows: summarise(unlock), paging: summarise(paging), pages: options.pages };
  } finally {
    await browser.close();
    await harness.close();
  }
}
