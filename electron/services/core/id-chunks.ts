/**
 * The most ids one statement binds. SQLite refuses a statement with more than 32,766 variables
 * ("too many SQL variables"), and the contract lets a bulk call carry 100,000 ids; 10,000 leaves
 * room for a statement's other parameters.
 */
export const IDS_PER_STATEMENT = 10_000;

/**
 * The distinct ids in chunks of at most `size`, for `where id in (…)` one chunk at a time inside
 * the caller's transaction (so a bulk call stays all-or-nothing). Distinct, because an id
 * repeated in two chunks would be counted or written twice, where one `in (…)` counts it once.
 *
 * @example
 * let count = 0;
 * for (const part of idChunks(ids)) count += Number((await trx.updateTable('customers').set(values).where('id', 'in', part).executeTakeFirst()).numUpdatedRows);
 */
export function idChunks<T>(ids: Iterable<T>, size = IDS_PER_STATEMENT): T[][] {
  return batches([...new Set(ids)], size);
}

/** `items` in order, in batches of at most `size` (e.g. rows for one multi-row insert). */
export function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
