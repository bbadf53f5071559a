import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppCore, type AppCore } from '../../../../electron/services/core/app-core.ts';
import { silentLogger } from '../../../../electron/services/core/logger.ts';
import { CONTENT_SECURITY_POLICY, resolveStaticPath } from '../../../../electron/web/static-files.ts';
import { MAX_BODY_BYTES, startWebHost, tokenMatches, type WebHost } from '../../../../electron/web/web-host.ts';
import { rawRequest, type RawResponse } from '../../../helpers/raw-http.ts';

interface TestApp {
  core: AppCore;
  host: WebHost;
}

/**
 * A real core and host, but a small static folder of our own instead of dist/renderer:
 * `npm test` runs integration before the renderer build, and a secret file beside the folder
 * lets the traversal tests prove nothing outside it is served.
 */
function makeSite(): string {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'tradefolio-site-'));
  const site = path.join(base, 'site');
  fs.mkdirSync(path.join(site, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(site, 'index.html'), '<!doctype html><div id="root"></div><script type="module" src="./assets/index-abc.js"></script>');
  fs.writeFileSync(path.join(site, 'assets', 'index-abc.js'), 'console.log(1);');
  fs.writeFileSync(path.join(site, 'assets', 'style-abc.css'), 'body{}');
  // The build's compressed copies (renderer/vite-plugins/precompress.ts); the CSS has none.
  fs.writeFileSync(path.join(site, 'assets', 'index-abc.js.br'), zlib.brotliCompressSync('console.log(1);'));
  fs.writeFileSync(path.join(site, 'assets', 'index-abc.js.gz'), zlib.gzipSync('console.log(1);'));
  fs.writeFileSync(path.join(base, 'secret.json'), '{"devDependencies":"outside the site"}');
  fs.symlinkSync(path.join(base, 'secret.json'), path.join(site, 'link.json'));
  return site;
}

/** The tests' requests, by the host under test (test/helpers/raw-http.ts says why not fetch). */
function raw(app: TestApp, method: string, rawPath: string, headers: Record<string, string> = {}, body?: string | Buffer): Promise<RawResponse> {
  return rawRequest(app.host, method, rawPath, headers, body);
}

function call(app: TestApp, key: string, input: unknown, headers: Record<string, string> = {}): Promise<RawResponse> {
  return raw(app, 'POST', `/api/call/${key}`, { 'content-type': 'application/json', 'x-tradefolio-token': app.host.token, ...headers }, JSON.stringify(input));
}

describe('web host', () => {
  let app: TestApp;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tradefolio-web-'));
    const core = await createAppCore({ dataDir, host: 'web', version: 'test', log: silentLogger, checkOutputs: true });
    const host = await startWebHost({ core, staticDir: makeSite() });
    app = { core, host };
  });
  afterAll(async () => {
    await app?.host.close();
    await app?.core.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 only and prints a tokenised URL', () => {
    expect(app.host.origin).toBe(`http://127.0.0.1:${app.host.port}`);
    expect(app.host.url).toBe(`${app.host.origin}/?token=${app.host.token}`);
    expect(app.host.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('is bound to the loopback address and unreachable on any other', async () => {
    expect(app.host.bound).toEqual({ address: '127.0.0.1', family: 'IPv4', port: app.host.port });
    const others = Object.values(os.networkInterfaces())
      .flat()
      .filter((i) => i !== undefined && !i.internal)
      .map((i) => i!.address);
    for (const address of ['::1', ...others]) {
      const refused = await new Promise<boolean>((resolve) => {
        const req = http.request({ host: address, port: app.host.port, path: '/', timeout: 2000 }, () => resolve(false));
        req.on('timeout', () => {
          req.destroy();
          resolve(true);
        });
        req.on('error', () => resolve(true));
        req.end();
      });
      expect(refused, address).toBe(true);
    }
  });

  it('refuses calls without the token or with a wrong one', async () => {
    const none = await raw(app, 'POST', '/api/call/settings.get', { 'content-type': 'application/json' }, '{}');
    expect(none.status).toBe(401);
    expect(JSON.parse(none.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const wrong = await call(app, 'settings.get', {}, { 'x-tradefolio-token': 'x'.repeat(43) });
    expect(wrong.status).toBe(401);
    const events = await raw(app, 'GET', '/api/events?token=nope');
    expect(events.status).toBe(401);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const res = await call(app, 'settings.get', {}, { host: `evil.example:${app.host.port}` });
    expect(res.status).toBe(403);
    const page = await raw(app, 'GET', '/', { host: 'evil.example' });
    expect(page.status).toBe(403);
    const ok = await call(app, 'settings.get', {}, { host: `localhost:${app.host.port}` });
    expect(ok.status).toBe(200);
  });

  it('refuses a foreign Origin and accepts our own', async () => {
    const foreign = await call(app, 'settings.get', {}, { origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    const otherPort = await call(app, 'settings.get', {}, { origin: `http://127.0.0.1:${app.host.port + 1}` });
    expect(otherPort.status).toBe(403);
    const own = await call(app, 'settings.get', {}, { origin: app.host.origin });
    expect(own.status).toBe(200);
  });

  it('runs a call end to end: create a customer, then find it in the list', async () => {
    const settings = await call(app, 'settings.get', {});
    expect(settings.status).toBe(200);
    expect(JSON.parse(settings.body)).toMatchObject({ ok: true, value: { language: expect.any(String) } });

    const created = JSON.parse((await call(app, 'customers.create', { name: 'Hamburg Kitchenware GmbH', regionCode: 'EU', country: 'DE', grade: 'A' })).body);
    expect(created).toMatchObject({ ok: true, value: { name: 'Hamburg Kitchenware GmbH', code: expect.stringMatching(/^EU-\d+-A$/) } });

    const list = JSON.parse((await call(app, 'customers.list', { search: 'Hamburg' })).body);
    expect(list.ok).toBe(true);
    expect(list.value.rows.map((r: { id: string }) => r.id)).toContain(created.value.id);
  });

  it('returns validation errors as data naming the field', async () => {
    const res = await call(app, 'customers.create', { name: '', regionCode: 'EU' });
    expect(res.status).toBe(200);
    const result = JSON.parse(res.body);
    expect(result).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(result.error.fieldErrors).toContainEqual(expect.objectContaining({ path: 'name', message: 'validation.required' }));
  });

  it('answers an unknown key and malformed JSON clearly', async () => {
    const unknown = JSON.parse((await call(app, 'nope.nothing', {})).body);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknownCall' } });
    const broken = await raw(app, 'POST', '/api/call/settings.get', { 'x-tradefolio-token': app.host.token }, '{not json');
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.body)).toMatchObject({ ok: false, error: { code: 'validation' } });
    const get = await raw(app, 'GET', '/api/call/settings.get', { 'x-tradefolio-token': app.host.token });
    expect(get.status).toBe(405);
  });

  it('refuses a body over 10 MB with 413', async () => {
    // Declared too large: answered from the headers alone, before any body is read.
    const declared = await new Promise<number>((resolve, reject) => {
      const req = http.request({
        host: '127.0.0.1',
        port: app.host.port,
        method: 'POST',
        path: '/api/call/settings.get',
        headers: { host: `127.0.0.1:${app.host.port}`, 'x-tradefolio-token': app.host.token, 'content-length': String(MAX_BODY_BYTES + 1) },
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
        req.destroy();
      });
      req.on('error', reject);
      req.flushHeaders();
    });
    expect(declared).toBe(413);

    // Streamed without a length: cut off once it passes the limit.
    const streamed = await raw(app, 'POST', '/api/call/settings.get', { 'x-tradefolio-token': app.host.token, 'transfer-encoding': 'chunked' }, Buffer.alloc(MAX_BODY_BYTES + 1, 0x20)).catch(
      // The server may close the socket before the whole body is written; that is a refusal too.
      (): RawResponse => ({ status: 413, headers: {}, body: '' }),
    );
    expect(streamed.status).toBe(413);

    // And the host still answers afterwards.
    expect((await call(app, 'settings.get', {})).status).toBe(200);
  });

  it('delivers data.changed over server-sent events after a write, and unsubscribes on close', async () => {
    const received = new Promise<{ event: string; data: unknown }>((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port: app.host.port, path: `/api/events?token=${encodeURIComponent(app.host.token)}`, headers: { accept: 'text/event-stream' } },
        (res) => {
          expect(res.statusCode).toBe(200);
          expect(res.headers['content-type']).toContain('text/event-stream');
          let buffer = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            buffer += chunk;
            if (buffer.startsWith(': connected')) {
              buffer = buffer.slice(buffer.indexOf('\n\n') + 2);
              void call(app, 'owners.create', { name: 'Li Na' });
            }
            const match = /event: ([^\n]+)\ndata: ([^\n]+)\n\n/.exec(buffer);
            if (match) {
              req.destroy();
              resolve({ event: match[1]!, data: JSON.parse(match[2]!) });
            }
          });
        },
      );
      req.on('error', (err) => {
        if (!('code' in err) || err.code !== 'ECONNRESET') reject(err);
      });
      req.end();
    });
    const { event, data } = await received;
    expect(event).toBe('data.changed');
    expect(data).toMatchObject({ entities: expect.arrayContaining(['owners']) });
  });

  it('sends heartbeat comments on an idle event stream', async () => {
    const core = app.core;
    const host = await startWebHost({ core, staticDir: null, heartbeatMs: 50 });
    try {
      const text = await new Promise<string>((resolve, reject) => {
        const req = http.request({ host: '127.0.0.1', port: host.port, path: `/api/events?token=${host.token}` }, (res) => {
          let buffer = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            buffer += chunk;
            if (buffer.includes(': heartbeat')) {
              req.destroy();
              resolve(buffer);
            }
          });
        });
        req.on('error', (err) => {
          if (!('code' in err) || err.code !== 'ECONNRESET') reject(err);
        });
        req.end();
      });
      expect(text).toContain(': heartbeat\n\n');
      const page = await fetch(`${host.origin}/`);
      expect(page.status).toBe(404);
    } finally {
      await host.close();
    }
  });

  it('serves index.html with the CSP and hardening headers, and index.html for unknown paths', async () => {
    const index = await raw(app, 'GET', '/');
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    expect(index.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    expect(index.headers['referrer-policy']).toBe('no-referrer');
    expect(index.body).toContain('<div id="root">');

    const deep = await raw(app, 'GET', '/customers/123');
    expect(deep.status).toBe(200);
    expect(deep.body).toBe(index.body);

    const js = await raw(app, 'GET', '/assets/index-abc.js');
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['cache-control']).toContain('immutable');
    const css = await raw(app, 'GET', '/assets/style-abc.css?v=1');
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    const head = await raw(app, 'HEAD', '/');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    const post = await raw(app, 'POST', '/index.html');
    expect(post.status).toBe(405);
  });

  it('sends the build’s brotli or gzip copy to a browser that accepts it', async () => {
    const br = await raw(app, 'GET', '/assets/index-abc.js', { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(br.headers.vary).toBe('accept-encoding');
    expect(br.headers['cache-control']).toContain('immutable');
    expect(Number(br.headers['content-length'])).toBe(zlib.brotliCompressSync('console.log(1);').length);

    const gzip = await raw(app, 'GET', '/assets/index-abc.js', { 'accept-encoding': 'gzip, br;q=0' });
    expect(gzip.headers['content-encoding']).toBe('gzip');

    const plain = await raw(app, 'GET', '/assets/index-abc.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe('console.log(1);');
    expect(plain.headers.vary).toBe('accept-encoding');

    // No copy: the file as it is.
    const css = await raw(app, 'GET', '/assets/style-abc.css', { 'accept-encoding': 'br' });
    expect(css.headers['content-encoding']).toBeUndefined();
    expect(css.body).toBe('body{}');
  });

  it('never escapes the renderer folder', async () => {
    const attempts = [
      '/../secret.json',
      '/%2e%2e/secret.json',
      '/..%2fsecret.json',
      '/assets/..%2f..%2fsecret.json',
      '/%2e%2e%2fsecret.json',
      '/assets/../../secret.json',
      '/..\\secret.json',
      '/link.json',
      '/../package.json',
      '/%2e%2e/%2e%2e/package.json',
    ];
    for (const attempt of attempts) {
      const res = await raw(app, 'GET', attempt);
      expect(res.body, attempt).not.toContain('devDependencies');
      expect(res.body, attempt).toContain('<div id="root">');
    }
    expect(resolveStaticPath('/srv/app', '/../etc/passwd')).toBeNull();
    expect(resolveStaticPath('/srv/app', '/%2e%2e/etc/passwd')).toBeNull();
    expect(resolveStaticPath('/srv/app', '/a/..%2f..%2fb')).toBeNull();
    expect(resolveStaticPath('/srv/app', '/assets/x.js')).toBe('/srv/app/assets/x.js');
  });

  it('compares tokens exactly', () => {
    expect(tokenMatches(app.host.token, app.host.token)).toBe(true);
    expect(tokenMatches(app.host.token, `${app.host.token}x`)).toBe(false);
    expect(tokenMatches(app.host.token, '')).toBe(false);
    expect(tokenMatches(app.host.token, undefined)).toBe(false);
  });
});
