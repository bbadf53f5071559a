import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/open-database.ts';
import { toFtsQuery } from '../../../shared/domain/search-text.ts';
import { databaseAt } from '../../helpers/old-database.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('migration 0008-search-notes', () => {
  it('indexes the notes, custom-field text and live activities of every existing live customer, and keeps the old search text', async () => {
    const { dir, file, sqlite, old } = await databaseAt('0007-duplicate-dismissals', 'tf-upgrade-0008-');
    dirs.push(dir);
    sqlite.exec(`
      INSERT INTO customers (rid, id, code, region_code, seq, name, notes, grade, stage, created_at, updated_at) VALUES
        (1, 'c1', 'EU-001-C', 'EU', 1, 'Callisto Imports', NULL, 'C', 'potential', 0, 0),
        (2, 'c2', 'EU-002-C', 'EU', 2, 'Nordic Lamps', '老客户，只做木质灯罩', 'C', 'potential', 0, 0),
        (3, 'c3', 'EU-003-C', 'EU', 3, 'Fieldstone Ltd', NULL, 'C', 'potential', 0, 0);
      INSERT INTO customers (rid, id, code, region_code, seq, name, grade, stage, created_at, updated_at, deleted_at) VALUES
        (4, 'c4', 'EU-004-C', 'EU', 4, 'Trashed Co', 'C', 'potential', 0, 0, 5);
      INSERT INTO customer_search (rowid, text) VALUES (1, 'callisto imports eu 001 c'), (2, 'nordic lamps eu 002 c'), (3, 'fieldstone ltd eu 003 c');
      INSERT INTO custom_field_defs (id, label, type, created_at) VALUES ('f1', 'Main product', 'text', 0), ('f2', 'Volume', 'number', 0);
      INSERT INTO custom_field_defs (id, label, type, created_at, deleted_at) VALUES ('f3', 'Old field', 'text', 0, 1);
      INSERT INTO custom_field_values (customer_id, field_id, value) VALUES ('c3', 'f1', '"竹制托盘 bamboo trays"'), ('c3', 'f2', '4711'), ('c3', 'f3', '"forgotten"');
      INSERT INTO activities (id, customer_id, kind, subject, body, occurred_at, created_at, updated_at) VALUES
        ('a1', 'c1', 'call', NULL, '客户要求先寄样品，报价 FOB Ningbo', 10, 10, 10),
        ('a2', 'c1', 'meeting', 'Canton Fair', '广交会见面', 20, 20, 20),
        ('a4', 'c4', 'visit', NULL, '验货通过', 40, 40, 40);
      INSERT INTO activities (id, customer_id, kind, subject, body, occurred_at, created_at, updated_at, deleted_at) VALUES
        ('a3', 'c1', 'note', NULL, '已删除的备注 erased', 30, 30, 30, 31);
    `);
    await old.destroy();

    const upgraded = await openDatabase(file);
    try {
      const match = (q: string) =>
        upgraded.sqlite
          .prepare('SELECT rowid AS r FROM customer_search WHERE customer_search MATCH ? ORDER BY rowid')
          .all(toFtsQuery(q))
          .map((row) => (row as { r: number }).r);
      // What was indexed before is still found.
      expect(match('callisto')).toEqual([1]);
      expect(match('eu 002')).toEqual([2]);
      // Activities' bodies and subjects.
      expect(match('报价')).toEqual([1]);
      expect(match('样品')).toEqual([1]);
      expect(match('ningbo')).toEqual([1]);
      expect(match('canton')).toEqual([1]);
      expect(match('广交会')).toEqual([1]);
      // A deleted activity, a deleted field's value, a number and a customer in the trash are not.
      expect(match('erased')).toEqual([]);
      expect(match('forgotten')).toEqual([]);
      expect(match('4711')).toEqual([]);
      expect(match('验货')).toEqual([]);
      // Customer notes and custom-field text.
      expect(match('灯罩')).toEqual([2]);
      expect(match('托盘')).toEqual([3]);
      expect(match('bamboo')).toEqual([3]);
      expect(upgraded.sqlite.prepare('SELECT count(*) AS n FROM customer_search').get()).toEqual({ n: 3 });
    } finally {
      await upgraded.close();
    }
  });
});
