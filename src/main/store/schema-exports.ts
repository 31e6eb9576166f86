/** Kysely table types added by migration 0009-exports; part of LinkdeskSchema. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ExportsSchema {}
