/** Tables of migration 0017-*; filled in with the migration. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface PaymentTables {}
