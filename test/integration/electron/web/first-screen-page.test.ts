import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppCore, type AppCore } from '../../../../electron/services/core/app-core.ts';
import type { Logger } from '../../../../electron/services/core/logger.ts';
import { injectFirstScreen } from '../../../../electron/web/first-screen-page.ts';
import { startWebHost, type WebHost } from '../../../../electron/web/web-host.ts';
import { rawRequest, type RawResponse } from '../../../helpers/raw-http.ts';
import { firstScreenCalls } from '../../../../shared/contract/first-screen.ts';

/**
 * The web host's half of rendering the first screen: who gets a page with data in it, what the
 * page carries, and that a renderer that is missing or fails still leaves a page that opens.
 * The renderer here is a small module of the test's own (the real one is built after the
 * integration tests run; test/e2e/first-screen.e2e.ts renders with it): it echoes what the host
 * handed it, so each test can see it.
 */
const TEMPLATE =
  '<!doctype html>\n<html lang="en">\n  <head>\n    <meta charset="UTF-8" />\n    <title>TradeFolio</title>\n    <link rel="stylesheet" crossorigin href="./assets/antd-abc.css">\n    <link rel="stylesheet" crossorigin href="./assets/icons-abc.css">\n    <script type="module" crossorigin src="./assets/index-abc.js"></script>\n  </head>\n  <body>\n    <div id="root"></div>\n  </body>\n</html>\n';

const ECHO_RENDERER = `
export const firstScreenRenderer = {
  async render(request) {
    if (request.acceptLanguage === 'fail') throw new Error('render failed on purpose');
    const names = request.answers.find(([key]) => key === 'customers.list')[2].rows.map((r) => r.name);
    return {
      html: '<ul id="rows">' + names.map((n) => '<li>' + n.replace(/&/g, '&amp;').replace(/</g, '&lt;') + '</li>').join('') + '</ul>',
      language: request.acceptLanguage.startsWith('zh') ? 'zh-CN' : 'en',
      state: JSON.stringify({ token: request.token, viewport: request.viewport, userAgent: request.userAgent, asked: request.answers.map(([key, input]) => [key, input]) }).replace(/</g, '\\\\u003c'),
    };
  },
};
`;

interface Site {
  dir: string;
  renderer: string;
}

function makeSite(): Site {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'tradefolio-ssr-site-'));
  const dir = path.join(base, 'renderer');
  fs.mkdirSync(path.join(dir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'index.html'), TEMPLATE);
  fs.writeFileSync(path.join(dir, 'assets', 'index-abc.js'), 'console.log(1);');
  fs.writeFileSync(path.join(dir, 'assets', 'antd-abc.css'), '.ant-btn{color:red}');
  // Its relative URL would resolve against the page, not the sheet, if it were written inline.
  fs.writeFileSync(path.join(dir, 'assets', 'icons-abc.css'), '.icon{background:url(./icon.svg)}');
  fs.mkdirSync(path.join(base, 'renderer-ssr'));
  const renderer = path.join(base, 'renderer-ssr', 'first-screen-renderer.mjs');
  fs.writeFileSync(renderer, ECHO_RENDERER);
  return { dir, renderer };
}

function get(host: WebHost, rawPath: string, headers: Record<string, string> = {}, method = 'GET'): Promise<RawResponse> {
  return rawRequest(host, method, rawPath, headers);
}

function stateOf(body: string): Record<string, unknown> | null {
  const match = /<script type="application\/json" id="first-screen-state">(.*?)<\/script>/s.exec(body);
  return match ? (JSON.parse(match[1]!) as Record<string, unknown>) : null;
}

describe('web host: the first screen rendered into the page', () => {
  let core: AppCore;
  let host: WebHost;
  let site: Site;
  let dataDir: string;
  const logged: string[] = [];
  const log: Logger = { info: () => {}, warn: (m) => logged.push(m), error: (m) => logged.push(m) };

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tradefolio-ssr-'));
    core = await createAppCore({ dataDir, host: 'web', version: 'test', log, checkOutputs: true });
    for (const name of ['Hamburg Kitchenware GmbH', 'Evil </script><script>alert(1)</script> Ltd', 'Dollar $& Sons']) {
      const created = await core.dispatch('customers.create', { name, regionCode: 'EU', country: 'DE', grade: 'A' });
      expect(created.ok).toBe(true);
    }
    site = makeSite();
    host = await startWebHost({ core, staticDir: site.dir, log });
    await host.warm;
  });
  afterAll(async () => {
    await host?.close();
    await core?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('renders the list into the page for the tokenised link, and sets no cookie (a cookie of 127.0.0.1 reaches every port of it)', async () => {
    const res = await get(host, `/?token=${host.token}`, { 'accept-language': 'zh-CN,zh;q=0.9', 'user-agent': 'Mozilla/5.0 (Macintosh)' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    // The page holds the user's data: never cached, and under the same policy as every response.
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.body).toContain('<li>Hamburg Kitchenware GmbH</li>');
    // Inserted as text: `$&` in a name is not a replacement pattern.
    expect(res.body).toContain('<li>Dollar $&amp; Sons</li>');
    expect(res.body).toContain('<html lang="zh-CN" class="language-known">');
    expect(stateOf(res.body)).toEqual({ token: host.token, viewport: null, userAgent: 'Mozilla/5.0 (Macintosh)', asked: expect.any(Array) });
    // The state comes before every script that reads it.
    expect(res.body.indexOf('id="first-screen-state"')).toBeLessThan(res.body.indexOf('<script type="module"'));
    // The first paint waits for no stylesheet request: they are in the page, where they were.
    expect(res.body).toContain('<style data-href="./assets/antd-abc.css">.ant-btn{color:red}</style>\n    <link rel="stylesheet" crossorigin href="./assets/icons-abc.css">');
    expect(res.body).not.toContain('<script>alert(1)');
  });

  it('renders from the answers to exactly the contract\'s list of first-screen calls, in its order', async () => {
    const res = await get(host, `/?token=${host.token}`);
    // The renderer's early calls and the warm-up read the same list (shared/contract/first-screen.ts).
    expect(stateOf(res.body)?.asked).toEqual(JSON.parse(JSON.stringify(firstScreenCalls('customers'))));
  });

  it('renders the rows for the window size the page reported in its cookie', async () => {
    const res = await get(host, `/?token=${host.token}`, { cookie: 'other=1; tradefolio-viewport=1366x705' });
    expect(res.status).toBe(200);
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.body).toContain('<li>Hamburg Kitchenware GmbH</li>');
    expect(stateOf(res.body)).toMatchObject({ token: host.token, viewport: { width: 1366, height: 705 } });
    // Any path the single-page app answers with index.html.
    const deep = await get(host, `/index.html?token=${host.token}`);
    expect(deep.body).toContain('<li>Hamburg Kitchenware GmbH</li>');
  });

  it('gives a request without the token in its address the plain page: no data, no token', async () => {
    const cases: [string, Record<string, string>][] = [
      ['/', {}],
      ['/?token=' + 'x'.repeat(43), {}],
      // Not even with the token in a cookie (as earlier versions kept it): a reload of a page whose
      // address no longer shows the token gets the plain page, and the browser renders the list.
      ['/', { cookie: `tradefolio-token-${host.port}=${host.token}; tradefolio-viewport=1366x705` }],
      ['/', { cookie: `token=${host.token}` }],
    ];
    for (const [rawPath, headers] of cases) {
      const res = await get(host, rawPath, headers);
      expect(res.status, rawPath).toBe(200);
      expect(res.body, JSON.stringify(headers)).toBe(TEMPLATE);
      expect(res.headers['set-cookie']).toBeUndefined();
    }
    const head = await get(host, `/?token=${host.token}`, {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });

  it('serves the plain page when the renderer fails, and says why in the log', async () => {
    const res = await get(host, `/?token=${host.token}`, { 'accept-language': 'fail' });
    expect(res.status).toBe(200);
    expect(res.body).toBe(TEMPLATE);
    expect(logged).toContain('first-screen render failed');
  });

  it('serves the plain page when the renderer is not built', async () => {
    const other = await startWebHost({ core, staticDir: site.dir, log, firstScreenRenderer: path.join(site.dir, 'missing.mjs') });
    try {
      await other.warm;
      const res = await get(other, `/?token=${other.token}`);
      expect(res.status).toBe(200);
      expect(res.body).toBe(TEMPLATE);
      expect(logged).toContain('first-screen renderer not loaded');
    } finally {
      await other.close();
    }
  });

  it('puts a rendered page into the template only where the template has room for it', () => {
    const page = { html: '<p>$` $\' $&</p>', language: 'en', state: '{}' };
    expect(injectFirstScreen(TEMPLATE, page)).toContain('<div id="root"><p>$` $\' $&</p></div>');
    expect(injectFirstScreen(TEMPLATE.replace('<div id="root"></div>', '<div id="app"></div>'), page)).toBeNull();
    expect(injectFirstScreen(TEMPLATE.replace('<title>TradeFolio</title>', ''), page)).toBeNull();
  });
});
