import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/open-database.ts';
import { databaseAt } from '../../helpers/old-database.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('migration 0005-mail-sender-auth', () => {
  it('marks stored messages as unknown (not verified) with no per-message allowance, and keeps the allowlist', async () => {
    const { dir, file, sqlite, old } = await databaseAt('0004-mail-flag-changes', 'tf-upgrade-0005-');
    dirs.push(dir);
    sqlite.exec(`
      INSERT INTO mail_accounts (id, name, email, imap_host, imap_port, imap_user, created_at, updated_at) VALUES ('acc', 'Work', 'me@x.cn', 'imap.x.cn', 993, 'me@x.cn', 0, 0);
      INSERT INTO mail_folders (id, account_id, path, name, created_at, updated_at) VALUES ('f', 'acc', 'INBOX', 'INBOX', 0, 0);
      INSERT INTO mail_messages (id, account_id, folder_id, uid, from_address, date_at, received_at, direction, created_at, updated_at) VALUES ('m1', 'acc', 'f', 1, 'news@shop.test', 9000, 9000, 'inbound', 0, 0);
      INSERT INTO mail_remote_content_allow (sender, created_at) VALUES ('news@shop.test', 5);
    `);
    await old.destroy();

    const upgraded = await openDatabase(file);
    try {
      const s = upgraded.sqlite;
      expect(s.prepare('SELECT id, sender_auth, remote_content_allowed_at FROM mail_messages').all()).toEqual([{ id: 'm1', sender_auth: 'unknown', remote_content_allowed_at: null }]);
      expect(s.prepare('SELECT sender FROM mail_remote_content_allow').all()).toEqual([{ sender: 'news@shop.test' }]);
      // Only the verdicts the code knows can be stored.
      expect(() => s.exec(`UPDATE mail_messages SET sender_auth = 'trusted' WHERE id = 'm1'`)).toThrow(/CHECK constraint/);
      s.exec(`UPDATE mail_messages SET sender_auth = 'pass', remote_content_allowed_at = 7 WHERE id = 'm1'`);
      expect(s.prepare('SELECT sender_auth, remote_content_allowed_at FROM mail_messages').get()).toEqual({ sender_auth: 'pass', remote_content_allowed_at: 7 });
    } finally {
      await upgraded.close();
    }
  });
});
