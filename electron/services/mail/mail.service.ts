import type { Db } from '../../../db/database.ts';
import type { DataEntity, Emit } from '../core/events.ts';
import type { IdInfoObject } from 'imapflow';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { MailAccountsTable } from '../../../db/tables/mail.tables.ts';
import type { mailCalls, MailAccount, MessageRow, TimelineItem } from '../../../shared/contract/mail.contract.ts';
import { selectActivities } from '../customers/activity.service.ts';
import { fail } from '../../../shared/contract/result.ts';
import { MAIL_PROVIDERS } from '../../../shared/domain/mail-providers.ts';
import type { Clock } from '../core/clock.ts';
import { newId } from '../core/ids.ts';
import { throttle } from '../core/throttle.ts';
import type { Logger } from '../core/logger.ts';
import type { SecretStore } from '../platform/secret-store.ts';
import { testMailConnection } from './sync/connection-test.ts';
import { createMailContentHandlers, remoteContentScope } from './read/mail-content.ts';
import type { RemoteAddressPolicy } from './read/remote-address-policy.ts';
import { createMessageFlagHandlers } from './sync/message-flags.ts';
import { createMailSync, MailSyncError, type SyncReport } from './sync/imap-sync.ts';
import { createMailScheduler, type MailScheduler, type MailSchedulerDeps } from './sync/mail-scheduler.ts';
import { mailStores } from './store/attachment-store.ts';
import { backfillAutomated } from './store/automated-backfill.ts';
import { liveCustomer } from '../customers/live-customer.ts';
import { parseJson } from '../core/json-column.ts';

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
  /** Where remote mail images may be fetched from (mail-content.ts); public addresses only by default. */
  remoteAddressPolicy?: RemoteAddressPolicy;
}

const secretName = (accountId: string, server: 'imap' | 'smtp') => `mail.${accountId}.${server}`;


/**
 * Mail accounts, sync runs and the reading side of mail, as handlers for the `mailCalls` of
 * mail.contract.ts. Passwords go to the SecretStore; where it is unavailable (no OS keychain)
 * they are kept in memory for this session only: the account then reports `hasPassword: false`
 * and `passwordKept: 'session'` at once (not only after a restart), so no answer claims a
 * password the next process will not have, and nothing is ever written in clear.
 */
export function createMailService(deps: MailServiceDeps) {
  const { db, clock, log, secrets } = deps;
  const changed = (entities: DataEntity[]) => deps.emit('data.changed', { entities });
  const sessionPasswords = new Map<string, string>();

  const getSecret = (name: string): string | null => sessionPasswords.get(name) ?? secrets.get(name);
  const setSecret = (name: string, value: string) => {
    if (secrets.isAvailable()) {
      secrets.set(name, value);
      sessionPasswords.delete(name);
    } else {
      sessionPasswords.set(name, value);
    }
  };
  const deleteSecret = (name: string) => {
    sessionPasswords.delete(name);
    secrets.delete(name);
  };
  /** Where this process holds an account's IMAP password: sealed in the store outlives it, memory does not. */
  const passwordKept = (accountId: string): MailAccount['passwordKept'] => {
    const name = secretName(accountId, 'imap');
    if (secrets.get(name) !== null) return 'keychain';
    return sessionPasswords.has(name) ? 'session' : 'none';
  };

  const sync = createMailSync({
    db,
    clock,
    log,
    dataDir: deps.dataDir,
    password: (id) => getSecret(secretName(id, 'imap')),
    ...(deps.clientInfo ? { clientInfo: deps.clientInfo } : {}),
    ...(deps.batchSize ? { batchSize: deps.batchSize } : {}),
  });
  /** New mail committed by a sync that is still running; the screens refresh twice a second at most. */
  const batchCommitted = throttle(() => changed(['mailFolders', 'mailMessages', 'customers']), 500);
  /** `quiet`: a pass that only tells the server about read / star changes, not shown as syncing. */
  const running = new Map<string, { controller: AbortController; done: Promise<SyncReport | null>; quiet: boolean }>();
  const queued = new Map<string, { folders: readonly string[] | undefined; quiet: boolean; done: Promise<SyncReport | null> }>();

  function toAccount(row: MailAccountsTable): MailAccount {
    const server = (host: string | null, port: number | null, security: MailAccountsTable['imap_security'], user: string | null) =>
      host && port && security && user ? { host, port, security, user } : null;
    const kept = row.kind === 'archive' ? 'none' : passwordKept(row.id);
    return {
      id: row.id,
      kind: row.kind,
      name: row.name,
      email: row.email,
      displayName: row.display_name,
      aliases: parseJson<string[]>(row.aliases, []),
      provider: row.provider,
      imap: server(row.imap_host, row.imap_port, row.imap_security, row.imap_user),
      smtp: server(row.smtp_host, row.smtp_port, row.smtp_security, row.smtp_user),
      ownerId: row.owner_id,
      signatureText: row.signature_text,
      signatureHtml: row.signature_html,
      syncWindowDays: row.sync_window_days,
      syncEnabled: row.sync_enabled === 1,
      hasPassword: row.kind === 'archive' || kept === 'keychain',
      passwordKept: kept,
      lastSyncAt: row.last_sync_at,
      lastSyncError: parseJson<{ step: string; message: string } | null>(row.last_sync_error, null),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  async function accountRow(id: string): Promise<MailAccountsTable> {
    const row = await db.selectFrom('mail_accounts').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) fail('notFound', 'errors.mailAccountNotFound', { id });
    return row;
  }

  type AccountFields = z.output<MailCalls['mail.addAccount']['input']>;
  function columns(input: Omit<AccountFields, 'password' | 'smtpPassword'>) {
    return {
      name: input.name,
      email: input.email,
      display_name: input.displayName,
      aliases: JSON.stringify(input.aliases.filter((a) => a !== input.email)),
      provider: input.provider,
      imap_host: input.imap.host,
      imap_port: input.imap.port,
      imap_security: input.imap.security,
      imap_user: input.imap.user,
      smtp_host: input.smtp.host,
      smtp_port: input.smtp.port,
      smtp_security: input.smtp.security,
      smtp_user: input.smtp.user,
      owner_id: input.ownerId,
      signature_text: input.signatureText,
      signature_html: input.signatureHtml,
      sync_window_days: input.syncWindowDays,
      sync_enabled: input.syncEnabled ? (1 as const) : (0 as const),
    };
  }

  async function ensureUniqueEmail(email: string, exceptId: string | null): Promise<void> {
    let q = db.selectFrom('mail_accounts').select('id').where('email', '=', email);
    if (exceptId) q = q.where('id', '!=', exceptId);
    if (await q.executeTakeFirst()) {
      fail('conflict', 'errors.mailAccountExists', { email }, [{ path: 'email', message: 'errors.mailAccountExists', params: { email } }]);
    }
  }

  /**
   * One sync run of an account. A call while a run is going queues exactly one follow-up run
   * (shared by every caller meanwhile), so a burst of IDLE notifications or clicks costs at most
   * one extra pass and no change the server reported is left unsynced.
   */
  function runSync(id: string, folders?: readonly string[], quiet = false): Promise<SyncReport | null> {
    const current = running.get(id);
    if (current) {
      const next = queued.get(id);
      if (next) {
        // A queued pass widens to every folder asked for meanwhile (all of them when a full pass is).
        next.folders = !folders || !next.folders ? undefined : [...new Set([...next.folders, ...folders])];
        next.quiet &&= quiet;
        return next.done;
      }
      const entry: { folders: readonly string[] | undefined; quiet: boolean; done: Promise<SyncReport | null> } = { folders, quiet, done: Promise.resolve(null) };
      entry.done = current.done.then(() => {
        // Dropped meanwhile (the account is being removed): nothing to run.
        if (queued.get(id) !== entry) return null;
        queued.delete(id);
        return closed ? null : runSync(id, entry.folders, entry.quiet);
      });
      queued.set(id, entry);
      return entry.done;
    }
    const controller = new AbortController();
    const done = sync
      .syncAccount(id, {
        signal: controller.signal,
        onProgress: quiet ? () => {} : (p) => deps.emit('mail.syncProgress', p),
        onCommitted: batchCommitted,
        olderInBackground: true,
        ...(folders ? { folders } : {}),
      })
      .catch((err: unknown) => {
        if (!controller.signal.aborted) {
          log.warn('mail.sync.failed', { accountId: id, step: err instanceof MailSyncError ? err.step : 'unknown', error: err instanceof Error ? err.message : String(err) });
        }
        return null;
      })
      .finally(() => {
        running.delete(id);
        batchCommitted.cancel();
        changed(['mailAccounts', 'mailFolders', 'mailMessages', 'customers']);
      });
    running.set(id, { controller, done, quiet });
    return done;
  }

  /**
   * Tells the server about read / star changes: a pass of those folders (message-flags.ts);
   * skipped without a password. Quiet: opening a message should not make the account look busy.
   */
  function pushFlags(accountId: string, folderPaths: readonly string[]): void {
    if (!closed && getSecret(secretName(accountId, 'imap')) !== null) void runSync(accountId, folderPaths, true);
  }

  /** Starts a background sync of these accounts (all enabled IMAP accounts when none given). */
  async function syncNow(accountId?: string | null): Promise<string[]> {
    let q = db.selectFrom('mail_accounts').select('id').where('kind', '=', 'imap');
    q = accountId ? q.where('id', '=', accountId) : q.where('sync_enabled', '=', 1);
    const ids = (await q.execute()).map((r) => r.id);
    if (accountId && ids.length === 0) fail('notFound', 'errors.mailAccountNotFound', { id: accountId });
    const started: string[] = [];
    for (const id of ids) {
      // A quiet pass (read / star changes) does not stand in for the sync asked for: it queues.
      if (running.get(id)?.quiet === false) continue;
      // With the scheduler on, a manual sync also resets the account's backoff.
      if (scheduler) scheduler.poke(id);
      else void runSync(id);
      started.push(id);
    }
    return started;
  }

  /** Accounts the background scheduler keeps in sync. */
  async function schedulableAccounts(): Promise<string[]> {
    const rows = await db.selectFrom('mail_accounts').select('id').where('kind', '=', 'imap').where('sync_enabled', '=', 1).execute();
    return rows.map((r) => r.id).filter((id) => getSecret(secretName(id, 'imap')) !== null);
  }

  let scheduler: MailScheduler | null = null;
  let closed = false;
  /** The background read of older mail's headers (automated-backfill.ts), once per process. */
  const backfillStop = new AbortController();
  let backfill: Promise<void> | null = null;
  const startBackfill = () => {
    backfill ??= backfillAutomated(db, mailStores(deps.dataDir).raw, {
      now: () => clock.now(),
      signal: backfillStop.signal,
      onMarked: () => changed(['mailMessages']),
    }).then(
      (marked) => {
        if (marked > 0) log.info('mail.automatedBackfill.done', { marked });
      },
      (err: unknown) => log.warn('mail.automatedBackfill.failed', { error: err instanceof Error ? err.message : String(err) }),
    );
  };
  const refreshScheduler = () => {
    void scheduler?.refresh().catch((err: unknown) => log.warn('mail.scheduler.refreshFailed', { error: err instanceof Error ? err.message : String(err) }));
  };

  async function whenIdle(): Promise<void> {
    while (running.size > 0) await Promise.all([...running.values()].map((r) => r.done));
  }

  async function messageCustomers(ids: readonly string[]): Promise<Map<string, MessageRow['customers']>> {
    const out = new Map<string, MessageRow['customers']>();
    if (ids.length === 0) return out;
    const rows = await db
      .selectFrom('mail_message_customers as l')
      .innerJoin('customers as c', 'c.id', 'l.customer_id')
      .select(['l.message_id', 'c.id', 'c.name', 'c.code', 'l.match'])
      .where('l.message_id', 'in', [...ids])
      .where(liveCustomer)
      .orderBy('c.name')
      .execute();
    for (const r of rows) out.set(r.message_id, [...(out.get(r.message_id) ?? []), { id: r.id, name: r.name, code: r.code, match: r.match }]);
    return out;
  }

  /** Message rows of these ids, in the given order. */
  async function messageRows(ids: readonly string[]): Promise<MessageRow[]> {
    if (ids.length === 0) return [];
    const rows = await db
      .selectFrom('mail_messages as m')
      .select(['m.id', 'm.account_id', 'm.folder_id', 'm.thread_id', 'm.subject', 'm.from_name', 'm.from_address', 'm.snippet', 'm.date_at', 'm.direction', 'm.seen', 'm.flagged', 'm.has_attachments', 'm.parse_status'])
      .where('m.id', 'in', [...ids])
      .execute();
    const customers = await messageCustomers(ids);
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => {
      const r = byId.get(id);
      if (!r) return [];
      return [
        {
          id: r.id,
          accountId: r.account_id,
          folderId: r.folder_id,
          threadId: r.thread_id,
          subject: r.subject,
          from: r.from_address ? { name: r.from_name, address: r.from_address } : null,
          snippet: r.snippet,
          dateAt: r.date_at,
          direction: r.direction,
          seen: r.seen === 1,
          flagged: r.flagged === 1,
          hasAttachments: r.has_attachments === 1,
          parseStatus: r.parse_status,
          customers: customers.get(r.id) ?? [],
        },
      ];
    });
  }

  const handlers: MailHandlers = {
    'customers.timeline': async ({ customerId, offset, limit }) => {
      const customer = await db.selectFrom('customers').select('id').where('id', '=', customerId).executeTakeFirst();
      if (!customer) fail('notFound', 'errors.customerNotFound', { id: customerId });
      // One ordered page over both sources; each side is served by its (customer, date) index.
      const items = db
        .selectFrom('activities')
        .select([sql<'activity' | 'mail'>`'activity'`.as('type'), 'id', 'occurred_at as at'])
        .where('customer_id', '=', customerId)
        .where('deleted_at', 'is', null)
        .unionAll(
          db
            .selectFrom('mail_message_customers')
            .select([sql<'activity' | 'mail'>`'mail'`.as('type'), 'message_id as id', 'date_at as at'])
            .where('customer_id', '=', customerId),
        );
      const page = await db.selectFrom(items.as('t')).selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute();
      const total = await db.selectFrom(items.as('t')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const activityIds = page.filter((p) => p.type === 'activity').map((p) => p.id);
      const activities = activityIds.length ? await selectActivities(db).where('a.id', 'in', activityIds).execute() : [];
      const messages = await messageRows(page.filter((p) => p.type === 'mail').map((p) => p.id));
      const activityById = new Map(activities.map((a) => [a.id, a]));
      const messageById = new Map(messages.map((m) => [m.id, m]));
      return {
        total: Number(total.n),
        rows: page.flatMap((p): TimelineItem[] => {
          if (p.type === 'activity') {
            const activity = activityById.get(p.id);
            return activity ? [{ type: 'activity', at: p.at, activity }] : [];
          }
          const message = messageById.get(p.id);
          return message ? [{ type: 'mail', at: p.at, message }] : [];
        }),
      };
    },

    'mail.listProviders': async () => MAIL_PROVIDERS.map((p) => ({ ...p, domains: [...p.domains] })),

    'mail.listAccounts': async () => (await db.selectFrom('mail_accounts').selectAll().orderBy('created_at').execute()).map(toAccount),

    'mail.addAccount': async (input) => {
      await ensureUniqueEmail(input.email, null);
      const id = newId();
      const now = clock.now();
      await db.insertInto('mail_accounts').values({ id, kind: 'imap', ...columns(input), last_sync_at: null, last_sync_error: null, created_at: now, updated_at: now }).execute();
      setSecret(secretName(id, 'imap'), input.password);
      if (input.smtpPassword) setSecret(secretName(id, 'smtp'), input.smtpPassword);
      changed(['mailAccounts']);
      refreshScheduler();
      return toAccount(await accountRow(id));
    },

    'mail.editAccount': async (input) => {
      const before = await accountRow(input.id);
      await ensureUniqueEmail(input.email, input.id);
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('mail_accounts').set({ ...columns(input), updated_at: clock.now() }).where('id', '=', input.id).execute();
        if (before.sync_window_days !== input.syncWindowDays) {
          // A wider window means older mail to fetch: no folder may be skipped as unchanged.
          await trx
            .updateTable('mail_folder_checkpoints')
            .set({ verified_at: null })
            .where('folder_id', 'in', trx.selectFrom('mail_folders').select('id').where('account_id', '=', input.id))
            .execute();
        }
      });
      if (input.password) setSecret(secretName(input.id, 'imap'), input.password);
      if (input.smtpPassword) setSecret(secretName(input.id, 'smtp'), input.smtpPassword);
      changed(['mailAccounts']);
      refreshScheduler();
      // New settings or a new password deserve a try now, not after the backoff.
      scheduler?.poke(input.id);
      return toAccount(await accountRow(input.id));
    },

    'mail.removeAccount': async ({ id }) => {
      // A pass queued behind the running one would start on the account being deleted.
      queued.delete(id);
      const run = running.get(id);
      if (run) {
        run.controller.abort();
        await run.done;
      }
      // Cascades to folders, checkpoints, messages and their filing links (last contact is
      // recomputed by trigger). Attachment files stay until the store is swept.
      const res = await db.deleteFrom('mail_accounts').where('id', '=', id).executeTakeFirst();
      deleteSecret(secretName(id, 'imap'));
      deleteSecret(secretName(id, 'smtp'));
      changed(['mailAccounts', 'mailFolders', 'mailMessages', 'customers']);
      refreshScheduler();
      return { count: Number(res.numDeletedRows) };
    },

    'mail.testAccount': async (input) => {
      if ('id' in input && !('imap' in input)) {
        const row = await accountRow(input.id);
        const account = toAccount(row);
        const password = getSecret(secretName(row.id, 'imap'));
        if (!account.imap || !account.smtp || password === null) {
          fail('validation', 'errors.mailPasswordMissing', undefined, [{ path: 'password', message: 'errors.mailPasswordMissing' }]);
        }
        return testMailConnection(
          { imap: account.imap, smtp: account.smtp, password, smtpPassword: getSecret(secretName(row.id, 'smtp')) },
          deps.clientInfo ? { clientInfo: deps.clientInfo } : {},
        );
      }
      const settings = input as AccountFields;
      return testMailConnection(
        { imap: settings.imap, smtp: settings.smtp, password: settings.password, smtpPassword: settings.smtpPassword },
        deps.clientInfo ? { clientInfo: deps.clientInfo } : {},
      );
    },

    'mail.syncNow': async ({ accountId }) => ({ started: await syncNow(accountId) }),

    'mail.syncStatus': async () => {
      const accounts = await db.selectFrom('mail_accounts').selectAll().where('kind', '=', 'imap').orderBy('created_at').execute();
      const folders = await db
        .selectFrom('mail_folders as f')
        .leftJoin('mail_folder_checkpoints as c', 'c.folder_id', 'f.id')
        .select((eb) => [
          'f.id',
          'f.account_id',
          'f.path',
          'f.name',
          'f.special_use',
          'f.sync_enabled',
          'c.server_count',
          'c.server_range_count',
          'c.verified_at',
          'c.low_uid',
          'c.floor_uid',
          eb.selectFrom('mail_messages as m').select((e) => e.fn.countAll<number>().as('n')).whereRef('m.folder_id', '=', 'f.id').as('local_count'),
          eb.selectFrom('mail_messages as m').select((e) => e.fn.countAll<number>().as('n')).whereRef('m.folder_id', '=', 'f.id').where('m.seen', '=', 0).as('unread'),
        ])
        .orderBy('f.path')
        .execute();
      return accounts.map((a) => {
        const error = parseJson<{ step: string; message: string } | null>(a.last_sync_error, null);
        return {
          accountId: a.id,
          state: running.get(a.id)?.quiet === false ? 'syncing' : a.sync_enabled === 0 ? 'disabled' : error ? (error.step === 'connect' ? 'offline' : 'error') : 'idle',
          lastSyncAt: a.last_sync_at,
          lastSyncError: error,
          retryAt: scheduler?.retryAt(a.id) ?? null,
          folders: folders
            .filter((f) => f.account_id === a.id)
            .map((f) => ({
              id: f.id,
              accountId: f.account_id,
              path: f.path,
              name: f.name,
              specialUse: f.special_use,
              syncEnabled: f.sync_enabled === 1,
              unread: Number(f.unread ?? 0),
              localCount: Number(f.local_count ?? 0),
              serverCount: f.server_count,
              serverRangeCount: f.server_range_count,
              windowComplete: f.low_uid !== null && f.floor_uid !== null && f.low_uid <= f.floor_uid,
              verifiedAt: f.verified_at,
            })),
        };
      });
    },

    'mail.listMessages': async (q) => {
      let base = db.selectFrom('mail_messages as m');
      if (q.customerId) {
        base = base.where((eb) =>
          eb.exists(eb.selectFrom('mail_message_customers as l').select('l.message_id').whereRef('l.message_id', '=', 'm.id').where('l.customer_id', '=', q.customerId!)),
        );
      }
      if (q.folderId) base = base.where('m.folder_id', '=', q.folderId);
      if (q.threadId) base = base.where('m.thread_id', '=', q.threadId);
      if (q.unfiledOnly) {
        base = base.where((eb) => eb.not(eb.exists(eb.selectFrom('mail_message_customers as l').select('l.message_id').whereRef('l.message_id', '=', 'm.id'))));
      }
      const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const rows = await base.select('m.id').orderBy('m.date_at', 'desc').orderBy('m.id', 'desc').limit(q.limit).offset(q.offset).execute();
      return { total: Number(total.n), rows: await messageRows(rows.map((r) => r.id)) };
    },

    'mail.getMessage': async ({ id }) => {
      const m = await db
        .selectFrom('mail_messages as m')
        .leftJoin('mail_bodies as b', 'b.message_id', 'm.id')
        .selectAll('m')
        .select(['b.text', 'b.html'])
        .where('m.id', '=', id)
        .executeTakeFirst();
      if (!m) fail('notFound', 'errors.mailMessageNotFound', { id });
      const addresses = await db.selectFrom('mail_message_addresses').selectAll().where('message_id', '=', id).orderBy('role').orderBy('position').execute();
      const attachments = await db.selectFrom('mail_attachments').selectAll().where('message_id', '=', id).orderBy('position').execute();
      const of = (role: string) => addresses.filter((a) => a.role === role).map((a) => ({ name: a.name, address: a.address }));
      const [row] = await messageRows([id]);
      return {
        ...row!,
        to: of('to'),
        cc: of('cc'),
        bcc: of('bcc'),
        replyTo: of('replyTo'),
        messageId: m.message_id,
        inReplyTo: m.in_reply_to,
        references: m.refs ? m.refs.split(' ') : [],
        text: m.text,
        html: m.html,
        attachments: attachments.map((a) => ({ id: a.id, filename: a.filename, contentType: a.content_type, size: a.size, inline: a.inline === 1, contentId: a.content_id })),
        parseWarnings: parseJson<string[]>(m.parse_warnings, []),
        senderAuth: m.sender_auth,
        remoteContent: await remoteContentScope(db, m),
        receivedAt: m.received_at,
      };
    },

    ...createMailContentHandlers({
      db,
      clock,
      dataDir: deps.dataDir,
      log,
      emit: deps.emit,
      ...(deps.remoteAddressPolicy ? { remoteAddressPolicy: deps.remoteAddressPolicy } : {}),
    }),
    ...createMessageFlagHandlers({ db, clock, emit: deps.emit, push: pushFlags }),
  };

  return {
    handlers,
    sync,
    syncNow,
    /** Resolves when no sync is running (tests, shutdown). */
    whenIdle,
    runSync,
    /**
     * Gives an account's IMAP password for this process only (the CLI's `--password-stdin` or
     * TRADEFOLIO_MAIL_PASSWORD): held in memory beside any stored one and used first, never
     * written to the store, so a machine without a keychain can still sync from the command line.
     */
    useSessionPassword(accountId: string, password: string): void {
      sessionPasswords.set(secretName(accountId, 'imap'), password);
    },
    /** An account's stored password for one server, or null (the mail sender logs in with it). */
    password: (accountId: string, server: 'imap' | 'smtp'): string | null => getSecret(secretName(accountId, server)),
    /**
     * Background sync for the hosts: every enabled account syncs now, keeps an IDLE watcher on
     * its Inbox, syncs fully every `intervalMs`, and reconnects with backoff.
     */
    startScheduler(options: Pick<MailSchedulerDeps, 'intervalMs' | 'backoff' | 'debounceMs' | 'onRecovered'> = {}): void {
      if (scheduler || closed) return;
      scheduler = createMailScheduler({
        ...options,
        log,
        accounts: schedulableAccounts,
        sync: async (id, folders) => {
          const report = await runSync(id, folders);
          return report !== null && report.folders.every((f) => f.error === null);
        },
        watch: (id, onChange, signal) => sync.watchInbox(id, onChange, signal),
      });
      refreshScheduler();
      startBackfill();
    },
    /** Stops the scheduler, aborts running syncs and waits for them to stop. */
    async close(): Promise<void> {
      closed = true;
      batchCommitted.cancel();
      const stopping = scheduler?.stop();
      backfillStop.abort();
      for (const r of running.values()) r.controller.abort();
      await whenIdle();
      await stopping;
      await backfill;
    },
  };
}

export type MailService = ReturnType<typeof createMailService>;
