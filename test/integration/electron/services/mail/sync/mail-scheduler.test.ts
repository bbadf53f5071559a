import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempCore, type TempCore } from '../../../../../helpers/temp-core.ts';
import { startDovecot, type Dovecot } from '../../../../../helpers/mail-servers.ts';
import { startTcpProxy, type TcpProxy } from '../../../../../helpers/tcp-proxy.ts';
import { rfc822 } from '../../../../../helpers/mail-test-kit.ts';

const USER = 'idle@example.com';
const PASSWORD = 'idle-secret';

let dovecot: Dovecot;
let proxy: TcpProxy;
let app: TempCore;

/** Polls until `check` returns true; fails with `what` after `ms`. */
async function until(what: string, check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const subjects = async () => (await app.call('mail.listMessages', { limit: 100 })).rows.map((r) => r.subject).sort();
const inboxState = async () => (await app.call('mail.syncStatus', {}))[0]!;

beforeAll(async () => {
  dovecot = await startDovecot({ users: [{ user: USER, password: PASSWORD }] });
  proxy = await startTcpProxy(dovecot.imapPort);
  app = await createTempCore({ now: Date.now() });
  // Periodic full syncs far apart: whatever arrives during the test comes through IDLE or a reconnect.
  app.core.mail().startScheduler({ intervalMs: 3_600_000, backoff: { baseMs: 200, maxMs: 800 }, debounceMs: 100 });
});
afterAll(async () => {
  await app?.close();
  await proxy?.close();
  await dovecot?.stop();
});

describe('background mail sync', () => {
  it('syncs a new account at once, then takes new mail and deletions from IDLE on the Inbox', async () => {
    await dovecot.deliver(rfc822({ from: 'anna@hamburg-trade.de', to: USER, subject: 'Before', messageId: 'before@hamburg-trade.de' }), USER);
    await app.call('mail.addAccount', {
      name: 'Work',
      email: USER,
      imap: { host: '127.0.0.1', port: proxy.port, security: 'none', user: USER },
      smtp: { host: '127.0.0.1', port: proxy.port, security: 'none', user: USER },
      password: PASSWORD,
    });
    await until('the first sync', async () => (await subjects()).includes('Before'));

    // Let the watcher settle into IDLE, then mail arrives on the server.
    await new Promise((r) => setTimeout(r, 1_000));
    const connections = proxy.accepted();
    await dovecot.deliver(rfc822({ from: 'anna@hamburg-trade.de', to: USER, subject: 'During IDLE', messageId: 'idle@hamburg-trade.de' }), USER);
    await until('the IDLE notification to bring the new mail', async () => (await subjects()).includes('During IDLE'));
    expect(await subjects()).toEqual(['Before', 'During IDLE']);

    // Deleted on the server (another mail client): the expunge reaches us through IDLE too.
    const other = await dovecot.connect(USER);
    await other.mailboxOpen('INBOX');
    await other.messageDelete({ header: { 'message-id': 'before@hamburg-trade.de' } });
    await other.logout();
    await until('the deletion to arrive', async () => !(await subjects()).includes('Before'));
    expect(await subjects()).toEqual(['During IDLE']);
    // The IDLE connection stayed up the whole time: only the Inbox syncs connected anew.
    expect(proxy.accepted() - connections).toBeLessThanOrEqual(3);
  });

  it('goes offline when the network drops, retries with backoff, and catches up when it returns', async () => {
    await proxy.cut();
    await until('the account to report the outage', async () => {
      const s = await inboxState();
      return s.state === 'offline' && s.retryAt !== null;
    });
    const down = await inboxState();
    expect(down.lastSyncError?.step).toBe('connect');

    // Mail that arrives during the outage is picked up after reconnecting, without duplicates.
    await dovecot.deliver(rfc822({ from: 'bob@hamburg-trade.de', to: USER, subject: 'While offline', messageId: 'offline@hamburg-trade.de' }), USER);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await subjects()).toEqual(['During IDLE']);
    await proxy.restore();
    await until('the reconnect to catch up', async () => (await subjects()).includes('While offline'));
    expect(await subjects()).toEqual(['During IDLE', 'While offline']);
    await until('the account to be back in sync', async () => {
      const s = await inboxState();
      return s.state === 'idle' && s.retryAt === null;
    });
    const inbox = (await inboxState()).folders.find((f) => f.specialUse === 'inbox')!;
    expect(inbox.localCount).toBe(inbox.serverRangeCount);

    // And IDLE works again on the new connection.
    await new Promise((r) => setTimeout(r, 1_000));
    await dovecot.deliver(rfc822({ from: 'bob@hamburg-trade.de', to: USER, subject: 'After reconnect', messageId: 'after@hamburg-trade.de' }), USER);
    await until('mail after the reconnect', async () => (await subjects()).includes('After reconnect'));
  });
});
