import type { Db } from '../../db/database.ts';
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { openDatabase, type OpenedDatabase } from '../../db/open-database.ts';
import type { Clock } from '../../electron/services/core/clock.ts';
import { silentLogger, type Logger } from '../../electron/services/core/logger.ts';
import type { AppCore } from '../../electron/services/core/app-core.ts';
import { openMailStores } from '../../electron/services/mail/store/mail-stores.ts';
import { createMailSync, type MailSyncDeps, type SyncOptions, type SyncReport } from '../../electron/services/mail/sync/imap-sync.ts';
import { mailAccountRow } from '../fixtures/mail-fixtures.ts';
import type { Dovecot } from './mail-servers.ts';
import { tempDir } from './temp-core.ts';

/** Shared pieces of the mail integration tests: a database, an account row, raw messages. */

export const CORPUS_DIR = '/work/shared/corpus/csdmc2010';

export interface MailDb {
  opened: OpenedDatabase;
  db: Db;
  dataDir: string;
  close(): Promise<void>;
}

/** A fresh data folder with a migrated database file (all migrations, mail included). */
export async function openMailDb(): Promise<MailDb> {
  const dataDir = tempDir('tf-mail-');
  const opened = await openDatabase(path.join(dataDir, 'tradefolio.sqlite'));
  return {
    opened,
    db: asMailDb(opened),
    dataDir,
    async close() {
      await opened.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The core's handle typed with the mail tables (until they are merged into Database). */
export function asMailDb(opened: OpenedDatabase): Db {
  return opened.db as unknown as Db;
}

export async function addAccount(
  db: Db,
  server: { imapPort: number },
  options: { id?: string; email: string; port?: number; windowDays?: number | null; aliases?: string[] },
): Promise<string> {
  const id = options.id ?? `acc-${options.email}`;
  await db
    .insertInto('mail_accounts')
    .values(
      mailAccountRow({
        id,
        kind: 'imap',
        email: options.email.toLowerCase(),
        name: options.email,
        aliases: JSON.stringify(options.aliases ?? []),
        imap_host: '127.0.0.1',
        imap_port: options.port ?? server.imapPort,
        imap_security: 'none',
        imap_user: options.email,
        sync_window_days: options.windowDays === undefined ? 365 : options.windowDays,
        sync_enabled: 1,
      }),
    )
    .execute();
  return id;
}

export function mailSync(
  db: Db,
  dataDir: string,
  options: { clock?: Clock; batchSize?: number; log?: Logger; password?: MailSyncDeps['password'] } = {},
) {
  return createMailSync({
    db,
    clock: options.clock ?? { now: () => Date.now() },
    log: options.log ?? silentLogger,
    stores: openMailStores(dataDir),
    password: options.password ?? (() => 'secret'),
    clientInfo: { name: 'TradeFolio', version: 'test', vendor: 'TradeFolio' },
    ...(options.batchSize ? { batchSize: options.batchSize } : {}),
  });
}

/**
 * Adds a loopback account for `email` to a temp core's database and returns its sync (not yet
 * run), so a test fills a real mailbox and then brings it in as the app does.
 */
export async function accountSync(app: { core: AppCore; dataDir: string }, server: { imapPort: number }, email: string): Promise<(options?: SyncOptions) => Promise<SyncReport>> {
  const db = asMailDb(app.core.database());
  const account = await addAccount(db, server, { email });
  const sync = mailSync(db, app.dataDir);
  return (options) => sync.syncAccount(account, options);
}

/** A log that keeps its lines, to check what the sync reported. */
export function memoryLog(): Logger & { lines: Array<{ level: string; message: string; data?: Record<string, unknown> }> } {
  const lines: Array<{ level: string; message: string; data?: Record<string, unknown> }> = [];
  return {
    lines,
    info: (message, data) => lines.push({ level: 'info', message, ...(data ? { data } : {}) }),
    warn: (message, data) => lines.push({ level: 'warn', message, ...(data ? { data } : {}) }),
    error: (message, data) => lines.push({ level: 'error', message, ...(data ? { data } : {}) }),
  };
}

export interface RawMessageSpec {
  from: string;
  to: string;
  subject?: string;
  date?: Date;
  messageId?: string;
  inReplyTo?: string;
  body?: string;
  cc?: string;
  headers?: string[];
}

/** A plain UTF-8 text message. */
export function rfc822(spec: RawMessageSpec): Buffer {
  const lines = [
    `From: ${spec.from}`,
    `To: ${spec.to}`,
    ...(spec.cc ? [`Cc: ${spec.cc}`] : []),
    `Subject: ${encodeWord(spec.subject ?? '(no subject)')}`,
    `Date: ${(spec.date ?? new Date()).toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <${spec.messageId ?? `${Math.random().toString(36).slice(2)}@test.local`}>`,
    ...(spec.inReplyTo ? [`In-Reply-To: <${spec.inReplyTo}>`, `References: <${spec.inReplyTo}>`] : []),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    ...(spec.headers ?? []),
  ];
  return Buffer.from(`${lines.join('\r\n')}\r\n\r\n${spec.body ?? 'Hello.'}\r\n`, 'utf8');
}

function encodeWord(text: string): string {
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(text) ? text : `=?UTF-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;
}

/**
 * A message as old Chinese mail clients wrote it: raw 8-bit text in a legacy charset, in the
 * Subject and the body, with no charset declared anywhere.
 */
export function unlabelledLegacy(charset: 'gbk' | 'big5', spec: { from: string; to: string; subject: string; body: string; messageId: string; date?: Date }): Buffer {
  const head = (s: string) => Buffer.from(s, 'latin1');
  return Buffer.concat([
    head(`From: ${spec.from}\r\nTo: ${spec.to}\r\nDate: ${(spec.date ?? new Date()).toUTCString().replace('GMT', '+0000')}\r\n`),
    head(`Message-ID: <${spec.messageId}>\r\nSubject: `),
    iconv.encode(spec.subject, charset),
    head('\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: 8bit\r\n\r\n'),
    iconv.encode(spec.body, charset),
    head('\r\n'),
  ]);
}

/** A multipart message with one attachment. */
export function withAttachment(spec: RawMessageSpec & { filename: string; content: Buffer; contentType?: string }): Buffer {
  const boundary = `b-${Math.random().toString(36).slice(2)}`;
  const head = [
    `From: ${spec.from}`,
    `To: ${spec.to}`,
    `Subject: ${encodeWord(spec.subject ?? 'attachment')}`,
    `Date: ${(spec.date ?? new Date()).toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <${spec.messageId ?? `${Math.random().toString(36).slice(2)}@test.local`}>`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
  ].join('\r\n');
  const b64 = spec.content.toString('base64').replace(/.{76}/g, '$&\r\n');
  return Buffer.from(
    `${head}\r\n\r\n--${boundary}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${spec.body ?? 'See attached.'}\r\n` +
      `--${boundary}\r\nContent-Type: ${spec.contentType ?? 'application/pdf'}; name="${spec.filename}"\r\n` +
      `Content-Disposition: attachment; filename="${spec.filename}"\r\nContent-Transfer-Encoding: base64\r\n\r\n${b64}\r\n--${boundary}--\r\n`,
    'utf8',
  );
}

/** Appends messages to a mailbox with given arrival dates (for sync-window tests). */
export async function appendAll(
  server: Dovecot,
  user: string,
  mailbox: string,
  messages: ReadonlyArray<{ raw: Buffer; date?: Date; flags?: string[] }>,
): Promise<number[]> {
  const client = await server.connect(user);
  try {
    const uids: number[] = [];
    for (const m of messages) {
      const r = await client.append(mailbox, m.raw, m.flags ?? [], m.date ?? new Date());
      if (r && r.uid !== undefined) uids.push(r.uid);
    }
    return uids;
  } finally {
    await client.logout();
  }
}

export function corpusFile(name: string): Buffer {
  return fs.readFileSync(path.join(CORPUS_DIR, name));
}
