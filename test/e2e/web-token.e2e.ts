import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebHost } from '../../electron/web/web-host.ts';
import { appInteractive, setupE2eSession } from '../helpers/e2e-session.ts';
import { rawRequest } from '../helpers/raw-http.ts';

interface Received {
  path: string;
  /** [name, value, name, value…] as they came. */
  headers: string[];
}

/**
 * Another program's server on 127.0.0.1: browsers send a host's cookies to every port of it, and
 * same-site (ports do not count) navigations carry even SameSite=Strict ones. It keeps everything
 * each request brought and answers with a page that has an icon, as any site does.
 */
async function startOtherListener(): Promise<{ origin: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    received.push({ path: req.url ?? '', headers: req.rawHeaders });
    if (req.url === '/favicon.ico') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><title>other</title><link rel="icon" href="/favicon.ico"><p id="other">another program</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Every value a request brought: each header's value, each cookie (whole, and its value), the path and its query values. */
function valuesIn(requests: Received[]): string[] {
  const values = new Set<string>();
  for (const request of requests) {
    values.add(request.path);
    const url = new URL(request.path, 'http://other');
    for (const value of url.searchParams.values()) values.add(value);
    for (let i = 0; i < request.headers.length; i += 2) {
      const [name, value] = [request.headers[i]!, request.headers[i + 1]!];
      values.add(value);
      if (name.toLowerCase() !== 'cookie') continue;
      for (const cookie of value.split(';')) {
        values.add(cookie.trim());
        values.add(cookie.slice(cookie.indexOf('=') + 1).trim());
      }
    }
  }
  values.delete('');
  return [...values];
}

/** The status the host answers with, without waiting for a body (an accepted event stream never ends). */
function statusOf(host: WebHost, method: string, rawPath: string, headers: Record<string, string>, body?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: host.port, method, path: rawPath, headers: { host: `127.0.0.1:${host.port}`, ...headers } }, (res) => {
      resolve(res.statusCode ?? 0);
      res.destroy();
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** What the host grants to whoever shows `value` in each place a token or cookie could be shown. */
async function grantedBy(host: WebHost, value: string, cookieHeader: string | null): Promise<string[]> {
  const granted: string[] = [];
  const call = await statusOf(host, 'POST', '/api/call/settings.get', { 'content-type': 'application/json', 'x-tradefolio-token': value }, '{}');
  if (call !== 401) granted.push(`an API call with ${JSON.stringify(value)} as its token (${call})`);
  const events = await statusOf(host, 'GET', `/api/events?token=${encodeURIComponent(value)}`, {});
  if (events !== 401) granted.push(`the event stream with ${JSON.stringify(value)} (${events})`);
  const linked = await rawRequest(host, 'GET', `/?token=${encodeURIComponent(value)}`);
  if (linked.body.includes('first-screen-state')) granted.push(`the rendered page for ?token=${JSON.stringify(value)}`);
  const asCookie = await rawRequest(host, 'GET', '/', { cookie: cookieHeader ?? value });
  if (asCookie.body.includes('first-screen-state')) granted.push(`the rendered page for the cookie ${JSON.stringify(cookieHeader ?? value)}`);
  return granted;
}

/**
 * Issue 10 point 8: the web host's token never reaches another program. The page keeps it in its
 * own tab's sessionStorage (scoped to the origin, port included), never in a cookie, which the
 * browser would hand to any server on 127.0.0.1.
 */
describe('the web host token and other servers on 127.0.0.1 (web host, Chromium)', () => {
  const session = setupE2eSession();
  let other: Awaited<ReturnType<typeof startOtherListener>>;

  beforeAll(async () => {
    other = await startOtherListener();
    await session.seed('customers.create', { name: 'Hamburg Kitchenware GmbH', regionCode: 'EU', country: 'DE', grade: 'A' });
  });
  afterAll(async () => {
    await other?.close();
  });

  it('gives a server on another port nothing the host accepts: after a reload, on a link, a typed address and a favicon request', async () => {
    const host = session.app.host;
    const page = await session.open({ locale: 'en-US' });
    try {
      // The token has left the address bar; a reload still works from the tab's own copy.
      await expect.poll(() => page.url(), { timeout: 10_000 }).not.toContain('token=');
      await page.reload();
      await appInteractive(page);
      await expect.poll(() => page.getByTestId('customer-row-name').allTextContents()).toEqual(['Hamburg Kitchenware GmbH']);
      // The page's own cookie (the window size) exists, so the requests below show what cookies travel.
      await expect.poll(() => page.evaluate(() => document.cookie)).toContain('tradefolio-viewport=');

      // A link in the app to the other port.
      await page.evaluate((href) => {
        const link = document.createElement('a');
        link.href = href;
        link.id = 'to-other';
        link.textContent = 'elsewhere';
        document.body.append(link);
      }, `${other.origin}/link`);
      await page.locator('#to-other').click();
      await page.waitForURL(`${other.origin}/link`);
      // The other page's icon.
      await expect.poll(() => other.received.filter((r) => r.path === '/favicon.ico').length).toBeGreaterThan(0);
      // Back in the app, then the other address typed into the address bar.
      await page.goBack();
      await appInteractive(page);
      await page.goto(`${other.origin}/typed`);
      await page.locator('#other').waitFor();

      const paths = other.received.map((r) => r.path);
      expect(paths).toEqual(expect.arrayContaining(['/link', '/favicon.ico', '/typed']));
      // Cookies of 127.0.0.1 do reach the other port: what keeps the token away is that it is in none.
      const cookieHeaders = other.received.flatMap((r) => r.headers.filter((_, i) => i % 2 === 1 && r.headers[i - 1]!.toLowerCase() === 'cookie'));
      expect(cookieHeaders.some((c) => c.includes('tradefolio-viewport='))).toBe(true);

      const granted: string[] = [];
      for (const value of valuesIn(other.received)) granted.push(...(await grantedBy(host, value, null)));
      for (const cookieHeader of new Set(cookieHeaders)) granted.push(...(await grantedBy(host, cookieHeader, cookieHeader)));
      expect(granted).toEqual([]);
      expect(JSON.stringify(other.received)).not.toContain(host.token);
    } finally {
      await page.close();
    }
  });
});
