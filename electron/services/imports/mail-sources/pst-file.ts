import { PSTFile, type PSTFolder, PSTMessage } from 'pst-extractor';
import { composeOutlookMail, type OutlookAddress, type OutlookMail } from './outlook-compose.ts';

/**
 * The mail items of an Outlook .pst (or .ost) as RFC 822 bytes, folder by folder, read with
 * pst-extractor (pure JS; it reads the file through a descriptor on demand, so memory holds one
 * item, not the file).
 */

interface PstPlace {
  folder: string[];
  folderOrdinal: number;
  folderId: number;
  cursor: number;
  nodeId: number;
  /** How far through the file's items this one is, 0–1 (items of earlier folders plus the cursor), for progress. */
  done: number;
}

export type PstEntry =
  | ({ kind: 'item'; raw: Buffer } & PstPlace)
  | ({ kind: 'itemUnreadable'; reason: string } & PstPlace)
  /** The checkpoint's folder is no longer at its place in the file (the file changed since). */
  | { kind: 'stale' };

export interface PstResume {
  folderOrdinal: number;
  folderId: number;
  cursor: number;
}

/** Outlook item classes that are mail (notes, delivery reports, meeting requests), not contacts or tasks. */
const MAIL_CLASS = /^(?:REPORT\.)?IPM\.(?:Note|Schedule\.Meeting)(?:\.|$)/i;
const ATTACH_EMBEDDED_MESSAGE = 5;

/**
 * pst-extractor's getNextChild() silently skips a child it cannot load (logging to the console) and
 * keeps its cursor private; reading the cursor after each child is the only way to name the true
 * place of an item, so a resume neither repeats nor skips one.
 */
function cursorOf(folder: PSTFolder, fallback: number): number {
  const value = (folder as unknown as { currentEmailIndex?: unknown }).currentEmailIndex;
  return typeof value === 'number' ? value : fallback;
}

function recipients(message: PSTMessage): { to: OutlookAddress[]; cc: OutlookAddress[]; bcc: OutlookAddress[] } {
  const out = { to: [] as OutlookAddress[], cc: [] as OutlookAddress[], bcc: [] as OutlookAddress[] };
  for (let i = 0; i < message.numberOfRecipients; i++) {
    const r = message.getRecipient(i);
    if (!r) continue;
    const entry = { name: r.displayName, address: r.smtpAddress || r.emailAddress };
    if (r.recipientType === 2) out.cc.push(entry);
    else if (r.recipientType === 3) out.bcc.push(entry);
    else out.to.push(entry);
  }
  return out;
}

async function toOutlookMail(message: PSTMessage): Promise<OutlookMail> {
  const mail: OutlookMail = {
    messageId: message.internetMessageId || null,
    inReplyTo: message.inReplyToId || null,
    subject: message.subject,
    date: message.clientSubmitTime ?? message.messageDeliveryTime ?? message.creationTime,
    from: message.senderEmailAddress || message.senderName ? { name: message.senderName, address: message.senderEmailAddress } : null,
    ...recipients(message),
    text: message.body || null,
    html: message.bodyHTML || null,
    attachments: [],
    attachedMessages: [],
    transportHeaders: message.transportMessageHeaders || null,
  };
  for (let i = 0; i < message.numberOfAttachments; i++) {
    const att = message.getAttachment(i);
    const filename = att.longFilename || att.filename || att.displayName || `attachment-${i + 1}`;
    if (att.attachMethod === ATTACH_EMBEDDED_MESSAGE) {
      const inner = att.embeddedPSTMessage;
      if (inner) mail.attachedMessages.push({ filename: `${filename.replace(/\.msg$/i, '')}.eml`, raw: await composeOutlookMail(await toOutlookMail(inner)) });
      continue;
    }
    const stream = att.fileInputStream;
    if (!stream) continue;
    const content = Buffer.alloc(stream.length.toNumber());
    stream.readCompletely(content);
    mail.attachments.push({ filename, contentType: att.mimeTag || null, content, contentId: att.contentId || null });
  }
  return mail;
}

interface WalkState {
  ordinal: number;
  resume: PstResume | null;
  /** Items in the folders walked before the current one, and in the whole file. */
  before: number;
  total: number;
}

function countItems(folder: PSTFolder): number {
  return folder.contentCount + (folder.hasSubfolders ? folder.getSubFolders().reduce((n, f) => n + countItems(f), 0) : 0);
}

async function* walkFolder(folder: PSTFolder, path: string[], state: WalkState): AsyncGenerator<PstEntry> {
  const folderOrdinal = state.ordinal++;
  const folderId = folder.descriptorNodeId.toNumber();
  const resume = state.resume;
  const skipItems = resume !== null && folderOrdinal < resume.folderOrdinal;
  if (resume !== null && folderOrdinal === resume.folderOrdinal) {
    if (folderId !== resume.folderId) {
      yield { kind: 'stale' };
      return;
    }
    folder.moveChildCursorTo(resume.cursor);
    state.resume = null;
  }
  if (!skipItems && folder.contentCount > 0) yield* folderItems(folder, path, folderOrdinal, folderId, state);
  state.before += folder.contentCount;
  if (!folder.hasSubfolders) return;
  for (const child of folder.getSubFolders()) {
    yield* walkFolder(child, [...path, child.displayName], state);
  }
}

async function* folderItems(folder: PSTFolder, path: string[], folderOrdinal: number, folderId: number, state: WalkState): AsyncGenerator<PstEntry> {
  let fallback = cursorOf(folder, 0);
  for (;;) {
    const child: unknown = folder.getNextChild();
    if (child === null || child === undefined) return;
    const cursor = cursorOf(folder, fallback + 1);
    fallback = cursor;
    if (!(child instanceof PSTMessage) || !MAIL_CLASS.test(child.messageClass)) continue;
    const place: PstPlace = { folder: path, folderOrdinal, folderId, cursor, nodeId: child.descriptorNodeId.toNumber(), done: Math.min(1, (state.before + cursor) / Math.max(1, state.total)) };
    try {
      yield { kind: 'item', ...place, raw: await composeOutlookMail(await toOutlookMail(child)) };
    } catch (error) {
      yield { kind: 'itemUnreadable', ...place, reason: error instanceof Error ? error.message : String(error) };
    }
  }
}

/** Opens the .pst (throws when it is not one) and walks its folders depth first from the root. */
export async function* readPst(file: string, resume: PstResume | null): AsyncGenerator<PstEntry> {
  const pst = new PSTFile(file);
  try {
    const root = pst.getRootFolder();
    yield* walkFolder(root, [], { ordinal: 0, resume, before: 0, total: countItems(root) });
  } finally {
    pst.close();
  }
}
