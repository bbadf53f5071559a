import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/open-database.ts';
import { databaseAt } from '../../helpers/old-database.ts';
import { queryPlan } from '../../helpers/query-plan.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

const MOVE_DELETED = `UPDATE activities SET customer_id = 'keep' WHERE customer_id = ? AND deleted_at IS NOT NULL`;

describe('migration 0010-activities-of-merged', () => {
  it("finds a customer's deleted activities through an index, keeping every activity", async () => {
    const { dir, file, sqlite, old } = await databaseAt('0009-contact-mail-language', 'tf-upgrade-0010-');
    dirs.push(dir);
    sqlite.exec(`
      INSERT INTO customers (id, code, region_code, seq, name, grade, stage, created_at, updated_at) VALUES ('c1', 'EU-001-C', 'EU', 1, 'Nordic Lamps', 'C', 'potential', 0, 0);
      INSERT INTO activities (id, customer_id, kind, occurred_at, created_at, updated_at, deleted_at) VALUES ('a1', 'c1', 'call', 1, 1, 1, NULL), ('a2', 'c1', 'note', 2, 2, 2, 5);
    `);
    // Before: the only index by customer holds live activities, so the deleted ones mean a scan.
    expect(queryPlan(sqlite, MOVE_DELETED, 'c1')).toEqual(['SCAN activities']);
    await old.destroy();

    const upgraded = await openDatabase(file);
    try {
      const s = upgraded.sqlite;
      expect(queryPlan(s, MOVE_DELETED, 'c1')).toEqual(['SEARCH activities USING INDEX activities_deleted_customer (customer_id=?)']);
      expect(s.prepare('SELECT id, customer_id, deleted_at FROM activities ORDER BY id').all()).toEqual([
        { id: 'a1', customer_id: 'c1', deleted_at: null },
        { id: 'a2', customer_id: 'c1', deleted_at: 5 },
      ]);
    } finally {
      await upgraded.close();
    }
  });
});
