/** Tables of migration 0018-*; filled in with the migration. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ScoreTables {}
