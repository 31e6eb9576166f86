import type { WorkspaceSession } from '../workspace-session';
import { writeCsvPackage, type TextFile } from './oruk-csv';
import { writeJson } from './oruk-json';
import { RECORD_KINDS, type OrukRecord, type RecordKind } from './oruk-tables';
import { loadAllRecords } from './record-store';

/**
 * Exporting the directory as Open Referral UK: the CSV tabular package (one file per table, as
 * the standard's datapackage.json names them) or JSON (one page of fully nested services). The
 * files come back as text; writing them to disk, with the export centre's checks, comes later.
 * The directory holds no personal data about the people link workers support, so the export is
 * not encrypted; it is audited with its counts.
 */
export async function exportOruk(session: WorkspaceSession, format: 'json' | 'csv') {
  const { db } = session.requireUnlocked();
  return db.transaction().execute(async (trx) => {
    const index = await loadAllRecords(trx);
    const byKind = new Map<RecordKind, OrukRecord[]>(RECORD_KINDS.map((kind) => [kind, index.all(kind)]));
    const files: TextFile[] = format === 'csv' ? writeCsvPackage(byKind) : [writeJson(index)];
    const serviceCount = index.all('service').length;
    const organisationCount = index.all('organization').length;
    const recordCount = [...byKind.values()].reduce((total, records) => total + records.length, 0);
    await session.audit({ action: 'directory.exported', entityType: 'directory', details: { format, files: files.length, services: serviceCount, organisations: organisationCount, records: recordCount } }, trx);
    return { format, files, serviceCount, organisationCount, recordCount };
  });
}
