import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AppCore } from '../services/core/app-core.ts';
import type { Logger } from '../services/core/logger.ts';
import { silentLogger } from '../services/core/logger.ts';
import type { Result } from '../../shared/contract/result.ts';
import { firstScreenRendererBeside } from '../hosts/app-package.ts';
import { firstScreenPages, viewportFromCookie, type FirstScreenPages } from './first-screen-page.ts';
import { contentTypeFor, resolveStaticPath, SECURITY_HEADERS } from './static-files.ts';

export interface WebHostOptions {
  core: AppCore;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Loopback only: the host serves a user's whole database to whoever holds the token. */
  host?: '127.0.0.1';
  /** The built renderer (dist/renderer); null serves the API only. */
  staticDir: string | null;
  /** A fixed token (tests); otherwise 32 random bytes per run. */
  token?: string;
  /** Comment lines on idle event streams keep proxies and browsers from dropping them. */
  heartbeatMs?: number;
  log?: Logger;
  /**
   * The renderer's server build, which renders the customer list into the page; defaults to the
   * one beside `staticDir` (dist/renderer-ssr). null: the browser renders everything.
   */
  firstScreenRenderer?: string | null;
}

export interface WebHost {
  port: number;
  token: string;
  /** http://127.0.0.1:<port> */
  origin: string;
  /**
   * origin + '/?token=' + token. The page request carries the token so the host can put the
   * customer list into the page itself; the page takes it out of the address bar, and every
   * response says `referrer-policy: no-referrer`. (`/#token=` links work too, without that.)
   * The host never puts the token in a cookie: browsers send a host's cookies to every port of
   * it, so any other server on 127.0.0.1 would receive it. The page keeps it in its tab's
   * sessionStorage (scoped to our origin, port included); a reload after the token has left the
   * address bar gets the plain page, and the browser renders the list from the API.
   */
  url: string;
  /** Resolves once the first-screen renderer is loaded and warm (or known to be missing). */
  warm: Promise<void>;
  /** What the socket is really bound to (tests check it is loopback). */
  bound: { address: string; family: string; port: number };
  close(): Promise<void>;
}

export const MAX_BODY_BYTES = 10 * 1024 * 1024;
export const SSE_HEARTBEAT_MS = 15_000;
export const TOKEN_HEADER = 'x-tradefolio-token';

export function newToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

/** Constant-time comparison, so the token cannot be guessed byte by byte from response times. */
export function tokenMatches(expected: string, given: string | null | undefined): boolean {
  if (typeof given !== 'string') return false;
  const a = crypto.createHash('sha256').update(expected).digest();
  const b = crypto.createHash('sha256').update(given).digest();
  // Hashing first gives equal lengths, which timingSafeEqual requires, without leaking the length.
  return crypto.timingSafeEqual(a, b);
}

function send(res: http.ServerResponse, status: number, body: string | Buffer, contentType: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': contentType, 'content-length': String(Buffer.byteLength(body)), ...extra });
  res.end(body);
}

function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8', { 'cache-control': 'no-store' });
}

function sendError(res: http.ServerResponse, status: number, code: 'unauthorized' | 'validation' | 'unknownCall' | 'internal', message: string): void {
  const result: Result<never> = { ok: false, error: { code, message } };
  sendJson(res, status, result);
}

class BodyTooLarge extends Error {}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      reject(new BodyTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new BodyTooLarge());
        req.removeAllListeners('data');
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Files the build stores compressed copies of (`x.js.br`, `x.js.gz`). */
const COMPRESSIBLE = /\.(html|js|mjs|css|json|svg|txt)$/i;

/**
 * The brotli or gzip copy of `file` that the request accepts, if the build wrote one (inside the
 * root, like the file itself); null serves the file as it is.
 */
function precompressedFor(file: string, acceptEncoding: string | string[] | undefined, root: string): { name: 'br' | 'gzip'; file: string } | null {
  if (!COMPRESSIBLE.test(file)) return null;
  const accepted = new Set<string>();
  for (const part of String(acceptEncoding ?? '').split(',')) {
    const [name, ...params] = part.split(';').map((p) => p.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    if (name && !(q && Number(q.slice(2)) === 0)) accepted.add(name);
  }
  for (const [name, ext] of [['br', '.br'], ['gzip', '.gz']] as const) {
    if (!accepted.has(name)) continue;
    const candidate = file + ext;
    try {
      if (fs.realpathSync(candidate).startsWith(root + path.sep) && fs.statSync(candidate).isFile()) return { name, file: candidate };
    } catch {
      // No such copy.
    }
  }
  return null;
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * The local web host: the same services as the Electron app over HTTP on 127.0.0.1, one POST
 * per contract key, events as server-sent events, and the built renderer. Every API request
 * needs the per-run token; Host and Origin are checked against our own address, which stops
 * DNS rebinding and cross-site requests from pages the user happens to have open.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const { core } = options;
  const log = options.log ?? silentLogger;
  const token = options.token ?? newToken();
  const bindHost = options.host ?? '127.0.0.1';
  const staticRoot = options.staticDir === null ? null : fs.realpathSync(options.staticDir);
  const streams = new Set<http.ServerResponse>();
  let allowedHosts = new Set<string>();
  let allowedOrigins = new Set<string>();

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      log.error('web host request failed', { error: err instanceof Error ? err.message : String(err) });
      if (!res.headersSent) sendError(res, 500, 'internal', 'errors.internal');
      else res.destroy();
    });
  });
  // Slow-loris and idle sockets: the host serves one local user, so short limits are fine.
  server.headersTimeout = 20_000;
  server.requestTimeout = 120_000;

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!allowedHosts.has((req.headers.host ?? '').toLowerCase())) {
      send(res, 403, 'Forbidden: unexpected Host header.\n', 'text/plain; charset=utf-8');
      return;
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins.has(origin.toLowerCase())) {
      send(res, 403, 'Forbidden: cross-origin request.\n', 'text/plain; charset=utf-8');
      return;
    }
    const rawUrl = req.url ?? '/';
    const queryAt = rawUrl.indexOf('?');
    const pathname = queryAt === -1 ? rawUrl : rawUrl.slice(0, queryAt);
    const query = new URLSearchParams(queryAt === -1 ? '' : rawUrl.slice(queryAt + 1));

    if (pathname.startsWith('/api/call/')) return handleCall(req, res, pathname.slice('/api/call/'.length));
    if (pathname === '/api/events') return handleEvents(req, res, query);
    if (pathname === '/api' || pathname.startsWith('/api/')) {
      sendError(res, 404, 'unknownCall', 'errors.unknownCall');
      return;
    }
    await serveStatic(req, res, pathname, query);
  }

  async function handleCall(req: http.IncomingMessage, res: http.ServerResponse, rawKey: string): Promise<void> {
    if (req.method !== 'POST') {
      send(res, 405, 'Method not allowed.\n', 'text/plain; charset=utf-8', { allow: 'POST' });
      return;
    }
    if (!tokenMatches(token, req.headers[TOKEN_HEADER] as string | undefined)) {
      req.resume();
      sendError(res, 401, 'unauthorized', 'errors.unauthorized');
      return;
    }
    let body: Buffer;
    try {
      body = await readBody(req, MAX_BODY_BYTES);
    } catch (err) {
      if (err instanceof BodyTooLarge) {
        send(res, 413, 'Request body too large.\n', 'text/plain; charset=utf-8', { connection: 'close' });
        return;
      }
      throw err;
    }
    let input: unknown = {};
    const text = body.toString('utf8');
    if (text.trim() !== '') {
      try {
        input = JSON.parse(text);
      } catch {
        sendError(res, 400, 'validation', 'errors.validation');
        return;
      }
    }
    let key: string;
    try {
      key = decodeURIComponent(rawKey);
    } catch {
      key = rawKey;
    }
    const result = await core.dispatch(key, input);
    sendJson(res, 200, result);
  }

  function handleEvents(req: http.IncomingMessage, res: http.ServerResponse, query: URLSearchParams): void {
    if (req.method !== 'GET') {
      send(res, 405, 'Method not allowed.\n', 'text/plain; charset=utf-8', { allow: 'GET' });
      return;
    }
    // EventSource cannot send headers, so the token is in the query. That URL goes only to this
    // host: the browser records no subresource in its history, sends no Referer under our policy,
    // and this host logs no request URLs.
    if (!tokenMatches(token, query.get('token'))) {
      sendError(res, 401, 'unauthorized', 'errors.unauthorized');
      return;
    }
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    res.flushHeaders();
    req.socket.setNoDelay(true);
    req.socket.setTimeout(0);
    res.write(': connected\n\n');
    streams.add(res);
    const unsubscribe = core.subscribe((event, payload) => {
      res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
    });
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), options.heartbeatMs ?? SSE_HEARTBEAT_MS);
    heartbeat.unref();
    const stop = () => {
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(res);
    };
    req.on('close', stop);
    res.on('close', stop);
  }

  async function serveStatic(req: http.IncomingMessage, res: http.ServerResponse, pathname: string, query: URLSearchParams): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'Method not allowed.\n', 'text/plain; charset=utf-8', { allow: 'GET, HEAD' });
      return;
    }
    if (staticRoot === null) {
      send(res, 404, 'No renderer is served by this host.\n', 'text/plain; charset=utf-8');
      return;
    }
    const candidate = resolveStaticPath(staticRoot, pathname);
    let file = candidate !== null && isFile(candidate) ? candidate : path.join(staticRoot, 'index.html');
    // A symlink inside the build must not lead outside it either.
    try {
      const real = fs.realpathSync(file);
      if (!real.startsWith(staticRoot + path.sep)) file = path.join(staticRoot, 'index.html');
    } catch {
      send(res, 404, 'Not found. Run `npm run build:renderer`.\n', 'text/plain; charset=utf-8');
      return;
    }
    if (req.method === 'GET' && file === path.join(staticRoot, 'index.html') && firstScreen && (await serveFirstScreen(req, res, query, firstScreen))) return;
    const hashed = file.startsWith(path.join(staticRoot, 'assets') + path.sep);
    const headers: Record<string, string> = { 'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache' };
    // The build writes brotli and gzip copies beside the text files (renderer/vite-plugins/precompress.ts).
    const encoding = precompressedFor(file, req.headers['accept-encoding'], staticRoot);
    if (encoding) {
      headers['content-encoding'] = encoding.name;
      headers.vary = 'accept-encoding';
    } else if (COMPRESSIBLE.test(file)) headers.vary = 'accept-encoding';
    let data: Buffer;
    try {
      data = fs.readFileSync(encoding ? encoding.file : file);
    } catch {
      send(res, 404, 'Not found.\n', 'text/plain; charset=utf-8');
      return;
    }
    if (req.method === 'HEAD') {
      res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': contentTypeFor(file), 'content-length': String(data.length), ...headers });
      res.end();
      return;
    }
    send(res, 200, data, contentTypeFor(file), headers);
  }

  /**
   * The page with the customer list (and the token) already in it, only for a request that shows
   * the token in its address: the page holds the user's data. Nothing a browser sends by itself
   * (a cookie) opens it, since a cookie of 127.0.0.1 also goes to every other server there.
   * Anyone else gets the plain index.html, which shows nothing until its API calls pass the
   * token check.
   */
  async function serveFirstScreen(req: http.IncomingMessage, res: http.ServerResponse, query: URLSearchParams, pages: FirstScreenPages): Promise<boolean> {
    if (!tokenMatches(token, query.get('token'))) return false;
    const html = await pages.page({
      acceptLanguage: String(req.headers['accept-language'] ?? ''),
      userAgent: String(req.headers['user-agent'] ?? ''),
      token,
      viewport: viewportFromCookie(req.headers.cookie),
    });
    if (html === null) return false;
    send(res, 200, html, 'text/html; charset=utf-8', { 'cache-control': 'no-store' });
    return true;
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, bindHost, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('web host: no TCP address');
  const port = address.port;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  allowedOrigins = new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
  const origin = `http://127.0.0.1:${port}`;
  const rendererModule = options.firstScreenRenderer === undefined ? (staticRoot && firstScreenRendererBeside(staticRoot)) : options.firstScreenRenderer;
  const firstScreen: FirstScreenPages | null =
    staticRoot && rendererModule ? firstScreenPages({ core, indexHtml: path.join(staticRoot, 'index.html'), rendererModule, log }) : null;
  const warm = firstScreen ? firstScreen.warmUp() : Promise.resolve();

  let closing: Promise<void> | null = null;
  return {
    port,
    token,
    origin,
    url: `${origin}/?token=${token}`,
    warm,
    bound: { address: address.address, family: address.family, port: address.port },
    close() {
      closing ??= new Promise<void>((resolve) => {
        for (const stream of streams) stream.end();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
