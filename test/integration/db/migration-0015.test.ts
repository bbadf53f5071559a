import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/open-database.ts';
import { databaseAt } from '../../helpers/old-database.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('migration 0015-products-quotes-samples', () => {
  it('adds products, quotes and samples beside existing customers, with the rules that keep history', async () => {
    const { dir, file, sqlite, old } = await databaseAt('0014-contact-imports', 'tf-upgrade-0015-');
    dirs.push(dir);
    sqlite.exec(`INSERT INTO regions (code, name_en, name_zh, next_seq, sort) VALUES ('ZZ', 'Test', '测试', 2, 99);
      INSERT INTO customers (id, code, region_code, seq, name, name_key, grade, stage, created_at, updated_at)
      VALUES ('c1', 'ZZ-0001', 'ZZ', 1, 'Acme', 'acme', 'B', 'prospect', 1, 1)`);
    await old.destroy();

    const upgraded = await openDatabase(file);
    try {
      const run = (q: string) => upgraded.sqlite.exec(q);
      run(`INSERT INTO products (id, model, model_key, created_at, updated_at) VALUES ('p1', 'AB-100', 'AB100', 1, 1)`);
      // One live product per model; a deleted one leaves its model free.
      expect(() => run(`INSERT INTO products (id, model, model_key, created_at, updated_at) VALUES ('p2', 'ab 100', 'AB100', 1, 1)`)).toThrow(/UNIQUE/);
      run(`UPDATE products SET deleted_at = 2 WHERE id = 'p1'`);
      run(`INSERT INTO products (id, model, model_key, created_at, updated_at) VALUES ('p2', 'ab 100', 'AB100', 1, 1)`);

      run(`INSERT INTO product_import_mappings (header_set, mapping, updated_at) VALUES ('型号|品名', '{}', 1)`);
      expect(() => run(`INSERT INTO product_import_mappings (header_set, mapping, updated_at) VALUES ('型号|品名', '{}', 2)`)).toThrow(/UNIQUE/);

      run(`INSERT INTO quotes (id, number, base_number, customer_id, status, language, quoted_at, created_at, updated_at, deleted_at)
        VALUES ('q1', 'Q2026-0001', 'Q2026-0001', 'c1', 'draft', 'en', 1, 1, 1, 5)`);
      // A deleted quote keeps its number.
      expect(() => run(`INSERT INTO quotes (id, number, base_number, customer_id, status, language, quoted_at, created_at, updated_at)
        VALUES ('q2', 'Q2026-0001', 'Q2026-0001', 'c1', 'draft', 'en', 1, 1, 1)`)).toThrow(/UNIQUE/);
      expect(() => run(`INSERT INTO quote_lines (id, quote_id, seq, product_id, description, quantity, unit, unit_price_e4, currency, amount_e4)
        VALUES ('l0', 'q1', 1, 'p1', 'x', -1, 'pcs', 100, 'USD', -100)`)).toThrow(/CHECK/);
      run(`INSERT INTO quote_lines (id, quote_id, seq, product_id, description, quantity, unit, unit_price_e4, currency, amount_e4)
        VALUES ('l1', 'q1', 1, 'p1', 'x', 2, 'pcs', 325, 'USD', 650)`);
      // A quoted product cannot be erased out from under its price history, nor a quoted customer.
      expect(() => run(`DELETE FROM products WHERE id = 'p1'`)).toThrow(/FOREIGN KEY/);
      expect(() => run(`DELETE FROM customers WHERE id = 'c1'`)).toThrow(/FOREIGN KEY/);
      expect(() => run(`INSERT INTO sample_shipments (id, customer_id, courier, status, created_at, updated_at) VALUES ('s1', 'c1', 'pigeon', 'preparing', 1, 1)`)).toThrow(/CHECK/);
      expect(upgraded.sqlite.pragma('foreign_key_check')).toEqual([]);
      expect(upgraded.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      await upgraded.close();
    }
  });
});
