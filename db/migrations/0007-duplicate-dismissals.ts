import { sql, type Kysely } from 'kysely';

/**
 * "Not a duplicate" remembered (issue 11, point 8). When the user says that the customers of a
 * group on the Duplicates page are different companies, every pair among them is stored here,
 * and findDuplicates never groups that pair again — however often their names, domains or
 * addresses still match. Undo deletes the pairs.
 *
 * One row per unordered pair, stored ordered (customer_a < customer_b) so a pair has exactly
 * one row. Customers are soft-deleted, so their pairs stay with them (a customer restored from
 * the trash keeps its dismissals); a customer erased for good takes its pairs along.
 *
 * Forward-only: never edit this once shipped.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`CREATE TABLE duplicate_dismissals (
      customer_a TEXT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
      customer_b TEXT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
      created_at INTEGER NOT NULL,
      PRIMARY KEY (customer_a, customer_b),
      CHECK (customer_a < customer_b)
    ) WITHOUT ROWID`,
    // The primary key serves lookups by customer_a; this one serves customer_b (and the cascade).
    sql`CREATE INDEX duplicate_dismissals_b ON duplicate_dismissals (customer_b)`,
  ];
  for (const statement of statements) await statement.execute(db);
}
