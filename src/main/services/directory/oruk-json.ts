import { TABLE_SPECS, type OrukRecord, type OrukTable } from './oruk-tables';
import type { RecordIndex } from './oruk-records';
import { readRecord, type ImportPackage, type Origin } from './oruk-validate';
import { baseName, type TextFile } from './csv-read';
import { flattenV1Services, isV1Service } from './oruk-v1';

/**
 * ORUK JSON: services with everything about them nested inside, as the ORUK 3.0 API returns them
 * (`schema/compiled/service.json`). Linkdesk reads one service, a list of services, or a page of
 * results (`{ "contents": [...] }`), and writes one page holding every service.
 *
 * Nested records are linked to the record they sit in (a schedule inside a service gets that
 * service's id as its service_id), so the same data read from JSON or from the CSV package gives
 * the same records. Two extensions from HSDS 3.0 are read and written because feeds use them and
 * ORUK 3.0 JSON has no other place for phones: `contacts[].phones[]` and `phones[]` on a service.
 */

type Link = { type: 'child'; field: string } | { type: 'parent'; field: string };
interface Nest {
  prop: string;
  kind: OrukTable;
  many: boolean;
  link: Link;
  /** Only written when there is something in it (an HSDS extension, not part of ORUK 3.0 JSON). */
  extension?: boolean;
  /** Which of the linked records belong here when writing (each record is nested in one place only). */
  only?: (record: OrukRecord) => boolean;
}

const child = (field: string): Link => ({ type: 'child', field });
const parent = (field: string): Link => ({ type: 'parent', field });
const attributes: Nest = { prop: 'attributes', kind: 'attribute', many: true, link: child('link_id') };

/** What nests inside what, in the order the compiled ORUK schema lists it. */
const NESTS: Partial<Record<OrukTable, Nest[]>> = {
  service: [
    { prop: 'schedules', kind: 'schedule', many: true, link: child('service_id') },
    { prop: 'service_areas', kind: 'service_area', many: true, link: child('service_id') },
    { prop: 'service_at_locations', kind: 'service_at_location', many: true, link: child('service_id') },
    { prop: 'languages', kind: 'language', many: true, link: child('service_id') },
    { prop: 'organization', kind: 'organization', many: false, link: parent('organization_id') },
    { prop: 'funding', kind: 'funding', many: true, link: child('service_id') },
    { prop: 'cost_options', kind: 'cost_option', many: true, link: child('service_id') },
    { prop: 'contacts', kind: 'contact', many: true, link: child('service_id') },
    attributes,
    { prop: 'phones', kind: 'phone', many: true, link: child('service_id'), extension: true, only: (phone) => phone.contact_id === undefined },
  ],
  organization: [{ prop: 'organization_identifiers', kind: 'organization_identifier', many: true, link: child('organization_id') }, attributes],
  organization_identifier: [attributes],
  service_at_location: [{ prop: 'location', kind: 'location', many: false, link: parent('location_id') }],
  location: [
    { prop: 'addresses', kind: 'address', many: true, link: child('location_id') },
    { prop: 'accessibility', kind: 'accessibility', many: true, link: child('location_id') },
    attributes,
  ],
  address: [attributes],
  accessibility: [attributes],
  contact: [attributes, { prop: 'phones', kind: 'phone', many: true, link: child('contact_id'), extension: true }],
  phone: [{ prop: 'languages', kind: 'language', many: true, link: child('phone_id'), only: (language) => language.service_id === undefined }],
  attribute: [{ prop: 'taxonomy_term', kind: 'taxonomy_term', many: false, link: parent('taxonomy_term_id') }],
};

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

/**
 * Where a text stops being JSON, found by walking the grammar (JSON.parse's own messages name a
 * position only sometimes). Returns the offset of the first character that cannot be right.
 */
export function jsonErrorOffset(text: string): { offset: number; atEnd: boolean } {
  let at = 0;
  class Stop extends Error {}
  const fail = (): never => {
    throw new Stop();
  };
  const space = () => {
    while (at < text.length && ' \t\n\r'.includes(text[at]!)) at += 1;
  };
  const literal = (word: string) => {
    for (const character of word) {
      if (text[at] !== character) fail();
      at += 1;
    }
  };
  const string = () => {
    at += 1;
    for (;;) {
      if (at >= text.length) fail();
      const character = text[at]!;
      if (character === '"') {
        at += 1;
        return;
      }
      if (character.charCodeAt(0) < 0x20) fail();
      if (character === '\\') {
        at += 1;
        if (text[at] === 'u') {
          for (let digit = 1; digit <= 4; digit += 1) {
            if (!/[0-9a-fA-F]/.test(text[at + digit] ?? '')) {
              at += digit;
              fail();
            }
          }
          at += 5;
        } else if ('"\\/bfnrt'.includes(text[at] ?? 'x')) at += 1;
        else fail();
      } else at += 1;
    }
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(at, at + 400));
    if (!match || match[0] === '-' || match[0] === '') fail();
    at += match![0].length;
  };
  const value = (depth: number): void => {
    if (depth > 1000) fail();
    space();
    const character = text[at];
    if (character === '{') {
      at += 1;
      space();
      if (text[at] === '}') {
        at += 1;
        return;
      }
      for (;;) {
        space();
        if (text[at] !== '"') fail();
        string();
        space();
        if (text[at] !== ':') fail();
        at += 1;
        value(depth + 1);
        space();
        if (text[at] === ',') at += 1;
        else if (text[at] === '}') {
          at += 1;
          return;
        } else fail();
      }
    }
    if (character === '[') {
      at += 1;
      space();
      if (text[at] === ']') {
        at += 1;
        return;
      }
      for (;;) {
        value(depth + 1);
        space();
        if (text[at] === ',') at += 1;
        else if (text[at] === ']') {
          at += 1;
          return;
        } else fail();
      }
    }
    if (character === '"') return string();
    if (character === 't') return literal('true');
    if (character === 'f') return literal('false');
    if (character === 'n') return literal('null');
    return number();
  };
  try {
    value(0);
    space();
    if (at < text.length) fail();
    return { offset: text.length, atEnd: true };
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    return { offset: at, atEnd: at >= text.length };
  }
}

/** Where JSON.parse gave up, in the words people use ("line 3, column 7"). */
function jsonSyntaxReason(text: string): string {
  const { offset, atEnd } = jsonErrorOffset(text);
  if (atEnd) return 'Not valid JSON: the file ends too soon (is it cut short?)';
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `Not valid JSON: the text stops making sense at line ${line}, column ${column}`;
}

const REQUIRED_HINTS: Record<string, string> = {
  'service.organization_id': 'Required: a service needs its organisation, nested as "organization" or named by "organization_id"',
};

class JsonReader {
  constructor(private readonly pkg: ImportPackage) {}

  /** Reads one object and what is nested in it; returns its id for the records nested inside. */
  read(kind: OrukTable, object: Record<string, unknown>, origin: Origin, path: string, links: Record<string, string>): string | undefined {
    const spec = TABLE_SPECS[kind];
    const nests = NESTS[kind] ?? [];
    const fieldNames = new Set(spec.fields.map((field) => field.name));
    const raw: Record<string, unknown> = {};
    const inherited = new Set<string>();
    for (const name of fieldNames) if (Object.hasOwn(object, name)) raw[name] = object[name];
    const ownId = typeof object.id === 'string' && object.id.trim() !== '' ? object.id.trim() : undefined;

    // Records this one points at (its organisation, its location, its taxonomy term) come first.
    for (const nest of nests) {
      if (nest.link.type !== 'parent' || !Object.hasOwn(object, nest.prop) || object[nest.prop] === null) continue;
      const value = object[nest.prop];
      const nestPath = join(path, nest.prop);
      if (!isObject(value)) {
        this.pkg.problem({ ...origin, path: nestPath }, nest.prop, `Must be an object (the ${TABLE_SPECS[nest.kind].noun})`);
        continue;
      }
      const targetId = this.read(nest.kind, value, origin, nestPath, {});
      if (targetId === undefined) continue;
      this.link(raw, nest.link.field, targetId, origin, path, `it holds ${TABLE_SPECS[nest.kind].noun} ${targetId}`);
    }
    for (const [field, value] of Object.entries(links)) {
      this.link(raw, field, value, origin, path, `it is nested in ${value}`);
      inherited.add(field);
    }

    for (const key of Object.keys(object)) {
      if (fieldNames.has(key) || nests.some((nest) => nest.prop === key)) continue;
      this.pkg.warn({ ...origin, path: join(path, key) }, key, `"${key}" is not an Open Referral UK 3.0 field of a ${spec.noun}; left out`);
    }

    const record = readRecord(this.pkg, kind, raw, { ...origin, path: path || null }, 'json', {
      pathOf: (field) => join(path, field),
      requiredHints: REQUIRED_HINTS,
      inherited,
    });
    if (record) this.pkg.add(kind, record, { ...origin, path: path || null }, { sameFileIsDuplicate: false });

    for (const nest of nests) {
      if (nest.link.type !== 'child' || !Object.hasOwn(object, nest.prop) || object[nest.prop] === null) continue;
      const value = object[nest.prop];
      const nestPath = join(path, nest.prop);
      if (!Array.isArray(value)) {
        this.pkg.problem({ ...origin, path: nestPath }, nest.prop, 'Must be a list');
        continue;
      }
      value.forEach((item, index) => {
        const itemPath = `${nestPath}[${index}]`;
        if (!isObject(item)) this.pkg.problem({ ...origin, path: itemPath }, nest.prop, `Must be an object (a ${TABLE_SPECS[nest.kind].noun})`);
        else this.read(nest.kind, item, origin, itemPath, ownId === undefined ? {} : { [nest.link.field]: ownId });
      });
    }
    return ownId;
  }

  /** Fills a link field from where the record sits, or reports a record that says otherwise. */
  private link(raw: Record<string, unknown>, field: string, value: string, origin: Origin, path: string, why: string): void {
    const given = raw[field];
    if (given !== undefined && given !== null && given !== '' && given !== value) this.pkg.problem({ ...origin, path: join(path, field) }, field, `Says ${String(given)}, but ${why}`);
    raw[field] = value;
  }
}

/** Reads ORUK JSON files (3.0, or v1 services, which are converted) into the import package. */
export function readJsonFiles(files: readonly TextFile[], pkg: ImportPackage): void {
  const reader = new JsonReader(pkg);
  const v1Services: { service: Record<string, unknown>; origin: Origin; path: string }[] = [];
  for (const file of files) {
    const name = baseName(file.name);
    const fileOrigin: Origin = { file: name, row: null, path: null };
    if (!name.toLowerCase().endsWith('.json')) {
      pkg.problem(fileOrigin, null, 'Not a JSON file: choose the .json file the directory feed gave you');
      continue;
    }
    let top: unknown;
    try {
      top = JSON.parse(file.content.replace(/^\uFEFF/, ''));
    } catch {
      pkg.problem(fileOrigin, null, jsonSyntaxReason(file.content.replace(/^\uFEFF/, '')));
      continue;
    }
    let services: unknown[];
    let base: string;
    if (Array.isArray(top)) {
      services = top;
      base = '';
    } else if (isObject(top) && Object.hasOwn(top, 'contents')) {
      if (!Array.isArray(top.contents)) {
        pkg.problem({ ...fileOrigin, path: 'contents' }, 'contents', 'Must be a list of services');
        continue;
      }
      services = top.contents;
      base = 'contents';
      const pageNumber = typeof top.page_number === 'number' ? top.page_number : null;
      const totalPages = typeof top.total_pages === 'number' ? top.total_pages : null;
      if (pageNumber !== null && totalPages !== null && totalPages > 1) {
        pkg.warn(fileOrigin, null, `This is page ${pageNumber} of ${totalPages} of the feed: import the other pages too for the whole directory`);
      }
    } else if (isObject(top)) {
      services = [top];
      base = '';
    } else {
      pkg.problem(fileOrigin, null, 'Expected an ORUK service, a list of services, or a page of services ({ "contents": [...] })');
      continue;
    }
    services.forEach((service, index) => {
      const path = Array.isArray(top) ? `[${index}]` : base ? `${base}[${index}]` : '';
      const origin: Origin = { file: name, row: index + 1, path: path || null };
      if (!isObject(service)) {
        pkg.problem(origin, null, 'Must be an object (a service)');
        return;
      }
      if (isV1Service(service)) v1Services.push({ service, origin, path });
      else reader.read('service', service, origin, path, {});
    });
  }
  if (v1Services.length > 0) flattenV1Services(v1Services, pkg);
}

/** Writes every service, with what belongs to it nested inside, as one ORUK page. */
export function writeJson(index: RecordIndex): TextFile {
  const nestRecord = (kind: OrukTable, record: OrukRecord): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const field of TABLE_SPECS[kind].fields) if (record[field.name] !== undefined) out[field.name] = record[field.name];
    for (const nest of NESTS[kind] ?? []) {
      if (nest.link.type === 'parent') {
        const target = index.get(nest.kind, record[nest.link.field]);
        if (target) out[nest.prop] = nestRecord(nest.kind, target);
        continue;
      }
      const children = index.where(nest.kind, nest.link.field, record.id).filter((candidate) => !nest.only || nest.only(candidate));
      if (nest.extension && children.length === 0) continue;
      out[nest.prop] = children.map((candidate) => nestRecord(nest.kind, candidate));
    }
    return out;
  };
  const contents = index.all('service').map((service) => nestRecord('service', service));
  const page = {
    total_items: contents.length,
    total_pages: 1,
    page_number: 1,
    size: contents.length,
    first_page: true,
    last_page: true,
    empty: contents.length === 0,
    contents,
  };
  return { name: 'services.json', content: `${JSON.stringify(page, null, 2)}\n` };
}
