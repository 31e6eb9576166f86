/** Kysely table types added by migration 0008-supervision; part of LinkdeskSchema. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SupervisionSchema {}
