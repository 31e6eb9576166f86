import type { RawDatabase } from '../../store/open-database';

/**
 * Works out, from the schema itself, every row that belongs to one person, so tables added later
 * (outcome measures, supervision case notes, …) are covered without editing this file:
 *
 * - a table with a `person_id` column: its rows for the person;
 * - a table with an `episode_id` column: its rows for the person's referrals;
 * - a table with a foreign key to any table above: its rows pointing at rows being erased,
 *   followed as far as the keys go (plans → versions → reviews → review goals).
 *
 * The subject is the one id in `temp.erasure_subject`. Tables that hold no one's personal data by
 * design (staff, settings, the audit log, backup runs) are never erased from.
 */
export const NEVER_ERASED = new Set(['audit_log', 'users', 'workspace', 'settings', 'backup_runs']);
export const SUBJECT = '(SELECT id FROM temp.erasure_subject)';

export interface ErasureStep {
  table: string;
  /** A WHERE clause over the table's own columns. */
  where: string;
}

interface ForeignKey {
  table: string;
  from: string;
  to: string | null;
}

export function quoteName(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Ordinary tables only: not FTS shadow tables, virtual tables or SQLite's own. */
function ordinaryTables(raw: RawDatabase): string[] {
  const rows = raw.prepare(`SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[];
  return rows.map((row) => row.name);
}

function columnsOf(raw: RawDatabase, table: string): { name: string; pk: number }[] {
  return raw.prepare('SELECT name, pk FROM pragma_table_info(?)').all(table) as { name: string; pk: number }[];
}

function foreignKeysOf(raw: RawDatabase, table: string): ForeignKey[] {
  return raw.prepare('SELECT "table", "from", "to" FROM pragma_foreign_key_list(?)').all(table) as ForeignKey[];
}

/** The steps in a safe order: every table before the tables its rows point at. */
export function planErasure(raw: RawDatabase): ErasureStep[] {
  const tables = ordinaryTables(raw).filter((table) => !NEVER_ERASED.has(table));
  const columns = new Map(tables.map((table) => [table, columnsOf(raw, table)]));
  const keys = new Map(tables.map((table) => [table, foreignKeysOf(raw, table).filter((fk) => fk.table !== table && !NEVER_ERASED.has(fk.table))]));
  const hasColumn = (table: string, name: string) => columns.get(table)!.some((column) => column.name === name);

  // Which tables hold the person's rows: the direct ones, then everything that points at them.
  const targets = new Set(tables.filter((table) => table === 'people' || hasColumn(table, 'person_id') || hasColumn(table, 'episode_id')));
  for (let grew = true; grew; ) {
    grew = false;
    for (const table of tables) {
      if (!targets.has(table) && keys.get(table)!.some((fk) => targets.has(fk.table))) {
        targets.add(table);
        grew = true;
      }
    }
  }

  const where = new Map<string, string>();
  const building = new Set<string>();
  const whereOf = (table: string): string => {
    const known = where.get(table);
    if (known) return known;
    if (building.has(table)) throw new Error(`The tables form a loop at ${table}; erasure cannot tell what belongs to the person.`);
    building.add(table);
    const clauses: string[] = [];
    if (table === 'people') clauses.push(`id IN ${SUBJECT}`);
    if (hasColumn(table, 'person_id')) clauses.push(`person_id IN ${SUBJECT}`);
    if (hasColumn(table, 'episode_id')) clauses.push(`episode_id IN (SELECT id FROM episodes WHERE person_id IN ${SUBJECT})`);
    for (const fk of keys.get(table)!) {
      if (!targets.has(fk.table)) continue;
      const to = fk.to ?? columnsOf(raw, fk.table).find((column) => column.pk === 1)?.name ?? 'rowid';
      clauses.push(`${quoteName(fk.from)} IN (SELECT ${quoteName(to)} FROM ${quoteName(fk.table)} WHERE ${whereOf(fk.table)})`);
    }
    building.delete(table);
    const clause = clauses.map((c) => `(${c})`).join(' OR ');
    where.set(table, clause);
    return clause;
  };

  // Children first: a table goes once no remaining target points at it. An episode_id column
  // points at episodes even without a declared key, since its clause reads the episodes table.
  const pointsAt = (other: string, table: string) =>
    keys.get(other)!.some((fk) => fk.table === table) || (table === 'episodes' && hasColumn(other, 'episode_id'));
  const steps: ErasureStep[] = [];
  const remaining = new Set(targets);
  while (remaining.size > 0) {
    const next = [...remaining].find((table) => ![...remaining].some((other) => other !== table && pointsAt(other, table)));
    if (!next) throw new Error('The tables form a loop; erasure cannot order its deletes.');
    steps.push({ table: next, where: whereOf(next) });
    remaining.delete(next);
  }
  return steps;
}

/** Triggers that refuse deletes (agreed plans, connection history…), to lift for the erasure only. */
export function deleteGuards(raw: RawDatabase, tables: readonly string[]): { name: string; sql: string }[] {
  const rows = raw.prepare(`SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger'`).all() as { name: string; tbl_name: string; sql: string }[];
  return rows.filter((row) => tables.includes(row.tbl_name) && /\bBEFORE\s+DELETE\b/i.test(row.sql) && /\bRAISE\s*\(/i.test(row.sql)).map(({ name, sql }) => ({ name, sql }));
}

/** Every FTS5 index, and whether it keeps no content of its own (then it can only be optimised). */
export function fullTextIndexes(raw: RawDatabase): { name: string; contentless: boolean; personColumn: boolean }[] {
  const rows = raw.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'`).all() as { name: string; sql: string }[];
  return rows
    .filter((row) => /\busing\s+fts5\b/i.test(row.sql))
    .map((row) => ({
      name: row.name,
      contentless: /\bcontent\s*=\s*(''|"")/i.test(row.sql),
      // An index with its own copy of the text and a person_id column can be cleaned directly.
      personColumn: !/\bcontent\s*=/i.test(row.sql) && columnsOf(raw, row.name).some((column) => column.name === 'person_id'),
    }));
}
