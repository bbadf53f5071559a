import { ImapFlow, type IdInfoObject } from 'imapflow';
import type { MailAccountsTable } from '../../../db/tables/mail.tables.ts';
import type { Logger } from '../core/logger.ts';

/**
 * The one way this app logs in to an IMAP server (sync, the Inbox watcher, the Sent copy of
 * sending, flag changes): the same security mapping everywhere and always the IMAP ID command,
 * without which NetEase (163/126) and others refuse the login.
 */

export const DEFAULT_CLIENT_INFO: IdInfoObject = { name: 'TradeFolio', version: '0.1.0', vendor: 'TradeFolio' };

export interface ImapConnectOptions {
  clientInfo?: IdInfoObject;
  log: Logger;
  /** The log line for socket errors after login, e.g. `mail.imap.error`. */
  errorEvent: string;
  /** Sit in IDLE when nothing else runs (the Inbox watcher); other connections never idle. */
  idle?: boolean;
  socketTimeoutMs?: number;
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

/** Connects and logs in; throws what imapflow threw (callers decide which step failed). */
export async function connectImap(account: MailAccountsTable, password: string, options: ImapConnectOptions): Promise<ImapFlow> {
  const security = account.imap_security ?? 'tls';
  const client = new ImapFlow({
    host: account.imap_host!,
    port: account.imap_port!,
    secure: security === 'tls',
    doSTARTTLS: security === 'starttls' ? true : security === 'none' ? false : undefined,
    auth: { user: account.imap_user!, pass: password },
    clientInfo: { 'support-url': false, ...(options.clientInfo ?? DEFAULT_CLIENT_INFO) },
    logger: false,
    // Only the Inbox watcher idles, restarting IDLE every few minutes because some servers (and
    // NAT boxes) drop quiet connections; every other connection runs commands back to back.
    disableAutoIdle: !options.idle,
    ...(options.idle ? { autoIdleDelay: 1_000, maxIdleTime: 4 * 60_000 } : {}),
    connectionTimeout: 30_000,
    greetingTimeout: 16_000,
    socketTimeout: options.socketTimeoutMs ?? 5 * 60_000,
  });
  // Without a listener an 'error' event (a dropped socket) would crash the process.
  client.on('error', (err: Error) => options.log.warn(options.errorEvent, { accountId: account.id, error: errorText(err) }));
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
