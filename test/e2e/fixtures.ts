import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test as base, type Page } from '@playwright/test';
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
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(blocking.map((v) => `${screen}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Saves a screenshot under test-results/screens so people can look at each screen. */
export async function snapshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}
