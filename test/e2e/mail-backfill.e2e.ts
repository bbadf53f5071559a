import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupE2eSession } from '../helpers/e2e-session.ts';
import { startDovecot, type Dovecot } from '../helpers/mail-servers.ts';
import { appendAll, rfc822 } from '../helpers/mail-test-kit.ts';

const ME = 'sales@mytrade.test';
/** Older than the account's 12-month window: all of it comes in the background backfill. */
const OLD = 300;
const YEAR = 365 * 86_400_000;
const NEW_SUBJECT = 'Urgent: new order TF-300';

describe('new mail shows while older mail is still being fetched (Dovecot, web host, Chromium)', () => {
  // One message per sync batch: the backfill of the older mail takes seconds, as a real one takes minutes.
  const session = setupE2eSession({ mailBatchSize: 1 });
  let dovecot: Dovecot;

  beforeAll(async () => {
    dovecot = await startDovecot({ users: [{ user: ME, password: 'secret' }] });
    const longAgo = Date.now() - 2 * YEAR;
    await appendAll(
      dovecot,
      ME,
      'INBOX',
      Array.from({ length: OLD }, (_, i) => {
        const date = new Date(longAgo + i * 60_000);
        const body = `Please quote item ${i}.\r\n${'Specification line. '.repeat(200)}`;
        return { raw: rfc822({ from: `buyer${i}@hamburg-trade.de`, to: ME, subject: `Old inquiry ${i}`, body, messageId: `old-${i}@hamburg-trade.de`, date }), date };
      }),
    );
  });

  afterAll(async () => {
    await dovecot?.stop();
  });

  const inboxStatus = async () => {
    const [account] = await session.seed('mail.syncStatus', {});
    return { state: account?.state, inbox: account?.folders.find((f) => f.specialUse === 'inbox') };
  };

  it('a message delivered during a long backfill appears in the open list within 2 s', async () => {
    const page = await session.open({ locale: 'en-US' });
    await page.getByTestId('nav-mail').click();
    // The hosts' background sync takes the new account from here: IDLE on the Inbox, then the backfill.
    await session.seed('mail.addAccount', {
      name: 'Work',
      email: ME,
      imap: { host: '127.0.0.1', port: dovecot.imapPort, security: 'none', user: ME },
      smtp: { host: '127.0.0.1', port: 2525, security: 'none', user: ME },
      password: 'secret',
    });

    // The open list fills as the backfill goes.
    const rows = page.getByTestId('mail-row');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await expect.poll(async () => (await inboxStatus()).inbox?.localCount ?? 0, { timeout: 30_000 }).toBeGreaterThanOrEqual(10);
    const before = await inboxStatus();
    expect(before.state).toBe('syncing');
    expect(before.inbox?.localCount).toBeLessThan(OLD / 2);

    await appendAll(dovecot, ME, 'INBOX', [{ raw: rfc822({ from: 'Anna Schulz <anna@hamburg-trade.de>', to: ME, subject: NEW_SUBJECT, messageId: 'new-1@hamburg-trade.de' }) }]);
    const delivered = Date.now();
    await rows.filter({ hasText: NEW_SUBJECT }).waitFor({ state: 'visible', timeout: 10_000 });
    const shownAfter = Date.now() - delivered;
    const then = await inboxStatus();
    expect(shownAfter).toBeLessThan(2_000);
    // It did not wait for the backfill: the older mail is still coming in.
    expect(then.inbox?.localCount).toBeLessThan(OLD + 1);

    // The backfill goes on from where it gave way, and the counts agree at the end.
    await expect.poll(async () => (await inboxStatus()).inbox?.localCount, { timeout: 120_000 }).toBe(OLD + 1);
    await session.app.core.mail().whenIdle();
    expect((await inboxStatus()).inbox).toMatchObject({ localCount: OLD + 1, serverRangeCount: OLD + 1, windowComplete: true });
    await page.close();
  });
});
