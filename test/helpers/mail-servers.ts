import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ImapFlow } from 'imapflow';
import nodemailer from 'nodemailer';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';

/**
 * Real mail servers on loopback for tests: a throwaway Dovecot (IMAP, LMTP, optional
 * submission) and an smtp-server sink. Each call gets its own temp folder and free ports, so
 * test files can run them in parallel. See TOOLCHAIN.md "Throwaway Dovecot".
 */

export interface MailUser {
  user: string;
  password: string;
}

export interface StartDovecotOptions {
  users?: MailUser[];
  /**
   * Also run Dovecot's submission service (SMTP AUTH as a mail user). Its relay is an
   * smtp-server on loopback that delivers local recipients over LMTP and keeps the rest in
   * `relayed`, so "send, then find it over IMAP" and "what went out" can both be checked.
   */
  submission?: boolean;
  /**
   * Replaces the advertised IMAP capabilities, e.g. without CONDSTORE/QRESYNC/ESEARCH to
   * exercise a client's fallback paths against a plain IMAP4rev1 server.
   */
  imapCapability?: string;
  /**
   * Dovecot's mailbox format. Maildir (the default) keeps one file per message, easy to inspect;
   * sdbox is Dovecot's indexed format, whose SELECT stays fast at 10,000 messages as production
   * servers' do (benchmarks).
   */
  mailboxFormat?: 'maildir' | 'sdbox';
  /**
   * Also serve POP3 (Debian's dovecot-pop3d) on a loopback port, on the same mail store as IMAP.
   * Without the package Dovecot refuses to start, and this throws saying to install it: a POP3
   * test fails loudly rather than skipping.
   */
  pop3?: boolean;
}

export interface RelayedMessage {
  from: string;
  to: string[];
  raw: Buffer;
}

export interface Dovecot {
  host: '127.0.0.1';
  imapPort: number;
  lmtpPort: number;
  submissionPort?: number;
  /** Set when started with `pop3: true`. */
  pop3Port?: number;
  users: MailUser[];
  /** The temp folder holding config, mail and log; removed by stop(). */
  dir: string;
  /** Mail the submission relay passed on to addresses that are not local users. */
  relayed: RelayedMessage[];
  /** Delivers a raw RFC 5322 message into `to`'s INBOX over LMTP (as an MTA would). */
  deliver(rawMessage: string | Buffer, to: string, from?: string): Promise<void>;
  /** A logged-in IMAP client for arranging server-side state (append, move, delete, flags). */
  connect(user?: string): Promise<ImapFlow>;
  /** Dovecot's log so far, e.g. to check what a client sent with ID. */
  log(): string;
  stop(): Promise<void>;
}

export const SPECIAL_USE_MAILBOXES = {
  Sent: '\\Sent',
  Drafts: '\\Drafts',
  Trash: '\\Trash',
  Junk: '\\Junk',
  Archive: '\\Archive',
} as const;

const DEFAULT_USERS: MailUser[] = [{ user: 'test@example.com', password: 'secret' }];
const START_TIMEOUT_MS = 5000;
const DOVECOT_BIN = '/usr/sbin/dovecot';
/** What dovecot-pop3d installs; Dovecot with `protocols = … pop3` fails to start without it. */
const POP3_BINARY = '/usr/lib/dovecot/pop3';

/** Every Dovecot still running when the test process ends is killed with its whole group. */
const runningGroups = new Set<number>();
let exitHookInstalled = false;
function trackGroup(pid: number): void {
  runningGroups.add(pid);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const group of runningGroups) killGroup(group, 'SIGKILL');
  });
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

/** A port nobody listens on right now. Another process may still take it before we do: callers retry. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function dovecotConfig(
  d: string,
  ports: { imap: number; lmtp: number; submission: number | null; relay: number | null; pop3: number | null },
  imapCapability: string | undefined,
  mailboxFormat: 'maildir' | 'sdbox',
): string {
  const mailboxes = Object.entries(SPECIAL_USE_MAILBOXES)
    .map(([name, use]) => `  mailbox ${name} {\n    special_use = ${use}\n    auto = subscribe\n  }`)
    .join('\n');
  const protocols = ['imap', 'lmtp', ...(ports.submission ? ['submission'] : []), ...(ports.pop3 ? ['pop3'] : [])].join(' ');
  // UIDLs as most providers give them (%08Xu%08Xv, stable across sessions); 'pop3_uidl_format' is Dovecot 2.3's name.
  const pop3 = ports.pop3
    ? `
pop3_uidl_format = %08Xu%08Xv
service pop3-login {${noChroot()}
  inet_listener pop3 {
    address = 127.0.0.1
    port = ${ports.pop3}
  }
  inet_listener pop3s {
    port = 0
  }
}
`
    : '';
  const submission = ports.submission
    ? `
hostname = localhost
submission_relay_host = 127.0.0.1
submission_relay_port = ${ports.relay}
submission_relay_trusted = yes
submission_relay_ssl = no
service submission-login {${noChroot()}
  inet_listener submission {
    address = 127.0.0.1
    port = ${ports.submission}
  }
}
`
    : '';
  return `protocols = ${protocols}
listen = 127.0.0.1
base_dir = ${d}/run
state_dir = ${d}/state
log_path = ${d}/dovecot.log
info_log_path = ${d}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
# Tests try wrong passwords on purpose: no 2 s delay, and no growing per-IP penalty for later
# logins (Dovecot 2.3 has no switch for it; with its anvil socket closed to the auth process
# the penalty is skipped).
auth_failure_delay = 0
service anvil {${noChroot()}
  unix_listener anvil-auth-penalty {
    mode = 0
  }
}
mail_location = ${mailboxFormat}:${d}/mail/%u
${mailUser()}
first_valid_uid = 1
imap_id_log = *
${imapCapability ? `imap_capability = ${imapCapability}\n` : ''}passdb {
  driver = passwd-file
  args = ${d}/users
}
userdb {
  driver = static
  args = home=${d}/mail/%u
}
namespace inbox {
  inbox = yes
${mailboxes}
}
service imap-login {${noChroot()}
  inet_listener imap {
    address = 127.0.0.1
    port = ${ports.imap}
  }
  inet_listener imaps {
    port = 0
  }
}
service lmtp {
  inet_listener lmtp {
    address = 127.0.0.1
    port = ${ports.lmtp}
  }
}
${submission}${pop3}`;
}

async function deliverLmtp(lmtpPort: number, raw: string | Buffer, to: string, from: string): Promise<void> {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: lmtpPort, lmtp: true, ignoreTLS: true, secure: false });
  try {
    await transport.sendMail({ envelope: { from, to: [to] }, raw });
  } finally {
    transport.close();
  }
}

/**
 * Starts Dovecot in the foreground (`dovecot -F`) as its own process group in a fresh temp
 * folder. Fails with the Dovecot log when it is not listening within 5 s.
 */
export async function startDovecot(options: StartDovecotOptions = {}): Promise<Dovecot> {
  let lastError: unknown;
  // A port found free can be taken by a parallel test before Dovecot binds it: try again.
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await startDovecotOnce(options);
    } catch (err) {
      lastError = err;
      if (!(err instanceof Error && /Address already in use/i.test(err.message))) throw err;
    }
  }
  throw lastError;
}

async function startDovecotOnce(options: StartDovecotOptions): Promise<Dovecot> {
  const users = options.users ?? DEFAULT_USERS;
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-dovecot-'));
  // mkdtemp gives 0700; the unprivileged Dovecot processes must reach the folders inside.
  fs.chmodSync(d, 0o755);
  fs.mkdirSync(path.join(d, 'mail'));
  if (isRoot()) fs.chownSync(path.join(d, 'mail'), nobodyUid(), nogroupGid());
  fs.writeFileSync(path.join(d, 'users'), users.map((u) => `${u.user}:{PLAIN}${u.password}::::::`).join('\n') + '\n');

  const relayed: RelayedMessage[] = [];
  let relay: SMTPServer | null = null;
  const ports = { imap: await freePort(), lmtp: await freePort(), submission: null as number | null, relay: null as number | null, pop3: null as number | null };
  if (options.pop3) {
    if (!fs.existsSync(POP3_BINARY)) throw new Error(`POP3 tests need Debian's dovecot-pop3d (${POP3_BINARY} is missing): apt-get install dovecot-pop3d, or run npm run setup`);
    ports.pop3 = await freePort();
  }
  if (options.submission) {
    ports.submission = await freePort();
    const local = new Set(users.map((u) => u.user.toLowerCase()));
    relay = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks);
          const from = session.envelope.mailFrom ? (session.envelope.mailFrom as SMTPServerAddress).address : '';
          const to = session.envelope.rcptTo.map((r) => r.address);
          const outside = to.filter((a) => !local.has(a.toLowerCase()));
          if (outside.length > 0) relayed.push({ from, to: outside, raw });
          Promise.all(to.filter((a) => local.has(a.toLowerCase())).map((a) => deliverLmtp(ports.lmtp, raw, a, from || 'relay@localhost')))
            .then(() => callback())
            .catch((err: unknown) => callback(err instanceof Error ? err : new Error(String(err))));
        });
      },
    });
    ports.relay = await listen(relay, 0);
  }

  const conf = path.join(d, 'dovecot.conf');
  fs.writeFileSync(conf, dovecotConfig(d, ports, options.imapCapability, options.mailboxFormat ?? 'maildir'));
  const logFile = path.join(d, 'dovecot.log');
  const readLog = () => {
    try {
      return fs.readFileSync(logFile, 'utf8');
    } catch {
      return '';
    }
  };

  const child: ChildProcess = spawn(DOVECOT_BIN, ['-F', '-c', conf], { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => {
    stderr += c.toString();
  });
  let exited: number | null = null;
  child.once('exit', (code) => {
    exited = code ?? -1;
  });
  const pid = child.pid;
  if (!pid) throw new Error('dovecot did not start (no pid)');
  trackGroup(pid);

  const stopProcess = async () => {
    killGroup(pid, 'SIGTERM');
    const deadline = Date.now() + 3000;
    while (exited === null && Date.now() < deadline) await sleep(20);
    if (exited === null) killGroup(pid, 'SIGKILL');
    runningGroups.delete(pid);
    if (relay) await closeSmtp(relay);
  };

  const deadline = Date.now() + START_TIMEOUT_MS;
  const wanted = [ports.imap, ports.lmtp, ...(ports.submission ? [ports.submission] : []), ...(ports.pop3 ? [ports.pop3] : [])];
  for (;;) {
    if (exited !== null) {
      await stopProcess();
      const log = readLog();
      fs.rmSync(d, { recursive: true, force: true });
      throw new Error(`dovecot exited with ${exited} while starting:\n${stderr}\n${log}`);
    }
    const up = await Promise.all(wanted.map(canConnect));
    if (up.every(Boolean)) break;
    if (Date.now() > deadline) {
      await stopProcess();
      const log = readLog();
      fs.rmSync(d, { recursive: true, force: true });
      throw new Error(`dovecot did not listen on ${wanted.join(', ')} within ${START_TIMEOUT_MS} ms:\n${stderr}\n${log}`);
    }
    await sleep(25);
  }

  const first = users[0]!;
  return {
    host: '127.0.0.1',
    imapPort: ports.imap,
    lmtpPort: ports.lmtp,
    ...(ports.submission ? { submissionPort: ports.submission } : {}),
    ...(ports.pop3 ? { pop3Port: ports.pop3 } : {}),
    users,
    dir: d,
    relayed,
    deliver: (raw, to, from = 'sender@example.org') => deliverLmtp(ports.lmtp, raw, to, from),
    async connect(user = first.user) {
      const account = users.find((u) => u.user === user);
      if (!account) throw new Error(`no such test user: ${user}`);
      const client = new ImapFlow({
        host: '127.0.0.1',
        port: ports.imap,
        secure: false,
        auth: { user: account.user, pass: account.password },
        logger: false,
        disableAutoIdle: true,
      });
      await client.connect();
      return client;
    },
    log: readLog,
    async stop() {
      await stopProcess();
      fs.rmSync(d, { recursive: true, force: true });
    },
  };
}

let cachedIds: { uid: number; gid: number } | null = null;
function systemIds(): { uid: number; gid: number } {
  if (cachedIds) return cachedIds;
  const passwd = fs.readFileSync('/etc/passwd', 'utf8');
  const group = fs.readFileSync('/etc/group', 'utf8');
  const uid = Number(passwd.split('\n').find((l) => l.startsWith('nobody:'))?.split(':')[2] ?? 65534);
  const gid = Number(group.split('\n').find((l) => l.startsWith('nogroup:'))?.split(':')[2] ?? 65534);
  cachedIds = { uid, gid };
  return cachedIds;
}
const nobodyUid = () => systemIds().uid;
const isRoot = () => process.getuid?.() === 0;

/** Only root may chroot: for anyone else the login and anvil processes run unjailed. */
function noChroot(): string {
  return isRoot() ? '' : '\n  chroot =';
}

/** As root, mail is owned by nobody; as anyone else, Dovecot runs every process as that user. */
function mailUser(): string {
  if (isRoot()) return 'mail_uid = nobody\nmail_gid = nogroup';
  const user = os.userInfo();
  const group = fs.readFileSync('/etc/group', 'utf8').split('\n').find((l) => l.split(':')[2] === String(user.gid))?.split(':')[0] ?? String(user.gid);
  return [
    `mail_uid = ${user.username}`,
    `mail_gid = ${group}`,
    `default_login_user = ${user.username}`,
    `default_internal_user = ${user.username}`,
    `default_internal_group = ${group}`,
  ].join('\n');
}
const nogroupGid = () => systemIds().gid;

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

function listen(server: SMTPServer, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error) => reject(err);
    server.once('error', onError);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', onError);
      const address = server.server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

function closeSmtp(server: SMTPServer): Promise<void> {
  return new Promise((resolve) => {
    // Open client connections would hold close() for smtp-server's close timeout.
    for (const connection of server.connections) connection.close();
    server.close(() => resolve());
  });
}

/* ---------------- SMTP sink ---------------- */

export interface CapturedMail {
  from: string;
  to: string[];
  raw: Buffer;
}

export interface SmtpSink {
  host: '127.0.0.1';
  port: number;
  /** Raw messages in the order received. */
  messages: Buffer[];
  /** The same, with their envelopes. */
  received: CapturedMail[];
  /** Makes the next transactions fail with this SMTP reply (e.g. 550 "mailbox unavailable"); null = accept. */
  reject(reply: { code: number; message: string } | null): void;
  /** Stops listening and drops open connections; `start()` listens on the same port again. */
  stop(): Promise<void>;
  start(): Promise<void>;
  running(): boolean;
}

export interface StartSmtpSinkOptions {
  port?: number;
  /** Require AUTH with these credentials (otherwise AUTH is optional and any login passes). */
  auth?: { user: string; pass: string };
}

/** An smtp-server on 127.0.0.1 that keeps every message it is given. */
export async function startSmtpSink(options: StartSmtpSinkOptions = {}): Promise<SmtpSink> {
  const messages: Buffer[] = [];
  const received: CapturedMail[] = [];
  let rejection: { code: number; message: string } | null = null;

  const create = () =>
    new SMTPServer({
      authOptional: !options.auth,
      // Loopback only: AUTH without TLS is what a client configured with security 'none' does.
      allowInsecureAuth: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onAuth(auth, _session, callback) {
        if (options.auth && (auth.username !== options.auth.user || auth.password !== options.auth.pass)) {
          callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
          return;
        }
        callback(null, { user: auth.username ?? 'anonymous' });
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          if (rejection) {
            callback(Object.assign(new Error(rejection.message), { responseCode: rejection.code }));
            return;
          }
          const raw = Buffer.concat(chunks);
          messages.push(raw);
          received.push({
            from: session.envelope.mailFrom ? (session.envelope.mailFrom as SMTPServerAddress).address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw,
          });
          callback();
        });
      },
    });

  let server: SMTPServer | null = create();
  let port = 0;
  for (let attempt = 0; ; attempt++) {
    try {
      port = await listen(server, options.port ?? 0);
      break;
    } catch (err) {
      if (attempt >= 2 || options.port === undefined) throw err;
      await sleep(50);
    }
  }

  return {
    host: '127.0.0.1',
    port,
    messages,
    received,
    reject(reply) {
      rejection = reply;
    },
    async stop() {
      if (!server) return;
      const s = server;
      server = null;
      await closeSmtp(s);
    },
    async start() {
      if (server) return;
      const s = create();
      // The port was ours a moment ago; the kernel may need a beat to release it.
      for (let attempt = 0; ; attempt++) {
        try {
          await listen(s, port);
          break;
        } catch (err) {
          if (attempt >= 20) throw err;
          await sleep(50);
        }
      }
      server = s;
    },
    running: () => server !== null,
  };
}

/* ---------------- a cuttable TCP link ---------------- */

export interface TcpProxy {
  port: number;
  /** Connections opened through the proxy so far. */
  connections(): number;
  /** Drops every open connection at once, as a lost network would. New connections still work. */
  cut(): void;
  close(): Promise<void>;
}

/**
 * A loopback TCP proxy in front of a server, so a test can kill a client's connection in the
 * middle of a command ("connection killed mid-sync") without touching the client.
 */
export async function startTcpProxy(targetPort: number): Promise<TcpProxy> {
  const open = new Set<net.Socket>();
  let count = 0;
  const server = net.createServer((inbound) => {
    count++;
    const outbound = net.connect({ host: '127.0.0.1', port: targetPort });
    open.add(inbound);
    open.add(outbound);
    const drop = () => {
      inbound.destroy();
      outbound.destroy();
      open.delete(inbound);
      open.delete(outbound);
    };
    inbound.on('error', drop).on('close', drop);
    outbound.on('error', drop).on('close', drop);
    inbound.pipe(outbound);
    outbound.pipe(inbound);
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });
  return {
    port,
    connections: () => count,
    cut() {
      for (const socket of open) socket.destroy();
      open.clear();
    },
    close() {
      for (const socket of open) socket.destroy();
      open.clear();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
