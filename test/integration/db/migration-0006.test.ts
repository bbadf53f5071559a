import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/open-database.ts';
import { listLeads } from '../../../electron/services/leads/lead.queries.ts';
import { AUTOMATED_BACKFILL_KEY } from '../../../electron/services/mail/store/automated-backfill.ts';
import { databaseAt } from '../../helpers/old-database.ts';
import { tempDir } from '../../helpers/temp-core.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('migration 0006-mail-automated', () => {
  it('marks stored mail from no-reply senders, leaves the rest as written by a person, and New leads drops the marked mail', async () => {
    const { dir, file, sqlite, old } = await databaseAt('0005-mail-sender-auth', 'tf-upgrade-0006-');
    dirs.push(dir);
    const message = (id: string, from: string | null, at: number) =>
      `INSERT INTO mail_messages (id, account_id, folder_id, uid, from_address, date_at, received_at, direction, created_at, updated_at) VALUES ('${id}', 'acc', 'f', ${at}, ${from ? `'${from}'` : 'NULL'}, ${at}, ${at}, 'inbound', 0, 0);` +
      (from ? `INSERT INTO mail_message_addresses (message_id, role, position, address, domain) VALUES ('${id}', 'from', 0, '${from}', '${from.slice(from.indexOf('@') + 1)}');` : '');
    sqlite.exec(`
      INSERT INTO mail_accounts (id, name, email, imap_host, imap_port, imap_user, created_at, updated_at) VALUES ('acc', 'Work', 'me@x.cn', 'imap.x.cn', 993, 'me@x.cn', 0, 0);
      INSERT INTO mail_folders (id, account_id, path, name, created_at, updated_at) VALUES ('f', 'acc', 'INBOX', 'INBOX', 0, 0);
      ${message('m1', 'buyer@new-buyer.com', 1000)}
      ${message('m2', 'no-reply@parcel-tracker.com', 2000)}
      ${message('m3', 'MAILER-DAEMON@mx.example', 3000)}
      ${message('m4', 'news@shop.example', 4000)}
      ${message('m5', null, 5000)}
    `);
    await old.destroy();

    const upgraded = await openDatabase(file);
    try {
      const s = upgraded.sqlite;
      expect(s.prepare('SELECT id, automated FROM mail_messages ORDER BY id').all()).toEqual([
        { id: 'm1', automated: null },
        { id: 'm2', automated: 'noReply' },
        { id: 'm3', automated: 'noReply' },
        // A newsletter stored before the upgrade: its List-* headers are only in the raw file.
        { id: 'm4', automated: null },
        { id: 'm5', automated: null },
      ]);
      expect((await listLeads(upgraded.db, { offset: 0, limit: 50, since: 0 })).rows.map((l) => l.key)).toEqual(['shop.example', 'new-buyer.com']);
      // The headers of all five are to be read in the background, from one past the newest.
      const maxRid = (s.prepare('SELECT max(rid) AS n FROM mail_messages').get() as { n: number }).n;
      expect(s.prepare('SELECT key, value FROM settings').all()).toEqual([{ key: AUTOMATED_BACKFILL_KEY, value: String(maxRid + 1) }]);
      // Only the kinds the code knows can be stored.
      expect(() => s.exec(`UPDATE mail_messages SET automated = 'spam' WHERE id = 'm1'`)).toThrow(/CHECK constraint/);
      s.exec(`UPDATE mail_messages SET automated = 'list' WHERE id = 'm4'`);
      expect((await listLeads(upgraded.db, { offset: 0, limit: 50, since: 0 })).rows.map((l) => l.key)).toEqual(['new-buyer.com']);
    } finally {
      await upgraded.close();
    }
  });

  it('asks for no background read in a database without mail', async () => {
    const dir = tempDir('tf-fresh-0006-');
    dirs.push(dir);
    const fresh = await openDatabase(path.join(dir, 'new.sqlite'));
    try {
      expect(fresh.sqlite.prepare('SELECT count(*) AS n FROM settings').get()).toEqual({ n: 0 });
    } finally {
      await fresh.close();
    }
  });
});
