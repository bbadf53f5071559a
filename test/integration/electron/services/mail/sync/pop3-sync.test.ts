import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallInput } from '../../../../../../shared/contract/contract.ts';
import type { SyncProgress } from '../../../../../../electron/services/mail/sync/sync-report.ts';
import { openPop3 } from '../../../../../../electron/services/mail/sync/pop3-client.ts';
import { en } from '../../../../../../shared/i18n/en.ts';
import { zhCN } from '../../../../../../shared/i18n/zh-CN.ts';
import { fixedClock } from '../../../../../../electron/services/core/clock.ts';
import { openDatabase } from '../../../../../../db/open-database.ts';
import { runCliChild } from '../../../../../helpers/child-hosts.ts';
import { freePort, startDovecot, type Dovecot } from '../../../../../helpers/mail-servers.ts';
import { asMailDb, rfc822 } from '../../../../../helpers/mail-test-kit.ts';
import { createMailTempCore, createTempCore, DAY, T0, tempDir, type TempCore } from '../../../../../helpers/temp-core.ts';

/**
 * POP3 accounts (issue 14 point 7) against a real Dovecot POP3 server on loopback, through the
 * real core: the same store, threading, filing and search as IMAP mail. Needs Debian's
 * dovecot-pop3d; without it startDovecot throws and every test here fails (never skips).
 */

const USERS = [
  ...['first@example.com', 'ndays@example.com', 'nokeep@example.com', 'bytes@example.com', 'crash@example.com'].map((user) => ({ user, password: 'secret' })),
  { user: 'utf8@example.com', password: '邮箱密码-ü' },
];

let dovecot: Dovecot;
let app: TempCore;
const clock = fixedClock(T0);
const progress: SyncProgress[] = [];

beforeAll(async () => {
  dovecot = await startDovecot({ users: USERS, pop3: true });
  app = await createMailTempCore({ clock });
  app.core.subscribe((event, payload) => {
    if (event === 'mail.syncProgress') progress.push(payload as SyncProgress);
  });
});

afterAll(async () => {
  await app?.close();
  await dovecot?.stop();
});

function pop3Account(user: string, extra: Partial<CallInput<'mail.addAccount'>> = {}): CallInput<'mail.addAccount'> {
  const server = { host: '127.0.0.1', port: dovecot.pop3Port!, security: 'none' as const, user };
  return { kind: 'pop3', name: user, email: user, imap: server, smtp: { ...server, port: dovecot.imapPort }, password: 'secret', ...extra };
}

/** Messages on the server, read from Dovecot's maildir rather than through our client. */
function onServer(user: string): number {
  const box = path.join(dovecot.dir, 'mail', user);
  return ['new', 'cur'].reduce((n, sub) => n + (fs.existsSync(path.join(box, sub)) ? fs.readdirSync(path.join(box, sub)).length : 0), 0);
}

const sync = async (accountId: string) => {
  const report = await app.core.mail().runSync(accountId);
  if (!report) throw new Error(`the sync of ${accountId} failed`);
  return report.folders[0]!;
};
const db = () => asMailDb(app.core.database());
const uidlRows = (accountId: string) => db().selectFrom('mail_pop3_uidls').selectAll().where('account_id', '=', accountId).orderBy('first_seen_at').execute();

describe('POP3 accounts', () => {
  it('downloads everything once, files it to the customer, threads and indexes it; a second sync downloads nothing; new mail comes alone; the server keeps it all', async () => {
    const me = 'first@example.com';
    const hamburg = await app.call('customers.create', { name: 'Hamburg Trade GmbH', regionCode: 'EU', grade: 'A', website: 'https://www.hamburg-trade.de' });
    await dovecot.deliver(rfc822({ from: 'Anna <anna@hamburg-trade.de>', to: me, subject: 'Inquiry LP-600', messageId: 'inq@hamburg-trade.de', body: 'Please quote 500 pcs of the blue pump.' }), me);
    await dovecot.deliver(rfc822({ from: 'anna@hamburg-trade.de', to: me, subject: 'Re: Inquiry LP-600', messageId: 're@hamburg-trade.de', inReplyTo: 'inq@hamburg-trade.de' }), me);
    await dovecot.deliver(rfc822({ from: 'stranger@gmail.com', to: me, subject: 'Hello', messageId: 'hello@gmail.com' }), me);

    const account = await app.call('mail.addAccount', pop3Account(me));
    expect(account).toMatchObject({ kind: 'pop3', pop3: { leaveOnServer: true, deleteAfterDays: null } });
    progress.length = 0;
    const first = await sync(account.id);
    expect(first).toMatchObject({ path: 'INBOX', specialUse: 'inbox', added: 3, serverCount: 3, localCount: 3, error: null });
    expect(progress.filter((p) => p.accountId === account.id).map((p) => p.phase)).toEqual(expect.arrayContaining(['connect', 'new', 'verify', 'done']));
    expect(progress.find((p) => p.phase === 'new' && p.done === 3)).toMatchObject({ total: 3 });

    const filed = await app.call('mail.listMessages', { customerId: hamburg.id });
    expect(filed.rows.map((r) => r.subject).sort()).toEqual(['Inquiry LP-600', 'Re: Inquiry LP-600']);
    expect(new Set(filed.rows.map((r) => r.threadId)).size).toBe(1);
    expect(filed.rows.every((r) => !r.seen && r.direction === 'inbound')).toBe(true);
    const found = await app.call('search.all', { query: 'blue pump' });
    expect(JSON.stringify(found)).toContain('Inquiry LP-600');
    const status = (await app.call('mail.syncStatus', {})).find((s) => s.accountId === account.id)!;
    expect(status).toMatchObject({ state: 'idle', lastSyncError: null, folders: [{ path: 'INBOX', localCount: 3, serverCount: 3, windowComplete: true }] });

    expect(await sync(account.id)).toMatchObject({ added: 0, localCount: 3 });
    expect(await uidlRows(account.id)).toHaveLength(3);

    await dovecot.deliver(rfc822({ from: 'anna@hamburg-trade.de', to: me, subject: 'PI attached', messageId: 'pi@hamburg-trade.de' }), me);
    expect(await sync(account.id)).toMatchObject({ added: 1, localCount: 4, serverCount: 4 });
    expect((await app.call('mail.listMessages', { customerId: hamburg.id })).total).toBe(3);
    // Leave on server (the default): all four are still there, for the maildir and for a second POP3 session.
    expect(onServer(me)).toBe(4);
    const other = await openPop3({ host: '127.0.0.1', port: dovecot.pop3Port!, security: 'none', user: me }, 'secret');
    expect((await other.uidl()).length).toBe(4);
    await other.quit();
    expect((await uidlRows(account.id)).every((r) => r.deleted_from_server_at === null && r.message_id !== null)).toBe(true);
  });

  it('deletes from the server N days after the download, by the injected clock, and keeps the local copies', async () => {
    const me = 'ndays@example.com';
    clock.set(T0);
    const account = await app.call('mail.addAccount', pop3Account(me, { pop3: { leaveOnServer: true, deleteAfterDays: 3 } }));
    for (const n of [1, 2]) await dovecot.deliver(rfc822({ from: 'buyer@acme.test', to: me, subject: `Early ${n}`, messageId: `early${n}@acme.test` }), me);
    expect(await sync(account.id)).toMatchObject({ added: 2 });
    clock.set(T0 + 2 * DAY);
    await dovecot.deliver(rfc822({ from: 'buyer@acme.test', to: me, subject: 'Later', messageId: 'later@acme.test' }), me);
    expect(await sync(account.id)).toMatchObject({ added: 1, serverCount: 3 });
    expect(onServer(me)).toBe(3);

    // Three days after the first download: those two go, the one downloaded a day later stays.
    clock.set(T0 + 3 * DAY);
    expect(await sync(account.id)).toMatchObject({ added: 0, serverCount: 1, localCount: 3 });
    expect(onServer(me)).toBe(1);
    const rows = await uidlRows(account.id);
    expect(rows.map((r) => r.deleted_from_server_at)).toEqual([T0 + 3 * DAY, T0 + 3 * DAY, null]);
    expect((await app.call('mail.listMessages', { folderId: (await folderOf(account.id)).id })).total).toBe(3);
    expect(progress.some((p) => p.accountId === account.id && p.phase === 'deletions' && p.total === 2)).toBe(true);
    expect(await sync(account.id)).toMatchObject({ added: 0, serverCount: 1 });
    clock.set(T0);
  });

  it('without "leave a copy on the server", downloaded mail leaves the server when the pass ends', async () => {
    const me = 'nokeep@example.com';
    for (const n of [1, 2]) await dovecot.deliver(rfc822({ from: 'buyer@acme.test', to: me, subject: `Take ${n}`, messageId: `take${n}@acme.test` }), me);
    const account = await app.call('mail.addAccount', pop3Account(me, { pop3: { leaveOnServer: false, deleteAfterDays: null } }));
    expect(account.pop3).toEqual({ leaveOnServer: false, deleteAfterDays: null });
    expect(await sync(account.id)).toMatchObject({ added: 2, serverCount: 0, localCount: 2 });
    expect(onServer(me)).toBe(0);
    expect(await sync(account.id)).toMatchObject({ added: 0, localCount: 2 });

    // Settings change; the kind does not (IMAP folders and POP3 UIDLs do not convert).
    const fields = { ...pop3Account(me), id: account.id, password: null };
    const edited = await app.call('mail.editAccount', { ...fields, pop3: { leaveOnServer: true, deleteAfterDays: 30 } });
    expect(edited.pop3).toEqual({ leaveOnServer: true, deleteAfterDays: 30 });
    const refused = await app.fail('mail.editAccount', { ...fields, kind: 'imap' });
    expect(refused).toMatchObject({ code: 'validation', message: 'mail.accounts.kindFixed' });
  });

  it('keeps 8-bit GBK bytes and dot-stuffed lines exactly (what node-pop3 0.11 gets wrong)', async () => {
    const me = 'bytes@example.com';
    const body = ['报价单已发送，请查收。', '.hidden line that starts with a dot', '..two dots', '.', 'end'].join('\r\n');
    const raw = Buffer.concat([
      Buffer.from(
        ['From: 王芳 <wang@gbk-trade.cn>', `To: ${me}`, 'Subject: =?GBK?B?' + iconv.encode('报价', 'gbk').toString('base64') + '?=', 'Message-ID: <gbk@gbk-trade.cn>', 'MIME-Version: 1.0', 'Content-Type: text/plain; charset=GBK', 'Content-Transfer-Encoding: 8bit', '', ''].join('\r\n'),
      ),
      iconv.encode(`${body}\r\n`, 'gbk'),
    ]);
    await dovecot.deliver(raw, me);
    const account = await app.call('mail.addAccount', pop3Account(me));
    expect(await sync(account.id)).toMatchObject({ added: 1 });
    const [row] = (await app.call('mail.listMessages', { folderId: (await folderOf(account.id)).id })).rows;
    const message = await app.call('mail.getMessage', { id: row!.id });
    expect(message.subject).toBe('报价');
    expect(message.text?.replace(/\r\n/g, '\n').trim()).toBe(body.replace(/\r\n/g, '\n'));
    expect(message.parseWarnings).not.toContain('charsetGuessed');
  });

  it('records a wrong password and a refused connection on the account, with words in both languages', async () => {
    const wrong = await app.call('mail.addAccount', pop3Account('first@example.com', { email: 'wrong@example.com', name: 'Wrong', password: 'not-the-password' }));
    expect(await app.core.mail().runSync(wrong.id)).toBeNull();
    let status = (await app.call('mail.syncStatus', {})).find((s) => s.accountId === wrong.id)!;
    expect(status.state).toBe('error');
    expect(status.lastSyncError?.step).toBe('login');
    expect(status.lastSyncError?.message).toMatch(/Authentication failed/i);
    expect((await app.call('mail.listAccounts', {})).find((a) => a.id === wrong.id)?.lastSyncError?.step).toBe('login');
    const test = await app.call('mail.testAccount', { id: wrong.id });
    expect(test.steps.find((s) => s.step === 'login')).toMatchObject({ ok: false, message: 'mail.test.loginRejected' });

    const closedPort = await freePort();
    const refused = await app.call('mail.addAccount', { ...pop3Account('first@example.com', { email: 'refused@example.com', name: 'Refused' }), imap: { host: '127.0.0.1', port: closedPort, security: 'none', user: 'x' } });
    expect(await app.core.mail().runSync(refused.id)).toBeNull();
    status = (await app.call('mail.syncStatus', {})).find((s) => s.accountId === refused.id)!;
    expect(status).toMatchObject({ state: 'offline', lastSyncError: { step: 'connect' } });
    expect(status.lastSyncError?.message).toMatch(/ECONNREFUSED/);

    // A password beyond ASCII logs in (sent as UTF-8), and a line break never reaches the server.
    const utf8 = await app.call('mail.addAccount', { ...pop3Account('utf8@example.com'), password: '邮箱密码-ü' });
    expect(await sync(utf8.id)).toMatchObject({ error: null });
    const injected = await app.call('mail.addAccount', { ...pop3Account('first@example.com', { email: 'inject@example.com', name: 'Inject' }), password: 'secret\r\nDELE 1' });
    expect(await app.core.mail().runSync(injected.id)).toBeNull();
    expect((await app.call('mail.syncStatus', {})).find((s) => s.accountId === injected.id)?.lastSyncError?.step).toBe('login');

    for (const step of ['login', 'uidl', 'connect'] as const) {
      expect(en.mail.accounts.syncStep[step]).toBeTruthy();
      expect(zhCN.mail.accounts.syncStep[step]).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('tells a server without UIDL apart, in both languages, and downloads nothing from it', async () => {
    // Dovecot always offers UIDL: this loopback stand-in answers like the old servers that do not.
    const server = net.createServer((socket) => {
      // The client drops the connection after the failure (no QUIT): a reset here is expected.
      socket.on('error', () => {});
      socket.write('+OK POP3 ready\r\n');
      socket.on('data', (data: Buffer) => {
        for (const line of data.toString('latin1').split('\r\n').filter(Boolean)) {
          const verb = line.split(' ')[0]!.toUpperCase();
          if (verb === 'UIDL') socket.write('-ERR unknown command\r\n');
          else if (verb === 'STAT') socket.write('+OK 1 120\r\n');
          else socket.write('+OK\r\n');
          if (verb === 'QUIT') socket.end();
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.address() as net.AddressInfo).port;
      const account = await app.call('mail.addAccount', {
        ...pop3Account('old@example.com'),
        imap: { host: '127.0.0.1', port, security: 'none', user: 'old@example.com' },
      });
      expect(await app.core.mail().runSync(account.id)).toBeNull();
      const status = (await app.call('mail.syncStatus', {})).find((s) => s.accountId === account.id)!;
      expect(status).toMatchObject({ state: 'error', lastSyncError: { step: 'uidl', message: 'unknown command' } });
      expect(await uidlRows(account.id)).toEqual([]);
      const test = await app.call('mail.testAccount', { id: account.id });
      expect(test.steps.find((s) => s.step === 'folders')).toMatchObject({ ok: false, message: 'mail.test.pop3NoUidl', detail: 'unknown command' });
      expect(en.mail.test.pop3NoUidl).toContain('UIDL');
      expect(zhCN.mail.test.pop3NoUidl).toContain('UIDL');
    } finally {
      server.close();
    }
  });

  it('resumes after a SIGKILL before and after a committed batch with nothing twice and nothing lost', { timeout: 120_000 }, async () => {
    const me = 'crash@example.com';
    const total = 60;
    for (let i = 0; i < total; i += 10) {
      await Promise.all(Array.from({ length: 10 }, (_, k) => dovecot.deliver(rfc822({ from: 'bulk@acme.test', to: me, subject: `Order ${i + k}`, messageId: `order${i + k}@acme.test` }), me)));
    }
    const dataDir = tempDir('tf-pop3-crash-');
    const env = { TRADEFOLIO_MAIL_PASSWORD: 'secret', DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' };
    const server = { host: '127.0.0.1', port: dovecot.pop3Port!, security: 'none', user: me };
    const added = await runCliChild(dataDir, ['call', 'mail.addAccount', JSON.stringify({ kind: 'pop3', name: me, email: me, imap: server, smtp: { ...server, port: dovecot.imapPort }, password: 'secret' })]);
    expect(added.code, added.stderr).toBe(0);

    // Killed after the first batch's content is stored, before its transaction: nothing counts.
    const beforeCommit = await runCliChild(dataDir, ['mail', 'sync'], { ...env, TRADEFOLIO_TEST_FAULT_POINT: 'pop3:content-stored:1' });
    expect(beforeCommit.signal).toBe('SIGKILL');
    expect(await countsIn(dataDir)).toEqual({ messages: 0, uidls: 0, distinct: 0 });
    // Killed right after the first batch (50 messages and their UIDLs) committed.
    const afterCommit = await runCliChild(dataDir, ['mail', 'sync'], { ...env, TRADEFOLIO_TEST_FAULT_POINT: 'pop3:committed:1' });
    expect(afterCommit.signal).toBe('SIGKILL');
    expect(await countsIn(dataDir)).toEqual({ messages: 50, uidls: 50, distinct: 50 });

    const resumed = await runCliChild(dataDir, ['mail', 'sync'], env);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stdout).toMatch(/INBOX\s+10\s+0\s+60\s+60\s+in sync/);
    expect(await countsIn(dataDir)).toEqual({ messages: total, uidls: total, distinct: total });
    expect(onServer(me)).toBe(total);
  });
});

describe('POP3 in the background sync', () => {
  it('syncs a POP3 account at start and then on the interval, never over IMAP', { timeout: 30_000 }, async () => {
    const me = 'background@example.com';
    const own = await startDovecot({ users: [{ user: me, password: 'secret' }], pop3: true });
    const bg = await createTempCore({ now: Date.now() });
    try {
      await own.deliver(rfc822({ from: 'buyer@acme.test', to: me, subject: 'First', messageId: 'bg1@acme.test' }), me);
      const server = { host: '127.0.0.1', port: own.pop3Port!, security: 'none' as const, user: me };
      await bg.call('mail.addAccount', { kind: 'pop3', name: me, email: me, imap: server, smtp: { ...server, port: own.imapPort }, password: 'secret' });
      bg.core.mail().startScheduler({ intervalMs: 400, backoff: { baseMs: 200, maxMs: 800 } });
      const subjects = async () => (await bg.call('mail.listMessages', { limit: 10 })).rows.map((r) => r.subject).sort();
      await until(async () => (await subjects()).includes('First'));
      await own.deliver(rfc822({ from: 'buyer@acme.test', to: me, subject: 'Second', messageId: 'bg2@acme.test' }), me);
      // No IDLE in POP3: the interval's pass brings it.
      await until(async () => (await subjects()).includes('Second'));
      expect(await subjects()).toEqual(['First', 'Second']);
      expect((await bg.call('mail.syncStatus', {}))[0]).toMatchObject({ state: 'idle', lastSyncError: null });
      expect(own.log()).toMatch(/pop3-login: Info: Login: user=<background@example\.com>/);
      expect(own.log()).not.toMatch(/imap-login: Info: Login: user=<background@example\.com>/);
    } finally {
      await bg.close();
      await own.stop();
    }
  });
});

async function until(check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function folderOf(accountId: string) {
  return db().selectFrom('mail_folders').selectAll().where('account_id', '=', accountId).executeTakeFirstOrThrow();
}

/** Messages, UIDLs and distinct Message-IDs in a data folder the CLI child wrote. */
async function countsIn(dataDir: string): Promise<{ messages: number; uidls: number; distinct: number }> {
  const opened = await openDatabase(path.join(dataDir, 'tradefolio.sqlite'));
  try {
    const d = asMailDb(opened);
    const m = await d.selectFrom('mail_messages').select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.count<number>('message_id').distinct().as('distinct')]).executeTakeFirstOrThrow();
    const u = await d.selectFrom('mail_pop3_uidls').select((eb) => eb.fn.countAll<number>().as('n')).where('message_id', 'is not', null).executeTakeFirstOrThrow();
    return { messages: Number(m.n), uidls: Number(u.n), distinct: Number(m.distinct) };
  } finally {
    await opened.close();
  }
}
