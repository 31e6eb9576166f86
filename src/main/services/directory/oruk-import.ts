import { randomUUID } from 'node:crypto';
import { featuresMentionedIn } from '../../../shared/domain/directory';
import type { ImportReport } from '../../../shared/ipc/directory-contract';
import type { WorkspaceSession } from '../workspace-session';
import { columnsOf, fieldsOfRow, replaceFeatures, replaceSchedules } from './directory';
import { organisationViewOf, viewOf, type EntryFields } from './entry-view';
import { readCsvPackage, type TextFile } from './oruk-csv';
import { readJsonFiles } from './oruk-json';
import type { RecordIndex } from './oruk-records';
import type { OrukRecord, RecordKind } from './oruk-tables';
import { ImportPackage } from './oruk-validate';
import { deleteRecords, loadAllRecords, upsertRecords } from './record-store';

/**
 * Importing an Open Referral UK feed: all or nothing. The whole feed is read and checked first;
 * if anything is wrong, nothing is written and the report lists every problem (file, row or
 * path, field, reason). Otherwise every record is written in one transaction:
 *
 * - records are matched by ORUK table and id, so importing a feed again updates what it imported
 *   before instead of adding it twice;
 * - a service in the feed is replaced as a whole: its schedules, contacts, phones, cost options and
 *   other records of its own that the feed no longer lists are removed. Things shared between
 *   services (organisations, locations, taxonomies) are updated, never removed;
 * - each service's directory entry is refreshed from its records. Linkdesk's own fields (category,
 *   access features, capacity, waiting list) are kept; a new entry starts as "Other", with the access
 *   features its accessibility note states. The last-checked date is the later of the feed's
 *   assured_date and Linkdesk's own.
 */

const REPORT_LIMIT = 10_000;

export async function importOruk(session: WorkspaceSession, input: { format: 'json' | 'csv'; files: TextFile[] }): Promise<ImportReport> {
  const { db, user } = session.requireUnlocked();
  const pkg = new ImportPackage();
  if (input.format === 'csv') readCsvPackage(input.files, pkg);
  else readJsonFiles(input.files, pkg);

  return db.transaction().execute(async (trx) => {
    const index = await loadAllRecords(trx);
    pkg.checkReferences((kind, id) => index.get(kind, id) !== undefined);
    const recordsByTable: Record<string, number> = {};
    for (const [kind, table] of pkg.records) recordsByTable[kind] = table.size;
    const report = (outcome: ImportReport['outcome'], counts: Partial<ImportReport> = {}): ImportReport => ({
      outcome,
      format: input.format,
      fileCount: input.files.length,
      recordsByTable,
      servicesCreated: 0,
      servicesUpdated: 0,
      servicesUnchanged: 0,
      organisationsCreated: 0,
      organisationsUpdated: 0,
      ...counts,
      problems: pkg.problems.slice(0, REPORT_LIMIT),
      problemCount: pkg.problems.length,
      warnings: pkg.warnings.slice(0, REPORT_LIMIT),
      warningCount: pkg.warnings.length,
    });
    if (pkg.problems.length > 0) return report('rejected');

    const now = session.clock.now().toISOString();
    const importedServices = pkg.all('service').map((service) => String(service.id));

    // A service in the feed is replaced as a whole: what it owned and the feed no longer lists goes.
    const incoming = (kind: RecordKind, id: string | number | undefined) => id !== undefined && pkg.get(kind, String(id)) !== undefined;
    const deletions: { kind: RecordKind; id: string }[] = [];
    const changedServices = new Set<string>();
    for (const serviceId of importedServices) {
      if (!index.get('service', serviceId)) continue;
      for (const { kind, record } of ownedBy(index, serviceId)) {
        if (incoming(kind, record.id)) continue;
        deletions.push({ kind, id: String(record.id) });
        changedServices.add(serviceId);
      }
    }
    for (const { kind, id } of deletions) index.delete(kind, id);

    // The later check wins: a check made in Linkdesk after the feed's assured date goes into the record.
    const entries = new Map((await trx.selectFrom('directory_services').selectAll().execute()).map((row) => [row.oruk_id, row]));
    for (const record of pkg.all('service')) {
      const checked = entries.get(String(record.id))?.last_checked_on;
      if (checked && (typeof record.assured_date !== 'string' || checked > record.assured_date)) record.assured_date = checked;
    }

    const upserts: { kind: RecordKind; record: OrukRecord }[] = [];
    const touched = new Set<string>(importedServices);
    for (const [kind, table] of pkg.records) {
      for (const { record } of table.values()) {
        const before = index.get(kind, String(record.id));
        if (before && JSON.stringify(before) === JSON.stringify(record)) continue;
        index.set(kind, record);
        upserts.push({ kind, record });
      }
    }
    for (const { kind, record } of upserts) for (const serviceId of servicesTouchedBy(index, kind, record)) changedServices.add(serviceId);
    for (const serviceId of changedServices) touched.add(serviceId);

    // Organisations.
    const organisations = new Map((await trx.selectFrom('directory_organisations').selectAll().execute()).map((row) => [row.oruk_id, row]));
    let organisationsCreated = 0;
    let organisationsUpdated = 0;
    const ensureOrganisation = async (orukId: string, record: OrukRecord) => {
      const view = organisationViewOf(record);
      const columns = { name: view.name, description: view.description || null, website: view.website || null, email: view.email || null };
      const existing = organisations.get(orukId);
      if (!existing) {
        const row = { id: randomUUID(), oruk_id: orukId, ...columns, created_at: now, created_by: user.id, updated_at: now, updated_by: user.id };
        await trx.insertInto('directory_organisations').values(row).execute();
        organisations.set(orukId, row);
        organisationsCreated += 1;
      } else if (existing.name !== columns.name || existing.description !== columns.description || existing.website !== columns.website || existing.email !== columns.email) {
        await trx.updateTable('directory_organisations').set({ ...columns, updated_at: now, updated_by: user.id }).where('id', '=', existing.id).execute();
        organisations.set(orukId, { ...existing, ...columns });
        organisationsUpdated += 1;
      }
    };
    for (const record of pkg.all('organization')) await ensureOrganisation(String(record.id), record);

    // Directory entries.
    let servicesCreated = 0;
    let servicesUpdated = 0;
    let servicesUnchanged = 0;
    for (const serviceId of touched) {
      const service = index.get('service', serviceId);
      if (!service) continue;
      const organisationOrukId = String(service.organization_id);
      if (!organisations.has(organisationOrukId)) await ensureOrganisation(organisationOrukId, index.get('organization', organisationOrukId) ?? { id: organisationOrukId, name: 'Unknown organisation' });
      const organisation = organisations.get(organisationOrukId)!;
      const view = viewOf(index, service);
      const existing = entries.get(serviceId);
      const inFeed = pkg.get('service', serviceId) !== undefined;
      if (!existing) {
        const id = randomUUID();
        const fields: EntryFields = { ...view, eligibility: view.eligibility ?? '' };
        await trx
          .insertInto('directory_services')
          .values({
            id,
            oruk_id: serviceId,
            organisation_id: organisation.id,
            ...columnsOf(fields),
            category: 'other',
            last_checked_on: view.lastCheckedOn,
            source: 'oruk_import',
            imported_at: now,
            created_at: now,
            created_by: user.id,
            updated_at: now,
            updated_by: user.id,
          })
          .execute();
        await replaceSchedules(trx, id, view.schedules);
        await replaceFeatures(trx, id, featuresMentionedIn(view.accessibility));
        servicesCreated += 1;
        continue;
      }
      const fields: EntryFields = { ...view, eligibility: view.eligibility ?? existing.eligibility ?? '' };
      const lastCheckedOn = view.lastCheckedOn;
      const lastCheckedBy = lastCheckedOn === existing.last_checked_on ? existing.last_checked_by : null;
      const before = { ...columnsOf(fieldsOfRow(existing, [])), organisation_id: existing.organisation_id, last_checked_on: existing.last_checked_on, last_checked_by: existing.last_checked_by };
      const after = { ...columnsOf(fields), organisation_id: organisation.id, last_checked_on: lastCheckedOn, last_checked_by: lastCheckedBy };
      const schedulesBefore = await trx.selectFrom('directory_schedules').select(['weekday', 'start_time', 'end_time', 'frequency']).where('service_id', '=', existing.id).orderBy('position').execute();
      const schedulesAfter = view.schedules.map((s) => ({ weekday: s.weekday, start_time: s.startTime || null, end_time: s.endTime || null, frequency: s.frequency || null }));
      const recordsChanged = changedServices.has(serviceId);
      if (JSON.stringify(before) === JSON.stringify(after) && JSON.stringify(schedulesBefore) === JSON.stringify(schedulesAfter) && !recordsChanged) {
        servicesUnchanged += 1;
        continue;
      }
      await trx
        .updateTable('directory_services')
        .set((eb) => ({ ...after, ...(inFeed ? { imported_at: now } : {}), updated_at: now, updated_by: user.id, row_version: eb('row_version', '+', 1) }))
        .where('id', '=', existing.id)
        .execute();
      await replaceSchedules(trx, existing.id, view.schedules);
      servicesUpdated += 1;
    }

    await deleteRecords(trx, deletions);
    await upsertRecords(trx, dedupe(upserts));
    const recordCount = pkg.count();
    await session.audit(
      {
        action: 'directory.imported',
        entityType: 'directory',
        details: { format: input.format, files: input.files.length, records: recordCount, servicesCreated, servicesUpdated, organisationsCreated, organisationsUpdated, recordsRemoved: deletions.length, warnings: pkg.warnings.length },
      },
      trx,
    );
    return report('imported', { servicesCreated, servicesUpdated, servicesUnchanged, organisationsCreated, organisationsUpdated });
  });
}

function dedupe(records: { kind: RecordKind; record: OrukRecord }[]): { kind: RecordKind; record: OrukRecord }[] {
  const byKey = new Map<string, { kind: RecordKind; record: OrukRecord }>();
  for (const entry of records) {
    const key = `${entry.kind}/${String(entry.record.id)}`;
    if (byKey.has(key)) byKey.delete(key);
    byKey.set(key, entry);
  }
  // Keep the order records were first met, so new ones are stored in the feed's order.
  const firstSeen = new Map<string, number>();
  records.forEach((entry, position) => {
    const key = `${entry.kind}/${String(entry.record.id)}`;
    if (!firstSeen.has(key)) firstSeen.set(key, position);
  });
  return [...byKey.entries()].sort((a, b) => firstSeen.get(a[0])! - firstSeen.get(b[0])!).map(([, entry]) => entry);
}

/** The records a service owns: removed when a new import of the service no longer lists them. */
export function ownedBy(index: RecordIndex, serviceId: string): { kind: RecordKind; record: OrukRecord }[] {
  const owned: { kind: RecordKind; record: OrukRecord }[] = [];
  const add = (kind: RecordKind, records: OrukRecord[]) => owned.push(...records.map((record) => ({ kind, record })));
  const sals = index.where('service_at_location', 'service_id', serviceId);
  const contacts = index.where('contact', 'service_id', serviceId);
  const phones = [...contacts.flatMap((contact) => index.where('phone', 'contact_id', contact.id)), ...index.where('phone', 'service_id', serviceId).filter((phone) => phone.contact_id === undefined)];
  add('schedule', index.where('schedule', 'service_id', serviceId));
  add('schedule', sals.flatMap((sal) => index.where('schedule', 'service_at_location_id', sal.id).filter((schedule) => schedule.service_id === undefined)));
  add('service_at_location', sals);
  add('contact', contacts);
  add('phone', phones);
  add('language', index.where('language', 'service_id', serviceId));
  add('language', phones.flatMap((phone) => index.where('language', 'phone_id', phone.id).filter((language) => language.service_id === undefined)));
  add('cost_option', index.where('cost_option', 'service_id', serviceId));
  add('funding', index.where('funding', 'service_id', serviceId));
  add('service_area', index.where('service_area', 'service_id', serviceId));
  add('attribute', index.where('attribute', 'link_id', serviceId));
  add('attribute', contacts.flatMap((contact) => index.where('attribute', 'link_id', contact.id)));
  return owned;
}

/** The services whose entries read a record: a changed location changes every entry held there. */
function servicesTouchedBy(index: RecordIndex, kind: RecordKind, record: OrukRecord): string[] {
  const serviceIdsAt = (locationId: string | number | undefined) => index.where('service_at_location', 'location_id', locationId).map((sal) => String(sal.service_id));
  const viaContact = (contactId: string | number | undefined) => {
    const contact = index.get('contact', contactId);
    return contact?.service_id !== undefined ? [String(contact.service_id)] : [];
  };
  switch (kind) {
    case 'service':
      return [String(record.id)];
    case 'schedule': {
      if (record.service_id !== undefined) return [String(record.service_id)];
      const sal = index.get('service_at_location', record.service_at_location_id);
      return sal ? [String(sal.service_id)] : [];
    }
    case 'contact':
    case 'cost_option':
    case 'service_at_location':
      return record.service_id !== undefined ? [String(record.service_id)] : [];
    case 'phone':
      return record.contact_id !== undefined ? viaContact(record.contact_id) : record.service_id !== undefined ? [String(record.service_id)] : [];
    case 'location':
      return serviceIdsAt(record.id);
    case 'address':
    case 'accessibility':
      return serviceIdsAt(record.location_id);
    default:
      return [];
  }
}
