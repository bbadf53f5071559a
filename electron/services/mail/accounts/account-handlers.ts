import type { IdInfoObject } from 'imapflow';
import type { z } from 'zod';
import type { Db } from '../../../../db/database.ts';
import type { MailAccountsTable } from '../../../../db/tables/mail.tables.ts';
import type { mailCalls, MailAccount } from '../../../../shared/contract/mail.contract.ts';
import { fail } from '../../../../shared/contract/result.ts';
import { MAIL_PROVIDERS } from '../../../../shared/domain/mail-providers.ts';
import type { Clock } from '../../core/clock.ts';
import type { Emit } from '../../core/events.ts';
import { newId } from '../../core/ids.ts';
import { parseJson } from '../../core/json-column.ts';
import type { MailHandlers } from '../mail.service.ts';
import { testMailConnection } from '../sync/connection-test.ts';
import type { SyncRuns } from '../sync/sync-runs.ts';
import type { AccountSecrets } from './account-secrets.ts';
import { accountRowById, deleteAccount, emailTaken, insertMailAccount, listAccountRows, updateAccount } from './accounts.queries.ts';

type AccountKey = 'mail.listProviders' | 'mail.listAccounts' | 'mail.addAccount' | 'mail.editAccount' | 'mail.removeAccount' | 'mail.testAccount';
type AccountFields = z.output<(typeof mailCalls)['mail.addAccount']['input']>;

export interface AccountHandlerDeps {
  db: Db;
  clock: Clock;
  emit: Emit;
  secrets: AccountSecrets;
  runs: Pick<SyncRuns, 'stop' | 'accountsChanged'>;
  clientInfo?: IdInfoObject;
}

function columns(input: Omit<AccountFields, 'password' | 'smtpPassword'>) {
  const pop3 = input.kind === 'pop3';
  return {
    // An IMAP account keeps the column defaults, so nothing POP3 applies to it.
    pop3_leave_on_server: !pop3 || input.pop3.leaveOnServer ? (1 as const) : (0 as const),
    pop3_delete_after_days: pop3 && input.pop3.leaveOnServer ? input.pop3.deleteAfterDays : null,
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

/** Adding, editing, testing and removing mail accounts; passwords go to AccountSecrets. */
export function createAccountHandlers(deps: AccountHandlerDeps): Pick<MailHandlers, AccountKey> {
  const { db, clock, secrets, runs } = deps;
  const connectionOptions = deps.clientInfo ? { clientInfo: deps.clientInfo } : {};

  function toAccount(row: MailAccountsTable): MailAccount {
    const server = (host: string | null, port: number | null, security: MailAccountsTable['imap_security'], user: string | null) =>
      host && port && security && user ? { host, port, security, user } : null;
    const kept = row.kind === 'archive' ? 'none' : secrets.kept(row.id);
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
      pop3: row.kind === 'pop3' ? { leaveOnServer: row.pop3_leave_on_server !== 0, deleteAfterDays: row.pop3_delete_after_days } : null,
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
    return (await accountRowById(db, id)) ?? fail('notFound', 'errors.mailAccountNotFound', { id });
  }

  async function ensureUniqueEmail(email: string, exceptId: string | null): Promise<void> {
    if (await emailTaken(db, { email, exceptId })) {
      fail('conflict', 'errors.mailAccountExists', { email }, [{ path: 'email', message: 'errors.mailAccountExists', params: { email } }]);
    }
  }

  const keepPasswords = (id: string, input: { password?: string | null; smtpPassword?: string | null }) => {
    if (input.password) secrets.set(id, 'imap', input.password);
    if (input.smtpPassword) secrets.set(id, 'smtp', input.smtpPassword);
  };

  return {
    'mail.listProviders': async () => MAIL_PROVIDERS.map((p) => ({ ...p, domains: [...p.domains] })),

    'mail.listAccounts': async () => (await listAccountRows(db)).map(toAccount),

    'mail.addAccount': async (input) => {
      await ensureUniqueEmail(input.email, null);
      const id = newId();
      await insertMailAccount(db, { id, kind: input.kind, columns: columns(input) }, clock.now());
      keepPasswords(id, input);
      deps.emit('data.changed', { entities: ['mailAccounts'] });
      runs.accountsChanged();
      return toAccount(await accountRow(id));
    },

    'mail.editAccount': async (input) => {
      const before = await accountRow(input.id);
      if (before.kind !== input.kind) {
        // IMAP folders and POP3 UIDLs do not translate into each other: a new account is the way.
        fail('validation', 'mail.accounts.kindFixed', undefined, [{ path: 'kind', message: 'mail.accounts.kindFixed' }]);
      }
      await ensureUniqueEmail(input.email, input.id);
      await updateAccount(db, { id: input.id, kind: input.kind, columns: columns(input), windowChanged: before.sync_window_days !== input.syncWindowDays }, clock.now());
      keepPasswords(input.id, input);
      deps.emit('data.changed', { entities: ['mailAccounts'] });
      runs.accountsChanged(input.id);
      return toAccount(await accountRow(input.id));
    },

    'mail.removeAccount': async ({ id }) => {
      await runs.stop(id);
      const count = await deleteAccount(db, id);
      secrets.remove(id);
      deps.emit('data.changed', { entities: ['mailAccounts', 'mailFolders', 'mailMessages', 'customers'] });
      runs.accountsChanged();
      return { count };
    },

    'mail.testAccount': async (input) => {
      if ('id' in input && !('imap' in input)) {
        const account = toAccount(await accountRow(input.id));
        const password = secrets.get(account.id, 'imap');
        if (!account.imap || !account.smtp || password === null) {
          fail('validation', 'errors.mailPasswordMissing', undefined, [{ path: 'password', message: 'errors.mailPasswordMissing' }]);
        }
        const incoming = account.kind === 'pop3' ? 'pop3' : 'imap';
        return testMailConnection({ imap: account.imap, smtp: account.smtp, password, smtpPassword: secrets.get(account.id, 'smtp'), incoming }, connectionOptions);
      }
      const settings = input as AccountFields;
      return testMailConnection({ imap: settings.imap, smtp: settings.smtp, password: settings.password, smtpPassword: settings.smtpPassword, incoming: settings.kind }, connectionOptions);
    },
  };
}
