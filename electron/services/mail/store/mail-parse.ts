import { simpleParser, type ParsedMail } from 'mailparser';
import { automatedKindOf, type AutomatedKind } from '../../../../shared/domain/automated-mail.ts';
import type { ParseStatus, SenderAuth } from '../../../../shared/domain/mail-enums.ts';
import { normalizeMessageId, parseMessageIds, parseStatusOf, snippetOf, type ParseWarning } from '../../../../shared/domain/mail-message.ts';
import { addressesOf, attachmentsOf, bodyOf, headerDateOf, type ParsedAddress, type ParsedAttachment } from './message-fields.ts';
import { MAX_HTML_FOR_TEXT, textOfUnparsed } from './mail-text.ts';
import { labelCharsets, type RelabelledSource } from './mime-relabel.ts';
import { senderAuthenticationOf } from './sender-authentication.ts';

/**
 * The parse entry point: raw RFC 5322 bytes in, one ParsedMessage out. Charset labels are
 * repaired first (mime-relabel.ts), mailparser reads the result, and the fields are taken from
 * its answer (message-fields.ts).
 */

export type { ParsedAddress, ParsedAttachment };

/** One message as the rest of the app needs it; never thrown away, whatever its state. */
export interface ParsedMessage {
  messageId: string | null;
  inReplyTo: string | null;
  /** References, oldest first. */
  references: string[];
  subject: string | null;
  from: { name: string | null; address: string } | null;
  addresses: ParsedAddress[];
  /** The Date header as epoch ms; null when missing or unreadable. */
  headerDate: number | null;
  text: string | null;
  html: string | null;
  snippet: string | null;
  attachments: ParsedAttachment[];
  status: ParseStatus;
  warnings: ParseWarning[];
  /** Charsets guessed for unlabelled 8-bit text, e.g. ['gb18030']. */
  guessedCharsets: string[];
  /** Whether the receiving server verified the From address (sender-authentication.ts). */
  senderAuth: SenderAuth;
  /** Newsletter, list, bulk, auto-generated or no-reply mail, never a lead (automated-mail.ts); null for mail a person wrote. */
  automated: AutomatedKind | null;
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * Parses one raw message. Never throws: a message mailparser cannot read is returned with
 * status `failed` and at most the start of its raw text as the body (none when it is binary),
 * so it is stored and shown with a warning.
 */
export async function parseMail(raw: Buffer): Promise<ParsedMessage> {
  // Windows editors save .eml files with a UTF-8 byte-order mark, which hides the first header
  // line; the mark says nothing else about the message.
  const source = raw.subarray(0, 3).equals(UTF8_BOM) ? raw.subarray(3) : raw;
  let prepared: RelabelledSource;
  try {
    prepared = labelCharsets(source);
  } catch {
    prepared = { source, guessed: new Set(), warnings: new Set(), noHeaders: false };
  }
  if (prepared.noHeaders) return rawOnly(raw, ['noHeaders']);
  const warnings: ParseWarning[] = [...prepared.warnings];
  const guessedCharsets = [...prepared.guessed].filter((c) => c !== 'utf-8');
  if (guessedCharsets.length > 0) warnings.push('charsetGuessed');

  let parsed: ParsedMail;
  try {
    parsed = await simpleParser(prepared.source, {
      skipImageLinks: true,
      skipTextToHtml: true,
      skipTextLinks: true,
      // Larger HTML is left to textFromHtml() (message-fields.ts), which reads only its start:
      // mailparser would spend seconds converting all of a multi-megabyte body.
      maxHtmlLengthToParse: MAX_HTML_FOR_TEXT,
    });
  } catch {
    return rawOnly(raw, ['unparseable']);
  }
  return messageOf(parsed, warnings, guessedCharsets);
}

/** The ParsedMessage of what mailparser read; adds the warnings its fields call for. */
function messageOf(parsed: ParsedMail, warnings: ParseWarning[], guessedCharsets: string[]): ParsedMessage {
  const addresses = addressesOf(parsed);
  const fromEntry = addresses.find((a) => a.role === 'from') ?? null;
  if (!fromEntry) warnings.push('missingFrom');

  const { date, present } = headerDateOf(parsed);
  if (!present || date === null) warnings.push('badDate');

  const { text, html } = bodyOf(parsed);
  if ((text && text.includes('\uFFFD')) || (parsed.subject && parsed.subject.includes('\uFFFD'))) warnings.push('badEncoding');

  return {
    messageId: normalizeMessageId(parsed.messageId),
    inReplyTo: normalizeMessageId(parsed.inReplyTo),
    references: parseMessageIds(parsed.references),
    subject: parsed.subject ?? null,
    from: fromEntry ? { name: fromEntry.name, address: fromEntry.address } : null,
    addresses,
    headerDate: date,
    text,
    html,
    snippet: snippetOf(text),
    attachments: attachmentsOf(parsed),
    status: parseStatusOf(warnings),
    warnings,
    guessedCharsets,
    senderAuth: senderAuthenticationOf(parsed.headerLines, fromEntry?.address ?? null),
    automated: automatedKindOf(parsed.headerLines, fromEntry?.address ?? null),
  };
}

function rawOnly(raw: Buffer, warnings: ParseWarning[]): ParsedMessage {
  const text = textOfUnparsed(raw);
  return {
    messageId: null,
    inReplyTo: null,
    references: [],
    subject: null,
    from: null,
    addresses: [],
    headerDate: null,
    text,
    html: null,
    snippet: snippetOf(text),
    attachments: [],
    status: parseStatusOf(warnings),
    warnings,
    guessedCharsets: [],
    senderAuth: 'none',
    automated: null,
  };
}
