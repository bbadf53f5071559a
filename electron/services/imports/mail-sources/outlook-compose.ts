import { createHash } from 'node:crypto';
import addressparser from 'nodemailer/lib/addressparser';
import MailComposer, { type MailComposerAttachment } from 'nodemailer/lib/mail-composer';

/**
 * Outlook keeps a mail as properties (.msg, .pst), not as MIME. The import wants RFC 822 bytes
 * like every other source, so both readers fill this neutral shape and nodemailer's MailComposer
 * writes the message. The output must be the same bytes every time the same item is read —
 * the import dedupes by Message-ID and content hash — so nothing random goes in: the MIME
 * boundary, and a Message-ID the item lacks, are derived from the item's content.
 */

export interface OutlookAddress {
  name: string;
  address: string;
}

export interface OutlookAttachment {
  filename: string;
  contentType: string | null;
  content: Buffer;
  contentId: string | null;
}

export interface OutlookMail {
  messageId: string | null;
  inReplyTo: string | null;
  subject: string;
  date: Date | null;
  from: OutlookAddress | null;
  to: OutlookAddress[];
  cc: OutlookAddress[];
  bcc: OutlookAddress[];
  text: string | null;
  html: string | null;
  attachments: OutlookAttachment[];
  /** Attached Outlook items (forwarded mail), already composed, attached as message/rfc822. */
  attachedMessages: { filename: string; raw: Buffer }[];
  /**
   * The internet headers the item arrived with, when Outlook kept them: the source of the
   * Message-ID, References and SMTP addresses when the item's own properties lack them.
   */
  transportHeaders: string | null;
}

/** Header fields of an unfolded header block, lower-cased name → raw value (first occurrence). */
function parseHeaderBlock(block: string): Map<string, string> {
  const out = new Map<string, string>();
  const end = block.search(/\r?\n\r?\n/);
  const unfolded = (end >= 0 ? block.slice(0, end) : block).replace(/\r?\n(?=[ \t])/g, '');
  for (const line of unfolded.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!out.has(name)) out.set(name, line.slice(colon + 1).trim());
  }
  return out;
}

function bracket(id: string): string {
  const t = id.trim();
  return t.startsWith('<') ? t : `<${t}>`;
}

const SMTP_ADDRESS = /^[^\s@<>",;]+@[^\s@<>",;]+$/;

function formatAddress(a: OutlookAddress): string | { name: string; address: string } {
  return a.name && a.name !== a.address ? { name: a.name, address: a.address } : a.address;
}

/**
 * The item's own addresses when they are all SMTP addresses; otherwise (Exchange-internal X.500
 * paths, names without address) the ones of the internet header it arrived with, when it has one.
 */
function pickAddresses(fromItem: OutlookAddress[], originalHeader: string | undefined): OutlookAddress[] {
  const usable = fromItem.filter((a) => SMTP_ADDRESS.test(a.address));
  if (usable.length === fromItem.length || originalHeader === undefined) return usable;
  const original = addressparser(originalHeader, { flatten: true })
    .map((a) => ({ name: a.name, address: a.address }))
    .filter((a) => SMTP_ADDRESS.test(a.address));
  return original.length > 0 ? original : usable;
}

function fingerprint(mail: OutlookMail): string {
  const h = createHash('sha256');
  for (const part of [mail.subject, mail.date?.toISOString() ?? '', mail.from?.address ?? '', mail.to.map((a) => a.address).join(','), mail.text ?? '', mail.html ?? '']) {
    h.update(part);
    h.update('\0');
  }
  for (const a of mail.attachments) h.update(a.content);
  return h.digest('hex').slice(0, 32);
}

function attachmentsOf(mail: OutlookMail): MailComposerAttachment[] {
  const files: MailComposerAttachment[] = mail.attachments.map((a) => ({
    filename: a.filename,
    content: a.content,
    ...(a.contentType ? { contentType: a.contentType } : {}),
    ...(a.contentId ? { cid: a.contentId.replace(/^<|>$/g, '') } : {}),
  }));
  const messages: MailComposerAttachment[] = mail.attachedMessages.map((m) => ({ filename: m.filename, content: m.raw, contentType: 'message/rfc822' }));
  return [...files, ...messages];
}

/** The item as RFC 822 bytes, the same bytes for the same item on every run. */
export async function composeOutlookMail(mail: OutlookMail): Promise<Buffer> {
  const original = mail.transportHeaders ? parseHeaderBlock(mail.transportHeaders) : new Map<string, string>();
  const hash = fingerprint(mail);
  const messageId = mail.messageId ?? original.get('message-id') ?? `<${hash}@outlook-import.tradefolio.invalid>`;
  const from = pickAddresses(mail.from ? [mail.from] : [], original.get('from'))[0];
  const to = pickAddresses(mail.to, original.get('to'));
  const cc = pickAddresses(mail.cc, original.get('cc'));
  const bcc = pickAddresses(mail.bcc, undefined);
  const references = original.get('references');
  const composer = new MailComposer({
    ...(from ? { from: formatAddress(from) } : {}),
    ...(to.length > 0 ? { to: to.map(formatAddress) } : {}),
    ...(cc.length > 0 ? { cc: cc.map(formatAddress) } : {}),
    ...(bcc.length > 0 ? { bcc: bcc.map(formatAddress) } : {}),
    ...(mail.inReplyTo ?? original.get('in-reply-to') ? { inReplyTo: bracket(mail.inReplyTo ?? original.get('in-reply-to') ?? '') } : {}),
    ...(references ? { references: references.split(/\s+/).filter(Boolean) } : {}),
    subject: mail.subject,
    messageId: bracket(messageId),
    // An item without any date gets the epoch rather than "now", so a second run gives the same bytes.
    date: mail.date ?? new Date(0),
    ...(mail.text !== null ? { text: mail.text } : mail.html === null ? { text: '' } : {}),
    ...(mail.html !== null ? { html: mail.html } : {}),
    attachments: attachmentsOf(mail),
    baseBoundary: hash,
    xMailer: false,
  });
  // Bcc is written too: this is the sender's own stored copy, not a message to send.
  const root = composer.compile();
  root.keepBcc = true;
  return root.build();
}
