/** Tables of migration 0016-*; filled in with the migration. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface TaskTables {}
