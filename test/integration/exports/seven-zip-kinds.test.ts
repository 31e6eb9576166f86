import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExportResult } from '../../../src/shared/domain/exports';
import type { JobProgress } from '../../../src/shared/ipc/exports-schemas';
import { casework } from '../../support/casework';
import { readExportFiles } from '../../support/exports';
import { ok } from '../../support/workspace';
import { declaration, finished, fullRecord, MARGARET } from './support';

/** Opens an archive with Debian's 7-Zip, as a recipient would, and returns its files. */
function sevenZip(result: ExportResult): Map<string, Buffer> {
  const archive = join(result.folder, result.fileName);
  const listing = execFileSync('7z', ['l', '-slt', `-p${result.passphrase}`, archive], { encoding: 'utf8' });
  expect(listing).toMatch(/Method = AES-256/);
  expect(listing).toMatch(/Comment = OFFICIAL-SENSITIVE/);
  const out = mkdtempSync(join(tmpdir(), 'linkdesk-7z-'));
  execFileSync('7z', ['x', `-p${result.passphrase}`, `-o${out}`, archive], { encoding: 'utf8' });
  return new Map(readdirSync(out).map((name) => [name, readFileSync(join(out, name))]));
}

describe('every kind from the export centre opens in 7-Zip', () => {
  it('subject access, transfer bundle, GP coding sheet and pseudonymised extract: AES-256, with the same files Linkdesk wrote', async () => {
    if (spawnSync('7z', ['--help']).error) throw new Error('7-Zip (7z, Debian package p7zip-full) is needed for this test; .ci/run installs it.');
    const work = await casework();
    const record = await fullRecord(work);
    const admin = await work.as('admin');
    const { jobId } = await ok<{ jobId: string }>(admin, 'exports.pseudonymisedExtract', { declaration: declaration('pseudonymised_extract') });
    const extract = await finished(admin, jobId);
    const results: Record<string, ExportResult> = {
      subject_access: await ok<ExportResult>(work.worker, 'exports.subjectAccess', { personId: record.personId, declaration: declaration('subject_access') }),
      transfer_bundle: await ok<ExportResult>(work.worker, 'exports.transferBundle', { personId: record.personId, declaration: declaration('transfer_bundle') }),
      coding_sheet: await ok<ExportResult>(work.worker, 'exports.codingSheet', { weekOf: '2026-03-09', declaration: declaration('coding_sheet') }),
      pseudonymised_extract: (extract as JobProgress).result!,
    };
    for (const [kind, result] of Object.entries(results)) {
      const opened = sevenZip(result);
      const written = await readExportFiles(result, result.passphrase);
      expect([...opened.keys()].sort(), kind).toEqual([...written.keys()].sort());
      for (const [name, bytes] of written) expect(opened.get(name)!.equals(Buffer.from(bytes)), `${kind}: ${name}`).toBe(true);
    }
    expect(JSON.parse(sevenZip(results.subject_access!).get('subject-access.json')!.toString('utf8')).sections.person.nhsNumber).toBe(MARGARET.nhsNumber);
    expect(sevenZip(results.coding_sheet!).get('gp-coding-sheet-2026-03-09.csv')!.toString('utf8')).toContain(`${MARGARET.givenName} ${MARGARET.familyName}`);
  });
});
