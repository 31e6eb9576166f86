import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { FREE_FAILURES, MAX_DELAY_SECONDS, backoffSeconds } from '../../src/main/services/sign-in-throttle';

describe('the sign-in back-off schedule', () => {
  it('lets one failure go, then doubles the wait from 2 seconds up to 15 minutes', () => {
    expect(FREE_FAILURES).toBe(1);
    expect(MAX_DELAY_SECONDS).toBe(900);
    expect([0, 1, 2, 3, 4, 5, 6, 10, 11, 12, 50, 1000].map(backoffSeconds)).toEqual([0, 0, 2, 4, 8, 16, 32, 512, 900, 900, 900, 900]);
    for (let failures = 2; failures < 40; failures += 1) expect(backoffSeconds(failures + 1)).toBeGreaterThanOrEqual(backoffSeconds(failures));
  });

  it('is the schedule docs/security.md gives', () => {
    const doc = readFileSync(new URL('../../docs/security.md', import.meta.url), 'utf8');
    const section = doc.slice(doc.indexOf('\n## Sign-in back-off\n'), doc.indexOf('\n## ', doc.indexOf('\n## Sign-in back-off\n') + 1));
    const rows = [...section.matchAll(/^\| (\d+) \| (none|\d+ s) \|$/gm)].map((match) => [Number(match[1]), match[2] === 'none' ? 0 : Number.parseInt(match[2]!, 10)]);
    expect(rows.length).toBeGreaterThanOrEqual(4);
    for (const [failures, seconds] of rows) expect(backoffSeconds(failures!), `${failures} failures`).toBe(seconds);
    expect(section).toMatch(/\| 11 and more \| 15 minutes \(the cap\) \|/);
    expect(backoffSeconds(10)).toBeLessThan(MAX_DELAY_SECONDS);
    expect(backoffSeconds(11)).toBe(15 * 60);
  });
});
