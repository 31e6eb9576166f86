/** Kysely table types added by migration 0010-records-management; part of LinkdeskSchema. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface RecordsSchema {}
