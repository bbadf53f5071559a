import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../../../../../db/open-database.ts';
import { BULK_PAGE_CACHE_KIB, withBulkWriteCache } from '../../../../../electron/services/platform/bulk-write.ts';
import { tempDir } from '../../../../helpers/temp-core.ts';

let opened: OpenedDatabase | null = null;
let dir: string | null = null;

afterEach(async () => {
  await opened?.close();
  opened = null;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function database(): Promise<OpenedDatabase> {
  dir = tempDir('tf-bulk-write-');
  opened = await openDatabase(path.join(dir, 'tradefolio.sqlite'));
  return opened;
}

const cacheSize = (o: OpenedDatabase) => o.sqlite.pragma('cache_size', { simple: true }) as number;

describe('withBulkWriteCache', () => {
  it('gives a bulk run the small page cache and the screens theirs back after it, also when it fails', async () => {
    const o = await database();
    const screens = cacheSize(o);
    expect(screens).toBe(-65536);
    const seen = await withBulkWriteCache(o.db, async () => cacheSize(o));
    expect(seen).toBe(-BULK_PAGE_CACHE_KIB);
    expect(cacheSize(o)).toBe(screens);
    await expect(
      withBulkWriteCache(o.db, async () => {
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(cacheSize(o)).toBe(screens);
  });

  it('keeps the small cache while overlapping runs last, and restores it when the last one ends', async () => {
    const o = await database();
    let endFirst: (() => void) | null = null;
    let endSecond: (() => void) | null = null;
    const first = withBulkWriteCache(o.db, () => new Promise<void>((resolve) => (endFirst = resolve)));
    // The second starts before the first has even read the cache it must restore.
    const second = withBulkWriteCache(o.db, () => new Promise<void>((resolve) => (endSecond = resolve)));
    await vi.waitFor(() => expect(endFirst !== null && endSecond !== null).toBe(true));
    expect(cacheSize(o)).toBe(-BULK_PAGE_CACHE_KIB);
    endFirst!();
    await first;
    expect(cacheSize(o)).toBe(-BULK_PAGE_CACHE_KIB);
    endSecond!();
    await second;
    expect(cacheSize(o)).toBe(-65536);
  });

  it("gives the caller the work's own result or error when the work closes the database", async () => {
    const o = await database();
    const value = await withBulkWriteCache(o.db, async () => {
      await o.close();
      return 'done';
    });
    expect(value).toBe('done');
    opened = null;

    const again = await database();
    await expect(
      withBulkWriteCache(again.db, async () => {
        await again.close();
        throw new Error('import failed');
      }),
    ).rejects.toThrow('import failed');
    opened = null;
  });

  it('fails when the cache cannot be set, and leaves no entry that a later run would join without setting it', async () => {
    const o = await database();
    await o.close();
    opened = null;
    await expect(withBulkWriteCache(o.db, async () => 'never')).rejects.toThrow();
    await expect(withBulkWriteCache(o.db, async () => 'never')).rejects.toThrow();
  });
});
