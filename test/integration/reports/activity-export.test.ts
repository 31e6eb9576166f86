import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { ExportResult } from '../../../src/shared/domain/exports';
import { auditOf } from '../../support/casework';
import { pdfText, readExportFiles } from '../../support/exports';
import { ok, refused } from '../../support/workspace';
import { QUARTER, activityFixture, type ActivityFixture } from './support';

const DECLARATION = { purpose: 'Quarterly activity return', recipient: 'PCN clinical director', lawfulBasis: 'anonymous_statistics' };

async function exportReport(fixture: ActivityFixture, input: Record<string, unknown> = {}, who: 'worker' | 'supervisor' | 'admin' = 'worker') {
  const session = who === 'worker' ? fixture.worker : await fixture.as(who);
  const result = await ok<ExportResult>(session, 'reports.exportActivity', { ...QUARTER, declaration: DECLARATION, ...input });
  const files = await readExportFiles(result);
  const csvBytes = files.get('activity-report.csv')!;
  const csv = parse(Buffer.from(csvBytes).toString('utf8'), { bom: true }) as string[][];
  const pdf = files.get('activity-report.pdf')!;
  return { result, files, csv, csvBytes, pdf, pdfText: await pdfText(pdf) };
}

/** Every name, NHS number and record id of the fixture's people, and of their referrals. */
function personIdentifiers(fixture: ActivityFixture): string[] {
  const { raw } = fixture.worker.requireUnlocked();
  const episodeIds = (raw.prepare('SELECT id FROM episodes').all() as { id: string }[]).map((row) => row.id);
  return [
    ...Object.values(fixture.people).flatMap((person) => [person.id, person.givenName, person.familyName, (person.nhsNumber ?? '').replace(/\s/g, '')].filter(Boolean)),
    ...episodeIds,
  ];
}

describe('exporting the activity report', () => {
  it('writes a plain ZIP of a CSV and a PDF holding the suppressed report, and audits it with the file’s hash and the declaration', async () => {
    const fixture = await activityFixture();
    await ok(await fixture.as('admin'), 'reports.updateSettings', { threshold: 3 });
    const { result, files, csv, pdfText: text } = await exportReport(fixture);

    expect(result).toMatchObject({ encrypted: false, passphrase: null });
    expect(result.fileName).toMatch(/^activity-report-2026-04-15-[0-9a-f]{6}\.zip$/);
    expect([...files.keys()].sort()).toEqual(['activity-report.csv', 'activity-report.pdf']);

    expect(csv[0]).toEqual(['Section', 'Breakdown', 'Item', 'Value']);
    expect(csv).toContainEqual(['About this report', 'PCN activity report', 'Period', '1 January 2026 to 31 March 2026']);
    expect(csv).toContainEqual(['About this report', 'PCN activity report', 'Link worker', 'Everyone']);
    expect(csv).toContainEqual(['About this report', 'PCN activity report', 'Marking', 'OFFICIAL-SENSITIVE']);
    expect(csv).toContainEqual(['Main figures', 'Main figures', 'Referrals received', '13']);
    expect(csv).toContainEqual(['Main figures', 'Main figures', 'Missed contacts (did not attend)', '<3']);
    const rows = (breakdown: string) => csv.filter((row) => row[1] === breakdown).map((row) => `${row[2]}: ${row[3]}`);
    expect(rows('Referrals received')).toEqual(['Jan 2026: 4', 'Feb 2026: 3', 'Mar 2026: 6', 'Total: 13']);
    expect(rows('Referrals received, by source').filter((row) => !row.endsWith(': 0'))).toEqual(['GP and wider general practice: *', 'Pharmacy: <3', 'Self-referral: <3', 'Total: 13']);
    expect(rows('Open referrals at the end of the month')).toEqual(['Jan 2026: 4', 'Feb 2026: 7', 'Mar 2026: 10']);
    expect(rows('Declined social prescribing')).toEqual(['Jan 2026: 0', 'Feb 2026: <3', 'Mar 2026: 0', 'Total: <3']);
    expect(csv).toContainEqual(['ONS4 personal wellbeing: change from the start to the end', 'Anxiety (lower is better)', 'Better at the end', '0']);

    expect(text).toContain('OFFICIAL-SENSITIVE');
    expect(text).toContain('PCN activity report');
    expect(text).toContain('1 January 2026 to 31 March 2026');
    expect(text).toMatch(/Page 1 of \d/);
    for (const title of ['Referrals received, by month', 'Referrals received, by source', 'Caseload size at the end of each month', 'Contacts per person', 'SNOMED codes for the GP record', 'Directory use']) {
      expect(text).toContain(title);
    }
    expect(text).toMatch(/GP and wider general practice\s*\*/);
    expect(text).toMatch(/Pharmacy\s*<3/);

    const written = readFileSync(join(result.folder, result.fileName));
    const [entry] = auditOf(fixture.worker, 'export.created');
    expect(entry).toMatchObject({ actor_username: 'lena.worker', entity_type: 'export', entity_id: result.fileName });
    expect(JSON.parse(entry!.details_json)).toEqual({
      kind: 'activity_report',
      fileName: result.fileName,
      sha256: createHash('sha256').update(written).digest('hex'),
      bytes: written.byteLength,
      encrypted: false,
      purpose: DECLARATION.purpose,
      recipient: DECLARATION.recipient,
      lawfulBasis: 'anonymous_statistics',
      from: QUARTER.from,
      to: QUARTER.to,
      workerUserId: null,
      sections: 'all',
      threshold: 3,
    });
  });

  it('at the default threshold no count from 1 to 7 is in either file, and no person’s name, NHS number or record id is anywhere in them', async () => {
    const fixture = await activityFixture();
    const { result, csv, csvBytes, pdf, pdfText: text } = await exportReport(fixture, { workerUserId: fixture.ids.worker });

    const values = csv.slice(1).filter((row) => row[0] !== 'About this report').map((row) => row[3]!);
    expect(values.length).toBeGreaterThan(100);
    expect(values.filter((value) => /^[1-7]$/.test(value))).toEqual([]);
    expect(values).toContain('<8');
    expect(values.filter((value) => !/^(0|<8|\*|—|\d{2,}|[89])$/.test(value))).toEqual([]);
    // The chart values in the PDF: every number printed beside a bar is 0 or at least 8.
    const chartNumbers = [...text.matchAll(/(?:Jan|Feb|Mar) 2026\s+(\d+)/g)].map((match) => Number(match[1]));
    expect(chartNumbers.length).toBeGreaterThan(0);
    expect(chartNumbers.filter((n) => n > 0 && n < 8)).toEqual([]);

    const identifiers = personIdentifiers(fixture);
    expect(identifiers.length).toBeGreaterThan(40);
    const csvText = Buffer.from(csvBytes).toString('utf8');
    const pdfBytes = Buffer.from(pdf).toString('latin1');
    expect(identifiers.filter((id) => csvText.includes(id) || text.includes(id) || pdfBytes.includes(id) || result.fileName.includes(id))).toEqual([]);
    expect(readdirSync(result.folder)).toEqual([result.fileName]);
    // The worker filter names the link worker (staff), not anyone they support.
    expect(csv).toContainEqual(['About this report', 'PCN activity report', 'Link worker', `${fixture.names.worker} (referrals they hold now)`]);
  });

  it('exports one chart’s section alone, without the main figures, for every staff role', async () => {
    const fixture = await activityFixture();
    for (const who of ['worker', 'supervisor', 'admin'] as const) {
      const { csv, pdfText: text } = await exportReport(fixture, { sections: ['referrals_by_source'] }, who);
      const sections = new Set(csv.slice(1).map((row) => row[0]));
      expect(sections).toEqual(new Set(['About this report', 'Referrals received, by source']));
      expect(text).not.toContain('Main figures');
      expect(text).not.toContain('Caseload size at the end of each month');
    }
    const entries = auditOf(fixture.worker, 'export.created').map((row) => JSON.parse(row.details_json) as Record<string, unknown>);
    expect(entries.map((details) => details.sections)).toEqual(['referrals_by_source', 'referrals_by_source', 'referrals_by_source']);
  });

  it('refuses an export without a purpose or with a bad period, and writes nothing', async () => {
    const fixture = await activityFixture();
    const missing = await refused(fixture.worker, 'reports.exportActivity', { ...QUARTER, declaration: { ...DECLARATION, purpose: '' } });
    expect(missing.fields).toEqual({ 'declaration.purpose': 'Say the purpose (at least 3 characters)' });
    const backwards = await refused(fixture.worker, 'reports.exportActivity', { from: '2026-03-01', to: '2026-01-01', declaration: DECLARATION });
    expect(backwards.fields).toEqual({ to: 'The end of the period must be on or after its start' });
    const noSections = await refused(fixture.worker, 'reports.exportActivity', { ...QUARTER, sections: [], declaration: DECLARATION });
    expect(noSections.fields).toEqual({ sections: 'Choose at least one section' });
    expect(auditOf(fixture.worker, 'export.created')).toEqual([]);
  });
});
