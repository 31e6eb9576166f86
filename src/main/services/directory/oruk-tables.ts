/**
 * Open Referral UK 3.0, table by table: the fields, their types and formats, what is required,
 * and how the tables refer to each other. Written from the standard's JSON schemas (`schema/*.json`,
 * which already have the UK profile in `profile/*.json` applied) and its tabular data package
 * (`datapackage.json`); test/unit/oruk-tables.test.ts checks this file against those files.
 *
 * Three kinds of field:
 * - ORUK fields: validated and exported in the standard's column order;
 * - HSDS fields: fields of HSDS 3.0 (the US standard ORUK profiles) that the UK profile leaves out.
 *   Feeds often carry them (the ORUK examples do). They are kept as they came and exported again,
 *   after the ORUK columns, but Linkdesk never relies on them;
 * - anything else: refused in CSV (an extra column is a mistake), ignored with a warning in JSON
 *   (the JSON schemas allow other properties).
 */

export type FieldType = 'string' | 'number' | 'integer';
export type FieldFormat = 'uuid' | 'email' | 'uri' | 'date' | 'time' | 'datetime';

export interface FieldSpec {
  name: string;
  type: FieldType;
  format?: FieldFormat;
  enum?: readonly string[];
  /** Required in the JSON schema (`required`) or the tabular package (`tabular_required`). */
  required?: boolean;
  /** An HSDS 3.0 field outside the UK profile: kept and exported, never relied on. */
  hsds?: boolean;
}

export const ORUK_TABLES = [
  'organization',
  'organization_identifier',
  'service',
  'location',
  'service_at_location',
  'address',
  'accessibility',
  'schedule',
  'contact',
  'phone',
  'cost_option',
  'funding',
  'language',
  'service_area',
  'taxonomy',
  'taxonomy_term',
  'attribute',
] as const;
export type OrukTable = (typeof ORUK_TABLES)[number];

/** HSDS 3.0 tables that the UK profile leaves out. Their rows are kept as they came and exported again. */
export const HSDS_ONLY_TABLES = ['program', 'required_document', 'meta_table_description', 'metadata', 'url'] as const;
export type HsdsOnlyTable = (typeof HSDS_ONLY_TABLES)[number];

export type RecordKind = OrukTable | HsdsOnlyTable;
export const RECORD_KINDS: readonly RecordKind[] = [...ORUK_TABLES, ...HSDS_ONLY_TABLES];

/** A reference from one table to another. Strict references must point at a record in the import or in Linkdesk. */
export interface RefSpec {
  field: string;
  table: OrukTable;
  strict: boolean;
}

export interface TableSpec {
  name: RecordKind;
  /** The file name in the standard's datapackage.json; used for export. */
  file: string;
  /** Other file names accepted on import (HSDS names, singular and plural forms). */
  aliases: readonly string[];
  /** Words for messages: "organisation", "service at location". */
  noun: string;
  fields: readonly FieldSpec[];
  refs: readonly RefSpec[];
}

const id: FieldSpec = { name: 'id', type: 'string', format: 'uuid', required: true };
const s = (name: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({ name, type: 'string', ...extra });
const uuid = (name: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({ name, type: 'string', format: 'uuid', ...extra });
const num = (name: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({ name, type: 'number', ...extra });
const hsds = (field: FieldSpec): FieldSpec => ({ ...field, hsds: true });

export const TABLE_SPECS: Record<RecordKind, TableSpec> = {
  organization: {
    name: 'organization',
    file: 'organizations.csv',
    aliases: ['organization.csv'],
    noun: 'organisation',
    fields: [
      id,
      s('name', { required: true }),
      s('description', { required: true }),
      s('email', { format: 'email' }),
      s('website', { format: 'uri' }),
      s('logo'),
      s('uri', { format: 'uri' }),
      uuid('parent_organization_id'),
      hsds(s('alternate_name')),
      hsds(s('tax_status')),
      hsds(s('tax_id')),
      hsds(num('year_incorporated')),
      hsds(s('legal_status')),
    ],
    refs: [{ field: 'parent_organization_id', table: 'organization', strict: false }],
  },
  organization_identifier: {
    name: 'organization_identifier',
    file: 'organization_identifiers.csv',
    aliases: ['organization_identifier.csv'],
    noun: 'organisation identifier',
    fields: [id, uuid('organization_id', { required: true }), s('identifier_scheme'), s('identifier_type', { required: true }), s('identifier', { required: true })],
    refs: [{ field: 'organization_id', table: 'organization', strict: true }],
  },
  service: {
    name: 'service',
    file: 'services.csv',
    aliases: ['service.csv'],
    noun: 'service',
    fields: [
      id,
      uuid('organization_id', { required: true }),
      s('name', { required: true }),
      s('description'),
      s('url', { format: 'uri' }),
      s('email', { format: 'email' }),
      s('status', { required: true, enum: ['active', 'inactive', 'defunct', 'temporarily closed'] }),
      s('fees'),
      s('accreditations'),
      num('minimum_age'),
      num('maximum_age'),
      s('assured_date', { format: 'date' }),
      s('assurer_email', { format: 'email' }),
      s('alert'),
      s('last_modified', { format: 'datetime' }),
      hsds(uuid('program_id')),
      hsds(s('alternate_name')),
      hsds(s('fees_description')),
      hsds(s('interpretation_services')),
      hsds(s('application_process')),
      hsds(s('wait_time')),
      hsds(s('eligibility_description')),
      hsds(s('licenses')),
    ],
    refs: [{ field: 'organization_id', table: 'organization', strict: true }],
  },
  location: {
    name: 'location',
    file: 'locations.csv',
    aliases: ['location.csv'],
    noun: 'location',
    fields: [
      id,
      s('location_type', { required: true, enum: ['physical', 'postal', 'virtual'] }),
      s('name'),
      s('description'),
      num('latitude'),
      num('longitude'),
      s('external_identifier'),
      s('external_identifier_type'),
      hsds(s('url', { format: 'uri' })),
      hsds(uuid('organization_id')),
      hsds(s('alternate_name')),
      hsds(s('transportation')),
    ],
    refs: [{ field: 'organization_id', table: 'organization', strict: false }],
  },
  service_at_location: {
    name: 'service_at_location',
    file: 'service_at_location.csv',
    aliases: ['service_at_locations.csv'],
    noun: 'service at location',
    fields: [id, uuid('service_id', { required: true }), uuid('location_id', { required: true }), hsds(s('description'))],
    refs: [
      { field: 'service_id', table: 'service', strict: true },
      { field: 'location_id', table: 'location', strict: true },
    ],
  },
  address: {
    name: 'address',
    file: 'address.csv',
    aliases: ['addresses.csv'],
    noun: 'address',
    fields: [
      id,
      uuid('location_id'),
      s('attention'),
      s('address_1', { required: true }),
      hsds(s('address_2')),
      s('city', { required: true }),
      s('region'),
      s('state_province', { required: true }),
      s('postal_code', { required: true }),
      s('country', { required: true }),
      s('address_type', { required: true, enum: ['physical', 'postal', 'virtual'] }),
    ],
    refs: [{ field: 'location_id', table: 'location', strict: true }],
  },
  accessibility: {
    name: 'accessibility',
    file: 'accessibility.csv',
    aliases: ['accessibilities.csv'],
    noun: 'accessibility',
    fields: [id, uuid('location_id'), s('description'), s('details'), s('url', { format: 'uri' }), s('accessibility')],
    refs: [{ field: 'location_id', table: 'location', strict: true }],
  },
  schedule: {
    name: 'schedule',
    file: 'schedule.csv',
    aliases: ['schedules.csv'],
    noun: 'schedule',
    fields: [
      id,
      uuid('service_id'),
      hsds(uuid('location_id')),
      uuid('service_at_location_id'),
      s('valid_from', { format: 'date' }),
      s('valid_to', { format: 'date' }),
      s('dtstart', { format: 'date' }),
      hsds(num('timezone')),
      hsds(s('until')),
      hsds({ name: 'count', type: 'integer' }),
      hsds(s('wkst')),
      s('freq', { enum: ['WEEKLY', 'MONTHLY'] }),
      num('interval'),
      s('byday'),
      hsds(s('byweekno')),
      s('bymonthday'),
      hsds(s('byyearday')),
      s('description'),
      s('opens_at', { format: 'time' }),
      s('closes_at', { format: 'time' }),
      s('schedule_link', { format: 'uri' }),
      s('attending_type'),
      s('notes'),
    ],
    refs: [
      { field: 'service_id', table: 'service', strict: true },
      { field: 'service_at_location_id', table: 'service_at_location', strict: true },
      { field: 'location_id', table: 'location', strict: true },
    ],
  },
  contact: {
    name: 'contact',
    file: 'contacts.csv',
    aliases: ['contact.csv'],
    noun: 'contact',
    fields: [
      id,
      uuid('service_id'),
      hsds(uuid('organization_id')),
      hsds(uuid('service_at_location_id')),
      hsds(uuid('location_id')),
      s('name'),
      s('title'),
      hsds(s('department')),
      hsds(s('email', { format: 'email' })),
    ],
    refs: [
      { field: 'service_id', table: 'service', strict: true },
      { field: 'organization_id', table: 'organization', strict: false },
      { field: 'service_at_location_id', table: 'service_at_location', strict: false },
      { field: 'location_id', table: 'location', strict: false },
    ],
  },
  phone: {
    name: 'phone',
    file: 'phones.csv',
    aliases: ['phone.csv'],
    noun: 'phone',
    fields: [
      id,
      hsds(uuid('location_id')),
      hsds(uuid('service_id')),
      hsds(uuid('organization_id')),
      uuid('contact_id'),
      hsds(uuid('service_at_location_id')),
      s('number', { required: true }),
      hsds(num('extension')),
      hsds(s('type')),
      s('description'),
    ],
    refs: [
      { field: 'contact_id', table: 'contact', strict: true },
      { field: 'service_id', table: 'service', strict: false },
      { field: 'location_id', table: 'location', strict: false },
      { field: 'organization_id', table: 'organization', strict: false },
      { field: 'service_at_location_id', table: 'service_at_location', strict: false },
    ],
  },
  cost_option: {
    name: 'cost_option',
    file: 'cost_options.csv',
    aliases: ['cost_option.csv'],
    noun: 'cost option',
    fields: [
      id,
      uuid('service_id', { required: true }),
      s('valid_from', { format: 'date' }),
      s('valid_to', { format: 'date' }),
      s('option'),
      num('amount'),
      hsds(s('currency')),
      s('amount_description'),
    ],
    refs: [{ field: 'service_id', table: 'service', strict: true }],
  },
  funding: {
    name: 'funding',
    file: 'funding.csv',
    aliases: ['fundings.csv'],
    noun: 'funding',
    fields: [id, hsds(uuid('organization_id')), uuid('service_id'), s('source')],
    refs: [
      { field: 'service_id', table: 'service', strict: true },
      { field: 'organization_id', table: 'organization', strict: false },
    ],
  },
  language: {
    name: 'language',
    file: 'languages.csv',
    aliases: ['language.csv'],
    noun: 'language',
    fields: [id, uuid('service_id'), hsds(uuid('location_id')), uuid('phone_id'), hsds(s('name')), hsds(s('code')), hsds(s('note'))],
    refs: [
      { field: 'service_id', table: 'service', strict: true },
      { field: 'phone_id', table: 'phone', strict: true },
      { field: 'location_id', table: 'location', strict: false },
    ],
  },
  service_area: {
    name: 'service_area',
    file: 'service_areas.csv',
    aliases: ['service_area.csv'],
    noun: 'service area',
    fields: [id, uuid('service_id'), s('name'), hsds(s('description')), s('extent'), s('extent_type'), s('uri'), s('service_area')],
    refs: [{ field: 'service_id', table: 'service', strict: true }],
  },
  taxonomy: {
    name: 'taxonomy',
    file: 'taxonomies.csv',
    aliases: ['taxonomy.csv'],
    noun: 'taxonomy',
    fields: [id, s('name', { required: true }), s('description', { required: true }), s('uri', { format: 'uri' }), s('version')],
    refs: [],
  },
  taxonomy_term: {
    name: 'taxonomy_term',
    file: 'taxonomy_terms.csv',
    aliases: ['taxonomy_term.csv'],
    noun: 'taxonomy term',
    fields: [
      id,
      hsds(s('code')),
      s('name', { required: true }),
      s('description', { required: true }),
      uuid('parent_id'),
      s('taxonomy'),
      hsds(s('language')),
      uuid('taxonomy_id'),
      s('term_uri', { format: 'uri' }),
      s('term'),
    ],
    refs: [
      { field: 'parent_id', table: 'taxonomy_term', strict: false },
      { field: 'taxonomy_id', table: 'taxonomy', strict: false },
    ],
  },
  attribute: {
    name: 'attribute',
    file: 'attribute.csv',
    aliases: ['attributes.csv'],
    noun: 'attribute',
    fields: [id, uuid('link_id', { required: true }), uuid('taxonomy_term_id', { required: true }), s('link_type'), hsds(s('link_entity')), hsds(s('value'))],
    refs: [{ field: 'taxonomy_term_id', table: 'taxonomy_term', strict: true }],
  },
  program: {
    name: 'program',
    file: 'programs.csv',
    aliases: ['program.csv'],
    noun: 'programme',
    fields: [id, uuid('organization_id'), s('name'), s('alternate_name'), s('description')].map(hsds),
    refs: [],
  },
  required_document: {
    name: 'required_document',
    file: 'required_documents.csv',
    aliases: ['required_document.csv'],
    noun: 'required document',
    fields: [id, uuid('service_id'), s('document'), s('uri')].map(hsds),
    refs: [],
  },
  meta_table_description: {
    name: 'meta_table_description',
    file: 'meta_table_descriptions.csv',
    aliases: ['meta_table_description.csv'],
    noun: 'table description',
    fields: [id, s('name'), s('language'), s('character_set')].map(hsds),
    refs: [],
  },
  metadata: {
    name: 'metadata',
    file: 'metadata.csv',
    aliases: [],
    noun: 'metadata entry',
    fields: [id, s('resource_id'), s('resource_type'), s('last_action_date'), s('last_action_type'), s('field_name'), s('previous_value'), s('replacement_value'), s('updated_by')].map(hsds),
    refs: [],
  },
  url: {
    name: 'url',
    file: 'urls.csv',
    aliases: ['url.csv'],
    noun: 'web address',
    fields: [id, s('label'), s('url'), uuid('organization_id'), uuid('service_id')].map(hsds),
    refs: [],
  },
};

/** The table a CSV file holds, by its name (case-insensitive), or null when it is not an ORUK file. */
export function tableForFile(fileName: string): RecordKind | null {
  const base = fileName.split(/[\\/]/).pop()!.toLowerCase();
  for (const kind of RECORD_KINDS) {
    const spec = TABLE_SPECS[kind];
    if (spec.file === base || spec.aliases.includes(base)) return kind;
  }
  return null;
}

export function fieldSpec(kind: RecordKind, name: string): FieldSpec | undefined {
  return TABLE_SPECS[kind].fields.find((field) => field.name === name);
}

/** The ORUK columns first (in the standard's order), then the HSDS ones, as the export writes them. */
export function exportColumns(kind: RecordKind, present: ReadonlySet<string>): string[] {
  const fields = TABLE_SPECS[kind].fields;
  const isHsdsTable = (HSDS_ONLY_TABLES as readonly string[]).includes(kind);
  const oruk = fields.filter((field) => !field.hsds || isHsdsTable).map((field) => field.name);
  const extra = fields.filter((field) => field.hsds && !isHsdsTable && present.has(field.name)).map((field) => field.name);
  return [...oruk, ...extra];
}

/** One ORUK record: a table row with typed values (strings and numbers), absent fields left out. */
export type OrukRecord = Record<string, string | number>;
