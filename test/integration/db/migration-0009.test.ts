import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/open-database.ts';
import { databaseAt } from '../../helpers/old-database.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('migration 0009-contact-mail-language', () => {
  it("gives every existing contact no preferred mail language, keeps its data, and accepts only the app's mail languages", async () => {
    const { dir, file, sqlite, old } = await databaseAt('0008-search-notes', 'tf-upgrade-0009-');
    dirs.push(dir);
    sqlite.exec(`
      INSERT INTO customers (id, code, region_code, seq, name, grade, stage, created_at, updated_at) VALUES ('c1', 'EU-001-C', 'EU', 1, 'Nordic Lamps', 'C', 'potential', 0, 0);
      INSERT INTO contacts (id, customer_id, name, title, is_primary, notes, created_at, updated_at) VALUES ('p1', 'c1', 'Lukas Ivanova', 'Buyer', 1, '只说英语', 0, 0);
    `);
    // The old schema has no such column: this test fails on it.
    expect(() => sqlite.exec(`UPDATE contacts SET preferred_language = 'en'`)).toThrow(/no such column/);
    await old.destroy();

    const upgraded = await openDatabase(file);
    try {
      const s = upgraded.sqlite;
      expect(s.prepare('SELECT id, name, title, is_primary, notes, preferred_language FROM contacts').all()).toEqual([
        { id: 'p1', name: 'Lukas Ivanova', title: 'Buyer', is_primary: 1, notes: '只说英语', preferred_language: null },
      ]);
      s.exec(`UPDATE contacts SET preferred_language = 'zh-CN'`);
      s.exec(`UPDATE contacts SET preferred_language = 'en'`);
      expect(() => s.exec(`UPDATE contacts SET preferred_language = 'de'`)).toThrow(/CHECK constraint/);
      expect(() => s.exec(`UPDATE contacts SET preferred_language = 'zh'`)).toThrow(/CHECK constraint/);
      s.exec(`UPDATE contacts SET preferred_language = NULL`);
      expect(s.prepare('SELECT preferred_language FROM contacts').get()).toEqual({ preferred_language: null });
    } finally {
      await upgraded.close();
    }
  });
});
