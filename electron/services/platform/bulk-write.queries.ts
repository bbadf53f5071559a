import { CompiledQuery } from 'kysely';
import type { Db } from '../../../db/database.ts';

/** The connection's page cache as `PRAGMA cache_size` states it: negative in KiB, positive in pages. */
export async function pageCacheSize(db: Db): Promise<number> {
  const { rows } = await db.executeQuery<{ cache_size: number }>(CompiledQuery.raw('PRAGMA cache_size'));
  return rows[0]?.cache_size ?? 0;
}

export async function setPageCacheSize(db: Db, size: number): Promise<void> {
  await db.executeQuery(CompiledQuery.raw(`PRAGMA cache_size = ${Math.trunc(size)}`));
}
