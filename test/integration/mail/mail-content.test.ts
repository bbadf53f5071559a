import fs from 'node:fs';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_REMOTE_IMAGE_BYTES } from '../../../electron/services/mail/mail-content.ts';
import { startDovecot, type Dovecot } from '../../helpers/mail-servers.ts';
import { createTempCore, type TempCore } from '../../helpers/temp-core.ts';
import { withAttachment } from './mail-test-kit.ts';

/** mail.getAttachment and mail.fetchRemoteImages against a synced Dovecot and a local web server. */

const ME = 'desk@mytrade.test';
const SENDER = 'news@shop.test';
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

let dovecot: Dovecot;
let app: TempCore;
let web: http.Server;
let base = '';
const hits: string[] = [];

function html(): string {
  return [
    `<img src="${base}/pixel.gif">`,
    `<img src="${base}/page.html">`,
    `<img src="${base}/huge.png">`,
    `<img src="${base}/missing.png">`,
    `<img src="${base}/q.gif?a=1&amp;b=2">`,
  ].join('');
}

function htmlMessage(): string {
  return [`From: Shop <${SENDER}>`, `To: ${ME}`, 'Subject: Catalogue', 'Message-ID: <cat-1@shop.test>', 'MIME-Version: 1.0', 'Content-Type: text/html; charset=utf-8', '', html(), ''].join('\r\n');
}

beforeAll(async () => {
  web = http.createServer((req, res) => {
    const url = req.url ?? '';
    hits.push(url);
    if (url.startsWith('/pixel.gif') || url.startsWith('/q.gif')) {
      res.writeHead(200, { 'content-type': 'image/gif' });
      res.end(GIF);
    } else if (url === '/page.html') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<script>alert(1)</script>');
    } else if (url === '/huge.png') {
      // No Content-Length: the size is only found out while reading.
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end(Buffer.alloc(MAX_REMOTE_IMAGE_BYTES + 1));
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
  const address = web.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  [dovecot, app] = await Promise.all([startDovecot({ users: [{ user: ME, password: 'secret' }] }), createTempCore()]);
  await dovecot.deliver(htmlMessage(), ME, SENDER);
  await dovecot.deliver(withAttachment({ from: SENDER, to: ME, subject: 'Price list', filename: 'prices.pdf', content: Buffer.from('%PDF-1.4 prices'), messageId: 'pl-1@shop.test' }), ME, SENDER);
  const server = { host: '127.0.0.1', security: 'none' as const, user: ME };
  await app.call('mail.addAccount', { name: 'Desk', email: ME, imap: { ...server, port: dovecot.imapPort }, smtp: { ...server, port: dovecot.lmtpPort }, password: 'secret' });
  await app.call('mail.syncNow', {});
  await app.core.mail().whenIdle();
});

afterAll(async () => {
  await Promise.all([dovecot?.stop(), app?.close(), new Promise<void>((resolve) => (web ? web.close(() => resolve()) : resolve()))]);
  if (app) fs.rmSync(app.dataDir, { recursive: true, force: true });
});

async function messageId(subject: string): Promise<string> {
  const list = await app.call('mail.listMessages', {});
  const row = list.rows.find((r) => r.subject === subject);
  if (!row) throw new Error(`no message ${subject}`);
  return row.id;
}

describe('mail content calls', () => {
  it('returns an attachment\'s bytes, and notFound for an unknown one', async () => {
    const detail = await app.call('mail.getMessage', { id: await messageId('Price list') });
    const pdf = detail.attachments.find((a) => a.filename === 'prices.pdf')!;
    const content = await app.call('mail.getAttachment', { id: pdf.id });
    expect(content).toMatchObject({ filename: 'prices.pdf', contentType: 'application/pdf', size: 15 });
    expect(Buffer.from(content.base64, 'base64').toString()).toBe('%PDF-1.4 prices');
    expect((await app.fail('mail.getAttachment', { id: '01J00000000000000000000000' })).code).toBe('notFound');
  });

  it('fetches remote images only for allowed senders, only images, only the message\'s own, within limits', async () => {
    const id = await messageId('Catalogue');
    const urls = [`${base}/pixel.gif`, `${base}/page.html`, `${base}/huge.png`, `${base}/missing.png`, `${base}/q.gif?a=1&b=2`, `${base}/elsewhere.gif`, `${base}/pixel.gi`, 'file:///etc/passwd'];

    const refused = await app.fail('mail.fetchRemoteImages', { messageId: id, urls });
    expect(refused).toMatchObject({ code: 'validation', message: 'mail.errors.remoteContentNotAllowed' });
    expect(hits).toEqual([]);

    await app.call('mail.allowRemoteContent', { sender: '@shop.test' });
    const { images } = await app.call('mail.fetchRemoteImages', { messageId: id, urls });
    const byUrl = Object.fromEntries(images.map((i) => [i.url.replace(base, ''), i.error ?? i.contentType]));
    expect(byUrl).toEqual({
      '/pixel.gif': 'image/gif',
      '/page.html': 'mail.remote.notAnImage',
      '/huge.png': 'mail.remote.tooLarge',
      '/missing.png': 'mail.remote.httpError',
      // Written with &amp; in the HTML: still the message's own.
      '/q.gif?a=1&b=2': 'image/gif',
      '/elsewhere.gif': 'mail.remote.notInMessage',
      // A prefix of a URL in the message is not one of its URLs.
      '/pixel.gi': 'mail.remote.notInMessage',
      'file:///etc/passwd': 'mail.remote.notInMessage',
    });
    expect(Buffer.from(images[0]!.base64!, 'base64')).toEqual(GIF);
    // Nothing was asked for that is not in the message.
    expect(hits).not.toContain('/elsewhere.gif');
  });
});
