import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Migrator } from 'kysely/migration';
import { afterAll, describe, expect, it } from 'vitest';
import * as m0001 from '../../../db/migrations/0001-initial.ts';
import * as m0002 from '../../../db/migrations/0002-mail.ts';
import * as m0003 from '../../../db/migrations/0003-search-leads.ts';
import * as m0004 from '../../../db/migrations/0004-mail-flag-changes.ts';
import * as m0005 from '../../../db/migrations/0005-mail-sender-auth.ts';
import * as m0006 from '../../../db/migrations/0006-mail-automated.ts';
import { applyPragmas, createKysely, openDatabase } from '../../../db/open-database.ts';
import { tempDir } from '../../helpers/temp-core.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('migration 0007-duplicate-dismissals', () => {
  it('adds the table of dismissed pairs to a database with customers: one ordered row per pair, gone with an erased customer', async () => {
    const dir = tempDir('tf-upgrade-0007-');
    dirs.push(dir);
    const file = path.join(dir, 'old.sqlite');
    const sqlite = new BetterSqlite3(file);
    applyPragmas(sqlite);
    const old = createKysely(sqlite);
    const result = await new Migrator({
      db: old,
      provider: {
        getMigrations: async () => ({
          '0001-initial': m0001, '0002-mail': m0002, '0003-search-leads': m0003, '0004-mail-flag-changes': m0004, '0005-mail-sender-auth': m0005, '0006-mail-automated': m0006,
        }),
      },
    }).migrateToLatest();
    expect(result.error).toBeUndefined();
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
