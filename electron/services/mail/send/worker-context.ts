import type { IdInfoObject } from 'imapflow';
import type { Db } from '../../../../db/database.ts';
import type { Clock } from '../../core/clock.ts';
import type { Emit } from '../../core/events.ts';
import type { Logger } from '../../core/logger.ts';
import type { MailStores } from '../store/mail-stores.ts';
import { connectImap } from '../sync/imap-connection.ts';
import type { MailAccountsTable } from '../../../../db/tables/mail.tables.ts';

/** What the outbox worker (outbox-worker.ts) and its steps work with. */
export interface OutboxWorkerDeps {
  db: Db;
  clock: Clock;
  log: Logger;
  stores: MailStores;
  /** The stored password of an account's server, or null. */
  password(accountId: string, server: 'imap' | 'smtp'): string | null;
  emit: Emit;
  clientInfo: IdInfoObject;
  smtpTimeoutMs?: number;
  /** Longest sleep between passes when nothing is due sooner (a safety net, and the Sent-copy retry). */
  idlePollMs?: number;
}

/** The worker's memory between passes, shared by its steps (one worker per app core). */
export interface WorkerState {
  /** True once close() was called: a step stops before its next mail. */
  closed: boolean;
  /** Rows this process is sending right now; any other 'sending' row is someone else's or orphaned. */
  readonly inFlight: Set<string>;
  /** Accounts that sent something this pass: their Sent copies are due now, whatever the retry timer says. */
  readonly freshlySent: Set<string>;
  /** When the last Sent copy of an account failed (copy-to-sent.ts waits before trying again). */
  readonly copyFailedAt: Map<string, number>;
}

export function newWorkerState(): WorkerState {
  return { closed: false, inFlight: new Set(), freshlySent: new Set(), copyFailedAt: new Map() };
}

export type ImapClient = Awaited<ReturnType<typeof connectImap>>;

/** A short IMAP connection of the worker (Sent copies, the crash check); the sync keeps its own. */
export function connectForSending(deps: OutboxWorkerDeps, account: MailAccountsTable, password: string): Promise<ImapClient> {
  return connectImap(account, password, { clientInfo: deps.clientInfo, log: deps.log, errorEvent: 'mail.send.imapError', socketTimeoutMs: 2 * 60_000 });
}

/** The IMAP password of an account that has an IMAP server, or null when the worker cannot reach its folders. */
export function imapPassword(deps: OutboxWorkerDeps, account: MailAccountsTable | undefined): string | null {
  if (!account || account.kind !== 'imap' || !account.imap_host) return null;
  return deps.password(account.id, 'imap');
}
