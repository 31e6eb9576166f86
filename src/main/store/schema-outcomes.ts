/** Kysely table types added by migration 0007-outcomes; part of LinkdeskSchema. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface OutcomesSchema {}
