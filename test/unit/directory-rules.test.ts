import { describe, expect, it } from 'vitest';
import { describeSize, featuresMentionedIn, normaliseUkPostcode, postcodeDistrict, readAreaQuery, utf8Length } from '../../src/shared/domain/directory';
import { ftsQuery } from '../../src/main/services/directory/directory-search';
import { jsonErrorOffset } from '../../src/main/services/directory/oruk-json';
import { v1Uuid } from '../../src/main/services/directory/oruk-v1';
import { readField } from '../../src/main/services/directory/oruk-validate';

describe('directory rules', () => {
  it('reads postcodes, districts and area searches', () => {
    expect(normaliseUkPostcode('ls14ap')).toBe('LS1 4AP');
    expect(normaliseUkPostcode('ABC 1234')).toBeNull();
    expect(postcodeDistrict('SW1A 1AA')).toBe('SW1A');
    expect(postcodeDistrict('LS10 1AB')).toBe('LS10');
    expect(postcodeDistrict('')).toBeNull();
    expect(readAreaQuery('ls6')).toEqual({ kind: 'district', district: 'LS6' });
    expect(readAreaQuery('LS6 2AB')).toEqual({ kind: 'district', district: 'LS6' });
    expect(readAreaQuery('LS')).toEqual({ kind: 'place', name: 'LS', postcodeArea: 'LS' });
    expect(readAreaQuery('Headingley')).toEqual({ kind: 'place', name: 'Headingley', postcodeArea: null });
  });

  it('finds the access features an accessibility note states, and no others', () => {
    expect(featuresMentionedIn('Step-free entrance, accessible toilet and an induction loop')).toEqual(['step_free', 'accessible_toilet', 'hearing_loop']);
    expect(featuresMentionedIn('Wheelchair access on all levels; blue badge parking outside; a quiet room')).toEqual(['step_free', 'accessible_parking', 'quiet_space']);
    expect(featuresMentionedIn('Upstairs, no lift')).toEqual([]);
  });

  it('measures import size in bytes of UTF-8 and says it plainly', () => {
    expect(utf8Length('abc')).toBe(3);
    expect(utf8Length('£')).toBe(2);
    expect(utf8Length('€')).toBe(3);
    expect(utf8Length('😀')).toBe(4);
    expect(utf8Length('é😀x')).toBe(Buffer.byteLength('é😀x'));
    expect(describeSize(20 * 1024 * 1024)).toBe('20 MB');
    expect(describeSize(22.5 * 1024 * 1024)).toBe('22.5 MB');
    expect(describeSize(812 * 1024)).toBe('812 KB');
  });

  it('turns search text into a safe FTS5 query', () => {
    expect(ftsQuery('knit natter')).toBe('"knit"* AND "natter"*');
    expect(ftsQuery('"NEAR(* OR')).toBe('"NEAR"* AND "OR"*');
    expect(ftsQuery(' -- ; ')).toBeNull();
  });

  it('finds where a text stops being JSON', () => {
    expect(jsonErrorOffset('{"a": 1,}')).toEqual({ offset: 8, atEnd: false });
    expect(jsonErrorOffset('[1, 2')).toEqual({ offset: 5, atEnd: true });
    expect(jsonErrorOffset('{"a": tru}')).toEqual({ offset: 9, atEnd: false });
    expect(jsonErrorOffset('"\\x"')).toEqual({ offset: 2, atEnd: false });
    expect(jsonErrorOffset('[1] x')).toEqual({ offset: 4, atEnd: false });
    expect(jsonErrorOffset('{"ok": [true, null, -1.5e3, "\\u00e9"]}')).toEqual({ offset: 38, atEnd: true });
  });

  it('gives v1 ids stable UUIDs, and keeps ids that already are UUIDs', () => {
    expect(v1Uuid('service', 'svc-101')).toBe(v1Uuid('service', 'svc-101'));
    expect(v1Uuid('service', 'svc-101')).not.toBe(v1Uuid('location', 'svc-101'));
    expect(v1Uuid('service', 'svc-101')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(v1Uuid('service', 'AC148810-D857-441C-9679-408F346DE14B')).toBe('ac148810-d857-441c-9679-408f346de14b');
  });

  it('checks ORUK values as CSV text and as JSON', () => {
    const age = { name: 'minimum_age', type: 'number' } as const;
    expect(readField(age, ' 12 ', 'csv')).toEqual({ ok: true, value: 12 });
    expect(readField(age, '', 'csv')).toEqual({ ok: true, value: undefined });
    expect(readField(age, '12 years', 'csv')).toEqual({ ok: false, reason: 'Must be a number, not "12 years"' });
    expect(readField(age, '12', 'json')).toEqual({ ok: false, reason: 'Must be a number, not text' });
    expect(readField(age, null, 'json')).toEqual({ ok: true, value: undefined });
    const time = { name: 'opens_at', type: 'string', format: 'time' } as const;
    expect(readField(time, '09:30', 'csv')).toEqual({ ok: true, value: '09:30' });
    expect(readField(time, '25:00', 'csv')).toMatchObject({ ok: false });
    const when = { name: 'last_modified', type: 'string', format: 'datetime' } as const;
    expect(readField(when, '2023-03-15T10:30:45.123Z', 'json')).toEqual({ ok: true, value: '2023-03-15T10:30:45.123Z' });
    expect(readField(when, '2023-02-30T10:30:45Z', 'json')).toMatchObject({ ok: false });
    const name = { name: 'name', type: 'string', required: true } as const;
    expect(readField(name, '  ', 'csv')).toEqual({ ok: false, reason: 'Required, but empty or missing' });
    expect(readField(name, ['x'], 'json')).toEqual({ ok: false, reason: 'Must be text, not a list' });
    expect(readField(name, ' Keeps its spaces ', 'csv')).toEqual({ ok: true, value: ' Keeps its spaces ' });
  });
});
