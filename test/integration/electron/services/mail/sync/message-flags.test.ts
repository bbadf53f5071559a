import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../../../../../electron/services/core/clock.ts';
import { freePort, startDovecot, startSmtpSink, type Dovecot, type SmtpSink } from '../../../../../helpers/mail-servers.ts';
import { tempDir } from '../../../../../helpers/temp-core.ts';
import { addSendingAccount, openSendCore, serverFolder, type SendCore } from '../send/mail-send-kit.ts';
import { addAccount, mailSync, openMailDb, rfc822, type MailDb } from '../../../../../helpers/mail-test-kit.ts';

/**
 * Read / unread and star (mail.setFlags) against a real Dovecot: the local change is at once,
 * the server gets it in the background, and a change the server has not heard of yet is never
 * flipped back by a sync — offline, or made while a sync pass is running.
 */

const ME = { user: 'li@tradefolio.test', password: 'auth-code-51f0' };
const RACE = { user: 'race@tradefolio.test', password: 'secret' };

let dovecot: Dovecot;
let sink: SmtpSink;
let app: SendCore;
let accountId: string;
const dataDir = tempDir('tf-flags-');

beforeAll(async () => {
  [dovecot, sink] = await Promise.all([startDovecot({ users: [ME, RACE] }), startSmtpSink()]);
  for (const n of [1, 2, 3]) {
    await dovecot.deliver(rfc822({ from: 'Anna <anna@hamburg-trade.de>', to: ME.user, subject: `Inquiry ${n}`, messageId: `inquiry-${n}@hamburg-trade.de` }), ME.user);
  }
  app = await openSendCore(systemClock, dataDir);
  accountId = await addSendingAccount(app, dovecot, sink, ME);
  await app.call('mail.syncNow', { accountId });
  await app.core.mail().whenIdle();
});

afterAll(async () => {
  await app?.close();
  await Promise.all([dovecot?.stop(), sink?.stop()]);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function inbox() {
  const [status] = await app.call('mail.syncStatus', {});
  const folder = status!.folders.find((f) => f.specialUse === 'inbox')!;
  const list = await app.call('mail.listMessages', { folderId: folder.id });
  const bySubject = (subject: string) => list.rows.find((r) => r.subject === subject)!;
  return { folder, rows: list.rows, bySubject };
}

/** The server's flags of a message, by subject, as another mail program sees them. */
async function serverFlags(subject: string, user = ME.user): Promise<string[]> {
  const messages = await serverFolder(dovecot, user, 'INBOX');
  return messages.find((m) => m.parsed.subject === subject)!.flags;
}

const pending = () => app.core.database().db.selectFrom('mail_flag_changes').selectAll().execute();

describe('mail.setFlags', () => {
  it('marks read at once here (the unread count drops before the call returns) and on the server in the background', async () => {
    const before = await inbox();
    expect(before.folder.unread).toBe(3);
    const target = before.bySubject('Inquiry 1');

    expect(await app.call('mail.setFlags', { ids: [target.id], seen: true })).toEqual({ count: 1 });
    // Nothing awaited in between: the local rows changed inside the call.
    const after = await inbox();
    expect(after.folder.unread).toBe(2);
    expect(after.bySubject('Inquiry 1').seen).toBe(true);

    await app.core.mail().whenIdle();
    expect(await serverFlags('Inquiry 1')).toContain('\\Seen');
    expect(await pending()).toEqual([]);

    // Star it, then unread it again: both reach the server; the other messages are untouched.
    await app.call('mail.setFlags', { ids: [target.id], flagged: true });
    await app.call('mail.setFlags', { ids: [target.id], seen: false });
    const local = (await inbox()).bySubject('Inquiry 1');
    expect({ seen: local.seen, flagged: local.flagged }).toEqual({ seen: false, flagged: true });
    await app.core.mail().whenIdle();
    const flags = await serverFlags('Inquiry 1');
    expect(flags).toContain('\\Flagged');
    expect(flags).not.toContain('\\Seen');
    expect(await serverFlags('Inquiry 2')).toEqual([]);
    expect((await inbox()).folder.unread).toBe(3);
  });

  it('refuses a call that changes nothing', async () => {
    const error = await app.fail('mail.setFlags', { ids: ['x'] });
    expect(error.code).toBe('validation');
  });

  it('tells the server without looking busy, and a sync asked for meanwhile still runs', async () => {
    const events: string[] = [];
    const stop = app.core.subscribe((event) => events.push(event));
    try {
      const target = (await inbox()).bySubject('Inquiry 1');
      await app.call('mail.setFlags', { ids: [target.id], flagged: false });
      // Opening a message marks it read: the account must not show a sync for that.
      const [during] = await app.call('mail.syncStatus', {});
      expect(during!.state).toBe('idle');
      await app.core.mail().whenIdle();
      expect(await serverFlags('Inquiry 1')).not.toContain('\\Flagged');
      expect(events).not.toContain('mail.syncProgress');

      // "Sync now" while such a pass runs is not swallowed by it: it runs next, and shows.
      await app.call('mail.setFlags', { ids: [target.id], flagged: true });
      expect(await app.call('mail.syncNow', { accountId })).toEqual({ started: [accountId] });
      await app.core.mail().whenIdle();
      expect(events).toContain('mail.syncProgress');
      expect(await serverFlags('Inquiry 1')).toContain('\\Flagged');
    } finally {
      stop();
    }
  });

  it('offline: keeps the change, and the next sync sends it first instead of flipping it back', async () => {
    const db = app.core.database().db;
    const { bySubject } = await inbox();
    const target = bySubject('Inquiry 2');
    // The server is out of reach: the account points at a port nobody listens on.
    const dead = await freePort();
    await db.updateTable('mail_accounts').set({ imap_port: dead }).where('id', '=', accountId).execute();

    await app.call('mail.setFlags', { ids: [target.id], seen: true });
    expect((await inbox()).bySubject('Inquiry 2').seen).toBe(true);
    await app.core.mail().whenIdle();
    // The background pass could not connect: the server still has it unread, the change waits.
    expect(await serverFlags('Inquiry 2')).not.toContain('\\Seen');
    expect((await pending()).map((p) => ({ message: p.message_id, seen: p.seen, flagged: p.flagged }))).toEqual([{ message: target.id, seen: 1, flagged: null }]);
    const [status] = await app.call('mail.syncStatus', {});
    expect(status!.state).toBe('offline');

    // Meanwhile someone stars Inquiry 3 on their phone: that change must still come in.
    const phone = await dovecot.connect(ME.user);
    await phone.mailboxOpen('INBOX');
    await phone.messageFlagsAdd({ header: { 'message-id': '<inquiry-3@hamburg-trade.de>' } }, ['\\Flagged']);
    await phone.logout();

    // Back online: the next sync tells the server first and keeps the local change.
    await db.updateTable('mail_accounts').set({ imap_port: dovecot.imapPort }).where('id', '=', accountId).execute();
    await app.call('mail.syncNow', { accountId });
    await app.core.mail().whenIdle();
    const after = await inbox();
    expect(after.bySubject('Inquiry 2').seen).toBe(true);
    expect(after.bySubject('Inquiry 3').flagged).toBe(true);
    expect(await serverFlags('Inquiry 2')).toContain('\\Seen');
    expect(await pending()).toEqual([]);
  });
});

describe('the sync and pending flag changes', () => {
  let m: MailDb;
  afterAll(async () => {
    await m?.close();
  });

  it('leaves a change made during a pass alone, even when the server reports other flags for that message, and sends it next pass', async () => {
    m = await openMailDb();
    const id = await addAccount(m.db, dovecot, { email: RACE.user });
    await dovecot.deliver(rfc822({ from: 'Bob <bob@acme.test>', to: RACE.user, subject: 'Quote', messageId: 'quote@acme.test' }), RACE.user);
    const sync = mailSync(m.db, m.dataDir);
    await sync.syncAccount(id);
    const row = await m.db.selectFrom('mail_messages').select(['id', 'folder_id']).where('subject', '=', 'Quote').executeTakeFirstOrThrow();

    // On the server: another client stars it (so the next pass reads its flags), and new mail arrives.
    const other = await dovecot.connect(RACE.user);
    await other.mailboxOpen('INBOX');
    await other.messageFlagsAdd({ header: { 'message-id': '<quote@acme.test>' } }, ['\\Flagged']);
    await other.logout();
    await dovecot.deliver(rfc822({ from: 'Bob <bob@acme.test>', to: RACE.user, subject: 'Follow-up', messageId: 'follow-up@acme.test' }), RACE.user);

    // The user reads it here while the pass is fetching the new mail (after this folder's
    // pending changes were sent, before its flag phase): written synchronously, as setFlags' transaction would.
    let injected = false;
    await sync.syncAccount(id, {
      onProgress: (p) => {
        if (p.phase !== 'new' || p.folderPath !== 'INBOX' || injected) return;
        injected = true;
        m.opened.sqlite.prepare(`UPDATE mail_messages SET seen = 1, flags = '["\\\\Seen"]' WHERE id = ?`).run(row.id);
        m.opened.sqlite
          .prepare('INSERT INTO mail_flag_changes (message_id, folder_id, seen, flagged, created_at, updated_at) VALUES (?, ?, 1, NULL, 0, 0)')
          .run(row.id, row.folder_id);
      },
    });
    expect(injected).toBe(true);
    // The server said "flagged, unread": the pending change kept the message as the user left it.
    let local = await m.db.selectFrom('mail_messages').select(['seen', 'flagged']).where('id', '=', row.id).executeTakeFirstOrThrow();
    expect(local).toEqual({ seen: 1, flagged: 0 });
    expect(await serverFlags('Quote', RACE.user)).not.toContain('\\Seen');

    // The next pass sends it, then reads the server's flags: read here and there, and the star from the other client.
    await sync.syncAccount(id);
    local = await m.db.selectFrom('mail_messages').select(['seen', 'flagged']).where('id', '=', row.id).executeTakeFirstOrThrow();
    expect(local).toEqual({ seen: 1, flagged: 1 });
    expect(await serverFlags('Quote', RACE.user)).toEqual(expect.arrayContaining(['\\Seen', '\\Flagged']));
    expect(await m.db.selectFrom('mail_flag_changes').selectAll().execute()).toEqual([]);
  });
});
