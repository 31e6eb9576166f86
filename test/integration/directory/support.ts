import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RawDatabase } from '../../../src/main/store/open-database';
import type { WorkspaceSession } from '../../../src/main/services/workspace-session';
import type { DirectoryEntry, ImportReport } from '../../../src/shared/ipc/directory-contract';
import { ok } from '../../support/workspace';

export const ORUK_FIXTURES = join(import.meta.dirname, 'fixtures', 'open-referral-uk');

export interface TextFile {
  name: string;
  content: string;
}

/** The standard's example CSV package, every file, as the renderer would send it. */
export function examplePackage(): TextFile[] {
  const folder = join(ORUK_FIXTURES, 'examples', 'csv');
  return readdirSync(folder)
    .filter((name) => name.endsWith('.csv'))
    .sort()
    .map((name) => ({ name, content: readFileSync(join(folder, name), 'utf8') }));
}

export function importFiles(session: WorkspaceSession, format: 'json' | 'csv', files: TextFile[]): Promise<ImportReport> {
  return ok<ImportReport>(session, 'directory.importOruk', { format, files });
}

export async function exportFiles(session: WorkspaceSession, format: 'json' | 'csv'): Promise<TextFile[]> {
  const result = await ok<{ files: TextFile[] }>(session, 'directory.exportOruk', { format });
  return result.files;
}

/**
 * Everything the directory holds, without what differs between two workspaces holding the same
 * data (Linkdesk's own row ids, who and when): organisations and entries by ORUK id, with their
 * sessions and features, and every ORUK record, table by table, in stored order.
 */
export function directoryDump(raw: RawDatabase) {
  const organisations = raw.prepare('SELECT oruk_id, name, description, website, email FROM directory_organisations ORDER BY oruk_id').all();
  const services = (
    raw
      .prepare(
        `SELECT s.*, o.oruk_id AS organisation_oruk_id FROM directory_services s JOIN directory_organisations o ON o.id = s.organisation_id ORDER BY s.oruk_id`,
      )
      .all() as Record<string, unknown>[]
  ).map((row) => {
    const schedules = raw.prepare('SELECT position, weekday, start_time, end_time, frequency FROM directory_schedules WHERE service_id = ? ORDER BY position').all(row.id);
    const features = raw.prepare('SELECT feature FROM directory_service_features WHERE service_id = ? ORDER BY feature').all(row.id);
    const kept = Object.fromEntries(
      Object.entries(row).filter(([column]) => !['seq', 'id', 'organisation_id', 'created_at', 'created_by', 'updated_at', 'updated_by', 'imported_at', 'row_version', 'last_checked_by'].includes(column)),
    );
    return { ...kept, schedules, features };
  });
  const records = raw.prepare('SELECT kind, oruk_id, record_json FROM directory_oruk_records ORDER BY kind, seq').all();
  return { organisations, services, records };
}

export function recordCounts(raw: RawDatabase): Record<string, number> {
  const rows = raw.prepare('SELECT kind, count(*) AS n FROM directory_oruk_records GROUP BY kind ORDER BY kind').all() as { kind: string; n: number }[];
  return Object.fromEntries(rows.map((row) => [row.kind, row.n]));
}

/** A complete, valid entry for directory.create; override what a test is about. */
export function entryInput(overrides: Record<string, unknown> = {}) {
  return {
    organisation: { id: null, name: 'Brook Lane Community Trust', description: 'A local charity running groups in the Brook Lane area', website: 'https://brooklane.example.org', email: 'hello@brooklane.example.org' },
    name: 'Tuesday Knit and Natter',
    description: 'A friendly knitting group for all abilities. Wool and needles provided.',
    category: 'knitting_crafts',
    status: 'active',
    minAge: 18,
    maxAge: null,
    eligibility: 'Adults living in the PCN area',
    cost: 'free',
    costDescription: 'Tea and biscuits included',
    schedules: [{ weekday: 'tue', startTime: '10:00', endTime: '12:00', frequency: 'Every week' }],
    venueName: 'St Mark’s Church Hall',
    address: '12 Brook Lane',
    town: 'Leeds',
    postcode: 'LS6 2AB',
    area: 'Headingley',
    accessibility: 'Step-free access through the side door; accessible toilet.',
    accessibilityFeatures: ['step_free', 'accessible_toilet'],
    contactName: 'Jo Bloggs',
    phone: '0113 496 0000',
    email: 'knit@brooklane.example.org',
    website: 'https://brooklane.example.org/knit',
    capacity: 20,
    placesUsed: 12,
    waitingList: false,
    ...overrides,
  };
}

export function createEntry(session: WorkspaceSession, overrides: Record<string, unknown> = {}): Promise<DirectoryEntry> {
  return ok<DirectoryEntry>(session, 'directory.create', entryInput(overrides));
}

/** The fields of an entry as directory.update takes them. */
export function asUpdate(entry: DirectoryEntry, overrides: Record<string, unknown> = {}) {
  const { organisation, id, rowVersion } = entry;
  return {
    id,
    rowVersion,
    organisation: { id: organisation.id, name: organisation.name, description: organisation.description, website: organisation.website, email: organisation.email },
    name: entry.name,
    description: entry.description,
    category: entry.category,
    status: entry.status,
    minAge: entry.minAge,
    maxAge: entry.maxAge,
    eligibility: entry.eligibility,
    cost: entry.cost,
    costDescription: entry.costDescription,
    schedules: entry.schedules,
    venueName: entry.venueName,
    address: entry.address,
    town: entry.town,
    postcode: entry.postcode,
    area: entry.area,
    accessibility: entry.accessibility,
    accessibilityFeatures: entry.accessibilityFeatures,
    contactName: entry.contactName,
    phone: entry.phone,
    email: entry.email,
    website: entry.website,
    capacity: entry.capacity,
    placesUsed: entry.placesUsed,
    waitingList: entry.waitingList,
    ...overrides,
  };
}
