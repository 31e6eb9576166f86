import type { OrukRecord, RecordKind } from './oruk-tables';

/**
 * ORUK records in memory, by table and id in a stable order, with lookups by a link field
 * ("the schedules whose service_id is …"). Used to nest records for the JSON export and to work
 * out a directory entry's fields from the records behind it.
 */
export class RecordIndex {
  private readonly byKind = new Map<RecordKind, Map<string, OrukRecord>>();
  private readonly links = new Map<string, Map<string, OrukRecord[]>>();

  constructor(records: Iterable<{ kind: RecordKind; record: OrukRecord }> = []) {
    for (const { kind, record } of records) this.set(kind, record);
  }

  set(kind: RecordKind, record: OrukRecord): void {
    let table = this.byKind.get(kind);
    if (!table) this.byKind.set(kind, (table = new Map()));
    table.set(String(record.id), record);
    this.links.clear();
  }

  delete(kind: RecordKind, id: string): void {
    this.byKind.get(kind)?.delete(id);
    this.links.clear();
  }

  get(kind: RecordKind, id: string | number | undefined): OrukRecord | undefined {
    return id === undefined ? undefined : this.byKind.get(kind)?.get(String(id));
  }

  all(kind: RecordKind): OrukRecord[] {
    return [...(this.byKind.get(kind)?.values() ?? [])];
  }

  /** Records of a table whose link field holds the given id, in the table's order. */
  where(kind: RecordKind, field: string, value: string | number | undefined): OrukRecord[] {
    if (value === undefined) return [];
    const key = `${kind}.${field}`;
    let index = this.links.get(key);
    if (!index) {
      index = new Map();
      for (const record of this.all(kind)) {
        const target = record[field];
        if (target === undefined) continue;
        const list = index.get(String(target)) ?? [];
        list.push(record);
        index.set(String(target), list);
      }
      this.links.set(key, index);
    }
    return index.get(String(value)) ?? [];
  }
}
