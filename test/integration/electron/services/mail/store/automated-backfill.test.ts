import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Migrator } from 'kysely/migration';
import { afterAll, describe, expect, it } from 'vitest';
import * as m0001 from '../../../../../../db/migrations/0001-initial.ts';
import * as m0002 from '../../../../../../db/migrations/0002-mail.ts';
import * as m0003 from '../../../../../../db/migrations/0003-search-leads.ts';
import * as m0004 from '../../../../../../db/migrations/0004-mail-flag-changes.ts';
import * as m0005 from '../../../../../../db/migrations/0005-mail-sender-auth.ts';
import type { EventPayload } from '../../../../../../shared/contract/contract.ts';
import { applyPragmas, createKysely, openDatabase } from '../../../../../../db/open-database.ts';
import { DATABASE_FILE_NAME } from '../../../../../../electron/services/core/data-folder.ts';
import { createAttachmentStore } from '../../../../../../electron/services/mail/store/attachment-store.ts';
import { LEGACY_RAW_DIR, openRawMessageStore } from '../../../../../../electron/services/mail/store/raw-message-store.ts';
import { AUTOMATED_BACKFILL_KEY, automatedBackfillPending, backfillAutomatedBatch, headerLinesOf } from '../../../../../../electron/services/mail/store/automated-backfill.ts';
import { createTempCore, tempDir } from '../../../../../helpers/temp-core.ts';
import { asMailDb, rfc822 } from '../../../../../helpers/mail-test-kit.ts';

/**
 * Mail stored before migration 0006 has no automated mark; its headers are only in the raw
 * files. The background backfill reads them, newest first, and takes newsletters out of New leads.
 */

const ME = 'sales@mytrade.cn';
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

interface OldMessage {
  id: string;
  from: string;
  headers?: string[];
  /** Stored without its raw file (an old import, a file lost). */
  noRaw?: boolean;
}

/** A data folder as the app left it before migration 0006: rows at schema 0005, raw files in mail-raw. */
async function oldDataFolder(messages: readonly OldMessage[]): Promise<string> {
  const dataDir = tempDir('tf-backfill-');
  dirs.push(dataDir);
  const sqlite = new BetterSqlite3(path.join(dataDir, DATABASE_FILE_NAME));
  applyPragmas(sqlite);
  const old = createKysely(sqlite);
  const result = await new Migrator({
    db: old,
    provider: { getMigrations: async () => ({ '0001-initial': m0001, '0002-mail': m0002, '0003-search-leads': m0003, '0004-mail-flag-changes': m0004, '0005-mail-sender-auth': m0005 }) },
  }).migrateToLatest();
  expect(result.error).toBeUndefined();
  sqlite.exec(`
    INSERT INTO mail_accounts (id, name, email, imap_host, imap_port, imap_user, created_at, updated_at) VALUES ('acc', 'Work', '${ME}', 'imap.x.cn', 993, '${ME}', 0, 0);
    INSERT INTO mail_folders (id, account_id, path, name, created_at, updated_at) VALUES ('f', 'acc', 'INBOX', 'INBOX', 0, 0);
  `);
  // Written as the app did before the raw-message pack: one file per message (raw-message-store.ts reads them still).
  const raw = createAttachmentStore(path.join(dataDir, LEGACY_RAW_DIR));
  const insertMessage = sqlite.prepare(
    `INSERT INTO mail_messages (id, account_id, folder_id, uid, from_address, date_at, received_at, direction, raw_sha256, created_at, updated_at)
     VALUES (?, 'acc', 'f', ?, ?, ?, ?, 'inbound', ?, 0, 0)`,
  );
  const insertAddress = sqlite.prepare(`INSERT INTO mail_message_addresses (message_id, role, position, address, domain) VALUES (?, 'from', 0, ?, ?)`);
  messages.forEach((m, i) => {
    const date = Date.UTC(2026, 10, 1 + i, 9);
    const sha = m.noRaw ? null : raw.put(rfc822({ from: m.from, to: ME, subject: m.id, date: new Date(date), messageId: `${m.id}@test`, headers: m.headers ?? [] })).sha256;
    insertMessage.run(m.id, i + 1, m.from, date, date, sha);
    insertAddress.run(m.id, m.from, m.from.slice(m.from.indexOf('@') + 1));
  });
  await old.destroy();
  return dataDir;
}

describe('marking older mail as automated', () => {
  it('reads the raw headers in the background and takes older newsletters out of New leads', async () => {
    const dataDir = await oldDataFolder([
      { id: 'buyer', from: 'buyer@new-buyer.com' },
      { id: 'news', from: 'deals@shop-news.com', headers: ['List-Unsubscribe: <https://shop-news.com/u?id=1>'] },
      { id: 'bulk', from: 'promo@bulk-sender.com', headers: ['Precedence:', ' bulk'] },
      { id: 'parcel', from: 'no-reply@parcel-tracker.com' },
      { id: 'lost', from: 'talk@forum-host.org', noRaw: true },
    ]);
    let app = await createTempCore({ dataDir });
    try {
      const leads = async () => (await app.call('leads.list', { sinceDays: null })).rows.map((l) => l.key);
      // The upgrade judged the no-reply sender by its address; the rest waits for its headers.
      expect(await leads()).toEqual(['forum-host.org', 'bulk-sender.com', 'shop-news.com', 'new-buyer.com']);
      expect(await automatedBackfillPending(asMailDb(app.core.database()))).toBe(true);

      const changed: string[][] = [];
      app.core.subscribe((event, payload) => {
        if (event === 'data.changed') changed.push([...(payload as EventPayload<'data.changed'>).entities]);
      });
      app.core.startBackgroundSync();
      await expect.poll(leads).toEqual(['forum-host.org', 'new-buyer.com']);
      await expect.poll(() => automatedBackfillPending(asMailDb(app.core.database()))).toBe(false);
      expect(changed).toContainEqual(['mailMessages']);
      const rows = await asMailDb(app.core.database()).selectFrom('mail_messages').select(['id', 'automated']).orderBy('date_at').execute();
      expect(rows).toEqual([
        { id: 'buyer', automated: null },
        { id: 'news', automated: 'list' },
        { id: 'bulk', automated: 'bulk' },
        { id: 'parcel', automated: 'noReply' },
        // No raw file: nothing to read it from, so it stays a lead until dismissed.
        { id: 'lost', automated: null },
      ]);

      // Done for good: a restart reads nothing again.
      await app.close();
      app = await createTempCore({ dataDir });
      expect(await automatedBackfillPending(asMailDb(app.core.database()))).toBe(false);
      expect(await leads()).toEqual(['forum-host.org', 'new-buyer.com']);
    } finally {
      await app.close();
    }
  });

  it('goes newest first, a batch per transaction, and resumes where it stopped', async () => {
    const dataDir = await oldDataFolder([
      { id: 'n1', from: 'a@list-one.com', headers: ['List-Id: <one.lists.example>'] },
      { id: 'p1', from: 'b@person.com' },
      { id: 'n2', from: 'c@list-two.com', headers: ['Auto-Submitted: auto-generated'] },
      { id: 'n3', from: 'd@list-three.com', headers: ['Precedence: list'] },
    ]);
    const opened = await openDatabase(path.join(dataDir, DATABASE_FILE_NAME));
    try {
      const db = asMailDb(opened);
      const raw = openRawMessageStore(dataDir);
      const marked = async () => (await db.selectFrom('mail_messages').select('id').where('automated', 'is not', null).orderBy('id').execute()).map((r) => r.id);
      const below = async () => JSON.parse((await db.selectFrom('settings').select('value').where('key', '=', AUTOMATED_BACKFILL_KEY).executeTakeFirstOrThrow()).value) as unknown;
      // One past the newest message (rids 1-4), as the migration left it.
      expect(await below()).toBe(5);
      expect(await backfillAutomatedBatch(db, raw, 1, 2)).toBe(2);
      expect(await marked()).toEqual(['n2', 'n3']);
      // The point it reached is stored with the marks: a new run (after a quit) goes on from there.
      expect(await below()).toBe(3);
      expect(await backfillAutomatedBatch(db, raw, 2, 2)).toBe(1);
      expect(await marked()).toEqual(['n1', 'n2', 'n3']);
      expect(await below()).toBe(1);
      expect(await backfillAutomatedBatch(db, raw, 3, 2)).toBe(0);
      expect(await automatedBackfillPending(db)).toBe(false);
      expect(await backfillAutomatedBatch(db, raw, 4, 2)).toBeNull();
    } finally {
      await opened.close();
    }
  });

  it('reads folded header lines as one field and stops at the body', () => {
    const head = headerLinesOf(Buffer.from('From: a@b.c\r\nList-Id:\r\n  <x.lists.example>\r\nSubject: hi\r\n\r\nList-Id: not a header\r\n'));
    expect(head).toEqual([
      { key: 'from', line: 'From: a@b.c' },
      { key: 'list-id', line: 'List-Id:\r\n  <x.lists.example>' },
      { key: 'subject', line: 'Subject: hi' },
    ]);
  });
});
