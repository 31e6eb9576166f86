import { parse } from 'csv-parse/sync';
import type { ImportPackage } from './oruk-validate';

/** Reading CSV files for an import: shared by the ORUK 3.0 and v1 readers. */

export interface TextFile {
  name: string;
  content: string;
}

export interface ParsedCsv {
  header: string[];
  rows: { row: number; cells: string[] }[];
}

export function baseName(name: string): string {
  return name.split(/[\\/]/).pop() ?? name;
}

/**
 * Reads one CSV file into its header and rows, reporting what makes it unreadable. Row numbers
 * count the header as row 1, as a spreadsheet shows them. Line endings are made uniform first:
 * feeds arrive with CRLF, LF, and even CR CR LF (the ORUK examples).
 */
export function parseCsvFile(file: TextFile, pkg: ImportPackage): ParsedCsv | null {
  const name = baseName(file.name);
  const text = file.content.replace(/\r\n|\r/g, '\n');
  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    const row = typeof (error as { records?: unknown }).records === 'number' ? ((error as { records: number }).records + 1) : null;
    const reason =
      code === 'CSV_QUOTE_NOT_CLOSED'
        ? 'Broken quoting: a quoted value is never closed, so the rest of the file cannot be read'
        : code === 'CSV_INVALID_CLOSING_QUOTE'
          ? 'Broken quoting: a closing quote is followed by more text instead of a comma or the end of the row'
          : code.includes('OPENING_QUOTE')
            ? 'Broken quoting: a quote appears inside a value that does not start with a quote (double it, or quote the whole value)'
            : 'This file is not readable as CSV';
    pkg.problem({ file: name, row, path: null }, null, reason);
    return null;
  }
  const [header, ...body] = records;
  if (!header) {
    pkg.problem({ file: name, row: null, path: null }, null, 'The file is empty: it needs a header row naming its columns');
    return null;
  }
  const rows: ParsedCsv['rows'] = [];
  body.forEach((cells, index) => {
    if (cells.every((cell) => cell.trim() === '')) return;
    rows.push({ row: index + 2, cells });
  });
  return { header: header.map((column) => column.trim()), rows };
}

