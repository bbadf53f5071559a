import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/open-database.ts';
import { databaseAt } from '../../helpers/old-database.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('migration 0021-customers-deleted-partial', () => {
  it('keeps only the trash in customers_deleted, so the list by name reads customers_name again', async () => {
    const { dir, file, sqlite, old } = await databaseAt('0020-today', 'tf-upgrade-0021-');
    dirs.push(dir);
    const listByName = `SELECT c.rid FROM customers c WHERE likely(c.deleted_at IS NULL) ORDER BY c.name COLLATE NOCASE, c.rid LIMIT 200`;
    const planOf = (db: typeof sqlite, q: string) => (db.prepare(`EXPLAIN QUERY PLAN ${q}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    sqlite.exec(`INSERT INTO regions (code, name_en, name_zh, next_seq, sort) VALUES ('ZZ', 'Test', '测试', 3, 99);
      INSERT INTO customers (id, code, region_code, seq, name, name_key, grade, stage, created_at, updated_at, deleted_at)
      VALUES ('c1', 'ZZ-0001', 'ZZ', 1, 'Acme', 'acme', 'B', 'prospect', 1, 1, NULL),
             ('c2', 'ZZ-0002', 'ZZ', 2, 'Binned Ltd', 'binned', 'C', 'prospect', 1, 1, 5)`);
    // What the old index did: every live customer through customers_deleted, then a sort.
    expect(planOf(sqlite, listByName)).toContain('customers_deleted');
    await old.destroy();

    const upgraded = await openDatabase(file);
    try {
      expect(planOf(upgraded.sqlite, listByName)).toBe('SCAN c USING INDEX customers_name');
      expect(planOf(upgraded.sqlite, `SELECT id FROM customers WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC`)).toContain('customers_deleted');
      expect(upgraded.sqlite.prepare(`SELECT id FROM customers WHERE deleted_at IS NOT NULL`).pluck().all()).toEqual(['c2']);
      expect(upgraded.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      await upgraded.close();
    }
  });
});
