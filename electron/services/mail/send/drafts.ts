import type { ComposeKind } from '../../../../shared/domain/mail-enums.ts';
import { escapeHtml } from '../../../../shared/domain/mail-template.ts';
import { MAX_QUOTED_CHARS, MAX_QUOTED_HTML_CHARS } from '../../../../shared/domain/mail-content-limits.ts';

/**
 * Drafts for the compose screen: new mail, reply, reply all and forward, built from a stored
 * message and the account. Pure (no database, no clock), so every rule here is unit-tested.
 */

export interface Addr {
  name: string | null;
  address: string;
}

export interface SourceAttachment {
  id: string;
  filename: string | null;
  contentType: string;
  size: number;
  inline: boolean;
  contentId: string | null;
}

/** The message being answered or forwarded, as stored. */
export interface SourceMessage {
  /** Its Message-ID header without angle brackets. */
  messageId: string | null;
  references: readonly string[];
  subject: string | null;
  from: Addr | null;
  replyTo: readonly Addr[];
  to: readonly Addr[];
  cc: readonly Addr[];
  dateAt: number;
  direction: 'inbound' | 'outbound';
  text: string | null;
  html: string | null;
  attachments: readonly SourceAttachment[];
}

export interface ComposeAccount {
  email: string;
  aliases: readonly string[];
  name: string;
  displayName: string | null;
  signatureText: string | null;
  signatureHtml: string | null;
}

/** The words of the attribution line and the forward header, in the user's language. */
export interface ComposeLabels {
  /** With `{{date}}` and `{{name}}`, e.g. "On {{date}}, {{name}} wrote:". */
  attribution: string;
  forwardHeader: string;
  /** Closes a reply's quote that was cut, with `{{count}}` (characters quoted). */
  quoteCut: string;
  from: string;
  date: string;
  subject: string;
  to: string;
  cc: string;
}

export interface ComposeOptions {
  labels: ComposeLabels;
  /** BCP 47 locale for dates. */
  locale: string;
  /** IANA zone for dates; the process's zone when null or unknown. */
  timeZone: string | null;
}

export interface DraftBody {
  kind: ComposeKind;
  from: Addr;
  to: Addr[];
  cc: Addr[];
  bcc: Addr[];
  subject: string;
  text: string;
  html: string | null;
  inReplyTo: string | null;
  references: string[];
  /** Ids of the source's attachments the draft carries over. */
  attachmentIds: string[];
}

/** A References header stays useful and bounded: the thread's root plus the most recent ids. */
const MAX_REFERENCES = 20;

const REPLY_PREFIXED = /^\s*(?:re|aw|sv|antw|回复|回覆|答复)\s*(?:\[\d+\]|\(\d+\))?\s*[:：]/iu;
const FORWARD_PREFIXED = /^\s*(?:fwd?|wg|tr|转发|轉寄|轉發|转)\s*[:：]/iu;

export function replySubject(subject: string | null): string {
  const s = (subject ?? '').trim();
  return REPLY_PREFIXED.test(s.normalize('NFKC')) ? s : `Re: ${s}`.trimEnd();
}

export function forwardSubject(subject: string | null): string {
  const s = (subject ?? '').trim();
  return FORWARD_PREFIXED.test(s.normalize('NFKC')) ? s : `Fwd: ${s}`.trimEnd();
}

function ownSet(account: ComposeAccount): Set<string> {
  return new Set([account.email, ...account.aliases].map((a) => a.toLowerCase()));
}

/** Without own addresses and without repeats (case-insensitive), and without any in `exclude`. */
function cleanList(list: readonly Addr[], own: ReadonlySet<string>, exclude: ReadonlySet<string> = new Set()): Addr[] {
  const seen = new Set(exclude);
  const out: Addr[] = [];
  for (const a of list) {
    const key = a.address.toLowerCase();
    if (own.has(key) || seen.has(key)) continue;
    seen.add(key);
    out.push({ name: a.name, address: a.address });
  }
  return out;
}

/**
 * Who a reply goes to. Replying to one's own sent mail goes to its recipients again (as in
 * every mail client), otherwise to Reply-To when given, else to the sender. Reply all adds
 * the original To (Cc stays Cc); the account's own addresses never appear.
 */
export function replyRecipients(kind: 'reply' | 'replyAll', source: SourceMessage, account: ComposeAccount): { to: Addr[]; cc: Addr[] } {
  const own = ownSet(account);
  const fromSelf = source.direction === 'outbound' || (source.from !== null && own.has(source.from.address.toLowerCase()));
  const primary: readonly Addr[] = fromSelf ? source.to : source.replyTo.length > 0 ? source.replyTo : source.from ? [source.from] : [];
  if (kind === 'reply') {
    const to = cleanList(primary, own);
    // A note to oneself: answering it goes to oneself rather than to nobody.
    return { to: to.length > 0 ? to : primary.slice(0, 1).map((a) => ({ ...a })), cc: [] };
  }
  const to = cleanList(fromSelf ? primary : [...primary, ...source.to], own);
  const cc = cleanList(source.cc, own, new Set(to.map((a) => a.address.toLowerCase())));
  return { to: to.length > 0 || cc.length > 0 ? to : primary.slice(0, 1).map((a) => ({ ...a })), cc };
}

/** References for a reply: the original's, then the original itself, bounded to the root and the newest ones. */
export function replyReferences(source: Pick<SourceMessage, 'messageId' | 'references'>): string[] {
  const all = [...new Set([...source.references, ...(source.messageId ? [source.messageId] : [])])];
  return all.length <= MAX_REFERENCES ? all : [all[0]!, ...all.slice(all.length - (MAX_REFERENCES - 1))];
}

export function formatAddress(a: Addr): string {
  return a.name ? `${a.name} <${a.address}>` : a.address;
}

export function formatDate(at: number, locale: string, timeZone: string | null): string {
  const options: Intl.DateTimeFormatOptions = { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' };
  try {
    return new Intl.DateTimeFormat(locale, { ...options, ...(timeZone ? { timeZone } : {}) }).format(at);
  } catch {
    // An unknown zone name from the screen: the computer's own zone is the best guess.
    return new Intl.DateTimeFormat(locale, options).format(at);
  }
}

/** `> ` before every line; already quoted lines get one more `>` without a space, blank lines a bare `>`. */
export function quoteText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\n+$/, '')
    .split('\n')
    .map((line) => (line === '' ? '>' : line.startsWith('>') ? `>${line}` : `> ${line}`))
    .join('\n');
}

const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** A readable plain-text rendering of HTML, for quoting an HTML-only mail in a plain reply. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(head|style|script|title)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|tr|h[1-6]|blockquote|table)\s*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole: string, e: string) => {
      if (e[0] === '#') {
        const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
      return ENTITIES[e.toLowerCase()] ?? whole;
    })
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function textToHtml(text: string): string {
  return escapeHtml(text.replace(/\r\n?/g, '\n')).replace(/\n/g, '<br>\n');
}

/** What is inside `<body>` (or the whole text without html/head), to nest a mail into a reply. */
export function bodyInner(html: string): string {
  const body = /<body\b[^>]*>([\s\S]*?)(?:<\/body\s*>|$)/i.exec(html);
  if (body) return body[1]!;
  return html.replace(/<head\b[\s\S]*?<\/head\s*>/gi, '').replace(/<\/?(?:html|!doctype)\b[^>]*>/gi, '');
}

/** The signature as text and as HTML, each made from the other when only one is set. */
export function signatureParts(account: Pick<ComposeAccount, 'signatureText' | 'signatureHtml'>): { text: string | null; html: string | null } {
  const text = account.signatureText?.trim() || (account.signatureHtml ? htmlToText(account.signatureHtml) : '') || null;
  const html = account.signatureHtml?.trim() || (account.signatureText ? textToHtml(account.signatureText.trim()) : '') || null;
  return { text, html };
}

/** "-- " on its own line is the signature separator mail clients recognise (RFC 3676). */
const textSignature = (sig: string | null) => (sig ? `-- \n${sig}\n` : '');
const htmlSignature = (sig: string | null) => (sig ? `<div class="tf-signature">-- <br>${sig}</div>` : '');
const BLANK_HTML = '<div><br></div>';

/** A finished body (a rendered template) with the account's signature below it. */
export function withSignature(
  body: { text: string | null; html: string | null },
  account: Pick<ComposeAccount, 'signatureText' | 'signatureHtml'>,
): { text: string | null; html: string | null } {
  const sig = signatureParts(account);
  if (!sig.text) return body;
  return {
    text: body.text !== null || body.html === null ? `${(body.text ?? '').replace(/\s+$/, '')}\n\n${textSignature(sig.text)}` : null,
    html: body.html !== null ? `${body.html}${BLANK_HTML}${htmlSignature(sig.html)}` : null,
  };
}

function fromOf(account: ComposeAccount): Addr {
  return { name: account.displayName, address: account.email };
}

/** A new mail: empty or to one contact, with the signature below the space for the text. */
export function newDraft(account: ComposeAccount, to: Addr | null): DraftBody {
  const sig = signatureParts(account);
  return {
    kind: 'new',
    from: fromOf(account),
    to: to ? [to] : [],
    cc: [],
    bcc: [],
    subject: '',
    text: sig.text ? `\n\n${textSignature(sig.text)}` : '',
    html: account.signatureHtml ? `${BLANK_HTML}${BLANK_HTML}${htmlSignature(sig.html)}` : null,
    inReplyTo: null,
    references: [],
    attachmentIds: [],
  };
}

/** The images of an HTML body that it shows by `cid:`, which a quoted reply must carry along. */
function referencedInline(source: SourceMessage, html: string | null): string[] {
  if (!html) return [];
  return source.attachments.filter((a) => a.contentId && html.includes(`cid:${a.contentId}`)).map((a) => a.id);
}

/**
 * The original as a reply quotes it: at most MAX_QUOTED_CHARS, then a line saying the rest was
 * left out. A reply to a 1 MB single-line mail used to freeze the composer for seconds, and
 * nobody answers the 100,001st character.
 */
function quotable(text: string, labels: ComposeLabels): string {
  if (text.length <= MAX_QUOTED_CHARS) return text;
  const cut = /[\uD800-\uDBFF]$/.test(text.slice(0, MAX_QUOTED_CHARS)) ? MAX_QUOTED_CHARS - 1 : MAX_QUOTED_CHARS;
  return `${text.slice(0, cut)}\n${labels.quoteCut.replace('{{count}}', cut.toLocaleString('en'))}`;
}

/**
 * A reply or reply all: recipients as replyRecipients(), "Re:" once, threading headers, the
 * signature, then the attribution line and the original quoted (top-posting, as business
 * mail is written). HTML when the original or the signature has HTML.
 */
export function replyDraft(kind: 'reply' | 'replyAll', source: SourceMessage, account: ComposeAccount, options: ComposeOptions): DraftBody {
  const sig = signatureParts(account);
  const { to, cc } = replyRecipients(kind, source, account);
  const params: Record<string, string> = {
    date: formatDate(source.dateAt, options.locale, options.timeZone),
    name: source.from ? formatAddress(source.from) : '',
  };
  // A function replacement, so a "$&" in someone's name stays literal.
  const attribution = options.labels.attribution.replace(/\{\{(date|name)\}\}/g, (_m: string, key: string) => params[key] ?? '');
  const originalText = quotable(source.text ?? (source.html ? htmlToText(source.html) : ''), options.labels);
  const text = `\n\n${sig.text ? `${textSignature(sig.text)}\n` : ''}${attribution}\n${quoteText(originalText)}\n`;
  let html: string | null = null;
  if (source.html || account.signatureHtml) {
    // A huge HTML original is quoted as its (cut) text: the composer would freeze laying it out.
    const quoted = source.html && source.html.length <= MAX_QUOTED_HTML_CHARS ? bodyInner(source.html) : textToHtml(originalText);
    html =
      `${BLANK_HTML}${BLANK_HTML}${sig.html ? `${htmlSignature(sig.html)}${BLANK_HTML}` : ''}` +
      `<div class="tf-attribution">${escapeHtml(attribution)}</div>` +
      `<blockquote type="cite" style="margin:0 0 0 0.8ex;border-left:1px solid #ccc;padding-left:1ex">${quoted}</blockquote>`;
  }
  return {
    kind,
    from: fromOf(account),
    to,
    cc,
    bcc: [],
    subject: replySubject(source.subject),
    text,
    html,
    inReplyTo: source.messageId,
    references: replyReferences(source),
    attachmentIds: referencedInline(source, html),
  };
}

/**
 * A forward: no recipients, "Fwd:" once, the original's headers and body unquoted below the
 * signature, and all its attachments. It references the original (so it stays in the
 * conversation here) but answers nobody, so no In-Reply-To.
 */
export function forwardDraft(source: SourceMessage, account: ComposeAccount, options: ComposeOptions): DraftBody {
  const sig = signatureParts(account);
  const l = options.labels;
  const headers: Array<[string, string]> = [
    [l.from, source.from ? formatAddress(source.from) : ''],
    [l.date, formatDate(source.dateAt, options.locale, options.timeZone)],
    [l.subject, source.subject ?? ''],
    [l.to, source.to.map(formatAddress).join(', ')],
    ...(source.cc.length > 0 ? ([[l.cc, source.cc.map(formatAddress).join(', ')]] as Array<[string, string]>) : []),
  ];
  const originalText = source.text ?? (source.html ? htmlToText(source.html) : '');
  const text =
    `\n\n${sig.text ? `${textSignature(sig.text)}\n` : ''}${l.forwardHeader}\n` +
    `${headers.map(([k, v]) => `${k}: ${v}`).join('\n')}\n\n${originalText.replace(/\r\n?/g, '\n').replace(/\n+$/, '')}\n`;
  let html: string | null = null;
  if (source.html || account.signatureHtml) {
    html =
      `${BLANK_HTML}${BLANK_HTML}${sig.html ? `${htmlSignature(sig.html)}${BLANK_HTML}` : ''}` +
      `<div class="tf-forward">${escapeHtml(l.forwardHeader)}<br>` +
      headers.map(([k, v]) => `${escapeHtml(k)}: ${escapeHtml(v)}`).join('<br>') +
      `</div><br>${source.html ? bodyInner(source.html) : textToHtml(originalText)}`;
  }
  return {
    kind: 'forward',
    from: fromOf(account),
    to: [],
    cc: [],
    bcc: [],
    subject: forwardSubject(source.subject),
    text,
    html,
    inReplyTo: null,
    references: replyReferences(source),
    attachmentIds: source.attachments.map((a) => a.id),
  };
}
