import type { MailOutboxTable } from '../../../../db/tables/mail.tables.ts';
import { closeImap, errorText } from '../sync/imap-connection.ts';
import { accountById } from './compose.queries.ts';
import { markAttemptFailed, markFoundSent, sendingSince } from './outbox.queries.ts';
import { findSentFolder, folderHasMessage } from './sent-folder.ts';
import { connectForSending, imapPassword, type OutboxWorkerDeps, type WorkerState } from './worker-context.ts';

/** A send never takes longer than this (SMTP socket timeout plus margin); a row 'sending' longer was cut off. */
const ORPHAN_AFTER_MS = 5 * 60_000;

/**
 * The worker's first step after a crash. A row in 'sending' that no worker of this process
 * holds and whose attempt began longer ago than a send normally takes (ORPHAN_AFTER_MS) was
 * cut off mid-send by a crash or a killed process: the server may or may not have taken the
 * mail. (The wait leaves alone a second app process on the same data folder that is still
 * sending it; a single send of a huge attachment over a slow line lasting longer than that is
 * the one case this misjudges.)
 *
 * If the mail is in the account's Sent folder (servers that file sent mail themselves, or a
 * copy we made), it went out: 'sent'. Otherwise it is NOT sent again automatically — a
 * customer receiving the same offer twice is worse than the user pressing "retry" on a mail
 * marked 'interrupted' — so the row becomes 'failed' with that reason, and the retry button
 * sends the same bytes with the same Message-ID (receiving servers that de-duplicate by
 * Message-ID drop a second copy). At most once by itself, at least once on request.
 */
export async function reconcileInterrupted(deps: OutboxWorkerDeps, state: WorkerState): Promise<void> {
  const rows = await sendingSince(deps.db, deps.clock.now() - ORPHAN_AFTER_MS);
  for (const row of rows) {
    if (state.inFlight.has(row.id)) continue;
    const { found, detail } = await lookInSent(deps, row);
    const now = deps.clock.now();
    await deps.db.transaction().execute(async (trx) => {
      if (found) await markFoundSent(trx, row, now);
      else await markAttemptFailed(trx, row.id, now, { reason: 'interrupted', detail, responseCode: null, recipients: [], at: now }, null);
    });
    deps.log.warn('mail.send.interrupted', { outboxId: row.id, foundInSent: found });
  }
  if (rows.length > 0) deps.emit('data.changed', { entities: ['mailOutbox'] });
}

/** Whether the row's Message-ID is in the account's Sent folder; `detail` says why it could not be asked. */
async function lookInSent(deps: OutboxWorkerDeps, row: MailOutboxTable): Promise<{ found: boolean; detail: string }> {
  const account = await accountById(deps.db, row.account_id);
  const password = imapPassword(deps, account);
  if (!account || password === null) return { found: false, detail: '' };
  try {
    const client = await connectForSending(deps, account, password);
    try {
      const folder = await findSentFolder(client, deps.db, account.id);
      return { found: folder !== null && (await folderHasMessage(client, folder.path, row.message_id)), detail: '' };
    } finally {
      await closeImap(client);
    }
  } catch (err) {
    return { found: false, detail: errorText(err) };
  }
}
