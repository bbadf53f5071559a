import nodemailer from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { NodemailerError } from 'nodemailer/lib/errors';
import type { MailSecurity } from '../../../../shared/domain/mail-enums.ts';
import type { OutboxErrorReason } from '../../../../shared/domain/mail-outbox.ts';

/**
 * The SMTP side of sending: building the RFC 5322 message once, handing exactly those bytes
 * to the server, and saying in our terms (OutboxErrorReason) why a server or the network said no.
 */

export interface MimeAddress {
  name: string | null;
  address: string;
}

export interface MimeAttachment {
  filename: string | null;
  contentType: string;
  content: Buffer;
  inline: boolean;
  contentId: string | null;
}

export interface OutgoingMessage {
  /** Without angle brackets. */
  messageId: string;
  date: Date;
  from: MimeAddress;
  to: readonly MimeAddress[];
  cc: readonly MimeAddress[];
  bcc: readonly MimeAddress[];
  subject: string;
  text: string | null;
  html: string | null;
  inReplyTo: string | null;
  references: readonly string[];
  attachments: readonly MimeAttachment[];
}

const bracket = (id: string) => `<${id}>`;
const list = (a: readonly MimeAddress[]) => a.map((x) => (x.name ? { name: x.name, address: x.address } : x.address));

/**
 * The message as it goes into the Sent folder: with its Bcc header, so the sender can see
 * later whom they sent a blind copy to (what Thunderbird and Outlook keep too). What goes to
 * the SMTP server is the same bytes without that header (withoutBcc), so no recipient sees it.
 * CRLF line ends throughout, as SMTP DATA and IMAP APPEND expect.
 */
export async function buildMime(m: OutgoingMessage): Promise<Buffer> {
  const composer = new MailComposer({
    from: m.from.name ? { name: m.from.name, address: m.from.address } : m.from.address,
    to: list(m.to),
    cc: list(m.cc),
    bcc: list(m.bcc),
    subject: m.subject,
    messageId: bracket(m.messageId),
    date: m.date,
    ...(m.inReplyTo ? { inReplyTo: bracket(m.inReplyTo) } : {}),
    ...(m.references.length > 0 ? { references: m.references.map(bracket) } : {}),
    // A mail always has a text part, even an empty one, so every client shows something.
    text: m.text ?? (m.html ? undefined : ''),
    ...(m.html ? { html: m.html } : {}),
    attachments: m.attachments.map((a) => ({
      content: a.content,
      contentType: a.contentType,
      ...(a.filename ? { filename: a.filename } : {}),
      ...(a.inline && a.contentId ? { cid: a.contentId, contentDisposition: 'inline' } : {}),
    })),
    newline: 'windows',
    // Never let a body or attachment reach for a file or URL: all content is in hand.
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  const node = composer.compile();
  node.keepBcc = true;
  return node.build();
}

/** The same message without its Bcc header (and the header's folded continuation lines). */
export function withoutBcc(raw: Buffer): Buffer {
  const end = raw.indexOf('\r\n\r\n');
  if (end < 0) return raw;
  const lines = raw.subarray(0, end).toString('latin1').split('\r\n');
  const kept: string[] = [];
  let dropping = false;
  for (const line of lines) {
    if (/^[ \t]/.test(line)) {
      if (!dropping) kept.push(line);
      continue;
    }
    dropping = /^bcc\s*:/i.test(line);
    if (!dropping) kept.push(line);
  }
  if (kept.length === lines.length) return raw;
  // latin1 maps bytes 1:1, so the header bytes round-trip whatever they contain.
  return Buffer.concat([Buffer.from(kept.join('\r\n'), 'latin1'), raw.subarray(end)]);
}

export interface SmtpSettings {
  host: string;
  port: number;
  security: MailSecurity;
  user: string;
  password: string;
}

export interface SmtpResult {
  accepted: string[];
  rejected: string[];
  /** The refused recipients' replies, for the outbox's "sent, but…" line. */
  rejectedDetail: string;
  response: string;
}

/** The one SMTP transport setup (sending and "test connection"): the security mapping lives here. */
export function smtpTransport(settings: SmtpSettings, timeouts: { connectTimeoutMs: number; socketTimeoutMs: number }) {
  return nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.security === 'tls',
    requireTLS: settings.security === 'starttls',
    ignoreTLS: settings.security === 'none',
    auth: { user: settings.user, pass: settings.password },
    connectionTimeout: timeouts.connectTimeoutMs,
    greetingTimeout: timeouts.connectTimeoutMs,
    socketTimeout: timeouts.socketTimeoutMs,
  });
}

/** Hands raw bytes to the server with an explicit envelope (Bcc recipients are only in the envelope). */
export async function sendRaw(
  settings: SmtpSettings,
  envelope: { from: string; to: readonly string[] },
  raw: Buffer,
  options: { timeoutMs?: number } = {},
): Promise<SmtpResult> {
  const timeout = options.timeoutMs ?? 60_000;
  const transport = smtpTransport(settings, { connectTimeoutMs: Math.min(timeout, 30_000), socketTimeoutMs: timeout });
  try {
    const info = await transport.sendMail({ envelope: { from: envelope.from, to: [...envelope.to] }, raw });
    const rejected = (info.rejected ?? []).map(String);
    return {
      accepted: (info.accepted ?? []).map(String),
      rejected,
      rejectedDetail: (info.rejectedErrors ?? []).map((e) => e.response ?? e.message).join('; '),
      response: info.response ?? '',
    };
  } finally {
    transport.close();
  }
}

export interface SendFailure {
  reason: OutboxErrorReason;
  detail: string;
  responseCode: number | null;
  recipients: string[];
}

const OFFLINE_CODES = new Set([
  'ECONNECTION',
  'ESOCKET',
  'ETIMEDOUT',
  'EDNS',
  'EPROXY',
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);
const TLS_WORDS = /certificate|ssl|tls|handshake|wrong version number/i;

/**
 * What an SMTP failure means for the outbox. Network trouble and 4xx replies are worth
 * another try; 5xx replies (except 503, a protocol hiccup), refused logins and TLS problems
 * are not: the same mail would meet the same answer, so the user is told the server's words.
 */
export function classifySmtpError(err: unknown): SendFailure {
  if (!(err instanceof Error)) return { reason: 'unknown', detail: String(err), responseCode: null, recipients: [] };
  const e = err as NodemailerError;
  const code = e.code ?? '';
  const responseCode = typeof e.responseCode === 'number' ? e.responseCode : null;
  const recipients = (e.rejected ?? []).map(String);
  const perRecipient = (e.rejectedErrors ?? []).map((r) => r.response ?? r.message).filter(Boolean);
  const detail = (perRecipient.length > 0 ? perRecipient.join('; ') : (e.response ?? e.message)).trim();
  const failure = (reason: OutboxErrorReason): SendFailure => ({ reason, detail, responseCode, recipients });

  if (code === 'EAUTH' || code === 'ENOAUTH') return failure('authFailed');
  if (responseCode !== null) {
    if (e.permanent === true || (responseCode >= 500 && responseCode !== 503)) return failure('rejected');
    return failure('temporary');
  }
  if (code === 'ETLS' || (code === 'ESOCKET' && TLS_WORDS.test(e.message))) return failure('tls');
  if (OFFLINE_CODES.has(code) || OFFLINE_CODES.has(e.originalCode ?? '')) return failure('offline');
  if (code === 'EENVELOPE') return failure('rejected');
  return failure('unknown');
}
