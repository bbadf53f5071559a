import type { IdInfoObject } from 'imapflow';
import type { z } from 'zod';
import type { Db } from '../../../db/database.ts';
import type { mailCalls } from '../../../shared/contract/mail.contract.ts';
import type { Clock } from '../core/clock.ts';
import type { Emit } from '../core/events.ts';
import type { FaultPoint } from '../core/fault-point.ts';
import type { Logger } from '../core/logger.ts';
import type { SecretStore } from '../platform/secret-store.ts';
import { createAccountHandlers } from './accounts/account-handlers.ts';
import { createAccountSecrets } from './accounts/account-secrets.ts';
import { createMailContentHandlers } from './read/mail-content.ts';
import { createMessageReadHandlers } from './read/message-reading.ts';
import { openMailStores } from './store/mail-stores.ts';
import { workerParser } from './store/parse-pool.ts';
import type { RemoteAddressPolicy } from './read/remote-address-policy.ts';
import { createMessageFlagHandlers } from './sync/message-flags.ts';
import { createSyncRuns } from './sync/sync-runs.ts';

type MailCalls = typeof mailCalls;
export type MailCallKey = keyof MailCalls;
export type MailHandlers = {
  [K in MailCallKey]: (input: z.output<MailCalls[K]['input']>) => Promise<z.output<MailCalls[K]['output']>>;
};

export interface MailServiceDeps {
  db: Db;
  clock: Clock;
  log: Logger;
  dataDir: string;
  secrets: SecretStore;
  /** `data.changed` after writes (batch by batch while a sync runs), `mail.syncProgress` while it does. */
  emit: Emit;
  clientInfo?: IdInfoObject;
  batchSize?: number;
  /** Where remote mail images may be fetched from (read/mail-content.ts); public addresses only by default. */
  remoteAddressPolicy?: RemoteAddressPolicy;
  /** Test-only crash points of a POP3 pass (core/fault-point.ts). */
  faultPoint?: (point: FaultPoint) => void;
}

/**
 * The mail calls of mail.contract.ts, wired from the rooms that answer them: accounts/ (settings
 * and passwords), sync/ (sync runs, the scheduler, read and star flags), read/ (the message list,
 * the reading pane, remote content). Sending is mail/send/, a service of its own.
 */
export function createMailService(deps: MailServiceDeps) {
  const { db, clock, log } = deps;
  const secrets = createAccountSecrets(deps.secrets);
  const stores = openMailStores(deps.dataDir);
  const parser = workerParser((reason) => log.info('mail.parseInThread', { reason }));
  const runs = createSyncRuns({
    db,
    clock,
    log,
    emit: deps.emit,
    stores,
    parser,
    password: (id) => secrets.get(id, 'imap'),
    ...(deps.clientInfo ? { clientInfo: deps.clientInfo } : {}),
    ...(deps.batchSize ? { batchSize: deps.batchSize } : {}),
    ...(deps.faultPoint ? { faultPoint: deps.faultPoint } : {}),
  });

  const handlers: MailHandlers = {
    ...createAccountHandlers({ db, clock, emit: deps.emit, secrets, runs, ...(deps.clientInfo ? { clientInfo: deps.clientInfo } : {}) }),
    'mail.syncNow': async ({ accountId }) => ({ started: await runs.syncNow(accountId) }),
    'mail.syncStatus': () => runs.syncStatus(),
    ...createMessageReadHandlers(db),
    ...createMailContentHandlers({
      db,
      clock,
      stores,
      log,
      emit: deps.emit,
      ...(deps.remoteAddressPolicy ? { remoteAddressPolicy: deps.remoteAddressPolicy } : {}),
    }),
    ...createMessageFlagHandlers({ db, clock, emit: deps.emit, push: runs.pushFlags }),
  };

  return {
    handlers,
    sync: runs.sync,
    syncNow: runs.syncNow,
    /** Resolves when no sync is running (tests, shutdown). */
    whenIdle: runs.whenIdle,
    runSync: runs.runSync,
    /**
     * Gives an account's IMAP password for this process only (the CLI's `--password-stdin` or
     * TRADEFOLIO_MAIL_PASSWORD): held in memory beside any stored one and used first, never
     * written to the store, so a machine without a keychain can still sync from the command line.
     */
    useSessionPassword: secrets.useForSession,
    /** An account's stored password for one server, or null (the mail sender logs in with it). */
    password: secrets.get,
    startScheduler: runs.startScheduler,
    /** Where message content lives; the send service shares them. */
    stores,
    /** The parse worker; imports share it. */
    parser,
    /** Stops the scheduler, aborts running syncs and waits for them to stop, then closes the content stores. */
    close: async () => {
      await runs.close();
      await parser.close();
      stores.close();
    },
  };
}

export type MailService = ReturnType<typeof createMailService>;
