import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicAddressesAnd } from '../../../../../../electron/services/mail/read/remote-address-policy.ts';
import { fetchRemote, type RemoteFetchOptions } from '../../../../../../electron/services/mail/read/remote-fetch.ts';

/**
 * fetchRemote against a real server on 127.0.0.2: the time limit holds while waiting for
 * headers and while a body trickles in, and a host name goes through the vetted lookup and
 * connects when (and only when) the policy allows every address it resolves to.
 */

const HOST = '127.0.0.2';
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
const servers: http.Server[] = [];
let port = 0;
let namePort = 0;
const open = new Set<http.ServerResponse>();

async function listen(host: string, handler: http.RequestListener): Promise<number> {
  const server = http.createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const address = server.address();
  return typeof address === 'object' && address ? address.port : 0;
}

beforeAll(async () => {
  const handler: http.RequestListener = (req, res) => {
    open.add(res);
    res.once('close', () => open.delete(res));
    if (req.url === '/hang') return; // never answers
    if (req.url === '/trickle') {
      res.writeHead(200, { 'content-type': 'image/gif' });
      const timer = setInterval(() => res.write(Buffer.alloc(1)), 50);
      res.once('close', () => clearInterval(timer));
      return;
    }
    res.writeHead(200, { 'content-type': 'image/gif' });
    res.end(GIF);
  };
  port = await listen(HOST, handler);
  // What `localhost` resolves to (127.0.0.1; ::1 as well on some machines, which the connection then falls back from).
  namePort = await listen('127.0.0.1', handler);
});

afterAll(async () => {
  for (const res of open) res.destroy();
  await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
});

const options = (overrides: Partial<RemoteFetchOptions> = {}): RemoteFetchOptions => ({
  policy: publicAddressesAnd([HOST]),
  signal: AbortSignal.timeout(5_000),
  maxBytes: 1024 * 1024,
  maxRedirects: 5,
  acceptType: /^image\//,
  ...overrides,
});

describe('fetchRemote', () => {
  it('gives up when the time is over, waiting for headers or for a trickling body', async () => {
    const started = Date.now();
    expect(await fetchRemote(new URL(`http://${HOST}:${port}/hang`), options({ signal: AbortSignal.timeout(300) }))).toMatchObject({ ok: false, error: 'timedOut' });
    expect(await fetchRemote(new URL(`http://${HOST}:${port}/trickle`), options({ signal: AbortSignal.timeout(300) }))).toMatchObject({ ok: false, error: 'timedOut' });
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('connects to a host name only through addresses the policy allows', async () => {
    const byName = new URL(`http://localhost:${namePort}/pixel.gif`);
    // Allowed loopback (both families, as the resolver may answer either): the vetted lookup hands the addresses on.
    const allowed = await fetchRemote(byName, options({ policy: publicAddressesAnd(['127.0.0.1', '::1']) }));
    expect(allowed).toMatchObject({ ok: true, contentType: 'image/gif' });
    // The default rule: the name resolves into this computer, so no connection at all.
    expect(await fetchRemote(byName, options())).toMatchObject({ ok: false, error: 'blockedAddress' });
  });
});
