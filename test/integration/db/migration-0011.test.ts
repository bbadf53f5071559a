import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/open-database.ts';
import { liveNameRows, liveNameRowsQuery, nameKeysStartingWithQuery } from '../../../electron/services/customers/duplicates.queries.ts';
import { databaseAt } from '../../helpers/old-database.ts';
import { queryPlan } from '../../helpers/query-plan.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('migration 0011-duplicate-names', () => {
  it('reads the live customers\' names from one index, by name key, a part at a time; a name prefix through it too', async () => {
    const { dir, file, sqlite, old } = await databaseAt('0010-activities-of-merged', 'tf-upgrade-0011-');
    dirs.push(dir);
    const insert = sqlite.prepare(`INSERT INTO customers (id, code, region_code, seq, name, name_key, country, grade, stage, created_at, updated_at, deleted_at)
      VALUES (?, ?, 'EU', ?, ?, ?, ?, 'C', 'potential', 0, 0, ?)`);
    const customers: Array<[string, string, string, string | null, number | null]> = [
      ['c3', 'Orion Lamps', 'orion lamps', 'DE', null],
      ['c1', 'Atlas Nordic GmbH', 'atlas nordic', 'DE', null],
      ['c2', 'Atlas Nordik', 'atlas nordik', null, null],
      ['c4', 'Atlas Nordic B.V.', 'atlas nordic', 'NL', null],
      ['c5', 'Atlas Gone', 'atlas gone', 'DE', 7],
    ];
    customers.forEach(([id, name, key, country, deleted], i) => insert.run(id, `EU-${i}`, i + 1, name, key, country, deleted));
    // Before: a name prefix was found through customers_name_key, which 0011 replaces.
    expect(queryPlan(sqlite, nameKeysStartingWithQuery(old, 'at', '', 400))).toEqual(['SEARCH c USING INDEX customers_name_key (name_key>? AND name_key<?)']);
    await old.destroy();

    const upgraded = await openDatabase(file);
    try {
      const s = upgraded.sqlite;
      const plan = (q: ReturnType<typeof liveNameRowsQuery>) => {
        const { sql, parameters } = q.compile(upgraded.db);
        return queryPlan(s, sql, ...parameters);
      };
      expect(plan(liveNameRowsQuery(null, 10))).toEqual(['SCAN customers USING INDEX customers_duplicate_names']);
      expect(plan(liveNameRowsQuery({ key: 'atlas', id: 'c1' }, 10))).toEqual(['SEARCH customers USING INDEX customers_duplicate_names ((name_key,id)>(?,?))']);
      expect(queryPlan(s, nameKeysStartingWithQuery(upgraded.db, 'at', '', 400))).toEqual(['SEARCH c USING INDEX customers_duplicate_names (name_key>? AND name_key<?)']);
      expect(s.prepare(`SELECT name FROM sqlite_master WHERE name = 'customers_name_key'`).all()).toEqual([]);
      // Two rows per read: every live customer once, by name key and id, the deleted one left out.
      let pauses = 0;
      const rows = await liveNameRows(upgraded.db, 2, async () => {
        pauses++;
      });
      expect(rows.map((r) => [r.id, r.name_key, r.name, r.country])).toEqual([
        ['c1', 'atlas nordic', 'Atlas Nordic GmbH', 'DE'],
        ['c4', 'atlas nordic', 'Atlas Nordic B.V.', 'NL'],
        ['c2', 'atlas nordik', 'Atlas Nordik', null],
        ['c3', 'orion lamps', 'Orion Lamps', 'DE'],
      ]);
      expect(pauses).toBe(2);
      expect(s.prepare('SELECT count(*) AS n FROM customers').get()).toEqual({ n: 5 });
    } finally {
      await upgraded.close();
    }
  });
});
