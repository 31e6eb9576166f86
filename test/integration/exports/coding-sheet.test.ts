import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { ExportResult } from '../../../src/shared/domain/exports';
import type { CodingItem } from '../../../src/shared/ipc/casework-schemas';
import { advanceDays, auditOf, casework, personWithEpisode, recordContact } from '../../support/casework';
import { pdfText, readExportFiles } from '../../support/exports';
import { ok } from '../../support/workspace';
import { declaration, exportEntries } from './support';

const HOSTILE = '=HYPERLINK("http://evil.example","Click")';

/**
 * A fortnight of first contacts, each queueing a GP code a week after the contact, then the
 * sheet for the week of Monday 2 March 2026, made on Wednesday 4 March.
 */
async function fortnight() {
  const work = await casework('2026-02-16T10:00:00.000Z');
  const { worker, clock } = work;
  const firstContact = async (given: string, decision: 'accepted' | 'declined' = 'accepted') => {
    const { person, episode } = await personWithEpisode(worker, { receivedOn: '2026-02-16' }, { givenName: given, familyName: 'Coded' });
    await recordContact(worker, episode.id, { decision });
    return person;
  };
  const overdue = await firstContact('Olwen'); // contact 16 Feb, due 23 Feb
  advanceDays(clock, 1);
  const recordedLastWeek = await firstContact('Lorcan'); // contact 17 Feb
  advanceDays(clock, 7);
  const recordedThisWeek = await firstContact('Rhiannon'); // contact 24 Feb, due 3 Mar
  advanceDays(clock, 1);
  const due = await firstContact(HOSTILE); // contact 25 Feb, due 4 Mar
  advanceDays(clock, 2);
  const queue = await ok<CodingItem[]>(worker, 'coding.queue', { includeRecorded: false });
  const itemOf = (personId: string) => queue.find((item) => item.personId === personId)!.id;
  await ok(worker, 'coding.markRecorded', { itemId: itemOf(recordedLastWeek.id), recordedOn: '2026-02-27' });
  advanceDays(clock, 4); // Tuesday 3 March
  await ok(worker, 'coding.markRecorded', { itemId: itemOf(recordedThisWeek.id), recordedOn: '2026-03-03' });
  const nextWeek = await firstContact('Nerys', 'declined'); // contact 3 Mar, due 10 Mar
  advanceDays(clock, 1); // Wednesday 4 March
  return { work, people: { overdue, recordedLastWeek, recordedThisWeek, due, nextWeek } };
}

function rows(bytes: Uint8Array): Record<string, string>[] {
  return parse(Buffer.from(bytes), { columns: true, bom: true }) as Record<string, string>[];
}

describe('the week’s GP coding sheet', () => {
  it('lists the codes to record by the end of the week (overdue first) and those recorded this week, as CSV and a printable PDF', async () => {
    const { work, people } = await fortnight();
    const result = await ok<ExportResult>(work.worker, 'exports.codingSheet', { declaration: declaration('coding_sheet') });
    expect(result.fileName).toMatch(/^gp-coding-sheet-2026-03-04-[0-9a-f]{6}\.zip$/);
    const files = await readExportFiles(result, result.passphrase);
    expect([...files.keys()].sort()).toEqual(['gp-coding-sheet-2026-03-02.csv', 'gp-coding-sheet-2026-03-02.pdf']);

    const csv = files.get('gp-coding-sheet-2026-03-02.csv')!;
    // A byte order mark, so Excel reads accented names as UTF-8.
    expect([...csv.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const sheet = rows(csv);
    expect(sheet.map((row) => [row.Status, row.Name, row['SNOMED CT code'], row['Contact date'], row['Due by'], row['Recorded on']])).toEqual([
      ['Overdue', 'Olwen Coded', '871731000000106', '2026-02-16', '2026-02-23', ''],
      ['Due', `'${HOSTILE} Coded`, '871731000000106', '2026-02-25', '2026-03-04', ''],
      ['Recorded', 'Rhiannon Coded', '871731000000106', '2026-02-24', '2026-03-03', '2026-03-03'],
    ]);
    expect(sheet[0]).toMatchObject({ 'NHS number': people.overdue.nhsNumber!.replace(/^(\d{3})(\d{3})(\d{4})$/, '$1 $2 $3'), 'Date of birth': '1980-01-15', Term: 'Referral to social prescribing service' });
    expect(sheet[2]!['Recorded by']).toBe(work.names.worker);

    const text = (await pdfText(files.get('gp-coding-sheet-2026-03-02.pdf')!)).replace(/\s+/g, ' ');
    expect(text).toContain('the week of 2 March 2026 to 8 March 2026');
    expect(text).toContain('Overdue: record these first (1) Olwen Coded');
    expect(text).toContain('Recorded this week (1) Rhiannon Coded');
    expect(text.match(/OFFICIAL-SENSITIVE/g)).toHaveLength(2 * Number(/Page 1 of (\d+)/.exec(text)![1]));
  });

  it('covers the week asked for: next week holds what is still to record then, including the new decline code', async () => {
    const { work } = await fortnight();
    const result = await ok<ExportResult>(work.worker, 'exports.codingSheet', { weekOf: '2026-03-12', declaration: declaration('coding_sheet') });
    const files = await readExportFiles(result, result.passphrase);
    expect(rows(files.get('gp-coding-sheet-2026-03-09.csv')!).map((row) => [row.Status, row.Name, row['SNOMED CT code']])).toEqual([
      ['Overdue', 'Olwen Coded', '871731000000106'],
      ['Due', `'${HOSTILE} Coded`, '871731000000106'],
      ['Due', 'Nerys Coded', '871711000000103'],
    ]);
  });

  it('is audited once as an export, and against each person it names so their subject access shows it', async () => {
    const { work, people } = await fortnight();
    const admin = await work.as('admin');
    const result = await ok<ExportResult>(admin, 'exports.codingSheet', { declaration: declaration('coding_sheet') });
    expect(exportEntries(admin)).toEqual([
      expect.objectContaining({
        entity_type: 'export',
        entity_id: result.fileName,
        details: expect.objectContaining({ kind: 'coding_sheet', weekStarting: '2026-03-02', overdue: 1, due: 1, recorded: 1, sha256: result.sha256, encrypted: true }),
      }),
    ]);
    const named = auditOf(admin, 'export.person_included');
    expect(named.map((row) => row.entity_id).sort()).toEqual([people.overdue.id, people.due.id, people.recordedThisWeek.id].sort());
    expect(named.every((row) => JSON.parse(row.details_json).sha256 === result.sha256)).toBe(true);
  });
});
