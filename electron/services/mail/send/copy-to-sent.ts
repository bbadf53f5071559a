import type { MailAccountsTable, MailOutboxTable } from '../../../../db/tables/mail.tables.ts';
import { parseMail } from '../store/mail-parse.ts';
import { flagColumns, insertMessages, storeContent } from '../store/message-writer.ts';
import { closeImap, errorText, ownAddressesOf } from '../sync/imap-connection.ts';
import { accountById } from './compose.queries.ts';
import { addressesOf } from './outbox-rows.ts';
import { markCopied, sentWithoutCopy } from './outbox.queries.ts';
import { fileUnderCustomer, messageOnServer, setMessageFlags } from './sent-copy.queries.ts';
import { addFlag, appendMessage, findSentFolder, folderHasMessage, type SentFolder } from './sent-folder.ts';
import { connectForSending, imapPassword, type ImapClient, type OutboxWorkerDeps, type WorkerState } from './worker-context.ts';

/**
 * The worker's Sent-copy step: per account, one IMAP connection appends the sent mails that
 * have no Sent copy yet.
 */

/** A Sent copy that failed is tried again after this long (or at once after the next send). */
const COPY_RETRY_MS = 2 * 60_000;
/** Sent copies older than this are no longer attempted: the mail went out, the copy is lost. */
const COPY_MAX_AGE_MS = 7 * 86_400_000;

/** Copies every account's pending mails, skipping accounts whose last try failed recently and sent nothing since. */
export async function copyPending(deps: OutboxWorkerDeps, state: WorkerState): Promise<void> {
  const now = deps.clock.now();
  const rows = await sentWithoutCopy(deps.db, now - COPY_MAX_AGE_MS);
  const byAccount = new Map<string, MailOutboxTable[]>();
  for (const r of rows) byAccount.set(r.account_id, [...(byAccount.get(r.account_id) ?? []), r]);
  await Promise.all(
    [...byAccount].map(async ([accountId, list]) => {
      const failedAt = state.copyFailedAt.get(accountId);
      if (!state.freshlySent.has(accountId) && failedAt !== undefined && now - failedAt < COPY_RETRY_MS) return;
      await copyToSent(deps, state, accountId, list);
    }),
  );
  state.freshlySent.clear();
}

/**
 * Puts sent mails into the account's Sent folder over one IMAP connection, and into the
 * local database under that folder with the UID the server gave (APPENDUID), so the mail
 * shows in the customer's folder at once and the next sync, finding that UID stored,
 * does not add it again. Without a UID (no UIDPLUS) or with no local Sent folder yet, only
 * the server copy is made and the next sync brings it in. A mail already in Sent (the
 * server filed it itself, or we did before a crash) is not appended twice. A sync of the
 * Sent folder running at that very moment may count the new row as extra and remove it;
 * its next pass fetches it back — briefly missing, never doubled.
 */
async function copyToSent(deps: OutboxWorkerDeps, state: WorkerState, accountId: string, rows: readonly MailOutboxTable[]): Promise<void> {
  const account = await accountById(deps.db, accountId);
  const password = imapPassword(deps, account);
  if (!account || password === null) return;
  const failed = (event: string, fields: Record<string, unknown>) => {
    state.copyFailedAt.set(accountId, deps.clock.now());
    deps.log.warn(event, { accountId, ...fields });
  };
  let client: ImapClient;
  try {
    client = await connectForSending(deps, account, password);
  } catch (err) {
    failed('mail.send.sentCopyFailed', { error: errorText(err) });
    return;
  }
  try {
    const folder = await findSentFolder(client, deps.db, accountId);
    if (!folder) return failed('mail.send.noSentFolder', {});
    for (const row of rows) {
      if (state.closed) return;
      await copyOne(deps, client, account, folder, row);
    }
    state.copyFailedAt.delete(accountId);
  } catch (err) {
    failed('mail.send.sentCopyFailed', { error: errorText(err) });
  } finally {
    await closeImap(client);
    deps.emit('data.changed', { entities: ['mailOutbox', 'mailMessages', 'customers'] });
  }
}

/** Appends one sent mail unless it is there already, stores the local copy and marks what it answered. */
async function copyOne(deps: OutboxWorkerDeps, client: ImapClient, account: MailAccountsTable, folder: SentFolder, row: MailOutboxTable): Promise<void> {
  const { stores, clock } = deps;
  const raw = row.raw_sha256 && stores.raw.has(row.raw_sha256) ? stores.raw.read(row.raw_sha256) : null;
  // Sent, but its bytes are gone from the store: nothing to copy; stop trying. Or it is in Sent already.
  if (!raw || (await folderHasMessage(client, folder.path, row.message_id))) {
    await deps.db.transaction().execute((trx) => markCopied(trx, row.id, clock.now()));
    return;
  }
  const { uid } = await appendMessage(client, folder.path, raw, new Date(row.sent_at ?? clock.now()));
  await storeLocalCopy(deps, account, row, raw, folder.folderId, uid);
  await markSourceAnswered(deps, client, row);
}

async function storeLocalCopy(deps: OutboxWorkerDeps, account: MailAccountsTable, row: MailOutboxTable, raw: Buffer, folderId: string | null, uid: number | null): Promise<void> {
  const now = deps.clock.now();
  const prepared = folderId !== null && uid !== null ? storeContent(deps.stores, [{ uid, raw, parsed: await parseMail(raw), receivedAt: now, flags: ['\\Seen'] }])[0]! : null;
  await deps.db.transaction().execute(async (trx) => {
    await markCopied(trx, row.id, now);
    if (!prepared || folderId === null) return;
    const [messageId] = await insertMessages(trx, { folderId, specialUse: 'sent', accountId: account.id, ownAddresses: ownAddressesOf(account) }, [prepared], now);
    const to = addressesOf(row.to_json)[0] ?? addressesOf(row.cc_json)[0] ?? addressesOf(row.bcc_json)[0];
    // Written from a customer's page: file it there even if no address matched a contact.
    if (messageId && row.customer_id && to) await fileUnderCustomer(trx, { messageId, customerId: row.customer_id, address: to.address });
  });
}

/** Marks the replied-to message \Answered (a forwarded one $Forwarded), on the server and here. Best effort. */
async function markSourceAnswered(deps: OutboxWorkerDeps, client: ImapClient, row: MailOutboxTable): Promise<void> {
  if (!row.source_message_id || row.kind === 'new') return;
  const source = await messageOnServer(deps.db, row.source_message_id, row.account_id);
  if (!source || source.uid === null) return;
  const flag = row.kind === 'forward' ? '$Forwarded' : '\\Answered';
  try {
    if (!(await addFlag(client, source.path, source.uid, flag))) return;
    let flags: string[] = [];
    try {
      flags = JSON.parse(source.flags) as string[];
    } catch {
      // Unreadable flags: the next sync rewrites them from the server.
    }
    await deps.db.transaction().execute((trx) => setMessageFlags(trx, source.id, flagColumns([...flags, flag]), deps.clock.now()));
  } catch (err) {
    deps.log.warn('mail.send.flagFailed', { outboxId: row.id, error: errorText(err) });
  }
}
