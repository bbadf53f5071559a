import type { AddressObject, EmailAddress, ParsedMail } from 'mailparser';
import type { AddressRole } from '../../../../shared/domain/mail-enums.ts';
import { normalizeAddress, normalizeMessageId } from '../../../../shared/domain/mail-message.ts';
import { textFromHtml } from './mail-text.ts';

/**
 * Reading a message's fields out of mailparser's result: its addresses by role, its Date
 * header, its body text and its attachments, each the way the rest of the app stores them.
 */

export interface ParsedAddress {
  role: AddressRole;
  position: number;
  name: string | null;
  address: string;
  domain: string;
}

export interface ParsedAttachment {
  filename: string | null;
  contentType: string;
  size: number;
  content: Buffer;
  contentId: string | null;
  inline: boolean;
}

function addressList(value: AddressObject | AddressObject[] | undefined): EmailAddress[] {
  if (!value) return [];
  const objects = Array.isArray(value) ? value : [value];
  const out: EmailAddress[] = [];
  const flatten = (list: EmailAddress[]) => {
    for (const a of list) {
      if (a.group) flatten(a.group);
      else out.push(a);
    }
  };
  for (const o of objects) flatten(o.value);
  return out;
}

/** The Date header as epoch ms (null when unreadable), and whether the message has one at all. */
export function headerDateOf(parsed: ParsedMail): { date: number | null; present: boolean } {
  // mailparser replaces an unreadable Date with "now"; read the raw line instead.
  const line = parsed.headerLines.find((h) => h.key === 'date')?.line;
  if (!line) return { date: null, present: false };
  const value = line.slice(line.indexOf(':') + 1).trim();
  const ms = Date.parse(value.replace(/\s*\([^)]*\)\s*$/, ''));
  return { date: Number.isFinite(ms) ? ms : null, present: true };
}

/** Every address of the message, by role (From, Sender, Reply-To, To, Cc, Bcc) and position within it. */
export function addressesOf(parsed: ParsedMail): ParsedAddress[] {
  const addresses: ParsedAddress[] = [];
  const roles: Array<[AddressRole, AddressObject | AddressObject[] | undefined]> = [
    ['from', parsed.from],
    ['sender', parsed.headers.get('sender') as AddressObject | undefined],
    ['replyTo', parsed.replyTo],
    ['to', parsed.to],
    ['cc', parsed.cc],
    ['bcc', parsed.bcc],
  ];
  for (const [role, value] of roles) {
    let position = 0;
    for (const a of addressList(value)) {
      const address = normalizeAddress(a.address);
      if (!address) continue;
      addresses.push({ role, position: position++, name: a.name?.trim() || null, address, domain: address.slice(address.lastIndexOf('@') + 1) });
    }
  }
  return addresses;
}

/** The HTML body, and the text body — derived from the HTML where the message has no text of its own. */
export function bodyOf(parsed: ParsedMail): { text: string | null; html: string | null } {
  const html = typeof parsed.html === 'string' ? parsed.html : null;
  // mailparser derives text from HTML only for a message that is nothing but HTML; a
  // multipart whose only body is HTML, or an empty text part beside the HTML, would leave the
  // message without a preview and unsearchable by its words.
  const text = parsed.text?.trim() ? parsed.text : html ? textFromHtml(html) : null;
  return { text, html };
}

export function attachmentsOf(parsed: ParsedMail): ParsedAttachment[] {
  return parsed.attachments.map((a) => ({
    filename: a.filename ?? null,
    contentType: a.contentType || 'application/octet-stream',
    size: a.size,
    content: a.content,
    contentId: normalizeMessageId(a.contentId ?? a.cid ?? null),
    inline: a.contentDisposition === 'inline' || a.related === true,
  }));
}
