import type { IdInfoObject, ImapFlow } from 'imapflow';
import type { MailAccountsTable } from '../../../../db/tables/mail.tables.ts';
import type { MailSecurity } from '../../../../shared/domain/mail-enums.ts';
import type { Logger } from '../../core/logger.ts';

/**
 * The one way this app logs in to an IMAP server (sync, the Inbox watcher, the Sent copy of
 * sending, flag changes): the same security mapping everywhere and always the IMAP ID command,
 * without which NetEase (163/126) and others refuse the login.
 */

export const DEFAULT_CLIENT_INFO: IdInfoObject = { name: 'TradeFolio', version: '0.1.0', vendor: 'TradeFolio' };

export interface ImapConnectOptions {
  clientInfo?: IdInfoObject;
  /** Where socket errors after login are logged, and under which event (e.g. `mail.imap.error`). */
  log?: Logger;
  errorEvent?: string;
  /** Sit in IDLE when nothing else runs (the Inbox watcher); other connections never idle. */
  idle?: boolean;
  /** Connection and greeting timeout; default 30 s and 16 s. */
  connectTimeoutMs?: number;
  socketTimeoutMs?: number;
}

/** An IMAP server as an account row or an unsaved "test connection" form describes it. */
export interface ImapServer {
  host: string;
  port: number;
  security: MailSecurity;
  user: string;
}

export function imapServerOf(account: MailAccountsTable): ImapServer {
  return { host: account.imap_host!, port: account.imap_port!, security: account.imap_security ?? 'tls', user: account.imap_user! };
}

/** The server's words and codes of an IMAP or socket error, for logs and the account's error line. */
export function errorText(err: unknown): string {
  if (err instanceof Error) {
    const extra = err as Error & { responseText?: string; serverResponseCode?: string; code?: string };
    return [err.message, extra.responseText, extra.serverResponseCode ?? extra.code].filter(Boolean).join(' | ');
  }
  return String(err);
}

/** The account's own addresses (primary and aliases), lower-cased: mail from these is outbound. */
export function ownAddressesOf(account: Pick<MailAccountsTable, 'email' | 'aliases'>): Set<string> {
  const own = new Set([account.email.toLowerCase()]);
  try {
    const aliases: unknown = JSON.parse(account.aliases);
    if (Array.isArray(aliases)) for (const a of aliases) if (typeof a === 'string') own.add(a.toLowerCase());
  } catch {
    // A damaged alias list only means fewer own addresses are recognised.
  }
  return own;
}

/**
 * A client set up the one way (security mapping, IMAP ID, idling), not yet connected.
 * imapflow (~100 modules with libmime, iconv-lite and pino) is imported here, on the first
 * connection, not with this file: filing and leads import ownAddressesOf from it, and a CLI read
 * that never connects should not pay for loading an IMAP client.
 */
export async function createImapClient(server: ImapServer, password: string, options: ImapConnectOptions & { accountId?: string } = {}): Promise<ImapFlow> {
  const { ImapFlow } = await import('imapflow');
  const client = new ImapFlow({
    host: server.host,
    port: server.port,
    secure: server.security === 'tls',
    doSTARTTLS: server.security === 'starttls' ? true : server.security === 'none' ? false : undefined,
    auth: { user: server.user, pass: password },
    clientInfo: { 'support-url': false, ...(options.clientInfo ?? DEFAULT_CLIENT_INFO) },
    logger: false,
    // Only the Inbox watcher idles, restarting IDLE every few minutes because some servers (and
    // NAT boxes) drop quiet connections; every other connection runs commands back to back.
    disableAutoIdle: !options.idle,
    ...(options.idle ? { autoIdleDelay: 1_000, maxIdleTime: 4 * 60_000 } : {}),
    connectionTimeout: options.connectTimeoutMs ?? 30_000,
    greetingTimeout: options.connectTimeoutMs ?? 16_000,
    ...(options.socketTimeoutMs ? { socketTimeout: options.socketTimeoutMs } : {}),
  });
  // Without a listener an 'error' event (a dropped socket) would crash the process.
  client.on('error', (err: Error) => options.log?.warn(options.errorEvent ?? 'mail.imap.error', { accountId: options.accountId, error: errorText(err) }));
  return client;
}

/** Connects and logs in to an account's server; throws what imapflow threw (callers decide which step failed). */
export async function connectImap(account: MailAccountsTable, password: string, options: ImapConnectOptions): Promise<ImapFlow> {
  const client = await createImapClient(imapServerOf(account), password, { socketTimeoutMs: 5 * 60_000, ...options, accountId: account.id });
  try {
    await client.connect();
  } catch (err) {
    client.close();
    throw err;
  }
  return client;
}

export async function closeImap(client: ImapFlow): Promise<void> {
  await client.logout().catch(() => client.close());
}
