import { describe, expect, it } from 'vitest';
import { residualDiscloses, suppressCount, suppressTable, type RawTable } from '../../src/main/services/reports/suppression';
import { monthSpan, monthsBetween } from '../../src/shared/domain/reports';

function breakdown(counts: number[], additive = true): RawTable {
  return {
    id: 'test',
    section: 'referrals_by_source',
    title: 'Test',
    unit: 'Referrals',
    rows: counts.map((count, index) => ({ key: `k${index}`, label: `Row ${index}`, count })),
    additive,
  };
}

const shown = (table: ReturnType<typeof suppressTable>) => table.rows.map((row) => row.count.shown);

describe('primary suppression of one count', () => {
  it('shows 0 as 0, 1 to 7 as "<8" with no number, and 8 upwards as the number, at the default threshold of 8', () => {
    expect(suppressCount(0, 8)).toEqual({ value: 0, shown: '0', state: 'shown' });
    expect(suppressCount(1, 8)).toEqual({ value: null, shown: '<8', state: 'small' });
    expect(suppressCount(7, 8)).toEqual({ value: null, shown: '<8', state: 'small' });
    expect(suppressCount(8, 8)).toEqual({ value: 8, shown: '8', state: 'shown' });
    expect(suppressCount(1234, 8)).toEqual({ value: 1234, shown: '1,234', state: 'shown' });
  });

  it('follows a configured threshold: at 5, 1 to 4 show as "<5" and 5 shows as 5', () => {
    expect(suppressCount(0, 5).shown).toBe('0');
    expect(suppressCount(1, 5).shown).toBe('<5');
    expect(suppressCount(4, 5)).toEqual({ value: null, shown: '<5', state: 'small' });
    expect(suppressCount(5, 5)).toEqual({ value: 5, shown: '5', state: 'shown' });
    expect(suppressCount(7, 5).shown).toBe('7');
  });

  it('at the highest threshold of 20, 19 is small and 20 is shown; at the lowest of 3, 2 is small and 3 is shown', () => {
    expect(suppressCount(19, 20).shown).toBe('<20');
    expect(suppressCount(20, 20).shown).toBe('20');
    expect(suppressCount(2, 3).shown).toBe('<3');
    expect(suppressCount(3, 3).shown).toBe('3');
  });

  it('refuses a count that is not a whole number of 0 or more', () => {
    expect(() => suppressCount(-1, 8)).toThrow();
    expect(() => suppressCount(2.5, 8)).toThrow();
  });
});

describe('secondary suppression of a breakdown with a total', () => {
  it('leaves a breakdown with no small numbers alone', () => {
    const result = suppressTable(breakdown([8, 12, 0, 30]), 8);
    expect(shown(result)).toEqual(['8', '12', '0', '30']);
    expect(result.total).toEqual({ value: 50, shown: '50', state: 'shown' });
  });

  it('hides the smallest other row when one small number could be worked out from the total', () => {
    // 3 + 9 + 20 = 32: with only the 3 hidden, 32 − 9 − 20 gives it away.
    const result = suppressTable(breakdown([3, 20, 9, 0]), 8);
    expect(shown(result)).toEqual(['<8', '20', '*', '0']);
    expect(result.rows.map((row) => row.count.value)).toEqual([null, 20, null, 0]);
    expect(result.total?.shown).toBe('32');
  });

  it('does not need a second row when the small numbers together reach the threshold and none can be pinned', () => {
    // 4 + 5 = 9 hidden: each could be anything from 2 to 7.
    const result = suppressTable(breakdown([4, 5, 30]), 8);
    expect(shown(result)).toEqual(['<8', '<8', '30']);
  });

  it('hides more when the small numbers add up to less than the threshold', () => {
    // 2 + 3 = 5 is itself a small number.
    const result = suppressTable(breakdown([2, 3, 10, 40]), 8);
    expect(shown(result)).toEqual(['<8', '<8', '*', '40']);
  });

  it('hides more when two small numbers can only be 7 and 7', () => {
    const result = suppressTable(breakdown([7, 7, 25, 9]), 8);
    expect(shown(result)).toEqual(['<8', '<8', '25', '*']);
  });

  it('withholds the whole breakdown, zeros included, when even hiding every row would give the numbers away', () => {
    // Ten sources with one referral each and a total of 10: every row must be 1.
    const result = suppressTable(breakdown([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0]), 8);
    expect(result.withheld).toBe(true);
    expect(result.rows.every((row) => row.count.value === null && row.count.shown === '—')).toBe(true);
    expect(result.total?.shown).toBe('10');
  });

  it('keeps to primary suppression when the total is itself small (the residual is then unknown)', () => {
    const result = suppressTable(breakdown([3, 2, 0]), 8);
    expect(shown(result)).toEqual(['<8', '<8', '0']);
    expect(result.total?.shown).toBe('<8');
  });

  it('shows a total of 0 and every row as 0', () => {
    const result = suppressTable(breakdown([0, 0, 0]), 8);
    expect(shown(result)).toEqual(['0', '0', '0']);
    expect(result.total?.shown).toBe('0');
  });

  it('applies only primary suppression to a breakdown whose rows need not add up (several reasons per referral)', () => {
    const result = suppressTable(breakdown([3, 20, 9], false), 8);
    expect(shown(result)).toEqual(['<8', '20', '9']);
    expect(result.total).toBeNull();
  });

  it('uses the configured threshold for secondary suppression too', () => {
    // At 5: 4 is small, 6 and 7 are not; 4 alone with a total of 17 is found by subtraction.
    const result = suppressTable(breakdown([4, 6, 7]), 5);
    expect(shown(result)).toEqual(['<5', '*', '7']);
  });
});

describe('the residual test', () => {
  it('judges what a reader can work out from the total', () => {
    expect(residualDiscloses(0, 0, 0, 8)).toBe(false);
    expect(residualDiscloses(7, 1, 0, 8)).toBe(true);
    expect(residualDiscloses(8, 2, 0, 8)).toBe(false);
    expect(residualDiscloses(14, 2, 0, 8)).toBe(true);
    expect(residualDiscloses(13, 2, 0, 8)).toBe(false);
    // One small and one hidden (at least 8): a residual of 9 pins the small one at 1; 10 does not.
    expect(residualDiscloses(9, 1, 1, 8)).toBe(true);
    expect(residualDiscloses(10, 1, 1, 8)).toBe(false);
  });
});

describe('report periods', () => {
  it('lists the calendar months a period touches, across a year end, and none for a period that runs backwards or is not made of dates', () => {
    expect(monthsBetween('2025-11-15', '2026-02-01')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-03-31', '2026-03-31')).toEqual(['2026-03']);
    expect(monthSpan('2023-01-01', '2025-12-31')).toBe(36);
    expect(monthsBetween('2026-03-01', '2026-02-28')).toEqual([]);
    expect(monthsBetween('2026-03-01', '\uffff')).toEqual([]);
    expect(monthSpan('', '2026-01-01')).toBe(0);
  });
});
