import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Migrator } from 'kysely/migration';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as m0001 from '../../../db/migrations/0001-initial.ts';
import { LATEST_SCHEMA_VERSION } from '../../../db/migrations/migrations.index.ts';
import { applyPragmas, createKysely, openDatabase } from '../../../db/open-database.ts';
import { tempDir } from '../../helpers/temp-core.ts';
import { openMailDb, type MailDb } from '../../helpers/mail-test-kit.ts';
import { queryPlan } from '../../helpers/query-plan.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('migration 0002-mail', () => {
  it('upgrades a 0001 database with data, keeping last contact and counting mail from then on', async () => {
    const dir = tempDir('tf-upgrade-');
    dirs.push(dir);
    const file = path.join(dir, 'old.sqlite');
    const sqlite = new BetterSqlite3(file);
    applyPragmas(sqlite);
    const old = createKysely(sqlite);
    const result = await new Migrator({ db: old, provider: { getMigrations: async () => ({ '0001-initial': m0001 }) } }).migrateToLatest();
    expect(result.error).toBeUndefined();
    sqlite.exec(`
      INSERT INTO customers (id, code, region_code, seq, name, grade, stage, created_at, updated_at) VALUES ('c1', 'EU-001-A', 'EU', 1, 'Acme', 'A', 'customer', 1000, 1000);
      INSERT INTO activities (id, customer_id, kind, direction, occurred_at, created_at, updated_at) VALUES ('a1', 'c1', 'call', 'outbound', 5000, 5000, 5000);
    `);
    await old.destroy();

    const upgraded = await openDatabase(file);
    try {
      expect(upgraded.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
      const s = upgraded.sqlite;
      const lastContact = () => (s.prepare("SELECT last_contacted_at AS t FROM customers WHERE id = 'c1'").get() as { t: number | null }).t;
      expect(lastContact()).toBe(5000);
      s.exec(`
        INSERT INTO mail_accounts (id, name, email, imap_host, imap_port, imap_user, created_at, updated_at) VALUES ('acc', 'Work', 'me@x.cn', 'imap.x.cn', 993, 'me@x.cn', 0, 0);
        INSERT INTO mail_folders (id, account_id, path, name, created_at, updated_at) VALUES ('f', 'acc', 'INBOX', 'INBOX', 0, 0);
        INSERT INTO mail_messages (id, account_id, folder_id, uid, date_at, received_at, direction, created_at, updated_at) VALUES ('m', 'acc', 'f', 1, 9000, 9000, 'inbound', 0, 0);
        INSERT INTO mail_message_customers (message_id, customer_id, match, address, date_at, direction) VALUES ('m', 'c1', 'domain', 'x@acme.de', 9000, 'inbound');
      `);
      expect(lastContact()).toBe(9000);
      s.exec(`INSERT INTO activities (id, customer_id, kind, direction, occurred_at, created_at, updated_at) VALUES ('a2', 'c1', 'note', 'none', 7000, 7000, 7000)`);
      expect(lastContact()).toBe(9000);
      s.exec(`UPDATE activities SET deleted_at = 1 WHERE id = 'a1'`);
      expect(lastContact()).toBe(9000);
      // Removing the message (server delete, account removal) cascades to its link; last contact falls back.
      s.exec(`DELETE FROM mail_messages WHERE id = 'm'`);
      expect(lastContact()).toBe(7000);
      const due = s.prepare("SELECT due_at FROM customers WHERE id = 'c1'").get() as { due_at: number };
      expect(due.due_at).toBe(7000 + 30 * 86_400_000);
    } finally {
      await upgraded.close();
    }
  });
});

describe('query plans of the hot mail queries (fail on a full scan)', () => {
  let m: MailDb;
  beforeAll(async () => {
    m = await openMailDb();
    // No ANALYZE: a user's database has no statistics, so the plans must be right without them.
    const s = m.opened.sqlite;
    s.exec(`
      INSERT INTO mail_accounts (id, name, email, imap_host, imap_port, imap_user, created_at, updated_at) VALUES ('acc', 'Work', 'me@x.cn', 'imap.x.cn', 993, 'me@x.cn', 0, 0);
      INSERT INTO mail_folders (id, account_id, path, name, created_at, updated_at) VALUES ('f', 'acc', 'INBOX', 'INBOX', 0, 0);
    `);
    const insert = s.prepare(`INSERT INTO mail_messages (id, account_id, folder_id, uid, message_id, thread_id, date_at, received_at, direction, created_at, updated_at) VALUES (?, 'acc', 'f', ?, ?, NULL, ?, ?, 'inbound', 0, 0)`);
    s.transaction(() => {
      for (let i = 1; i <= 500; i++) insert.run(`m${i}`, i, `id${i}@x`, i * 1000, i * 1000);
    })();
  });
  afterAll(async () => {
    await m.close();
  });

  const plan = (query: string, ...params: unknown[]): string[] => queryPlan(m.opened.sqlite, query, ...params);
  const scans = (lines: string[]) => lines.filter((l) => /^SCAN /.test(l) && !/USING (COVERING )?INDEX/.test(l));
  const sorts = (lines: string[]) => lines.filter((l) => l.includes('TEMP B-TREE'));

  const cases: Array<[string, string, unknown[], boolean]> = [
    ['messages by folder and uid (sync)', `SELECT id FROM mail_messages WHERE folder_id = ? AND uid IN (?, ?, ?)`, ['f', 1, 2, 3], false],
    ['a folder newest first (reading)', `SELECT id, subject FROM mail_messages WHERE folder_id = ? ORDER BY date_at DESC LIMIT 50`, ['f'], true],
    ['a customer timeline (mail by customer and date)', `SELECT message_id, date_at FROM mail_message_customers WHERE customer_id = ? ORDER BY date_at DESC LIMIT 50`, ['c'], true],
    ['messages by Message-ID (threading, import de-duplication)', `SELECT id FROM mail_messages WHERE account_id = ? AND message_id IN (?, ?)`, ['acc', 'id1@x', 'id2@x'], false],
    ['a thread in order', `SELECT id FROM mail_messages WHERE thread_id = ? ORDER BY date_at`, ['t'], true],
    ['thread keys of a message', `SELECT DISTINCT thread_id FROM mail_thread_keys WHERE account_id = ? AND message_key IN (?, ?)`, ['acc', 'a', 'b'], false],
    ['filing: mail of an address', `SELECT DISTINCT message_id FROM mail_message_addresses WHERE address IN (?, ?)`, ['a@b.c', 'd@e.f'], false],
    ['filing: mail of a domain', `SELECT DISTINCT message_id FROM mail_message_addresses WHERE domain IN (?)`, ['acme.de'], false],
    ['last contact from mail (trigger)', `SELECT max(date_at) FROM mail_message_customers WHERE customer_id = ?`, ['c'], false],
    ['outbox: what is due', `SELECT id FROM mail_outbox WHERE status = 'queued' AND next_attempt_at <= ? ORDER BY next_attempt_at`, [0], true],
    ['attachments of a message', `SELECT * FROM mail_attachments WHERE message_id = ? ORDER BY position`, ['m1'], true],
  ];
  for (const [name, query, params, ordered] of cases) {
    it(name, () => {
      const lines = plan(query, ...params);
      expect(scans(lines), lines.join('\n')).toEqual([]);
      if (ordered) expect(sorts(lines), lines.join('\n')).toEqual([]);
    });
  }
});
