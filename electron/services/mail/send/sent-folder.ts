import { specialUseByName } from '../../../../shared/domain/folder-roles.ts';
import type { DbOrTx } from '../../../../db/database.ts';
import type { ImapFlow } from 'imapflow';
import { specialUseOf } from '../sync/folder-list.ts';
import { folderIdByPath, localSentFolder } from './sent-copy.queries.ts';

/**
 * The IMAP side of sending: finding the account's Sent folder, putting the sent message
 * there, asking whether a message is already there (after a crash), and marking the answered
 * message. One short connection per use; the sync keeps its own.
 */

/** Providers whose SMTP server files every sent mail in Sent itself; a second copy would be a duplicate. */
const SERVER_FILES_SENT: ReadonlySet<string> = new Set(['gmail']);

export function serverFilesSent(provider: string | null): boolean {
  return provider !== null && SERVER_FILES_SENT.has(provider);
}


export interface SentFolder {
  path: string;
  /** The local folder row, when the sync has seen the folder. */
  folderId: string | null;
}

/** The Sent folder: the one the sync stored as special-use `sent`, else what the server lists. */
export async function findSentFolder(client: ImapFlow, db: DbOrTx, accountId: string): Promise<SentFolder | null> {
  const local = await localSentFolder(db, accountId);
  if (local) return { path: local.path, folderId: local.id };
  const listed = await client.list();
  const entry = listed.find((e) => specialUseOf(e) === 'sent') ?? listed.find((e) => specialUseByName(e.name) === 'sent');
  if (!entry) return null;
  return { path: entry.path, folderId: await folderIdByPath(db, accountId, entry.path) };
}

/** Whether a message with this Message-ID (no angle brackets) is in the folder. */
export async function folderHasMessage(client: ImapFlow, path: string, messageId: string): Promise<boolean> {
  const lock = await client.getMailboxLock(path, { readOnly: true });
  try {
    const found = await client.search({ header: { 'message-id': `<${messageId}>` } }, { uid: true });
    return Array.isArray(found) && found.length > 0;
  } finally {
    lock.release();
  }
}

/** APPENDs the message as read; the UID when the server says it (UIDPLUS), for the local copy. */
export async function appendMessage(client: ImapFlow, path: string, raw: Buffer, date: Date): Promise<{ uid: number | null }> {
  const res = await client.append(path, raw, ['\\Seen'], date);
  return { uid: res && typeof res.uid === 'number' ? res.uid : null };
}

/** Adds a flag to one message on the server; false when the folder or message is gone. */
export async function addFlag(client: ImapFlow, path: string, uid: number, flag: string): Promise<boolean> {
  const lock = await client.getMailboxLock(path);
  try {
    return await client.messageFlagsAdd(String(uid), [flag], { uid: true });
  } finally {
    lock.release();
  }
}
