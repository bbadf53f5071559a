import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/open-database.ts';
import { databaseAt } from '../../helpers/old-database.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('migration 0014-contact-imports', () => {
  it('rebuilds import_batches for contact batches, keeping every mail batch and its problems', async () => {
    const { dir, file, sqlite, old } = await databaseAt('0013-shared-email-owners', 'tf-upgrade-0014-');
    dirs.push(dir);
    sqlite.exec(`
      INSERT INTO import_batches (id, kind, source_path, source_kind, status, checkpoint, items_done, imported, duplicates, problems, started_at, updated_at)
        VALUES ('b1', 'mail', '/m/a.mbox', 'mbox', 'done', '{"offset":9}', 12, 10, 1, 1, 5, 6);
      INSERT INTO import_problems (batch_id, seq, code, params, label, folder) VALUES ('b1', 1, 'notMail', '{}', '{"key":"x","params":{}}', '[]');
    `);
    await old.destroy();

    const upgraded = await openDatabase(file);
    try {
      const get = (q: string) => upgraded.sqlite.prepare(q).get();
      expect(get('SELECT id, kind, checkpoint, items_done, imported, duplicates, problems, customers_created, options FROM import_batches')).toEqual({
        id: 'b1', kind: 'mail', checkpoint: '{"offset":9}', items_done: 12, imported: 10, duplicates: 1, problems: 1, customers_created: 0, options: null,
      });
      expect(get('SELECT count(*) AS n FROM import_problems')).toEqual({ n: 1 });
      upgraded.sqlite.exec(`INSERT INTO import_batches (id, kind, source_path, source_kind, status, started_at, updated_at) VALUES ('b2', 'contacts', '/s.csv', 'csv', 'done', 7, 7)`);
      expect(() => upgraded.sqlite.exec(`INSERT INTO import_batches (id, kind, source_path, source_kind, status, started_at, updated_at) VALUES ('b3', 'fax', '/f', 'x', 'done', 7, 7)`)).toThrow(/CHECK/);
      // The problems still belong to their batch: removing it removes them.
      upgraded.sqlite.exec(`DELETE FROM import_batches WHERE id = 'b1'`);
      expect(get('SELECT count(*) AS n FROM import_problems')).toEqual({ n: 0 });
      expect(get("SELECT sql FROM sqlite_master WHERE name = 'import_problems'")).toEqual({ sql: expect.stringContaining('REFERENCES "import_batches"(id)') });
    } finally {
      await upgraded.close();
    }
  });
});
