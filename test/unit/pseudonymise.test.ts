import { describe, expect, it } from 'vitest';
import { CsvBuilder } from '../../src/main/services/exports/csv';
import { weekAround } from '../../src/main/services/exports/coding-sheet';
import { ageBand, ageOn, districtOf } from '../../src/shared/domain/pseudonymise';

describe('age bands', () => {
  it('counts a birthday only once it has come', () => {
    expect(ageOn('1951-03-05', '2026-03-04')).toBe(74);
    expect(ageOn('1951-03-05', '2026-03-05')).toBe(75);
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
  });

  it.each([
    ['2026-03-04', '0-17'],
    ['2008-03-05', '0-17'],
    ['2008-03-04', '18-24'],
    ['2001-03-05', '18-24'],
    ['2001-03-04', '25-34'],
    ['1961-03-04', '65-74'],
    ['1951-03-05', '65-74'],
    ['1951-03-04', '75-84'],
    ['1941-03-04', '85+'],
    ['1900-01-01', '85+'],
  ])('born %s is %s on 4 March 2026', (born, band) => {
    expect(ageBand(born, '2026-03-04')).toBe(band);
  });

  it('is empty when the date of birth is unknown or after the date', () => {
    expect(ageBand(null, '2026-03-04')).toBe('');
    expect(ageBand('2026-03-05', '2026-03-04')).toBe('');
  });
});

describe('postcode districts', () => {
  it.each([
    ['LS6 2AB', 'LS6'],
    ['ls62ab', 'LS6'],
    ['SW1A 1AA', 'SW1A'],
    ['M1 1AE', 'M1'],
    ['not a postcode', ''],
    [null, ''],
  ])('%s → %s', (postcode, district) => {
    expect(districtOf(postcode)).toBe(district);
  });
});

describe('CSV', () => {
  it('quotes only where needed, ends lines with CRLF and defuses text a spreadsheet would run as a formula', () => {
    const csv = new CsvBuilder(['name', 'minutes', 'dna']);
    csv.row(['O\'Neil, "Bob"', 30, false]);
    csv.row(['=1+2', 0, true]);
    csv.row(['-Dash', null, true]);
    csv.row(['@SUM(A1)', 5, false]);
    expect(new TextDecoder().decode(csv.bytes())).toBe('name,minutes,dna\r\n"O\'Neil, ""Bob""",30,no\r\n\'=1+2,0,yes\r\n\'-Dash,,yes\r\n\'@SUM(A1),5,no\r\n');
    expect(csv.rows).toBe(4);
  });
});

describe('the coding sheet week', () => {
  it('runs Monday to Sunday', () => {
    expect(weekAround('2026-03-04')).toEqual({ monday: '2026-03-02', sunday: '2026-03-08' });
    expect(weekAround('2026-03-02')).toEqual({ monday: '2026-03-02', sunday: '2026-03-08' });
    expect(weekAround('2026-03-08')).toEqual({ monday: '2026-03-02', sunday: '2026-03-08' });
  });
});
