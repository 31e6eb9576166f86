import { describe, expect, it } from 'vitest';
import {
  addDays,
  addWorkingDays,
  BANK_HOLIDAY_YEARS,
  BANK_HOLIDAYS_ENGLAND_AND_WALES,
  daysBetween,
  isoDateOf,
  isWorkingDay,
  weekdayOf,
} from '../../src/shared/domain/working-days';

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function mondayOnOrAfter(date: string): string {
  let day = date;
  while (weekdayOf(day) !== 1) day = addDays(day, 1);
  return day;
}

function lastMondayOf(year: number, month: number): string {
  let day = addDays(`${year}-${String(month + 1).padStart(2, '0')}-01`, -1);
  while (weekdayOf(day) !== 1) day = addDays(day, -1);
  return day;
}

/** The rules GOV.UK follows for England and Wales, with substitute days for weekend holidays. */
function holidaysByRule(year: number): string[] {
  const easter = easterSunday(year);
  const newYear = `${year}-01-01`;
  const christmas = `${year}-12-25`;
  const boxingDay = `${year}-12-26`;
  const substitute = (date: string) => (weekdayOf(date) === 6 ? addDays(date, 2) : weekdayOf(date) === 0 ? addDays(date, 1) : date);
  let christmasObserved = christmas;
  let boxingObserved = boxingDay;
  if (weekdayOf(christmas) === 6) [christmasObserved, boxingObserved] = [addDays(christmas, 2), addDays(christmas, 3)];
  else if (weekdayOf(christmas) === 0) [christmasObserved, boxingObserved] = [addDays(christmas, 2), boxingDay];
  else if (weekdayOf(christmas) === 5) boxingObserved = addDays(christmas, 3);
  return [
    substitute(newYear),
    addDays(easter, -2),
    addDays(easter, 1),
    mondayOnOrAfter(`${year}-05-01`),
    lastMondayOf(year, 5),
    lastMondayOf(year, 8),
    christmasObserved,
    boxingObserved,
  ].sort();
}

describe('England and Wales bank holidays', () => {
  it('lists exactly the eight holidays the rules give for every year from 2024 to 2030', () => {
    for (let year = BANK_HOLIDAY_YEARS.first; year <= BANK_HOLIDAY_YEARS.last; year += 1) {
      const listed = [...BANK_HOLIDAYS_ENGLAND_AND_WALES].filter((date) => date.startsWith(`${year}-`)).sort();
      expect(listed, String(year)).toEqual(holidaysByRule(year));
    }
    expect(BANK_HOLIDAYS_ENGLAND_AND_WALES.size).toBe(8 * 7);
  });

  it('puts every holiday on a weekday, with the known substitute days', () => {
    for (const date of BANK_HOLIDAYS_ENGLAND_AND_WALES) expect([1, 2, 3, 4, 5], date).toContain(weekdayOf(date));
    expect(BANK_HOLIDAYS_ENGLAND_AND_WALES.has('2026-12-28')).toBe(true); // Boxing Day 2026 is a Saturday
    expect(BANK_HOLIDAYS_ENGLAND_AND_WALES.has('2028-01-03')).toBe(true); // New Year's Day 2028 is a Saturday
    expect(BANK_HOLIDAYS_ENGLAND_AND_WALES.has('2026-04-03')).toBe(true); // Good Friday 2026
  });
});

describe('working days', () => {
  it('are Monday to Friday, except bank holidays', () => {
    expect(isWorkingDay('2026-03-02')).toBe(true); // Monday
    expect(isWorkingDay('2026-03-07')).toBe(false); // Saturday
    expect(isWorkingDay('2026-03-08')).toBe(false); // Sunday
    expect(isWorkingDay('2026-05-25')).toBe(false); // Spring bank holiday
  });

  it('count forward from the day after the date given', () => {
    expect(addWorkingDays('2026-03-02', 5)).toBe('2026-03-09'); // Monday to Monday
    expect(addWorkingDays('2026-03-05', 5)).toBe('2026-03-12'); // Thursday over a weekend
    expect(addWorkingDays('2026-03-07', 1)).toBe('2026-03-09'); // received on a Saturday
    expect(addWorkingDays('2026-03-02', 0)).toBe('2026-03-02');
  });

  it('skip Easter and the Christmas substitute days', () => {
    expect(addWorkingDays('2026-04-01', 5)).toBe('2026-04-10'); // Wed 1 Apr: skips Good Friday and Easter Monday
    expect(addWorkingDays('2026-12-23', 3)).toBe('2026-12-30'); // skips 25 Dec, the weekend and 28 Dec
    expect(addWorkingDays('2027-12-23', 2)).toBe('2027-12-29'); // Christmas and Boxing Day both substituted
  });

  it('skip only weekends outside the years the table covers', () => {
    expect(addWorkingDays('2031-12-24', 1)).toBe('2031-12-25');
  });
});

describe('calendar dates', () => {
  it('add days across month and year ends, and count the days between', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 7)).toBe('2027-01-07');
    expect(addDays('2026-03-09', -7)).toBe('2026-03-02');
    expect(daysBetween('2026-03-02', '2026-05-25')).toBe(84);
    expect(daysBetween('2026-03-09', '2026-03-02')).toBe(-7);
  });

  it('takes the local calendar date of a moment', () => {
    expect(isoDateOf(new Date(2026, 10, 22, 23, 59))).toBe('2026-11-22');
    expect(isoDateOf(new Date(2026, 0, 1, 0, 0))).toBe('2026-01-01');
  });
});
