import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Migrator } from 'kysely/migration';
import { afterAll, describe, expect, it } from 'vitest';
import * as m0001 from '../../../db/migrations/0001-initial.ts';
import * as m0002 from '../../../db/migrations/0002-mail.ts';
import { applyPragmas, createKysely, openDatabase } from '../../../db/open-database.ts';
import { toFtsQuery } from '../../../shared/domain/search-text.ts';
import { tempDir } from '../../helpers/temp-core.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('migration 0003-search-leads', () => {
  it('counts existing filing links, keeps counting through triggers, and rebuilds search rows that mixed Latin and CJK', async () => {
    const dir = tempDir('tf-upgrade-0003-');
    dirs.push(dir);
    const file = path.join(dir, 'old.sqlite');
    const sqlite = new BetterSqlite3(file);
    applyPragmas(sqlite);
    const old = createKysely(sqlite);
    const result = await new Migrator({ db: old, provider: { getMigrations: async () => ({ '0001-initial': m0001, '0002-mail': m0002 }) } }).migrateToLatest();
    expect(result.error).toBeUndefined();
    // Rows as the old toSearchText() wrote them: "ABC贸易" and "LED灯具的报价" as single words.
    sqlite.exec(`
      INSERT INTO customers (id, code, region_code, seq, name, grade, stage, created_at, updated_at) VALUES ('c1', 'EU-001-A', 'EU', 1, 'ABC贸易', 'A', 'customer', 1000, 1000);
      INSERT INTO customer_search (rowid, text) VALUES ((SELECT rid FROM customers WHERE id = 'c1'), 'abc贸易 eu 001 a');
      INSERT INTO mail_accounts (id, name, email, imap_host, imap_port, imap_user, created_at, updated_at) VALUES ('acc', 'Work', 'me@x.cn', 'imap.x.cn', 993, 'me@x.cn', 0, 0);
      INSERT INTO mail_folders (id, account_id, path, name, created_at, updated_at) VALUES ('f', 'acc', 'INBOX', 'INBOX', 0, 0);
      INSERT INTO mail_messages (rid, id, account_id, folder_id, uid, subject, date_at, received_at, direction, created_at, updated_at) VALUES (7, 'm1', 'acc', 'f', 1, 'LED灯具的报价', 9000, 9000, 'inbound', 0, 0);
      INSERT INTO mail_messages (rid, id, account_id, folder_id, uid, subject, date_at, received_at, direction, created_at, updated_at) VALUES (8, 'm2', 'acc', 'f', 2, 'Plain', 9500, 9500, 'inbound', 0, 0);
      INSERT INTO mail_bodies (message_id, text) VALUES ('m1', 'Body'), ('m2', 'Body');
      INSERT INTO mail_search (rowid, subject, addresses, body, attachments) VALUES (7, 'led灯具的报价', '', 'body', ''), (8, 'plain', '', 'body', '');
      INSERT INTO mail_message_customers (message_id, customer_id, match, address, date_at, direction) VALUES ('m1', 'c1', 'manual', 'x@abc.cn', 9000, 'inbound');
    `);
    await old.destroy();

    const upgraded = await openDatabase(file);
    try {
      const s = upgraded.sqlite;
      const filed = () => s.prepare('SELECT id, filed FROM mail_messages ORDER BY id').all();
      expect(filed()).toEqual([{ id: 'm1', filed: 1 }, { id: 'm2', filed: 0 }]);
      s.exec(`INSERT INTO mail_message_customers (message_id, customer_id, match, address, date_at, direction) VALUES ('m2', 'c1', 'manual', 'x@abc.cn', 9500, 'inbound')`);
      s.exec(`DELETE FROM mail_message_customers WHERE message_id = 'm1'`);
      expect(filed()).toEqual([{ id: 'm1', filed: 0 }, { id: 'm2', filed: 1 }]);
      // Deleting the customer cascades to its links, and the count follows.
      s.exec(`DELETE FROM customers WHERE id = 'c1'`);
      expect(filed()).toEqual([{ id: 'm1', filed: 0 }, { id: 'm2', filed: 0 }]);

      const mailMatch = (q: string) => s.prepare('SELECT rowid AS r FROM mail_search WHERE mail_search MATCH ?').all(toFtsQuery(q)).map((r) => (r as { r: number }).r);
      expect(mailMatch('报价')).toEqual([7]);
      expect(mailMatch('led')).toEqual([7]);
      expect(mailMatch('plain')).toEqual([8]);
    } finally {
      await upgraded.close();
    }
  });

  it('rebuilds customer search rows that mixed Latin and CJK', async () => {
    const dir = tempDir('tf-upgrade-0003c-');
    dirs.push(dir);
    const file = path.join(dir, 'old.sqlite');
    const sqlite = new BetterSqlite3(file);
    applyPragmas(sqlite);
    const old = createKysely(sqlite);
    await new Migrator({ db: old, provider: { getMigrations: async () => ({ '0001-initial': m0001, '0002-mail': m0002 }) } }).migrateToLatest();
    sqlite.exec(`
      INSERT INTO customers (id, code, region_code, seq, name, grade, stage, created_at, updated_at) VALUES ('c1', 'EU-001-A', 'EU', 1, 'ABC贸易', 'A', 'customer', 1000, 1000);
      INSERT INTO customer_search (rowid, text) VALUES ((SELECT rid FROM customers WHERE id = 'c1'), 'abc贸易 eu 001 a');
    `);
    await old.destroy();
    const upgraded = await openDatabase(file);
    try {
      const match = (q: string) => upgraded.sqlite.prepare('SELECT count(*) AS n FROM customer_search WHERE customer_search MATCH ?').get(toFtsQuery(q));
      expect(match('贸易')).toEqual({ n: 1 });
      expect(match('abc')).toEqual({ n: 1 });
    } finally {
      await upgraded.close();
    }
  });
});
