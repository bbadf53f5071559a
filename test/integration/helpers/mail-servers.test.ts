import nodemailer from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { startDovecot, startSmtpSink } from '../../helpers/mail-servers.ts';
import { rfc822 } from '../../helpers/mail-test-kit.ts';

describe('test mail servers', () => {
  it('runs Dovecots side by side, each with special-use folders, LMTP delivery and a submission relay', async () => {
    const [a, b] = await Promise.all([startDovecot({ submission: true }), startDovecot()]);
    try {
      expect(new Set([a.imapPort, a.lmtpPort, a.submissionPort, b.imapPort, b.lmtpPort]).size).toBe(5);
      await a.deliver(rfc822({ from: 'x@acme.de', to: 'test@example.com', subject: 'Via LMTP' }), 'test@example.com');

      const smtp = nodemailer.createTransport({ host: '127.0.0.1', port: a.submissionPort, secure: false, ignoreTLS: true, auth: { user: 'test@example.com', pass: 'secret' } });
      await smtp.sendMail({ from: 'test@example.com', to: ['buyer@acme.de', 'test@example.com'], subject: 'Via submission', text: 'Offer attached.' });
      smtp.close();
      expect(a.relayed).toHaveLength(1);
      expect(a.relayed[0]!.to).toEqual(['buyer@acme.de']);
      expect(a.relayed[0]!.raw.toString()).toContain('Subject: Via submission');

      const client = await a.connect();
      const folders = await client.list();
      expect(Object.fromEntries(folders.map((f) => [f.path, f.specialUse]))).toEqual({
        INBOX: '\\Inbox',
        Sent: '\\Sent',
        Drafts: '\\Drafts',
        Trash: '\\Trash',
        Junk: '\\Junk',
        Archive: '\\Archive',
      });
      expect(await client.status('INBOX', { messages: true })).toMatchObject({ messages: 2 });
      await client.logout();

      const other = await b.connect();
      expect(await other.status('INBOX', { messages: true })).toMatchObject({ messages: 0 });
      await other.logout();
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });

  it('captures mail in an SMTP sink that can go down, come back on the same port, and refuse', async () => {
    const sink = await startSmtpSink();
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: sink.port, secure: false, ignoreTLS: true });
    try {
      await transport.sendMail({ from: 'me@x.cn', to: 'buyer@acme.de', subject: 'One', text: '1' });
      await sink.stop();
      expect(sink.running()).toBe(false);
      const down = await transport.sendMail({ from: 'me@x.cn', to: 'buyer@acme.de', subject: 'Lost', text: '2' }).catch((e: { code?: string }) => e.code);
      expect(down).toBe('ESOCKET');
      await sink.start();
      await transport.sendMail({ from: 'me@x.cn', to: 'buyer@acme.de', subject: 'Two', text: '3' });
      sink.reject({ code: 550, message: 'Mailbox unavailable' });
      const refused = await transport.sendMail({ from: 'me@x.cn', to: 'buyer@acme.de', subject: 'Refused', text: '4' }).catch((e: { responseCode?: number; response?: string }) => `${e.responseCode} ${e.response}`);
      expect(refused).toBe('550 550 Mailbox unavailable');
      expect(sink.messages.map((m) => /Subject: (\w+)/.exec(m.toString())?.[1])).toEqual(['One', 'Two']);
      expect(sink.received[1]).toMatchObject({ from: 'me@x.cn', to: ['buyer@acme.de'] });
    } finally {
      transport.close();
      await sink.stop();
    }
  });

  it('fails loudly, with the Dovecot log, when Dovecot cannot start', async () => {
    const error = await startDovecot({ imapCapability: 'x\n}\nthis is not a config' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/dovecot (exited|did not listen)/);
  });
});
