import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppCore } from '../../../../../../electron/services/core/app-core.ts';
import { systemClock } from '../../../../../../electron/services/core/clock.ts';
import { startDovecot, type Dovecot } from '../../../../../helpers/mail-servers.ts';
import { createMailTempCore } from '../../../../../helpers/temp-core.ts';
import { appendAll, rfc822 } from '../../../../../helpers/mail-test-kit.ts';

const USER = 'batches@example.com';
const PASSWORD = 'batches-secret';

let dovecot: Dovecot;
let core: AppCore;

beforeAll(async () => {
  dovecot = await startDovecot({ users: [{ user: USER, password: PASSWORD }] });
  const app = await createMailTempCore({ clock: systemClock, mailBatchSize: 2 });
  core = app.core;
});
afterAll(async () => {
  await core?.close();
  await dovecot?.stop();
});

describe('a long sync shows its mail as it goes', () => {
  it('announces committed batches while the sync still runs, not only when it ends', async () => {
    await appendAll(
      dovecot,
      USER,
      'INBOX',
      Array.from({ length: 30 }, (_, i) => ({
        raw: rfc822({ from: `buyer${i}@hamburg-trade.de`, to: USER, subject: `Inquiry ${i}`, body: `Please quote item ${i}.`, messageId: `<batch-${i}@hamburg-trade.de>` }),
      })),
    );
    const added = await core.dispatch('mail.addAccount', {
      name: 'Work',
      email: USER,
      imap: { host: '127.0.0.1', port: dovecot.imapPort, security: 'none', user: USER },
      // Sending is not part of this test; the account needs an outgoing server all the same.
      smtp: { host: '127.0.0.1', port: 2525, security: 'none', user: USER },
      password: PASSWORD,
    });
    if (!added.ok) throw new Error(JSON.stringify(added.error));
    const accountId = (added.value as { id: string }).id;

    let finished = false;
    const seenWhileRunning: number[] = [];
    const stop = core.subscribe((event, payload) => {
      if (event !== 'data.changed' || finished) return;
      if (!(payload as { entities: string[] }).entities.includes('mailMessages')) return;
      // What an open list would show at that moment.
      const n = core.database().sqlite.prepare('SELECT count(*) AS n FROM mail_messages').get() as { n: number };
      seenWhileRunning.push(n.n);
    });
    const report = await core.mail().runSync(accountId);
    finished = true;
    stop();

    expect(report?.folders.find((f) => f.path === 'INBOX')?.localCount).toBe(30);
    // At least one announcement came while mail was still arriving, with some of it already there.
    expect(seenWhileRunning.length).toBeGreaterThan(0);
    expect(seenWhileRunning[0]).toBeGreaterThan(0);
    expect(seenWhileRunning[0]).toBeLessThan(30);
  });
});
