/** A pair of customers the user said are not the same company (migration 0007); customer_a < customer_b. */
export interface DuplicateDismissalsTable {
  customer_a: string;
  customer_b: string;
  created_at: number;
}

/** Tables of migration 0007 (duplicates). */
export interface DuplicateTables {
  duplicate_dismissals: DuplicateDismissalsTable;
}
