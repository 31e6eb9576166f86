import { TABLE_SPECS, type FieldSpec, type OrukRecord, type RecordKind } from './oruk-tables';

/**
 * Checking ORUK values field by field, and collecting the records of one import with every
 * problem found. Nothing here touches the database: an import is checked completely first and
 * written only when there is no problem at all.
 */

/** Where a record came from: a CSV file and row (the header is row 1), or a JSON file, object number and path. */
export interface Origin {
  file: string;
  row: number | null;
  path: string | null;
}

export interface ImportProblem extends Origin {
  field: string | null;
  reason: string;
}

export const MAX_TEXT_LENGTH = 20_000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const URI = /^[a-z][a-z0-9+.-]*:[^\s]+$/i;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d+)?)?(Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?$/;
const DATETIME = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?$/;
const CSV_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const CSV_INTEGER = /^[+-]?\d+$/;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

export function isRealDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function formatProblem(format: NonNullable<FieldSpec['format']>, value: string): string | null {
  switch (format) {
    case 'uuid':
      return UUID.test(value) ? null : 'Must be an identifier in UUID form, like ac148810-d857-441c-9679-408f346de14b';
    case 'email':
      return EMAIL.test(value) ? null : 'Must be an email address, like name@example.org';
    case 'uri':
      return URI.test(value) ? null : 'Must be a web address with its scheme, like https://example.org';
    case 'date':
      return isRealDate(value) ? null : 'Must be a real date written like 2024-05-31';
    case 'time':
      return TIME.test(value) ? null : 'Must be a time written like 10:00 or 10:00:00';
    case 'datetime': {
      const match = DATETIME.exec(value);
      return match && isRealDate(match[1]!) ? null : 'Must be a date and time written like 2024-05-31T10:30:00Z';
    }
  }
}

function quoted(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 40 ? `"${text.slice(0, 40)}…"` : `"${text}"`;
}

function kindOfValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return 'true or false';
  return 'text';
}

export type ReadResult = { ok: true; value: string | number | undefined } | { ok: false; reason: string };

/**
 * Reads one field. From CSV every value is text: an empty cell is an absent value and numbers are
 * parsed. From JSON the value must already have the right type; null and "" count as absent.
 */
export function readField(field: FieldSpec, raw: unknown, source: 'csv' | 'json'): ReadResult {
  if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) {
    return field.required ? { ok: false, reason: 'Required, but empty or missing' } : { ok: true, value: undefined };
  }
  let value: string | number;
  if (field.type === 'string') {
    if (typeof raw !== 'string') return { ok: false, reason: `Must be text, not ${kindOfValue(raw)}` };
    if (raw.length > MAX_TEXT_LENGTH) return { ok: false, reason: `Too long: at most ${MAX_TEXT_LENGTH.toLocaleString('en-GB')} characters` };
    value = field.format ? raw.trim() : raw;
  } else if (source === 'csv') {
    const text = String(raw).trim();
    const pattern = field.type === 'integer' ? CSV_INTEGER : CSV_NUMBER;
    if (!pattern.test(text)) return { ok: false, reason: `Must be ${field.type === 'integer' ? 'a whole number' : 'a number'}, not ${quoted(text)}` };
    value = Number(text);
    if (!Number.isFinite(value)) return { ok: false, reason: `Must be a number, not ${quoted(text)}` };
  } else {
    if (typeof raw !== 'number' || !Number.isFinite(raw)) return { ok: false, reason: `Must be a number, not ${kindOfValue(raw)}` };
    if (field.type === 'integer' && !Number.isInteger(raw)) return { ok: false, reason: 'Must be a whole number' };
    value = raw;
  }
  if (field.enum && typeof value === 'string' && !field.enum.includes(value)) {
    return { ok: false, reason: `Must be one of ${field.enum.map((option) => `"${option}"`).join(', ')}, not ${quoted(value)}` };
  }
  if (field.format && typeof value === 'string') {
    const problem = formatProblem(field.format, value);
    if (problem) return { ok: false, reason: `${problem}, not ${quoted(value)}` };
  }
  return { ok: true, value };
}

interface Staged {
  record: OrukRecord;
  origin: Origin;
}

function describeOrigin(origin: Origin): string {
  if (origin.row !== null && origin.path === null) return `${origin.file} row ${origin.row}`;
  return origin.path ? `${origin.file} at ${origin.path}` : origin.file;
}

/**
 * The records of one import, by table and id, in the order they were read, with every problem
 * and warning found on the way.
 */
export class ImportPackage {
  readonly records = new Map<RecordKind, Map<string, Staged>>();
  readonly problems: ImportProblem[] = [];
  readonly warnings: ImportProblem[] = [];
  /** Every id met, valid or not, and where: a reference to a record that has problems of its own is not a problem too. */
  private readonly seen = new Map<RecordKind, Map<string, Origin>>();
  /** Tables with a file that could not be read at all: references into them are not checked. */
  private readonly unreadable = new Set<RecordKind>();

  problem(origin: Origin, field: string | null, reason: string): void {
    this.problems.push({ ...origin, field, reason });
  }

  warn(origin: Origin, field: string | null, reason: string): void {
    this.warnings.push({ ...origin, field, reason });
  }

  /**
   * Notes a record's id before its fields are checked. The same id twice in one CSV file is a
   * mistake (returns false, with a problem); met again elsewhere, it is the same record.
   */
  note(kind: RecordKind, id: unknown, origin: Origin, options: { sameFileIsDuplicate: boolean }): boolean {
    if (typeof id !== 'string' || id.trim() === '') return true;
    const key = id.trim();
    let table = this.seen.get(kind);
    if (!table) this.seen.set(kind, (table = new Map()));
    const earlier = table.get(key);
    if (earlier && options.sameFileIsDuplicate && earlier.file === origin.file) {
      this.problem(origin, 'id', `The ${TABLE_SPECS[kind].noun} id ${key} is used twice in this file (also ${describeOrigin(earlier)})`);
      return false;
    }
    if (!earlier) table.set(key, origin);
    return true;
  }

  markUnreadable(kind: RecordKind): void {
    this.unreadable.add(kind);
  }

  get(kind: RecordKind, id: string): OrukRecord | undefined {
    return this.records.get(kind)?.get(id)?.record;
  }

  all(kind: RecordKind): OrukRecord[] {
    return [...(this.records.get(kind)?.values() ?? [])].map((staged) => staged.record);
  }

  staged(kind: RecordKind): Staged[] {
    return [...(this.records.get(kind)?.values() ?? [])];
  }

  count(): number {
    let total = 0;
    for (const table of this.records.values()) total += table.size;
    return total;
  }

  /**
   * Adds a checked record. The same id twice in one CSV file is a mistake; the same record met
   * again elsewhere (an organisation nested under several services, or one table sent as two
   * files) is merged, as long as the two agree on every field both give.
   */
  add(kind: RecordKind, record: OrukRecord, origin: Origin, options: { sameFileIsDuplicate: boolean }): void {
    let table = this.records.get(kind);
    if (!table) this.records.set(kind, (table = new Map()));
    const key = String(record.id);
    const existing = table.get(key);
    if (!existing) {
      table.set(key, { record, origin });
      return;
    }
    const noun = TABLE_SPECS[kind].noun;
    if (options.sameFileIsDuplicate && existing.origin.file === origin.file) return; // reported by note()
    let agrees = true;
    for (const [field, value] of Object.entries(record)) {
      const before = existing.record[field];
      if (before !== undefined && before !== value) {
        agrees = false;
        this.problem(origin, field, `The ${noun} ${key} is also given at ${describeOrigin(existing.origin)} with a different ${field} (${quoted(before)} there, ${quoted(value)} here)`);
      }
    }
    if (agrees) {
      for (const [field, value] of Object.entries(record)) if (existing.record[field] === undefined) existing.record[field] = value;
    }
  }

  /**
   * Checks every reference. Strict ones (a service's organisation, a schedule's service…) must
   * point at a record in this import or already in Linkdesk; loose ones (a parent organisation, a
   * taxonomy held elsewhere) only warn.
   */
  checkReferences(existsInLinkdesk: (kind: RecordKind, id: string) => boolean): void {
    for (const [kind, table] of this.records) {
      for (const { record, origin } of table.values()) {
        for (const ref of TABLE_SPECS[kind].refs) {
          const target = record[ref.field];
          if (typeof target !== 'string') continue;
          if (this.get(ref.table, target) || existsInLinkdesk(ref.table, target)) continue;
          if (this.seen.get(ref.table)?.has(target) || this.unreadable.has(ref.table)) continue; // its own problems are reported
          const noun = TABLE_SPECS[ref.table].noun;
          if (ref.strict) this.problem(origin, ref.field, `There is no ${noun} with id ${target} in this import or in Linkdesk`);
          else this.warn(origin, ref.field, `Refers to ${noun} ${target}, which is not in this import or in Linkdesk; kept as it is`);
        }
      }
    }
  }
}

/** Checks every field of one record given as a plain object; returns the record or null when a field is wrong. */
export function readRecord(
  pkg: ImportPackage,
  kind: RecordKind,
  raw: Record<string, unknown>,
  origin: Origin,
  source: 'csv' | 'json',
  options: {
    pathOf?: ((field: string) => string) | undefined;
    requiredHints?: Record<string, string>;
    /** Fields filled from the record this one is nested in: a wrong value there is that record's problem, already reported. */
    inherited?: ReadonlySet<string>;
  } = {},
): OrukRecord | null {
  if (!pkg.note(kind, raw.id, origin, { sameFileIsDuplicate: source === 'csv' })) return null;
  const record: OrukRecord = {};
  let ok = true;
  for (const field of TABLE_SPECS[kind].fields) {
    const result = readField(field, raw[field.name], source);
    if (!result.ok) {
      ok = false;
      if (options.inherited?.has(field.name)) continue;
      const missing = raw[field.name] === undefined || raw[field.name] === null || raw[field.name] === '';
      const reason = (missing && options.requiredHints?.[`${kind}.${field.name}`]) || result.reason;
      pkg.problem(options.pathOf ? { ...origin, path: options.pathOf(field.name) } : origin, field.name, reason);
    } else if (result.value !== undefined) record[field.name] = result.value;
  }
  return ok ? record : null;
}
