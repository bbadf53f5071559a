import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import type { RemoteImageError } from '../../../../shared/domain/mail-content-limits.ts';
import type { RemoteAddressPolicy } from './remote-address-policy.ts';

/**
 * One GET of a URL a mail's sender wrote, that can reach only the addresses the policy allows.
 * fetch() cannot promise that: it resolves the name itself, follows redirects to anywhere, and
 * a name that resolves to a public address when checked may resolve to 127.0.0.1 a moment
 * later (DNS rebinding). Here the check sits inside the connection: node:http asks our
 * `lookup` for the addresses it will connect to, and we refuse the name if any of them is not
 * allowed; a host written as an IP (in any of its spellings, which the URL parser has already
 * turned into the usual form) is checked before connecting, since Node does not look those up.
 * Redirects are followed here, one hop at a time, each checked the same way.
 */

export type RemoteFetchResult =
  | { ok: true; contentType: string; body: Buffer }
  | { ok: false; error: Exclude<RemoteImageError, 'notInMessage'>; detail?: string };

export interface RemoteFetchOptions {
  policy: RemoteAddressPolicy;
  /** Aborts the whole fetch, redirects included. */
  signal: AbortSignal;
  maxBytes: number;
  maxRedirects: number;
  /** Checked before the body is read: a response of another type is not downloaded. */
  acceptType: RegExp;
}

/** Raised inside `lookup` (or for an IP-literal host) when the address is not allowed. */
class BlockedAddressError extends Error {
  readonly address: string;
  constructor(address: string) {
    super(`address not allowed: ${address}`);
    this.address = address;
  }
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** An http(s) URL without credentials in it, or null. */
export function webUrl(raw: string, base?: URL): URL | null {
  try {
    const url = new URL(raw, base);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.username === '' && url.password === '' ? url : null;
  } catch {
    return null;
  }
}

/** A `lookup` for node:http that resolves the name and hands on its addresses only when every one is allowed. */
function vettedLookup(policy: RemoteAddressPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      // All, not some: a name with one private address among public ones is not a mail image host.
      const refused = addresses.find((a) => !policy.allows(a.address));
      if (refused) return callback(new BlockedAddressError(refused.address), '', 0);
      if (addresses.length === 0) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '', 0);
      if (options.all) return callback(null, addresses);
      const first = addresses[0]!;
      callback(null, first.address, first.family);
    });
  };
}

/** The host of a URL as an IP address when it is written as one (IPv6 without brackets), else null. */
function ipLiteral(url: URL): string | null {
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  return isIP(host) ? host : null;
}

function get(url: URL, options: RemoteFetchOptions): Promise<http.IncomingMessage> {
  const literal = ipLiteral(url);
  if (literal !== null && !options.policy.allows(literal)) return Promise.reject(new BlockedAddressError(literal));
  const request = url.protocol === 'https:' ? https.request : http.request;
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: 'GET',
      headers: { accept: 'image/*' },
      lookup: vettedLookup(options.policy),
      // No pooled sockets: every connection goes through the lookup above.
      agent: false,
      signal: options.signal,
    });
    req.once('response', resolve);
    req.once('error', reject);
    req.end();
  });
}

/** Reads a body up to `limit` bytes; null when it is longer (whatever Content-Length claimed). */
async function readCapped(res: http.IncomingMessage, limit: number): Promise<Buffer | null> {
  const declared = Number(res.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    res.destroy();
    return null;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      res.destroy();
      return null;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * GETs `start`, following up to `maxRedirects` redirects, and returns the body when the final
 * response is a 2xx of an accepted type within `maxBytes`; otherwise why not.
 */
export async function fetchRemote(start: URL, options: RemoteFetchOptions): Promise<RemoteFetchResult> {
  let url = start;
  try {
    for (let hop = 0; ; hop++) {
      const res = await get(url, options);
      const status = res.statusCode ?? 0;
      const location = res.headers.location;
      if (REDIRECTS.has(status) && location) {
        res.destroy();
        if (hop >= options.maxRedirects) return { ok: false, error: 'tooManyRedirects' };
        const next = webUrl(location, url);
        if (!next) return { ok: false, error: 'invalidUrl' };
        url = next;
        continue;
      }
      if (status < 200 || status > 299) {
        res.destroy();
        return { ok: false, error: 'httpError' };
      }
      const type = (res.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      if (!options.acceptType.test(type)) {
        res.destroy();
        return { ok: false, error: 'notAnImage' };
      }
      const body = await readCapped(res, options.maxBytes);
      return body ? { ok: true, contentType: type, body } : { ok: false, error: 'tooLarge' };
    }
  } catch (err) {
    if (err instanceof BlockedAddressError) return { ok: false, error: 'blockedAddress', detail: err.address };
    if (options.signal.aborted) return { ok: false, error: 'timedOut' };
    return { ok: false, error: 'unreachable', detail: err instanceof Error ? err.message : String(err) };
  }
}
