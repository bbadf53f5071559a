import type { Db } from '../../../db/database.ts';
import type { MailStores } from '../mail/store/mail-stores.ts';
import { buildMime, type MimeAddress } from '../mail/send/smtp-client.ts';
import type { OutputFile } from './export-file.ts';
import {
  customerMessagePage,
  folderMessagePage,
  foldersOf,
  messageForRebuild,
  type MessageCursor,
  type MessageExportRow,
} from './exports.queries.ts';
import { mboxEntry } from './mbox-writing.ts';

/**
 * Mail into an mbox: the original source of each message from the raw-message store, read a
 * page at a time and written in chunks of a few MB, so memory holds one page and one chunk
 * whatever the mailbox's size.
 */

export type MailScope = { kind: 'customer'; customerId: string } | { kind: 'accounts'; accountIds: readonly string[] };

const PAGE = 500;
const CHUNK_BYTES = 4 * 1024 * 1024;

async function* messagePages(db: Db, scope: MailScope): AsyncGenerator<MessageExportRow[]> {
  const walk = async function* (page: (after: MessageCursor) => Promise<MessageExportRow[]>) {
    for (let after: MessageCursor = { dateAt: -1, key: '' }; ; ) {
      const rows = await page(after);
      if (rows.length > 0) yield rows;
      if (rows.length < PAGE) return;
      const last = rows.at(-1)!;
      after = { dateAt: last.date_at, key: last.key };
    }
  };
  if (scope.kind === 'customer') {
    yield* walk((after) => customerMessagePage(db, scope.customerId, after, PAGE));
    return;
  }
  for (const accountId of scope.accountIds) {
    for (const folder of await foldersOf(db, accountId)) yield* walk((after) => folderMessagePage(db, folder.id, after, PAGE));
  }
}

/**
 * A message whose source is not stored (a sent mail from before sources were kept, a store
 * restored without its pack) is rebuilt from the database: headers, bodies and the attachment
 * files there are. Better an approximate copy in the export than none.
 */
async function rebuilt(db: Db, stores: MailStores, id: string): Promise<Buffer | null> {
  const found = await messageForRebuild(db, id);
  if (!found) return null;
  const { message, body, addresses, attachments } = found;
  const people = (role: string): MimeAddress[] => addresses.filter((a) => a.role === role).map((a) => ({ name: a.name, address: a.address }));
  return buildMime({
    messageId: message.message_id ?? `${id}@export.tradefolio.invalid`,
    date: new Date(message.date_at),
    from: { name: message.from_name, address: message.from_address ?? '' },
    to: people('to'),
    cc: people('cc'),
    bcc: people('bcc'),
    subject: message.subject ?? '',
    text: body?.text ?? null,
    html: body?.html ?? null,
    inReplyTo: message.in_reply_to,
    references: message.refs ? message.refs.split(/\s+/).filter(Boolean) : [],
    attachments: attachments
      .filter((a) => stores.attachments.has(a.sha256))
      .map((a) => ({ filename: a.filename, contentType: a.content_type, content: stores.attachments.read(a.sha256), inline: a.inline === 1, contentId: a.content_id })),
  });
}

export interface MboxCounts {
  messages: number;
  rebuilt: number;
}

/**
 * Appends the scope's messages to `out`, oldest first. `seen` holds the sources written so far
 * (by content hash): the same message filed in two folders, or under two accounts, goes in once.
 */
export async function appendMail(
  deps: { db: Db; stores: MailStores },
  out: OutputFile,
  scope: MailScope,
  seen: Set<string>,
  progress: (written: number) => void,
): Promise<MboxCounts> {
  const counts = { messages: 0, rebuilt: 0 };
  let chunk: Buffer[] = [];
  let bytes = 0;
  const flush = async () => {
    await out.write(chunk);
    chunk = [];
    bytes = 0;
  };
  for await (const page of messagePages(deps.db, scope)) {
    for (const row of page) {
      const key = row.raw_sha256 ?? `id:${row.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      let raw = row.raw_sha256 && deps.stores.raw.has(row.raw_sha256) ? deps.stores.raw.read(row.raw_sha256) : null;
      if (!raw) {
        raw = await rebuilt(deps.db, deps.stores, row.id);
        if (!raw) continue;
        counts.rebuilt++;
      }
      for (const part of mboxEntry(raw, row.from_address, row.date_at)) {
        chunk.push(part);
        bytes += part.length;
      }
      counts.messages++;
      if (bytes >= CHUNK_BYTES) await flush();
    }
    await flush();
    progress(counts.messages);
  }
  return counts;
}
