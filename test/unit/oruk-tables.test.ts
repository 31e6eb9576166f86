import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ORUK_TABLES, TABLE_SPECS, type FieldSpec, type OrukTable } from '../../src/main/services/directory/oruk-tables';

/**
 * Linkdesk's ORUK table definitions (src/main/services/directory/oruk-tables.ts) against the
 * standard itself: the JSON schemas are the source of truth, the tabular package must agree, and
 * the HSDS fields Linkdesk keeps are exactly those the UK profile leaves out.
 */
const STANDARD = join(import.meta.dirname, '..', 'integration', 'directory', 'fixtures', 'open-referral-uk');

interface SchemaProperty {
  type?: string;
  format?: string;
  enum?: string[];
  datapackage_type?: string;
  $ref?: string;
  items?: unknown;
}
interface Schema {
  name: string;
  path: string;
  properties: Record<string, SchemaProperty>;
  required?: string[];
  tabular_required?: string[];
}

const readJson = <T>(...parts: string[]) => JSON.parse(readFileSync(join(STANDARD, ...parts), 'utf8')) as T;
const schemas = readdirSync(join(STANDARD, 'schema'))
  .filter((name) => name.endsWith('.json'))
  .map((name) => readJson<Schema>('schema', name));
/** Properties that nest other tables (arrays and objects), not columns. */
const RELATIONSHIPS = new Set(['phones', 'contacts', 'schedules', 'languages', 'locations', 'funding', 'attributes', 'taxonomy_detail', 'taxonomy_terms']);

function expectedFormat(property: SchemaProperty): FieldSpec['format'] {
  if (property.datapackage_type === 'date') return 'date';
  if (property.datapackage_type === 'time') return 'time';
  if (property.datapackage_type === 'datetime' || property.format === 'date-time') return 'datetime';
  return property.format as FieldSpec['format'];
}

describe('the ORUK table definitions', () => {
  it('cover every table of the ORUK 3.0 schema, under the standard’s file names', () => {
    expect(schemas.map((schema) => schema.name).sort()).toEqual([...ORUK_TABLES].sort());
    for (const schema of schemas) expect(TABLE_SPECS[schema.name as OrukTable].file, schema.name).toBe(schema.path);
  });

  it('give every column the schema’s name, order, type, format, enum and requirement', () => {
    for (const schema of schemas) {
      const spec = TABLE_SPECS[schema.name as OrukTable];
      const columns = Object.entries(schema.properties).filter(([name, property]) => property.type !== 'array' && property.$ref === undefined && !RELATIONSHIPS.has(name));
      const oruk = spec.fields.filter((field) => !field.hsds);
      expect(oruk.map((field) => field.name), schema.name).toEqual(columns.map(([name]) => name));
      const required = new Set([...(schema.required ?? []), ...(schema.tabular_required ?? [])]);
      for (const [name, property] of columns) {
        const field = oruk.find((candidate) => candidate.name === name)!;
        const where = `${schema.name}.${name}`;
        expect(field.type, where).toBe(property.type);
        expect(field.format, where).toBe(expectedFormat(property));
        expect(field.enum, where).toEqual(property.enum);
        expect(field.required ?? false, where).toBe(required.has(name));
      }
    }
  });

  it('keep as HSDS fields exactly the columns the UK profile removes from HSDS 3.0', () => {
    for (const schema of schemas) {
      const spec = TABLE_SPECS[schema.name as OrukTable];
      // No profile file means the profile removes nothing.
      const hasProfile = readdirSync(join(STANDARD, 'profile')).includes(`${schema.name}.json`);
      const profile = hasProfile ? readJson<{ properties?: Record<string, unknown> } | null>('profile', `${schema.name}.json`) : null;
      const removed = Object.entries(profile?.properties ?? {})
        .filter(([name, value]) => value === null && !RELATIONSHIPS.has(name))
        .map(([name]) => name);
      expect(spec.fields.filter((field) => field.hsds).map((field) => field.name).sort(), schema.name).toEqual([...new Set(removed)].sort());
    }
  });

  it('agree with the tabular data package on files, columns and foreign keys', () => {
    const datapackage = readJson<{ resources: { name: string; path: string; schema: { fields: { name: string; constraints: { required: boolean; enum?: string[] } }[]; foreignKeys?: { fields: string; reference: { resource: string } }[] } }[] }>(
      'datapackage.json',
    );
    for (const resource of datapackage.resources) {
      const spec = TABLE_SPECS[resource.name as OrukTable];
      expect(spec, resource.name).toBeDefined();
      expect(spec.file, resource.name).toBe(resource.path);
      const oruk = spec.fields.filter((field) => !field.hsds);
      expect(resource.schema.fields.map((field) => field.name), resource.name).toEqual(oruk.map((field) => field.name).filter((name) => resource.schema.fields.some((f) => f.name === name)));
      for (const field of resource.schema.fields) {
        const mine = oruk.find((candidate) => candidate.name === field.name)!;
        expect(mine.enum, `${resource.name}.${field.name}`).toEqual(field.constraints.enum);
      }
      for (const key of resource.schema.foreignKeys ?? []) {
        const ref = spec.refs.find((candidate) => candidate.field === key.fields);
        expect(ref?.table, `${resource.name}.${key.fields}`).toBe(key.reference.resource);
      }
    }
  });
});
