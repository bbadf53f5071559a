import { CompiledQuery } from 'kysely';
import type { Tx } from '../../../db/database.ts';

/**
 * Rows per statement of insertRows: one fixed text per table, so the driver's statement cache
 * (db/sqlite-dialect.ts) prepares it once per process, whatever the count of rows. A contact
 * import of 100,000 rows made ~470,000 single-row inserts, each a Kysely query and a promise
 * job of its own (~1.5 s of the main thread outside SQLite, 2026-12-03 profile); 50 rows of at
 * most 23 columns stay well under SQLite's 32,766 variables per statement.
 */
export const ROWS_PER_INSERT = 50;

const blockTexts = new Map<string, string>();

/**
 * Inserts `rows` (each the values of `tuple`'s placeholders, in order) with `head`, e.g.
 * `INSERT INTO contacts (id, name)` and `(?, ?)`: ROWS_PER_INSERT rows a statement, the rest one
 * by one, so only two texts are ever prepared for a table.
 */
export async function insertRows(trx: Tx, head: string, tuple: string, rows: ReadonlyArray<readonly unknown[]>): Promise<void> {
  const key = `${head} VALUES ${tuple}`;
  let block = blockTexts.get(key);
  if (block === undefined) {
    block = `${head} VALUES ${Array.from({ length: ROWS_PER_INSERT }, () => tuple).join(', ')}`;
    blockTexts.set(key, block);
  }
  let i = 0;
  for (; i + ROWS_PER_INSERT <= rows.length; i += ROWS_PER_INSERT) await trx.executeQuery(CompiledQuery.raw(block, rows.slice(i, i + ROWS_PER_INSERT).flat()));
  for (; i < rows.length; i++) await trx.executeQuery(CompiledQuery.raw(key, [...rows[i]!]));
}
