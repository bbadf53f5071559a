import MsgReaderPackage, { type FieldsData } from '@kenjiuno/msgreader';
import iconv from 'iconv-lite';
import { composeOutlookMail, type OutlookAddress, type OutlookMail } from './outlook-compose.ts';

/**
 * An Outlook .msg file (one item, an OLE compound file) as RFC 822 bytes, read with
 * @kenjiuno/msgreader (pure JS, so it runs on users' Windows and macOS laptops).
 */

// The package is CommonJS with an ES-style default export: Node hands ESM the exports object
// (class under .default), while bundlers and vitest apply the __esModule interop (the class itself).
type MsgReaderClass = typeof MsgReaderPackage.default;
const MsgReader: MsgReaderClass = 'default' in MsgReaderPackage ? MsgReaderPackage.default : (MsgReaderPackage as unknown as MsgReaderClass);

/** Thrown when the bytes are not a readable .msg; the reader turns it into a `msgUnreadable` problem. */
export class MsgUnreadableError extends Error {}

function parse(bytes: Uint8Array, ansiEncoding: string | null): { reader: InstanceType<typeof MsgReader>; fields: FieldsData } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const reader = new MsgReader(view);
  if (ansiEncoding) reader.parserConfig = { ansiEncoding };
  const fields = reader.getFileData();
  if (fields.error) throw new MsgUnreadableError(fields.error);
  return { reader, fields };
}

function address(name: string | undefined, ...candidates: (string | undefined)[]): OutlookAddress | null {
  // Exchange-internal senders carry an X.500 path ("/O=ACME/OU=…") where an SMTP address is expected.
  const smtp = candidates.find((c) => c && c.includes('@') && !c.startsWith('/'));
  if (!smtp && !name) return null;
  return { name: name ?? '', address: smtp ?? '' };
}

function date(text: string | undefined): Date | null {
  if (!text) return null;
  const d = new Date(text);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** PR_HTML is bytes in the item's internet code page (e.g. 936 for GBK); PR_BODY_HTML is already text. */
function htmlOf(fields: FieldsData): string | null {
  if (fields.bodyHtml) return fields.bodyHtml;
  if (!fields.html) return null;
  const cp = fields.internetCodepage;
  const encoding = cp === 65001 || cp === undefined ? 'utf8' : iconv.encodingExists(`cp${cp}`) ? `cp${cp}` : 'utf8';
  return iconv.decode(Buffer.from(fields.html), encoding);
}

async function toOutlookMail(reader: InstanceType<typeof MsgReader>, fields: FieldsData): Promise<OutlookMail> {
  const recipients = (kind: 'to' | 'cc' | 'bcc') =>
    (fields.recipients ?? [])
      .filter((r) => (r.recipType ?? 'to') === kind)
      .map((r) => address(r.name, r.smtpAddress, r.email))
      .filter((a): a is OutlookAddress => a !== null && a.address !== '');
  const mail: OutlookMail = {
    messageId: fields.messageId ?? null,
    inReplyTo: null,
    subject: fields.subject ?? '',
    date: date(fields.clientSubmitTime) ?? date(fields.messageDeliveryTime) ?? date(fields.creationTime),
    from: address(fields.senderName, fields.senderSmtpAddress, fields.sentRepresentingSmtpAddress, fields.senderEmail),
    to: recipients('to'),
    cc: recipients('cc'),
    bcc: recipients('bcc'),
    text: fields.body ?? null,
    html: htmlOf(fields),
    attachments: [],
    attachedMessages: [],
    transportHeaders: fields.headers ?? null,
  };
  for (const att of fields.attachments ?? []) {
    const data = reader.getAttachment(att);
    const filename = data.fileName || att.fileName || att.fileNameShort || 'attachment';
    if (att.innerMsgContent) {
      mail.attachedMessages.push({ filename: filename.replace(/\.msg$/i, '') + '.eml', raw: await msgToRfc822(data.content) });
    } else {
      mail.attachments.push({ filename, contentType: att.attachMimeTag ?? null, content: Buffer.from(data.content), contentId: att.pidContentId ?? null });
    }
  }
  return mail;
}

/** The .msg file's bytes as RFC 822; throws MsgUnreadableError when they are not a readable item. */
export async function msgToRfc822(bytes: Uint8Array): Promise<Buffer> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(bytes, null);
    // Non-Unicode items store text in the sender's ANSI code page (936 = GBK for Chinese Outlook);
    // a second parse with it turns those strings into the right characters.
    const cp = parsed.fields.messageCodepage;
    if (cp !== undefined && cp !== 1252 && cp !== 65001 && iconv.encodingExists(`cp${cp}`)) parsed = parse(bytes, `cp${cp}`);
  } catch (error) {
    throw error instanceof MsgUnreadableError ? error : new MsgUnreadableError(error instanceof Error ? error.message : String(error));
  }
  if (parsed.fields.dataType !== 'msg') throw new MsgUnreadableError(`not an Outlook item (${String(parsed.fields.dataType)})`);
  return composeOutlookMail(await toOutlookMail(parsed.reader, parsed.fields));
}
