import type { Db } from '../../../db/database.ts';
import { pageCacheSize, setPageCacheSize } from './bulk-write.queries.ts';

/**
 * SQLite's page cache while mail is written in bulk (an import, a first sync): 8 MiB instead
 * of the 64 MiB the screens get (db/open-database.ts). Writing a large store touches index pages
 * all over the file, so a bulk run fills any cache it is given, and at 100,000 messages (a
 * ~1 GB database) the full 64 MiB added that much to the import's peak memory, against a
 * target of 300 MB for the whole process (issue 12). The pages are in the OS's file cache
 * either way, so a smaller cache costs reads from memory, not from disk.
 */
export const BULK_PAGE_CACHE_KIB = 8 * 1024;

/** Runs that are writing in bulk now, per connection: the cache goes back when the last ends. */
const running = new WeakMap<Db, { count: number; before: Promise<number> }>();

/**
 * Runs `work` with the bulk page cache. Counted per connection, because a sync and an import
 * can overlap in one process and the first to end must not give the other the large cache
 * back, nor the last leave the small one behind.
 */
export async function withBulkWriteCache<T>(db: Db, work: () => Promise<T>): Promise<T> {
  let entry = running.get(db);
  if (entry) entry.count++;
  else {
    // Registered before the first await, so a run starting meanwhile counts itself in.
    const before = pageCacheSize(db);
    const own = { count: 1, before };
    entry = own;
    running.set(db, own);
    try {
      await setPageCacheSize(db, -BULK_PAGE_CACHE_KIB);
    } catch (err) {
      // Not registered any more: a later run must read the cache afresh, not wait on this one.
      if (running.get(db) === own) running.delete(db);
      // Its rejection (the same closed connection) is not the error the caller needs.
      before.catch(() => {});
      throw err;
    }
  }
  try {
    return await work();
  } finally {
    if (--entry.count === 0) {
      running.delete(db);
      try {
        await setPageCacheSize(db, await entry.before);
      } catch {
        // The connection is closing (the work closed it, or the app is quitting): there is no
        // cache left to restore and no logger at this layer, and the work's own outcome is what
        // the caller must get, not "database is not open".
      }
    }
  }
}
