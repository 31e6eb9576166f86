import { randomUUID } from 'node:crypto';
import { normaliseUkPostcode, weekdayFromIcal, WEEKDAYS, type DirectoryCost, type DirectoryStatus } from '../../../shared/domain/directory';
import { DIRECTORY_EMAIL, DIRECTORY_PHONE, DIRECTORY_TEXT_LIMITS, DIRECTORY_WEBSITE, type ScheduleInput } from '../../../shared/ipc/directory-contract';
import type { RecordIndex } from './oruk-records';
import type { OrukRecord, RecordKind } from './oruk-tables';

/**
 * How a directory entry's fields and its Open Referral UK records correspond.
 *
 * `viewOf` reads an entry's fields from the records (on import). `writeEntryChanges` writes the
 * fields someone changed in Linkdesk back into the records, touching only what changed, so an
 * entry nobody edited exports exactly as it was imported. Reading the records again after a
 * change gives back what was typed.
 *
 * | entry field | ORUK |
 * | --- | --- |
 * | name, description, minimum and maximum age | service.name, description, minimum_age, maximum_age |
 * | status active / paused / closed | service.status active / temporarily closed / inactive (defunct reads as closed) |
 * | email, website | service.email, service.url |
 * | last checked on | service.assured_date ("the date the information was last checked") |
 * | cost and its description | the service's cost options (option "Free", "Low cost" or "Paid"; amount 0 when free) |
 * | sessions | schedules (byday, opens_at, closes_at; the frequency as freq/interval when it says "Every week", else as description) |
 * | venue, address, town, postcode, area | the first service-at-location's location (name) and its address (address_1, city, postal_code, region) |
 * | accessibility note | that location's first accessibility record (description) |
 * | contact name, phone | the service's first contact (name) and its first phone (number) |
 * | eligibility | service.eligibility_description when the feed has it (an HSDS field); otherwise Linkdesk's own |
 *
 * Category, access features, capacity, places used, the waiting list and who checked an entry
 * are Linkdesk's own: ORUK 3.0 has no fields for them.
 */

export interface EntryView {
  name: string;
  description: string;
  status: DirectoryStatus;
  minAge: number | null;
  maxAge: number | null;
  /** Null when the records say nothing about eligibility (Linkdesk keeps its own text then). */
  eligibility: string | null;
  cost: DirectoryCost | null;
  costDescription: string;
  schedules: ScheduleInput[];
  venueName: string;
  address: string;
  town: string;
  postcode: string;
  area: string;
  accessibility: string;
  contactName: string;
  phone: string;
  email: string;
  website: string;
  lastCheckedOn: string | null;
}

export type LocationFields = Pick<EntryView, 'venueName' | 'address' | 'town' | 'postcode' | 'area' | 'accessibility'>;

export interface OrganisationView {
  name: string;
  description: string;
  website: string;
  email: string;
}

const COST_LABELS: Record<DirectoryCost, string> = { free: 'Free', low_cost: 'Low cost', paid: 'Paid' };
const STATUS_TO_ORUK: Record<DirectoryStatus, string> = { active: 'active', paused: 'temporarily closed', closed: 'inactive' };

/** Text cut to a field's limit, so an imported entry can be saved again unchanged. */
export function clip(text: string | number | undefined | null, max: number): string {
  if (text === undefined || text === null) return '';
  const value = String(text).trim();
  return value.length <= max ? value : `${value.slice(0, max - 1).trimEnd()}…`;
}

function str(value: string | number | undefined): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function ageOf(value: string | number | undefined): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 150 ? value : null;
}

export function statusFromOruk(status: string | number | undefined): DirectoryStatus {
  if (status === 'active') return 'active';
  if (status === 'temporarily closed') return 'paused';
  return 'closed';
}

function levelFromLabel(option: string | number | undefined): DirectoryCost | null {
  if (typeof option !== 'string') return null;
  const words = option.trim().toLowerCase();
  if (words === 'free') return 'free';
  if (words === 'low cost' || words === 'low-cost') return 'low_cost';
  if (words === 'paid') return 'paid';
  return null;
}

function money(amount: number, currency: string | number | undefined): string {
  const figure = Number.isInteger(amount) ? String(amount) : amount.toFixed(2);
  return currency === undefined || currency === 'GBP' ? `£${figure}` : `${figure} ${String(currency)}`;
}

function costOf(index: RecordIndex, service: OrukRecord): Pick<EntryView, 'cost' | 'costDescription'> {
  const options = index.where('cost_option', 'service_id', service.id);
  if (options.length === 0) {
    const fees = str(service.fees);
    return { cost: fees && /\bfree\b/i.test(fees) ? 'free' : null, costDescription: clip(fees, DIRECTORY_TEXT_LIMITS.costDescription) };
  }
  let cost: DirectoryCost | null = null;
  const descriptions: string[] = [];
  for (const option of options) {
    const level = levelFromLabel(option.option);
    const amount = typeof option.amount === 'number' ? option.amount : undefined;
    cost ??= level ?? (amount === 0 ? 'free' : amount !== undefined && amount > 0 ? 'paid' : null);
    const head = level ? undefined : str(option.option);
    const parts = [head ? `${head}:` : undefined, amount !== undefined && amount > 0 ? money(amount, option.currency) : undefined, str(option.amount_description)].filter((part) => part !== undefined);
    if (parts.length > 0) descriptions.push(parts.join(' '));
  }
  return { cost, costDescription: clip(descriptions.join('; '), DIRECTORY_TEXT_LIMITS.costDescription) };
}

function hhmm(value: string | number | undefined): string {
  return typeof value === 'string' && /^\d{2}:\d{2}/.test(value) ? value.slice(0, 5) : '';
}

function ordinal(n: number): string {
  if (n === -1) return 'last';
  const suffix = n % 10 === 1 && n % 100 !== 11 ? 'st' : n % 10 === 2 && n % 100 !== 12 ? 'nd' : n % 10 === 3 && n % 100 !== 13 ? 'rd' : 'th';
  return `${n}${suffix}`;
}

/** "Every week", "Every 2 weeks", "2nd Tuesday of the month", "Every month": an RRULE as people say it. */
function describeRule(schedule: OrukRecord, nth: number | null, weekdayLabel: string | null): string | null {
  const interval = typeof schedule.interval === 'number' && schedule.interval > 1 ? schedule.interval : 1;
  if (schedule.freq === 'WEEKLY') return interval === 1 ? 'Every week' : `Every ${interval} weeks`;
  if (schedule.freq === 'MONTHLY') {
    if (nth !== null && weekdayLabel) return `${ordinal(nth).replace(/^./, (c) => c.toUpperCase())} ${weekdayLabel} of the month`;
    const days = str(schedule.bymonthday);
    if (days) return `Every month, on day ${days.split(',').map((d) => d.trim()).join(', ')}`;
    return interval === 1 ? 'Every month' : `Every ${interval} months`;
  }
  return null;
}

/** Frequencies Linkdesk writes back as an RRULE, so they read the same after a round trip. */
function ruleFromWords(words: string): { freq: string; interval?: number } | null {
  if (words === 'Every week') return { freq: 'WEEKLY', interval: 1 };
  if (words === 'Every month') return { freq: 'MONTHLY', interval: 1 };
  const weeks = /^Every (\d{1,2}) weeks$/.exec(words);
  if (weeks) return { freq: 'WEEKLY', interval: Number(weeks[1]) };
  return null;
}

/** A service's schedules: its own, then those given only for one of its locations. */
function schedulesOf(index: RecordIndex, service: OrukRecord): OrukRecord[] {
  const own = index.where('schedule', 'service_id', service.id);
  const seen = new Set(own.map((schedule) => String(schedule.id)));
  const atLocations = index
    .where('service_at_location', 'service_id', service.id)
    .flatMap((sal) => index.where('schedule', 'service_at_location_id', sal.id))
    .filter((schedule) => schedule.service_id === undefined && !seen.has(String(schedule.id)));
  return [...own, ...atLocations];
}

function sessionsOf(schedules: readonly OrukRecord[]): ScheduleInput[] {
  const sessions: ScheduleInput[] = [];
  for (const schedule of schedules) {
    const startTime = hhmm(schedule.opens_at);
    let endTime = hhmm(schedule.closes_at);
    if (startTime && endTime && endTime <= startTime) endTime = '';
    const description = clip(str(schedule.description), DIRECTORY_TEXT_LIMITS.frequency);
    const days = (str(schedule.byday) ?? '')
      .split(',')
      .map((token) => /^([+-]?\d{1,2})?([A-Za-z]{2})$/.exec(token.trim()))
      .filter((match) => match !== null)
      .map((match) => ({ nth: match[1] ? Number(match[1]) : null, weekday: weekdayFromIcal(match[2]!) }))
      .filter((day) => day.weekday !== null);
    if (days.length === 0) {
      const words = describeRule(schedule, null, null) ?? description;
      if (!words && !startTime && !endTime) continue;
      sessions.push({ weekday: null, startTime, endTime, frequency: clip(words || 'Times vary', DIRECTORY_TEXT_LIMITS.frequency) });
      continue;
    }
    for (const day of days) {
      const words = describeRule(schedule, day.nth, WEEKDAYS[day.weekday!].label) ?? description;
      sessions.push({ weekday: day.weekday, startTime, endTime, frequency: clip(words, DIRECTORY_TEXT_LIMITS.frequency) });
    }
    if (sessions.length >= 21) break;
  }
  return sessions.slice(0, 21);
}

/** The location an entry shows: the first of its service-at-locations whose location is known. */
function primaryLocation(index: RecordIndex, service: OrukRecord): { sal: OrukRecord; location: OrukRecord } | null {
  for (const sal of index.where('service_at_location', 'service_id', service.id)) {
    const location = index.get('location', sal.location_id);
    if (location) return { sal, location };
  }
  return null;
}

function primaryAddress(index: RecordIndex, location: OrukRecord): OrukRecord | undefined {
  const addresses = index.where('address', 'location_id', location.id);
  return addresses.find((address) => address.address_type === 'physical') ?? addresses[0];
}

function accessibilityText(record: OrukRecord | undefined): string {
  return clip(str(record?.description) ?? str(record?.accessibility) ?? str(record?.details), DIRECTORY_TEXT_LIMITS.accessibility);
}

export function locationFieldsOf(index: RecordIndex, service: OrukRecord): LocationFields {
  const primary = primaryLocation(index, service);
  if (!primary) return { venueName: '', address: '', town: '', postcode: '', area: '', accessibility: '' };
  const address = primaryAddress(index, primary.location);
  const postcode = str(address?.postal_code);
  return {
    venueName: clip(str(primary.location.name), DIRECTORY_TEXT_LIMITS.venueName),
    address: clip(str(address?.address_1), DIRECTORY_TEXT_LIMITS.address),
    town: clip(str(address?.city), DIRECTORY_TEXT_LIMITS.town),
    postcode: postcode ? (normaliseUkPostcode(postcode) ?? '') : '',
    area: clip(str(address?.region), DIRECTORY_TEXT_LIMITS.area),
    accessibility: accessibilityText(index.where('accessibility', 'location_id', primary.location.id)[0]),
  };
}

function primaryContact(index: RecordIndex, service: OrukRecord): OrukRecord | undefined {
  return index.where('contact', 'service_id', service.id)[0];
}

function primaryPhone(index: RecordIndex, service: OrukRecord, contact: OrukRecord | undefined): OrukRecord | undefined {
  return (contact ? index.where('phone', 'contact_id', contact.id)[0] : undefined) ?? index.where('phone', 'service_id', service.id).find((phone) => phone.contact_id === undefined);
}

function cleanPhone(number: string | number | undefined): string {
  const cleaned = String(number ?? '').replace(/[^0-9 +().-]/g, '').replace(/\s+/g, ' ').trim();
  return cleaned.length <= DIRECTORY_TEXT_LIMITS.phone && DIRECTORY_PHONE.test(cleaned) && (cleaned.match(/\d/g)?.length ?? 0) >= 7 ? cleaned : '';
}

function emailOf(value: string | number | undefined): string {
  const text = str(value)?.trim();
  return text && text.length <= DIRECTORY_TEXT_LIMITS.email && DIRECTORY_EMAIL.test(text) ? text : '';
}

function websiteOf(value: string | number | undefined): string {
  const text = str(value)?.trim();
  return text && text.length <= DIRECTORY_TEXT_LIMITS.website && DIRECTORY_WEBSITE.test(text) ? text : '';
}

/** An entry's fields as its ORUK records give them. */
export function viewOf(index: RecordIndex, service: OrukRecord): EntryView {
  const contact = primaryContact(index, service);
  const assured = str(service.assured_date);
  const eligibility = str(service.eligibility_description);
  const minAge = ageOf(service.minimum_age);
  const maxAge = ageOf(service.maximum_age);
  return {
    name: clip(str(service.name), DIRECTORY_TEXT_LIMITS.name),
    description: clip(str(service.description), DIRECTORY_TEXT_LIMITS.description),
    status: statusFromOruk(service.status),
    minAge,
    maxAge: minAge !== null && maxAge !== null && maxAge < minAge ? null : maxAge,
    eligibility: eligibility === undefined ? null : clip(eligibility, DIRECTORY_TEXT_LIMITS.eligibility),
    ...costOf(index, service),
    schedules: sessionsOf(schedulesOf(index, service)),
    ...locationFieldsOf(index, service),
    contactName: clip(str(contact?.name), DIRECTORY_TEXT_LIMITS.contactName),
    phone: cleanPhone(primaryPhone(index, service, contact)?.number),
    email: emailOf(service.email),
    website: websiteOf(service.url),
    lastCheckedOn: assured ?? null,
  };
}

export function organisationViewOf(organization: OrukRecord): OrganisationView {
  const name = clip(str(organization.name), DIRECTORY_TEXT_LIMITS.organisationName);
  const description = clip(str(organization.description), DIRECTORY_TEXT_LIMITS.organisationDescription);
  return {
    name,
    // ORUK requires a description; Linkdesk writes the name when there is none, and reads it back as none.
    description: description === name ? '' : description,
    website: websiteOf(organization.website),
    email: emailOf(organization.email),
  };
}

/** Records changed by an edit, to be written in the edit's transaction. */
export class RecordChanges {
  readonly upserts = new Map<string, { kind: RecordKind; record: OrukRecord }>();
  readonly deletes = new Map<string, { kind: RecordKind; id: string }>();

  constructor(readonly index: RecordIndex) {}

  put(kind: RecordKind, record: OrukRecord): void {
    const key = `${kind}/${String(record.id)}`;
    this.index.set(kind, record);
    this.deletes.delete(key);
    this.upserts.set(key, { kind, record });
  }

  remove(kind: RecordKind, id: string): void {
    const key = `${kind}/${id}`;
    this.index.delete(kind, id);
    this.upserts.delete(key);
    this.deletes.set(key, { kind, id });
  }

  get changed(): boolean {
    return this.upserts.size > 0 || this.deletes.size > 0;
  }
}

function setText(record: OrukRecord, field: string, value: string): void {
  if (value === '') delete record[field];
  else record[field] = value;
}

function setNumber(record: OrukRecord, field: string, value: number | null): void {
  if (value === null) delete record[field];
  else record[field] = value;
}

function sameSchedules(a: readonly ScheduleInput[], b: readonly ScheduleInput[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** An entry as Linkdesk holds it, for comparing before and after an edit. */
export type EntryFields = Omit<EntryView, 'eligibility' | 'lastCheckedOn'> & { eligibility: string };

/** The organisation fields written to an ORUK organization record. */
export function writeOrganisation(changes: RecordChanges, organization: OrukRecord, before: OrganisationView | null, after: OrganisationView): void {
  const record = { ...organization };
  if (!before || before.name !== after.name) record.name = after.name;
  if (!before || before.description !== after.description || before.name !== after.name) record.description = after.description || after.name;
  if (!before || before.website !== after.website) setText(record, 'website', after.website);
  if (!before || before.email !== after.email) setText(record, 'email', after.email);
  if (JSON.stringify(record) !== JSON.stringify(organization)) changes.put('organization', record);
}

/**
 * Writes the fields that differ between `before` (null for a new entry) and `after` into the
 * service's ORUK records. Returns the ids of locations whose details changed, so entries sharing
 * them can be refreshed.
 */
export function writeEntryChanges(changes: RecordChanges, serviceId: string, before: EntryFields | null, after: EntryFields): string[] {
  const { index } = changes;
  const service = { ...index.get('service', serviceId)! };
  const changed = <K extends keyof EntryFields>(key: K) => !before || JSON.stringify(before[key]) !== JSON.stringify(after[key]);

  if (changed('name')) service.name = after.name;
  if (changed('description')) setText(service, 'description', after.description);
  if (changed('status') && (!before || statusFromOruk(service.status) !== after.status)) service.status = STATUS_TO_ORUK[after.status];
  if (changed('minAge')) setNumber(service, 'minimum_age', after.minAge);
  if (changed('maxAge')) setNumber(service, 'maximum_age', after.maxAge);
  if (changed('email')) setText(service, 'email', after.email);
  if (changed('website')) setText(service, 'url', after.website);
  if (changed('eligibility') && service.eligibility_description !== undefined) setText(service, 'eligibility_description', after.eligibility);
  if (JSON.stringify(service) !== JSON.stringify(index.get('service', serviceId))) changes.put('service', service);

  if (changed('cost') || changed('costDescription')) {
    const options = index.where('cost_option', 'service_id', serviceId);
    const [first, ...rest] = options;
    for (const option of rest) changes.remove('cost_option', String(option.id));
    if (after.cost === null && after.costDescription === '') {
      if (first) changes.remove('cost_option', String(first.id));
    } else {
      const option: OrukRecord = first ? { ...first } : { id: randomUUID(), service_id: serviceId };
      delete option.amount;
      if (after.cost) option.option = COST_LABELS[after.cost];
      else delete option.option;
      if (after.cost === 'free') option.amount = 0;
      setText(option, 'amount_description', after.costDescription);
      changes.put('cost_option', option);
    }
  }

  if (changed('schedules') && !(before && sameSchedules(before.schedules, after.schedules))) {
    for (const schedule of schedulesOf(index, service)) changes.remove('schedule', String(schedule.id));
    for (const session of after.schedules) {
      const schedule: OrukRecord = { id: randomUUID(), service_id: serviceId };
      const rule = ruleFromWords(session.frequency);
      if (rule && session.weekday) {
        schedule.freq = rule.freq;
        if (rule.interval !== undefined) schedule.interval = rule.interval;
      } else if (session.frequency) schedule.description = session.frequency;
      if (session.weekday) schedule.byday = WEEKDAYS[session.weekday].ical;
      if (session.startTime) schedule.opens_at = `${session.startTime}:00`;
      if (session.endTime) schedule.closes_at = `${session.endTime}:00`;
      changes.put('schedule', schedule);
    }
  }

  const changedLocations: string[] = [];
  const locationKeys = ['venueName', 'address', 'town', 'postcode', 'area', 'accessibility'] as const;
  if (locationKeys.some((key) => changed(key))) {
    let primary = primaryLocation(index, service);
    const wantsLocation = locationKeys.some((key) => after[key] !== '');
    if (!primary && wantsLocation) {
      const location: OrukRecord = { id: randomUUID(), location_type: 'physical' };
      const sal: OrukRecord = { id: randomUUID(), service_id: serviceId, location_id: location.id! };
      changes.put('location', location);
      changes.put('service_at_location', sal);
      primary = { sal, location };
    }
    if (primary) {
      const locationId = String(primary.location.id);
      changedLocations.push(locationId);
      if (changed('venueName')) {
        const location = { ...primary.location };
        setText(location, 'name', after.venueName);
        changes.put('location', location);
      }
      if (changed('address') || changed('town') || changed('postcode') || changed('area')) {
        const existing = primaryAddress(index, primary.location);
        const address: OrukRecord = existing ? { ...existing } : { id: randomUUID(), location_id: locationId, country: 'GB', address_type: 'physical' };
        if (changed('address')) setText(address, 'address_1', after.address);
        if (changed('town')) setText(address, 'city', after.town);
        if (changed('postcode')) setText(address, 'postal_code', after.postcode);
        if (changed('area')) setText(address, 'region', after.area);
        if (address.state_province === undefined && address.city !== undefined) address.state_province = address.city;
        // ORUK needs a first line, town and postcode for an address; with fewer, there is no address to export.
        const complete = ['address_1', 'city', 'state_province', 'postal_code', 'country', 'address_type'].every((field) => address[field] !== undefined);
        if (complete) changes.put('address', address);
        else if (existing) changes.remove('address', String(existing.id));
      }
      if (changed('accessibility')) {
        const existing = index.where('accessibility', 'location_id', locationId)[0];
        if (existing) {
          const record = { ...existing };
          delete record.accessibility;
          delete record.details;
          setText(record, 'description', after.accessibility);
          if (Object.keys(record).some((field) => !['id', 'location_id'].includes(field))) changes.put('accessibility', record);
          else changes.remove('accessibility', String(existing.id));
        } else if (after.accessibility) {
          changes.put('accessibility', { id: randomUUID(), location_id: locationId, description: after.accessibility });
        }
      }
    }
  }

  if (changed('contactName') || changed('phone')) {
    let contact = primaryContact(index, service);
    const phone = primaryPhone(index, service, contact);
    if (changed('contactName')) {
      if (contact) {
        const record = { ...contact };
        setText(record, 'name', after.contactName);
        changes.put('contact', record);
        contact = record;
      } else if (after.contactName) {
        contact = { id: randomUUID(), service_id: serviceId, name: after.contactName };
        changes.put('contact', contact);
      }
    }
    if (changed('phone')) {
      if (phone && after.phone === '') changes.remove('phone', String(phone.id));
      else if (phone) changes.put('phone', { ...phone, number: after.phone });
      else if (after.phone) {
        if (!contact) {
          contact = { id: randomUUID(), service_id: serviceId };
          changes.put('contact', contact);
        }
        changes.put('phone', { id: randomUUID(), contact_id: String(contact.id), number: after.phone });
      }
    }
  }
  return changedLocations;
}

/** Records that someone checked the entry on this date. */
export function writeChecked(changes: RecordChanges, serviceId: string, checkedOn: string): void {
  const service = changes.index.get('service', serviceId);
  if (service && service.assured_date !== checkedOn) changes.put('service', { ...service, assured_date: checkedOn });
}
