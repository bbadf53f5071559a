import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../../../../../db/open-database.ts';
import { PAGE_SQL } from '../../../../../electron/services/exports/exports.queries.ts';
import { queryPlan } from '../../../../helpers/query-plan.ts';
import { tempDir } from '../../../../helpers/temp-core.ts';

/**
 * Every page of an export starts where an index says: a scan from the start or a sort of the
 * whole table for each page would make an export of 100,000 rows take the square of its size.
 */

const dir = tempDir('tf-export-plans-');
let opened: OpenedDatabase | null = null;
afterAll(async () => {
  await opened?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const PARAMS: Record<keyof typeof PAGE_SQL, unknown[]> = {
  customers: [0, null, null, 1000],
  customerMessages: ['customer', 0, 'message', 500],
  folderMessages: ['folder', 0, 0, 500],
  activities: [0, 1000],
  attachments: [0, 500],
};

describe('the export pages', () => {
  it.each(Object.keys(PAGE_SQL) as Array<keyof typeof PAGE_SQL>)('%s: a range on an index, no table scan, no sort', async (name) => {
    opened ??= await openDatabase(path.join(dir, 'plans.sqlite'));
    const plan = queryPlan(opened.sqlite, PAGE_SQL[name], ...PARAMS[name]);
    expect(plan.join(' | ')).not.toMatch(/TEMP B-TREE/);
    expect(plan.filter((line) => /^SCAN /.test(line))).toEqual([]);
    // The first table is read from a starting point (a rowid or an index range), not from its start.
    expect(plan[0]).toMatch(/^SEARCH .*(rowid>\?|\(.*[<>]\?\)|>\(\?,\?\))/);
  });
});
