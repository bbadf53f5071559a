import type { DbOrTx } from '../../../../db/database.ts';
import type { MailMessagesTable } from '../../../../db/tables/mail.tables.ts';
import type { Flag } from '../../../../db/tables/tables.ts';
import type { SpecialUse } from '../../../../shared/domain/mail-enums.ts';
import { messageDate, messageDirection } from '../../../../shared/domain/mail-message.ts';
import { toSearchText } from '../../../../shared/domain/search-text.ts';
import { newId } from '../../core/ids.ts';
import { fileMessages } from './filing.ts';
import type { MailStores } from './mail-stores.ts';
import { insertMessageRows, storedUids, type NewMessageRows } from './message-insert.queries.ts';
import type { ParsedMessage } from './mail-parse.ts';
import { assignThread } from './threading.ts';
import { linkQuotesNamedIn, type MessageText } from './quote-links.ts';


/** A message fetched from a server (or read from an archive), parsed, its files already on disk. */
export interface PreparedMessage {
  uid: number | null;
  parsed: ParsedMessage;
  /** INTERNALDATE; null when the source has none (archives). */
  receivedAt: number | null;
  flags: readonly string[];
  size: number;
  rawSha256: string;
  attachmentShas: string[];
}

export interface FolderContext {
  folderId: string;
  specialUse: SpecialUse | null;
  accountId: string;
  /** The account's own addresses, lower-cased: they decide a message's direction. */
  ownAddresses: ReadonlySet<string>;
}

/** Index at most this much body text per message: enough to find a mail, bounded in cost. */
const MAX_INDEXED_BODY = 64 * 1024;

export function flagColumns(flags: Iterable<string>): Pick<MailMessagesTable, 'seen' | 'flagged' | 'answered' | 'draft' | 'flags'> {
  // \Recent belongs to one IMAP session, not to the message: storing it would show as a change every sync.
  const list = [...new Set(flags)].filter((f) => f !== '\\Recent').sort();
  const has = (f: string): Flag => (list.includes(f) ? 1 : 0);
  return { seen: has('\\Seen'), flagged: has('\\Flagged'), answered: has('\\Answered'), draft: has('\\Draft'), flags: JSON.stringify(list) };
}

/** A message as fetched or read, parsed, before its content is stored. */
export interface FetchedMessage {
  uid: number | null;
  raw: Buffer;
  parsed: ParsedMessage;
  receivedAt: number | null;
  flags: readonly string[];
  size?: number;
}

/**
 * Puts messages' raw sources (one transaction of the raw pack) and attachments into the content
 * stores. Done before the database transaction: a crash in between leaves only unreferenced
 * content behind.
 */
export function storeContent(stores: MailStores, items: readonly FetchedMessage[]): PreparedMessage[] {
  const raws = stores.raw.putMany(items.map((i) => i.raw));
  return items.map((item, i) => ({
    uid: item.uid,
    parsed: item.parsed,
    receivedAt: item.receivedAt,
    flags: item.flags,
    size: item.size ?? item.raw.length,
    rawSha256: raws[i]!.sha256,
    attachmentShas: item.parsed.attachments.map((a) => stores.attachments.put(a.content).sha256),
  }));
}

/**
 * Writes messages of one folder with everything derived from them — body, addresses,
 * attachment rows, thread, search row, filing links, links to the quotes they name — inside the
 * caller's transaction.
 * Messages whose (folder, uid) is already stored are skipped, so replaying a batch after a
 * crash adds nothing twice. Returns the ids of the messages written.
 */
export async function insertMessages(db: DbOrTx, folder: FolderContext, items: readonly PreparedMessage[], now: number): Promise<string[]> {
  const uids = items.map((i) => i.uid).filter((u): u is number => u !== null);
  const present = await storedUids(db, { folderId: folder.folderId, uids });

  const ids: string[] = [];
  const texts: MessageText[] = [];
  for (const item of items) {
    if (item.uid !== null && present.has(item.uid)) continue;
    if (item.uid !== null) present.add(item.uid);
    const p = item.parsed;
    const dateAt = messageDate(p.headerDate, item.receivedAt);
    const id = newId();
    const threadId = await assignThread(
      db,
      { accountId: folder.accountId, messageId: p.messageId, inReplyTo: p.inReplyTo, references: p.references, subject: p.subject, dateAt },
      now,
    );
    await insertMessageRows(db, newMessageRows(folder, item, { id, threadId, dateAt }), now);
    ids.push(id);
    texts.push({ id, subject: p.subject, text: p.text });
  }
  if (ids.length > 0) await fileMessages(db, ids);
  await linkQuotesNamedIn(db, texts, now);
  return ids;
}

/** The rows of one message as stored: columns derived from its parse, its folder and its flags, and its search text. */
function newMessageRows(folder: FolderContext, item: PreparedMessage, at: { id: string; threadId: string; dateAt: number }): NewMessageRows {
  const p = item.parsed;
  const { id, dateAt } = at;
  return {
    message: {
      id,
      account_id: folder.accountId,
      folder_id: folder.folderId,
      uid: item.uid,
      message_id: p.messageId,
      in_reply_to: p.inReplyTo,
      refs: p.references.length > 0 ? p.references.join(' ') : null,
      thread_id: at.threadId,
      subject: p.subject,
      from_name: p.from?.name ?? null,
      from_address: p.from?.address ?? null,
      snippet: p.snippet,
      date_at: dateAt,
      received_at: item.receivedAt ?? dateAt,
      direction: messageDirection(p.from?.address ?? null, folder.ownAddresses, folder.specialUse),
      ...flagColumns(item.flags),
      size: item.size,
      has_attachments: p.attachments.some((a) => !a.inline) ? 1 : 0,
      raw_sha256: item.rawSha256,
      parse_status: p.status,
      parse_warnings: JSON.stringify(p.warnings),
      sender_auth: p.senderAuth,
      automated: p.automated,
    },
    body: { message_id: id, text: p.text, html: p.html },
    addresses: p.addresses.map((a) => ({ message_id: id, role: a.role, position: a.position, name: a.name, address: a.address, domain: a.domain })),
    attachments: p.attachments.map((a, position) => ({
      id: newId(),
      message_id: id,
      position,
      filename: a.filename,
      content_type: a.contentType,
      size: a.size,
      sha256: item.attachmentShas[position]!,
      content_id: a.contentId,
      inline: a.inline ? 1 : 0,
    })),
    search: {
      subject: toSearchText(p.subject),
      addresses: toSearchText(...p.addresses.flatMap((a) => [a.name, a.address])),
      body: toSearchText((p.text ?? '').slice(0, MAX_INDEXED_BODY)),
      attachments: toSearchText(...p.attachments.map((a) => a.filename)),
    },
  };
}
