import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/open-database.ts';
import { databaseAt } from '../../helpers/old-database.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('migration 0017-order-payments', () => {
  it('adds payments and letters of credit beside an existing accepted quote, with the rules that keep them right', async () => {
    const { dir, file, sqlite, old } = await databaseAt('0016-tasks', 'tf-upgrade-0017-');
    dirs.push(dir);
    sqlite.exec(`INSERT INTO regions (code, name_en, name_zh, next_seq, sort) VALUES ('ZZ', 'Test', '测试', 2, 99);
      INSERT INTO customers (id, code, region_code, seq, name, name_key, grade, stage, created_at, updated_at)
      VALUES ('c1', 'ZZ-0001', 'ZZ', 1, 'Acme', 'acme', 'B', 'prospect', 1, 1);
      INSERT INTO quotes (id, number, base_number, customer_id, status, language, quoted_at, created_at, updated_at)
      VALUES ('q1', 'Q2026-0001', 'Q2026-0001', 'c1', 'accepted', 'en', 1, 1, 1)`);
    await old.destroy();

    const upgraded = await openDatabase(file);
    try {
      const run = (q: string) => upgraded.sqlite.exec(q);
      const payment = (id: string, label: string, amount: number) =>
        `INSERT INTO order_payments (id, quote_id, seq, label, amount_e4, currency, due_at, created_at, updated_at) VALUES ('${id}', 'q1', 1, '${label}', ${amount}, 'USD', 10, 1, 1)`;
      run(payment('p1', 'deposit', 9_750_000));
      expect(() => run(payment('p2', 'deposit', 0))).toThrow(/CHECK/);
      expect(() => run(payment('p3', 'tip', 1))).toThrow(/CHECK/);
      expect(() => run(`INSERT INTO order_payments (id, quote_id, seq, label, amount_e4, currency, created_at, updated_at) VALUES ('p4', 'nope', 1, 'balance', 1, 'USD', 1, 1)`)).toThrow(/FOREIGN KEY/);
      const lc = (id: string) => `INSERT INTO letters_of_credit (id, quote_id, number, issuing_bank, amount_e4, currency, expires_at, created_at, updated_at) VALUES ('${id}', 'q1', 'LC-1', 'BNP', 1, 'USD', 10, 1, 1)`;
      run(lc('l1'));
      // One live L/C per quote; a deleted one leaves room for its replacement.
      expect(() => run(lc('l2'))).toThrow(/UNIQUE/);
      run(`UPDATE letters_of_credit SET deleted_at = 2 WHERE id = 'l1'`);
      run(lc('l2'));
      // A quote with payments cannot be erased out from under them (quotes are soft-deleted).
      expect(() => run(`DELETE FROM quotes WHERE id = 'q1'`)).toThrow(/FOREIGN KEY/);
      expect(upgraded.sqlite.pragma('foreign_key_check')).toEqual([]);
      expect(upgraded.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      await upgraded.close();
    }
  });
});
