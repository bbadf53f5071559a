import net from 'node:net';
import tls from 'node:tls';
import type { MailSecurity } from '../../../../shared/domain/mail-enums.ts';

/**
 * A small POP3 client (RFC 1939, STLS from RFC 2595) on node:net / node:tls.
 *
 * Why not node-pop3 0.11 (the one POP3 client on npm we could use): checked on 2026-12-03, it
 * (1) returns RETR as `buffer.toString()`, i.e. decoded as UTF-8, so 8-bit GBK / Big5 mail —
 * common in the mailboxes this is for — loses its bytes before mailparser sees them, and the
 * stored source no longer hashes like the server's message; (2) never removes the dot-stuffing
 * of lines that begin with "." (RFC 1939 §3), so such lines arrive with two dots; (3) looks for
 * the terminating CRLF.CRLF and the status line inside each TCP chunk separately, so a reply
 * split across chunks at the wrong byte is misread or never ends; (4) has no STLS. Each of these
 * is a lost or corrupted message, so this file is the ~200 lines that get them right; the test
 * "keeps 8-bit GBK bytes and dot-stuffed lines exactly" pins (1) and (2) against Dovecot.
 */

export interface Pop3Server {
  host: string;
  port: number;
  security: MailSecurity;
  user: string;
}

/** Where a POP3 conversation failed: decides the sync error's step and the words the user sees. */
export type Pop3FailureKind = 'connect' | 'tls' | 'login' | 'uidl' | 'protocol';

export class Pop3Error extends Error {
  readonly kind: Pop3FailureKind;
  constructor(kind: Pop3FailureKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'Pop3Error';
    this.kind = kind;
  }
}

export interface Pop3Listing {
  /** The message number in this session (1-based, RFC 1939). */
  n: number;
  uidl: string;
}

export interface Pop3Session {
  /** STAT: messages in the maildrop and their total size in octets. */
  stat(): Promise<{ count: number; size: number }>;
  /** UIDL without argument; Pop3Error('uidl') when the server has no UIDL. */
  uidl(): Promise<Pop3Listing[]>;
  /** RETR: the message's source exactly as stored, dot-stuffing removed, lines ending CRLF. */
  retr(n: number): Promise<Buffer>;
  /** Marks a message deleted; the server deletes it only when QUIT succeeds. */
  dele(n: number): Promise<void>;
  /** QUIT: ends the session; resolves true when the server committed the deletions (+OK). */
  quit(): Promise<boolean>;
  /** Drops the connection without QUIT: DELE marks are forgotten by the server. */
  close(): void;
}

export interface Pop3Options {
  /** Connect, greeting and per-reply timeout. Default 30 s. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

const CRLF = Buffer.from('\r\n');

/**
 * The reply side of a connection as a queue of lines (without their CRLF). Data is cut into
 * lines as it arrives, so only a partial last line is ever copied again: a 20 MB message costs
 * one pass over its bytes, however the network chunks it.
 */
class LineReader {
  private tail: Buffer = Buffer.alloc(0);
  private readonly lines: Buffer[] = [];
  private waiter: { resolve: (line: Buffer) => void; reject: (err: Error) => void } | null = null;
  private failure: Error | null = null;

  push(chunk: Buffer): void {
    let data = this.tail.length > 0 ? Buffer.concat([this.tail, chunk]) : chunk;
    for (let lf = data.indexOf(10); lf !== -1; lf = data.indexOf(10)) {
      const end = lf > 0 && data[lf - 1] === 13 ? lf - 1 : lf;
      this.lines.push(data.subarray(0, end));
      data = data.subarray(lf + 1);
    }
    // A copy, so the tail does not pin the whole chunk it came from.
    this.tail = Buffer.from(data);
    this.wake();
  }

  fail(err: Error): void {
    this.failure ??= err;
    this.wake();
  }

  next(): Promise<Buffer> {
    const line = this.lines.shift();
    if (line) return Promise.resolve(line);
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiter = { resolve, reject };
    });
  }

  private wake(): void {
    const w = this.waiter;
    if (!w) return;
    const line = this.lines.shift();
    if (line) {
      this.waiter = null;
      w.resolve(line);
    } else if (this.failure) {
      this.waiter = null;
      w.reject(this.failure);
    }
  }
}

/** Socket errors in the user's terms: refused, unknown host and timeouts are 'connect'. */
function socketError(err: unknown, during: Pop3FailureKind): Pop3Error {
  if (err instanceof Pop3Error) return err;
  const e = err as NodeJS.ErrnoException;
  return new Pop3Error(during, [e.message, e.code].filter(Boolean).join(' | '), { cause: err });
}

/** One TCP (or TLS) connection with its line reader. */
function attach(socket: net.Socket, timeoutMs: number): { socket: net.Socket; reader: LineReader } {
  const reader = new LineReader();
  socket.setTimeout(timeoutMs, () => socket.destroy(new Pop3Error('connect', `no answer from the server within ${timeoutMs / 1000} s`)));
  socket.on('data', (c: Buffer) => reader.push(c));
  socket.on('error', (err) => reader.fail(err));
  socket.on('close', () => reader.fail(new Pop3Error('connect', 'the server closed the connection')));
  return { socket, reader };
}

function dial(server: Pop3Server, timeoutMs: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const options = { host: server.host, port: server.port, timeout: timeoutMs };
    const socket = server.security === 'tls' ? tls.connect({ ...options, servername: net.isIP(server.host) ? undefined : server.host }) : net.connect(options);
    const ready = server.security === 'tls' ? 'secureConnect' : 'connect';
    const onError = (err: Error) => {
      socket.destroy();
      reject(socketError(err, server.security === 'tls' && /certificate|SSL|TLS|handshake/i.test(err.message) ? 'tls' : 'connect'));
    };
    socket.once('error', onError);
    socket.once('timeout', () => onError(new Error(`no connection within ${timeoutMs / 1000} s`)));
    socket.once(ready, () => {
      socket.off('error', onError);
      socket.removeAllListeners('timeout');
      resolve(socket);
    });
  });
}

/** Upgrades a plain connection after `STLS` was accepted. */
function startTls(socket: net.Socket, host: string): Promise<tls.TLSSocket> {
  return new Promise((resolve, reject) => {
    socket.removeAllListeners('data');
    socket.removeAllListeners('close');
    socket.removeAllListeners('error');
    const secure = tls.connect({ socket, servername: net.isIP(host) ? undefined : host });
    secure.once('error', (err) => reject(socketError(err, 'tls')));
    secure.once('secureConnect', () => resolve(secure));
  });
}

/**
 * Connects and logs in (USER / PASS). Rejects with a Pop3Error whose kind says where it failed:
 * 'connect' (refused, unknown host, timeout), 'tls', 'login' (the server refused the user or
 * password, its words in the message) or 'protocol' (no POP3 server there).
 */
export async function openPop3(server: Pop3Server, password: string, options: Pop3Options = {}): Promise<Pop3Session> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  options.signal?.throwIfAborted();
  // A line break would end USER / PASS early and send the rest to the server as a command of its own.
  if (/[\r\n]/.test(server.user) || /[\r\n]/.test(password)) throw new Pop3Error('login', 'the user name or password contains a line break');
  let conn = attach(await dial(server, timeoutMs), timeoutMs);
  const onAbort = () => conn.socket.destroy(new Pop3Error('connect', 'aborted'));
  options.signal?.addEventListener('abort', onAbort, { once: true });

  /** One command's status line: the text after +OK, or a Pop3Error of `kind` with the server's words. */
  const status = async (kind: Pop3FailureKind): Promise<string> => {
    const line = (await conn.reader.next()).toString('latin1');
    if (line.startsWith('+OK')) return line.slice(3).trim();
    if (line.startsWith('-ERR')) throw new Pop3Error(kind, line.slice(4).trim() || 'the server said -ERR');
    throw new Pop3Error('protocol', `not a POP3 reply: ${line.slice(0, 200)}`);
  };
  const command = (text: string, kind: Pop3FailureKind): Promise<string> => {
    // Commands are ASCII; a user name or password beyond it goes as UTF-8, as mail servers expect today.
    conn.socket.write(`${text}\r\n`, 'utf8');
    return status(kind);
  };
  /** The lines of a multi-line reply up to the "." line, dot-stuffing removed. */
  const body = async (): Promise<Buffer[]> => {
    const lines: Buffer[] = [];
    for (;;) {
      const line = await conn.reader.next();
      if (line[0] === 46) {
        if (line.length === 1) return lines;
        lines.push(line.subarray(1));
      } else {
        lines.push(line);
      }
    }
  };

  try {
    await status('protocol').catch((err: unknown) => {
      throw err instanceof Pop3Error && err.kind !== 'connect' ? new Pop3Error('protocol', `the server's greeting: ${err.message}`) : err;
    });
    if (server.security === 'starttls') {
      await command('STLS', 'tls');
      conn = attach(await startTls(conn.socket, server.host), timeoutMs);
    }
    // Never echo the password into an error: the server's reply to PASS is all that is kept.
    await command(`USER ${server.user}`, 'login');
    await command(`PASS ${password}`, 'login');
  } catch (err) {
    options.signal?.removeEventListener('abort', onAbort);
    conn.socket.destroy();
    throw socketError(err, 'connect');
  }

  const close = () => {
    options.signal?.removeEventListener('abort', onAbort);
    conn.socket.destroy();
  };
  const guarded = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (err) {
      // A reply out of step or a dead socket: the session cannot go on.
      if (!(err instanceof Pop3Error) || err.kind !== 'uidl') close();
      throw socketError(err, 'connect');
    }
  };

  return {
    stat: () =>
      guarded(async () => {
        const [count, size] = (await command('STAT', 'protocol')).split(/\s+/).map(Number);
        if (!Number.isInteger(count) || !Number.isInteger(size)) throw new Pop3Error('protocol', 'STAT answered without counts');
        return { count: count!, size: size! };
      }),
    uidl: () =>
      guarded(async () => {
        await command('UIDL', 'uidl');
        return (await body()).map((line) => {
          const [n, uidl] = line.toString('latin1').trim().split(/\s+/);
          if (!n || !uidl || !/^\d+$/.test(n)) throw new Pop3Error('protocol', `a UIDL line we cannot read: ${line.toString('latin1').slice(0, 100)}`);
          return { n: Number(n), uidl };
        });
      }),
    retr: (n) =>
      guarded(async () => {
        await command(`RETR ${n}`, 'protocol');
        const lines = await body();
        const parts: Buffer[] = [];
        for (const line of lines) parts.push(line, CRLF);
        return Buffer.concat(parts);
      }),
    dele: (n) =>
      guarded(async () => {
        await command(`DELE ${n}`, 'protocol');
      }),
    quit: async () => {
      try {
        await command('QUIT', 'protocol');
        return true;
      } catch {
        return false;
      } finally {
        close();
      }
    },
    close,
  };
}
