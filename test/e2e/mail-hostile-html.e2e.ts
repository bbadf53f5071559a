import http from 'node:http';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { publicAddressesAnd } from '../../electron/services/mail/read/remote-address-policy.ts';
import { setupE2eSession } from '../helpers/e2e-session.ts';
import { startDovecot, type Dovecot } from '../helpers/mail-servers.ts';

/**
 * A hostile HTML mail, delivered to a real Dovecot, synced by the app and opened in the UI in
 * Chromium. Every trick in it reports to a recording HTTP server on loopback or leaves a mark
 * in the page; the test checks that nothing reached the server, nothing ran and nothing
 * navigated — and then that "Show images in this message" does make the pixel load, so the
 * recorder is known to work. The recorder listens on 127.0.0.2, the one local address the app
 * is told it may fetch images from (everything else local stays refused, see mail-content.test.ts).
 */

declare global {
  interface Window {
    /** CSP violations reported in the app's own page while the test runs. */
    cspViolations?: string[];
  }
}

const ME = 'desk@mytrade.test';
const SENDER = 'mallory@evil-corp.test';
const SUBJECT = 'Invoice 4711 (hostile)';
const RECORDER_HOST = '127.0.0.2';
/** A 1×1 transparent GIF. */
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

interface Recorder {
  port: number;
  hits: string[];
  close(): Promise<void>;
}

/** Answers everything with the pixel and remembers the path of every request. */
async function startRecorder(): Promise<Recorder> {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'image/gif', 'content-length': String(PIXEL.length), 'access-control-allow-origin': '*' });
    res.end(PIXEL);
  });
  await new Promise<void>((resolve) => server.listen(0, RECORDER_HOST, resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Every kind of active or fetching content a mail might carry; each would leave a trace. */
function hostileHtml(base: string): string {
  // Only a running script can leave these marks (markup of the mail's own could not set an attribute on <body>).
  const mark = `document.body.setAttribute('data-pwned','1');try{window.top.name='pwned';}catch(e){}try{localStorage.setItem('pwned','1');}catch(e){}document.title='pwned';`;
  return `<html><head>
<meta http-equiv="refresh" content="0;url=${base}/refresh">
<base href="${base}/base/">
<link rel="stylesheet" href="${base}/link.css">
<style>@import url(${base}/import.css); @import "${base}/import2.css"; body { background: url(${base}/css-bg.png) }</style>
<script>${mark}alert('head-script')</script>
</head><body>
<h1 id="visible">Hostile content visible</h1>
<p onclick="${mark}" onmouseover="${mark}">Move over me</p>
<script>${mark}alert('script')</script>
<img id="pixel" src="${base}/pixel.gif" width="1" height="1" alt="">
<img id="local" src="${base.replace(RECORDER_HOST, '127.0.0.1')}/local.gif" alt="">
<img src="x" onerror="${mark}alert('onerror')">
<img srcset="${base}/srcset.png 1x, ${base}/srcset2.png 2x">
<div style="background-image:url('${base}/inline-style.png')">styled</div>
<table background="${base}/table-bg.png"><tr><td>cell</td></tr></table>
<form action="${base}/form" method="post"><input name="q" value="secret"><button id="submit" type="submit">Send</button></form>
<iframe src="${base}/iframe"></iframe>
<object data="${base}/object"></object><embed src="${base}/embed">
<a id="js-link" href="javascript:${mark}alert('js-link')">Click me</a>
<a id="web-link" href="${base}/link">Tracked link</a>
<svg xmlns="http://www.w3.org/2000/svg" onload="${mark}"><script>${mark}alert('svg')</script><image href="${base}/svg-image.png"/></svg>
<video poster="${base}/poster.png" src="${base}/video.mp4" autoplay></video>
<audio src="${base}/audio.mp3" autoplay></audio>
<details open ontoggle="${mark}">details</details>
</body></html>`;
}

function hostileMessage(base: string): string {
  const boundary = 'b-hostile';
  return [
    `From: Mallory <${SENDER}>`,
    `To: ${ME}`,
    `Subject: ${SUBJECT}`,
    `Date: ${new Date().toUTCString().replace('GMT', '+0000')}`,
    'Message-ID: <hostile-1@evil-corp.test>',
    'MIME-Version: 1.0',
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Hostile content visible (text part)',
    `--${boundary}`,
    'Content-Type: text/html; charset=utf-8',
    '',
    hostileHtml(base),
    `--${boundary}--`,
    '',
  ].join('\r\n');
}

describe('a hostile HTML mail in the reading pane (Dovecot, web host, Chromium)', () => {
  const session = setupE2eSession({ remoteAddressPolicy: publicAddressesAnd([RECORDER_HOST]) });
  let dovecot: Dovecot;
  let recorder: Recorder;

  beforeAll(async () => {
    [dovecot, recorder] = await Promise.all([startDovecot({ users: [{ user: ME, password: 'secret' }] }), startRecorder()]);
    await dovecot.deliver(hostileMessage(`http://${RECORDER_HOST}:${recorder.port}`), ME, SENDER);
    const server = { host: '127.0.0.1', security: 'none' as const, user: ME };
    await session.seed('mail.addAccount', {
      name: 'Desk',
      email: ME,
      imap: { ...server, port: dovecot.imapPort },
      smtp: { ...server, port: dovecot.lmtpPort },
      password: 'secret',
    });
    await session.seed('mail.syncNow', {});
    await vi.waitFor(async () => expect((await session.seed('mail.listMessages', {})).rows.map((r) => r.subject)).toContain(SUBJECT), { timeout: 30_000, interval: 200 });
  });

  afterAll(async () => {
    await Promise.all([dovecot?.stop(), recorder?.close()]);
  });

  async function mailFrame(page: Page): Promise<Frame> {
    await expect.poll(() => page.frames().some((f) => f.url() === 'about:srcdoc')).toBe(true);
    return page.frames().find((f) => f.url() === 'about:srcdoc')!;
  }

  it('shows the text, runs nothing, loads nothing, navigates nowhere — until images are allowed', async () => {
    const page = await session.open({ locale: 'en-US' });
    // The sanitizer parses the mail in a frame where nothing is compiled, so the app's CSP never
    // has to refuse one of its handlers (parsed in the app's window, each one was reported here).
    await page.evaluate(() => {
      const seen: string[] = [];
      window.cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
    });
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const browserRequests: string[] = [];
    page.context().on('request', (r) => {
      if (r.url().includes(`:${recorder.port}`)) browserRequests.push(r.url());
    });
    const mainNavigations: string[] = [];
    page.on('framenavigated', (f) => {
      if (f === page.mainFrame()) mainNavigations.push(f.url());
    });

    await page.getByTestId('nav-mail').click();
    const row = page.getByTestId('mail-row').filter({ hasText: SUBJECT });
    await expect.poll(() => row.count()).toBe(1);
    await row.click();
    await expect.poll(() => page.getByTestId('mail-reader-subject').textContent()).toBe(SUBJECT);
    const appUrl = page.url();
    // From here on the app itself has no reason to move either.
    mainNavigations.length = 0;

    // The frame: sandboxed without any allowance, its document opening with the strict CSP.
    const iframe = page.getByTestId('mail-frame');
    expect(await iframe.getAttribute('sandbox')).toBe('');
    const srcdoc = (await iframe.getAttribute('srcdoc')) ?? '';
    expect(srcdoc).toMatch(/^<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:;/);
    // The sanitizer's part: no trace of the tricks is left in the document at all.
    expect(srcdoc).not.toMatch(/<script|onerror|onload|onclick|ontoggle|javascript:|<form|<input|<iframe|<object|<embed|<meta http-equiv="refresh|<base|<link|<svg|<video|<audio|@import/i);
    expect(srcdoc).not.toContain(`${RECORDER_HOST}:${recorder.port}/pixel`);

    const frame = await mailFrame(page);
    await expect.poll(() => frame.locator('#visible').textContent()).toBe('Hostile content visible');
    await expect.poll(() => page.getByTestId('remote-blocked').isVisible()).toBe(true);

    // Poke it: hover the handler paragraph, click both links, give any timer a moment.
    await frame.getByText('Move over me').hover();
    await frame.locator('#js-link').click();
    await frame.locator('#web-link').click();
    await page.waitForTimeout(1500);

    expect(recorder.hits).toEqual([]);
    expect(browserRequests).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => window.cspViolations)).toEqual([]);
    expect(await frame.locator('body[data-pwned]').count()).toBe(0);
    expect(await frame.locator('#visible').count()).toBe(1);
    expect(await page.title()).toBe('TradeFolio');
    expect(await page.evaluate(() => [window.name, localStorage.getItem('pwned')])).toEqual(['', null]);
    expect(page.url()).toBe(appUrl);
    expect(mainNavigations).toEqual([]);
    // The links lead nowhere from the frame; the address is on hover and in the links menu.
    expect(await frame.locator('#web-link').getAttribute('href')).toBeNull();
    expect(await frame.locator('#web-link').getAttribute('title')).toBe(`http://${RECORDER_HOST}:${recorder.port}/link`);

    // Nobody vouched for mallory@evil-corp.test (no Authentication-Results from the receiving
    // server): images can be shown for this message, not "always from this sender".
    expect(await page.getByTestId('remote-allow-sender').count()).toBe(0);
    expect(await page.getByTestId('remote-allow-domain').count()).toBe(0);
    await expect.poll(() => page.getByTestId('remote-allow-message').textContent()).toBe('Show images in this message');
    // Now the pixel is fetched (by the app, not the frame), and the pane says on what terms.
    await page.getByTestId('remote-allow-message').click();
    await expect.poll(() => recorder.hits, { timeout: 15_000 }).toContain('/pixel.gif');
    await expect.poll(() => frame.locator('#pixel').getAttribute('src')).toMatch(/^data:image\/gif;base64,/);
    await expect.poll(() => page.getByTestId('remote-allowed-message').textContent()).toBe('Images allowed for this message only (the sender could not be verified).');
    // The one pointing into this computer was refused by the app, and the pane says why.
    await expect
      .poll(() => page.getByTestId('remote-failed').textContent())
      .toBe('1 image could not be loaded. Not loaded: the address points into your own computer or local network.');
    // Only images were asked for; the refresh, imports, form, frame, links and media never.
    expect(recorder.hits.every((h) => /\.(gif|png)$/.test(h))).toBe(true);
    expect(recorder.hits).not.toEqual(expect.arrayContaining(['/refresh', '/import.css', '/link.css', '/form', '/iframe', '/link', '/video.mp4']));
    expect(browserRequests).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(await frame.locator('body[data-pwned]').count()).toBe(0);
    expect(page.url()).toBe(appUrl);
    await page.close();
  });
});
