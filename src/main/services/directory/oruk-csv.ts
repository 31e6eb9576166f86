import { stringify } from 'csv-stringify/sync';
import { exportColumns, HSDS_ONLY_TABLES, ORUK_TABLES, RECORD_KINDS, TABLE_SPECS, tableForFile, type OrukRecord, type RecordKind } from './oruk-tables';
import { readField, type ImportPackage } from './oruk-validate';
import { isV1CsvPackage, readV1CsvPackage } from './oruk-v1';
import { baseName, parseCsvFile, type TextFile } from './csv-read';

export type { TextFile } from './csv-read';

/**
 * The ORUK tabular data package: one CSV file per table, named as in the standard's
 * datapackage.json. Parsing uses csv-parse (strict quoting, so broken quotes are reported rather
 * than guessed at) and writing csv-stringify (RFC 4180: quotes only where needed, CRLF between rows).
 */

/** Checks a header against a table's columns: unknown, repeated and missing required columns are problems. */
export function checkHeader(name: string, header: string[], kind: RecordKind, pkg: ImportPackage): boolean {
  const spec = TABLE_SPECS[kind];
  const known = new Set(spec.fields.map((field) => field.name));
  let ok = true;
  const seen = new Set<string>();
  for (const column of header) {
    if (seen.has(column)) {
      pkg.problem({ file: name, row: 1, path: null }, column, `The column "${column}" appears twice`);
      ok = false;
    }
    seen.add(column);
    if (!known.has(column)) {
      pkg.problem({ file: name, row: 1, path: null }, column, `"${column}" is not a column of the Open Referral UK ${spec.noun} table (${spec.file})`);
      ok = false;
    }
  }
  for (const field of spec.fields) {
    if (field.required && !seen.has(field.name)) {
      pkg.problem({ file: name, row: 1, path: null }, field.name, `The required column "${field.name}" is missing`);
      ok = false;
    }
  }
  return ok;
}

/** Reads an ORUK 3.0 (or older v1) CSV package into the import package, reporting every problem. */
export function readCsvPackage(files: readonly TextFile[], pkg: ImportPackage): void {
  const csvFiles: TextFile[] = [];
  for (const file of files) {
    const name = baseName(file.name);
    if (name.toLowerCase() === 'datapackage.json') continue; // describes the files; Linkdesk knows the tables already
    if (!name.toLowerCase().endsWith('.csv')) {
      pkg.problem({ file: name, row: null, path: null }, null, 'Not a CSV file: an ORUK tabular package is a set of .csv files (and an optional datapackage.json)');
      continue;
    }
    csvFiles.push(file);
  }
  if (isV1CsvPackage(csvFiles)) {
    readV1CsvPackage(csvFiles, pkg);
    return;
  }
  for (const file of csvFiles) {
    const name = baseName(file.name);
    const kind = tableForFile(name);
    if (!kind) {
      pkg.problem(
        { file: name, row: null, path: null },
        null,
        `"${name}" is not a file of an Open Referral UK package. The files are: ${RECORD_KINDS.map((k) => TABLE_SPECS[k].file).join(', ')}`,
      );
      continue;
    }
    const parsed = parseCsvFile(file, pkg);
    if (!parsed) {
      pkg.markUnreadable(kind);
      continue;
    }
    checkHeader(name, parsed.header, kind, pkg);
    const idColumn = parsed.header.indexOf('id');
    const spec = TABLE_SPECS[kind];
    const present = new Set(parsed.header);
    for (const { row, cells } of parsed.rows) {
      const origin = { file: name, row, path: null };
      if (cells.length !== parsed.header.length) {
        pkg.problem(origin, null, `This row has ${cells.length} value${cells.length === 1 ? '' : 's'}, but the header has ${parsed.header.length} columns`);
        if (idColumn >= 0) pkg.note(kind, cells[idColumn], origin, { sameFileIsDuplicate: false });
        continue;
      }
      if (idColumn >= 0 && !pkg.note(kind, cells[idColumn], origin, { sameFileIsDuplicate: true })) continue;
      const record: OrukRecord = {};
      let ok = true;
      for (const field of spec.fields) {
        if (!present.has(field.name)) continue; // a missing required column is reported once, on the header
        const result = readField(field, cells[parsed.header.indexOf(field.name)], 'csv');
        if (!result.ok) {
          ok = false;
          pkg.problem(origin, field.name, result.reason);
        } else if (result.value !== undefined) record[field.name] = result.value;
      }
      if (ok && record.id !== undefined) pkg.add(kind, record, origin, { sameFileIsDuplicate: true });
    }
  }
}

function cell(value: string | number | undefined): string {
  return value === undefined ? '' : String(value);
}

/**
 * Writes the package: every ORUK table (a header alone when it has no rows), the HSDS-only
 * tables that have rows, and a datapackage.json describing the files.
 */
export function writeCsvPackage(recordsByKind: ReadonlyMap<RecordKind, readonly OrukRecord[]>): TextFile[] {
  const files: TextFile[] = [];
  const resources: unknown[] = [];
  const kinds: RecordKind[] = [...ORUK_TABLES, ...HSDS_ONLY_TABLES.filter((kind) => (recordsByKind.get(kind)?.length ?? 0) > 0)];
  for (const kind of kinds) {
    const records = recordsByKind.get(kind) ?? [];
    const present = new Set(records.flatMap((record) => Object.keys(record)));
    const columns = exportColumns(kind, present);
    const rows = records.map((record) => columns.map((column) => cell(record[column])));
    files.push({ name: TABLE_SPECS[kind].file, content: stringify([columns, ...rows], { record_delimiter: 'windows' }) });
    resources.push({
      name: kind,
      path: TABLE_SPECS[kind].file,
      profile: 'tabular-data-resource',
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      schema: {
        primaryKey: 'id',
        fields: columns.map((column) => {
          const field = TABLE_SPECS[kind].fields.find((candidate) => candidate.name === column)!;
          const type = field.format === 'date' ? 'date' : field.format === 'datetime' ? 'datetime' : field.format === 'time' ? 'time' : field.type;
          const format = field.format && ['uuid', 'email', 'uri'].includes(field.format) ? { format: field.format } : {};
          return { name: column, type, ...format, constraints: { required: field.required === true } };
        }),
      },
    });
  }
  const datapackage = {
    name: 'human_services_data',
    title: 'Open Referral UK community directory, exported by Linkdesk',
    profile: 'tabular-data-package',
    version: '3.0.0',
    resources,
  };
  files.push({ name: 'datapackage.json', content: `${JSON.stringify(datapackage, null, 2)}\n` });
  return files;
}
