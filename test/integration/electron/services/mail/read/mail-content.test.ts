import fs from 'node:fs';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_REMOTE_IMAGE_BYTES, MAX_REMOTE_REDIRECTS } from '../../../../../../electron/services/mail/read/mail-content.ts';
import { publicAddressesAnd } from '../../../../../../electron/services/mail/read/remote-address-policy.ts';
import { startDovecot, type Dovecot } from '../../../../../helpers/mail-servers.ts';
import { createTempCore, type TempCore } from '../../../../../helpers/temp-core.ts';
import { withAttachment } from '../../../../../helpers/mail-test-kit.ts';

/**
 * mail.getAttachment, mail.allowRemoteContent and mail.fetchRemoteImages against a synced
 * Dovecot and two local web servers: the mail's image server on 127.0.0.2 — the one address
 * the core is told it may reach besides the internet — and a trap on 127.0.0.1 (and ::1 where
 * there is IPv6) standing for this computer's own services, which must never see a request.
 */

const ME = 'desk@mytrade.test';
const SENDER = 'news@shop.test';
const IMAGE_HOST = '127.0.0.2';
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
/** What the receiving server (played here by the test, delivering over LMTP) writes on top of a mail it checked. */
const VERIFIED = 'Authentication-Results: mx.mytrade.test; dkim=pass header.d=shop.test; spf=pass smtp.mailfrom=bounce@shop.test; dmarc=pass header.from=shop.test';

let dovecot: Dovecot;
let app: TempCore;
let web: http.Server;
const traps: http.Server[] = [];
let base = '';
let trapPort = 0;
const hits: string[] = [];
const trapHits: string[] = [];

/** URLs that all lead into this computer: loopback by address, by name, in other spellings, by redirect. */
function localUrls(): string[] {
  return [
    `http://127.0.0.1:${trapPort}/direct.gif`,
    `http://localhost:${trapPort}/by-name.gif`,
    `http://[::1]:${trapPort}/v6.gif`,
    `http://[::ffff:127.0.0.1]:${trapPort}/mapped.gif`,
    `http://2130706433:${trapPort}/decimal.gif`,
    `http://0x7f000001:${trapPort}/hex.gif`,
    `http://0177.0.0.1:${trapPort}/octal.gif`,
    `http://127.1:${trapPort}/short.gif`,
    `${base}/to-local`,
  ];
}

function catalogueHtml(): string {
  return [
    `<img src="${base}/pixel.gif">`,
    `<img src="${base}/page.html">`,
    `<img src="${base}/huge.png">`,
    `<img src="${base}/missing.png">`,
    `<img src="${base}/q.gif?a=1&amp;b=2">`,
    `<img src="${base}/moved">`,
    `<img src="${base}/loop">`,
    `<img src="${base}/to-file">`,
    ...localUrls().map((u) => `<img src="${u}">`),
  ].join('');
}

function htmlMessage(options: { subject: string; id: string; from?: string; top?: string[]; html: string }): string {
  return [
    ...(options.top ?? []),
    `From: Shop <${options.from ?? SENDER}>`,
    `To: ${ME}`,
    `Subject: ${options.subject}`,
    `Message-ID: <${options.id}>`,
    'MIME-Version: 1.0',
    'Content-Type: text/html; charset=utf-8',
    '',
    options.html,
    '',
  ].join('\r\n');
}

async function listen(server: http.Server, host: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(trapPort && host !== IMAGE_HOST ? trapPort : 0, host, resolve);
  });
  const address = server.address();
  return typeof address === 'object' && address ? address.port : 0;
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
    } else if (url === '/moved') {
      res.writeHead(301, { location: '/pixel.gif' });
      res.end();
    } else if (url === '/loop') {
      res.writeHead(302, { location: '/loop' });
      res.end();
    } else if (url === '/to-file') {
      res.writeHead(302, { location: 'file:///etc/passwd' });
      res.end();
    } else if (url === '/to-local') {
      // An allowed server sending the app on into this computer.
      res.writeHead(302, { location: `http://127.0.0.1:${trapPort}/redirected.gif` });
      res.end();
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  base = `http://${IMAGE_HOST}:${await listen(web, IMAGE_HOST)}`;
  const trap = (req: http.IncomingMessage, res: http.ServerResponse) => {
    trapHits.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'image/gif' });
    res.end(GIF);
  };
  traps.push(http.createServer(trap));
  trapPort = await listen(traps[0]!, '127.0.0.1');
  // The same port on IPv6 loopback where the machine has it, so [::1] would reach the trap too.
  const v6 = http.createServer(trap);
  await listen(v6, '::1').then(
    () => traps.push(v6),
    () => {},
  );

  [dovecot, app] = await Promise.all([
    startDovecot({ users: [{ user: ME, password: 'secret' }] }),
    createTempCore({ remoteAddressPolicy: publicAddressesAnd([IMAGE_HOST]) }),
  ]);
  const offerHtml = `<img src="${base}/pixel.gif">`;
  await dovecot.deliver(htmlMessage({ subject: 'Catalogue', id: 'cat-1@shop.test', html: catalogueHtml() }), ME, SENDER);
  await dovecot.deliver(htmlMessage({ subject: 'Spring offer', id: 'offer-1@shop.test', top: [VERIFIED], html: offerHtml }), ME, SENDER);
  // A forgery: the sender wrote a "pass" below the receiving server's Received: header.
  const forgedTop = ['Received: from evil.test (evil.test [198.51.100.7]) by mx.mytrade.test with ESMTP id 1; Mon, 1 Jun 2026 08:00:00 +0000', VERIFIED];
  await dovecot.deliver(htmlMessage({ subject: 'Forged offer', id: 'forged-1@evil.test', top: forgedTop, html: offerHtml }), ME, SENDER);
  const freeMailVerified = VERIFIED.replaceAll('shop.test', 'gmail.com');
  await dovecot.deliver(htmlMessage({ subject: 'Free mail', id: 'free-1@gmail.com', from: 'buyer@gmail.com', top: [freeMailVerified], html: offerHtml }), ME, 'buyer@gmail.com');
  await dovecot.deliver(withAttachment({ from: SENDER, to: ME, subject: 'Price list', filename: 'prices.pdf', content: Buffer.from('%PDF-1.4 prices'), messageId: 'pl-1@shop.test' }), ME, SENDER);
  const server = { host: '127.0.0.1', security: 'none' as const, user: ME };
  await app.call('mail.addAccount', { name: 'Desk', email: ME, imap: { ...server, port: dovecot.imapPort }, smtp: { ...server, port: dovecot.lmtpPort }, password: 'secret' });
  await app.call('mail.syncNow', {});
  await app.core.mail().whenIdle();
});

afterAll(async () => {
  const close = (s: http.Server) => new Promise<void>((resolve) => s.close(() => resolve()));
  await Promise.all([dovecot?.stop(), app?.close(), ...(web ? [close(web)] : []), ...traps.map(close)]);
  if (app) fs.rmSync(app.dataDir, { recursive: true, force: true });
});

async function messageId(subject: string): Promise<string> {
  const list = await app.call('mail.listMessages', {});
  const row = list.rows.find((r) => r.subject === subject);
  if (!row) throw new Error(`no message ${subject}`);
  return row.id;
}

const errorsByUrl = (images: ReadonlyArray<{ url: string; error: string | null; contentType: string | null }>) =>
  Object.fromEntries(images.map((i) => [i.url.replace(base, ''), i.error ?? i.contentType]));

describe('mail content calls', () => {
  it('returns an attachment\'s bytes, and notFound for an unknown one', async () => {
    const detail = await app.call('mail.getMessage', { id: await messageId('Price list') });
    const pdf = detail.attachments.find((a) => a.filename === 'prices.pdf')!;
    const content = await app.call('mail.getAttachment', { id: pdf.id });
    expect(content).toMatchObject({ filename: 'prices.pdf', contentType: 'application/pdf', size: 15 });
    expect(Buffer.from(content.base64, 'base64').toString()).toBe('%PDF-1.4 prices');
    expect((await app.fail('mail.getAttachment', { id: '01J00000000000000000000000' })).code).toBe('notFound');
  });

  it('allows an unverified sender\'s images for one message only, then fetches only images, only the message\'s own, within limits', async () => {
    const id = await messageId('Catalogue');
    const urls = [`${base}/pixel.gif`, `${base}/page.html`, `${base}/huge.png`, `${base}/missing.png`, `${base}/q.gif?a=1&b=2`, `${base}/elsewhere.gif`, `${base}/pixel.gi`, 'file:///etc/passwd'];

    expect(await app.call('mail.getMessage', { id })).toMatchObject({ senderAuth: 'none', remoteContent: null });
    const refused = await app.fail('mail.fetchRemoteImages', { messageId: id, urls });
    expect(refused).toMatchObject({ code: 'validation', message: 'mail.errors.remoteContentNotAllowed' });
    // Anyone can write news@shop.test in From: nothing sender-wide on this message's word.
    expect(await app.fail('mail.allowRemoteContent', { messageId: id, scope: 'sender' })).toMatchObject({ code: 'validation', message: 'mail.errors.senderNotVerified' });
    expect(await app.fail('mail.allowRemoteContent', { messageId: id, scope: 'domain' })).toMatchObject({ code: 'validation', message: 'mail.errors.senderNotVerified' });
    expect(hits).toEqual([]);

    expect(await app.call('mail.allowRemoteContent', { messageId: id, scope: 'message' })).toEqual({ scope: 'message', sender: null });
    expect(await app.call('mail.getMessage', { id })).toMatchObject({ senderAuth: 'none', remoteContent: 'message' });
    // The allowance is this message's: another from the same address stays blocked.
    expect((await app.call('mail.getMessage', { id: await messageId('Forged offer') })).remoteContent).toBeNull();

    const { images } = await app.call('mail.fetchRemoteImages', { messageId: id, urls });
    expect(errorsByUrl(images)).toEqual({
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

  it('never reaches this computer or its network: loopback by address, name, any spelling or redirect is refused', async () => {
    const id = await messageId('Catalogue');
    await app.call('mail.allowRemoteContent', { messageId: id, scope: 'message' });
    const local = localUrls();
    const { images } = await app.call('mail.fetchRemoteImages', { messageId: id, urls: [`${base}/moved`, `${base}/loop`, `${base}/to-file`, ...local] });
    expect(errorsByUrl(images)).toEqual({
      // Redirects are followed on the allowed server, a few at most, and only to the web.
      '/moved': 'image/gif',
      '/loop': 'mail.remote.tooManyRedirects',
      '/to-file': 'mail.remote.invalidUrl',
      ...Object.fromEntries(local.map((u) => [u.replace(base, ''), 'mail.remote.blockedAddress'])),
    });
    // The allowed server was asked (and sent us on to 127.0.0.1); the trap never saw a request.
    expect(hits).toContain('/to-local');
    expect(trapHits).toEqual([]);
    // The first request and five redirects, then it stops.
    expect(hits.filter((h) => h === '/loop')).toHaveLength(MAX_REMOTE_REDIRECTS + 1);
  });

  it('keys "always allow" on a sender the receiving server verified, and a forged From gets nothing from it', async () => {
    const offer = await messageId('Spring offer');
    const forged = await messageId('Forged offer');
    expect(await app.call('mail.getMessage', { id: offer })).toMatchObject({ senderAuth: 'pass', remoteContent: null });
    expect(await app.call('mail.getMessage', { id: forged })).toMatchObject({ from: { address: SENDER }, senderAuth: 'none', remoteContent: null });

    expect(await app.call('mail.allowRemoteContent', { messageId: offer, scope: 'sender' })).toEqual({ scope: 'sender', sender: SENDER });
    expect((await app.call('mail.getMessage', { id: offer })).remoteContent).toBe('sender');
    const { images } = await app.call('mail.fetchRemoteImages', { messageId: offer, urls: [`${base}/pixel.gif`] });
    expect(images[0]).toMatchObject({ contentType: 'image/gif', error: null });

    // Same From address, not verified: the allowlist does not apply, and nothing is fetched.
    expect((await app.call('mail.getMessage', { id: forged })).remoteContent).toBeNull();
    const before = hits.length;
    expect(await app.fail('mail.fetchRemoteImages', { messageId: forged, urls: [`${base}/pixel.gif`] })).toMatchObject({ message: 'mail.errors.remoteContentNotAllowed' });
    expect(hits.length).toBe(before);
    // Nor does a whole-domain entry.
    expect(await app.call('mail.allowRemoteContent', { messageId: offer, scope: 'domain' })).toEqual({ scope: 'domain', sender: '@shop.test' });
    expect((await app.call('mail.getMessage', { id: forged })).remoteContent).toBeNull();
    // The unverified Catalogue keeps its own allowance, and only that.
    expect((await app.call('mail.getMessage', { id: await messageId('Catalogue') })).remoteContent).toBe('message');
  });

  it('refuses "everyone at" a free-mail domain even for a verified sender', async () => {
    const id = await messageId('Free mail');
    expect((await app.call('mail.getMessage', { id })).senderAuth).toBe('pass');
    expect(await app.fail('mail.allowRemoteContent', { messageId: id, scope: 'domain' })).toMatchObject({ code: 'validation', message: 'mail.errors.freeMailDomain' });
    expect(await app.call('mail.allowRemoteContent', { messageId: id, scope: 'sender' })).toEqual({ scope: 'sender', sender: 'buyer@gmail.com' });
  });
});
