import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/open-database.ts';
import { databaseAt } from '../../helpers/old-database.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('migration 0007-duplicate-dismissals', () => {
  it('adds the table of dismissed pairs to a database with customers: one ordered row per pair, gone with an erased customer', async () => {
    const { dir, file, sqlite, old } = await databaseAt('0006-mail-automated', 'tf-upgrade-0007-');
    dirs.push(dir);
    const customer = (id: string, seq: number) =>
      `INSERT INTO customers (id, code, region_code, seq, name, grade, stage, created_at, updated_at) VALUES ('${id}', 'EU-00${seq}-C', 'EU', ${seq}, 'Anchor ${seq}', 'C', 'potential', 0, 0);`;
    sqlite.exec(customer('a', 1) + customer('b', 2) + customer('c', 3));
    expect(sqlite.prepare(`SELECT name FROM sqlite_master WHERE name = 'duplicate_dismissals'`).all()).toEqual([]);
    await old.destroy();

    const upgraded = await openDatabase(file);
    try {
      const s = upgraded.sqlite;
      expect(s.prepare('SELECT count(*) AS n FROM customers').get()).toEqual({ n: 3 });
      s.exec(`INSERT INTO duplicate_dismissals (customer_a, customer_b, created_at) VALUES ('a', 'b', 1), ('b', 'c', 1)`);
      // A pair has one row: stored ordered, so (b, a) cannot be written beside (a, b).
      expect(() => s.exec(`INSERT INTO duplicate_dismissals (customer_a, customer_b, created_at) VALUES ('b', 'a', 1)`)).toThrow(/CHECK constraint/);
      expect(() => s.exec(`INSERT INTO duplicate_dismissals (customer_a, customer_b, created_at) VALUES ('a', 'b', 2)`)).toThrow(/UNIQUE constraint/);
      expect(() => s.exec(`INSERT INTO duplicate_dismissals (customer_a, customer_b, created_at) VALUES ('a', 'zz', 1)`)).toThrow(/FOREIGN KEY/);
      // Soft delete keeps the pairs (the trash can restore); erasing a customer takes them along.
      s.exec(`UPDATE customers SET deleted_at = 5 WHERE id = 'b'`);
      expect(s.prepare('SELECT count(*) AS n FROM duplicate_dismissals').get()).toEqual({ n: 2 });
      s.exec(`DELETE FROM customers WHERE id = 'c'`);
      expect(s.prepare('SELECT customer_a, customer_b FROM duplicate_dismissals').all()).toEqual([{ customer_a: 'a', customer_b: 'b' }]);
    } finally {
      await upgraded.close();
    }
  });
});
