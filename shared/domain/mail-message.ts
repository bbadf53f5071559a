import type { MailDirection, ParseStatus, SpecialUse } from './mail-enums.ts';
import { withoutLinkNoise } from './mail-preview.ts';

/** Pure rules about one message: ids, subjects, dates, direction, parse health. */

const DAY = 86_400_000;
/** Date headers before this are broken clients (1970, 1980), not real dates. */
const EARLIEST_PLAUSIBLE_DATE = Date.UTC(1990, 0, 1);

/** `<abc@host>` → `abc@host`; null for an empty or missing id. */
export function normalizeMessageId(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const inside = /<([^<>]+)>/.exec(raw)?.[1] ?? raw;
  const id = inside.trim().replace(/\s+/g, '');
  return id.length > 0 && id.length <= 998 ? id : null;
}

/** Every Message-ID in a References / In-Reply-To value, oldest first, without duplicates. */
export function parseMessageIds(raw: string | readonly string[] | null | undefined): string[] {
  if (!raw) return [];
  const text = typeof raw === 'string' ? raw : raw.join(' ');
  const out: string[] = [];
  const bracketed = [...text.matchAll(/<([^<>\s]+)>/g)].map((m) => m[1]!);
  const ids = bracketed.length > 0 ? bracketed : text.split(/[\s,]+/).filter((t) => t.includes('@'));
  for (const id of ids) {
    const n = normalizeMessageId(id);
    if (n && !out.includes(n)) out.push(n);
  }
  return out;
}

// Reply and forward prefixes in the languages our users' correspondents write, incl. full-width colons.
const SUBJECT_PREFIX = /^\s*(?:(?:re|fwd?|aw|wg|sv|vs|antw|rif|tr|odp|r|enc|res|回复|回覆|答复|转发|轉寄|转|轉發|返信|転送)\s*(?:\[\d+\]|\(\d+\))?\s*[:：]\s*|\[[^\]]{0,40}\]\s*)/iu;

/** The subject a thread is recognised by when references are missing: prefixes and case removed. */
export function subjectKey(subject: string | null | undefined): string {
  let s = (subject ?? '').normalize('NFKC');
  for (let i = 0; i < 20; i++) {
    const next = s.replace(SUBJECT_PREFIX, '');
    if (next === s) break;
    s = next;
  }
  return s.replace(/\s+/g, ' ').trim().toLowerCase();
}

const REPLY_PREFIX = /^\s*(?:\[[^\]]{0,40}\]\s*)*(?:re|fwd?|aw|wg|sv|vs|antw|rif|tr|odp|enc|res|回复|回覆|答复|转发|轉寄|转|轉發|返信|転送)\s*(?:\[\d+\]|\(\d+\))?\s*[:：]/iu;

/** A subject that says it answers or forwards something ("Re:", "Fwd:", "回复："…). */
export function isReplySubject(subject: string | null | undefined): boolean {
  return REPLY_PREFIX.test((subject ?? '').normalize('NFKC'));
}

/**
 * The date a message is shown and sorted by: its Date header, unless that is missing,
 * implausibly old, or more than a day after it arrived (a wrong clock or a spammer putting
 * itself on top); then the arrival time.
 */
export function messageDate(headerDate: number | null, receivedAt: number | null): number {
  const valid = headerDate !== null && Number.isFinite(headerDate) && headerDate >= EARLIEST_PLAUSIBLE_DATE;
  if (receivedAt === null) return valid ? headerDate : EARLIEST_PLAUSIBLE_DATE;
  if (!valid || headerDate > receivedAt + DAY) return receivedAt;
  return headerDate;
}

/** Lower-cased, trimmed address; null when it is not an address at all. */
export function normalizeAddress(address: string | null | undefined): string | null {
  if (!address) return null;
  const a = address.trim().replace(/^<|>$/g, '').toLowerCase();
  const at = a.lastIndexOf('@');
  if (at <= 0 || at === a.length - 1 || /\s/.test(a)) return null;
  return a;
}

/**
 * Outbound when we wrote it: sent from one of the account's own addresses, or found in the
 * Sent or Drafts folder. Everything else is inbound.
 */
export function messageDirection(fromAddress: string | null, ownAddresses: ReadonlySet<string>, folderUse: SpecialUse | null): MailDirection {
  if (folderUse === 'sent' || folderUse === 'drafts') return 'outbound';
  if (fromAddress && ownAddresses.has(fromAddress)) return 'outbound';
  return 'inbound';
}

const SNIPPET_LENGTH = 200;

/** The first words of a body for lists: quoted lines and link noise (mail-preview.ts) dropped, whitespace collapsed. */
export function snippetOf(text: string | null | undefined): string | null {
  if (!text) return null;
  const lines = text.split(/\r?\n/).filter((l) => !/^\s*>/.test(l));
  const s = withoutLinkNoise(lines.join(' ')).replace(/\s+/g, ' ').trim();
  if (!s) return null;
  const chars = [...s];
  return chars.length > SNIPPET_LENGTH ? `${chars.slice(0, SNIPPET_LENGTH).join('')}…` : s;
}

/**
 * What the parser noticed. `fatal` ones mean the message could only be stored raw; `problem`
 * ones mean it is readable but damaged (the UI shows a warning); `notice` ones are repairs
 * that need no warning (a guessed charset that decoded cleanly).
 */
export const PARSE_WARNINGS = {
  unparseable: 'fatal',
  noHeaders: 'fatal',
  unterminatedMultipart: 'problem',
  missingFrom: 'problem',
  badDate: 'problem',
  badEncoding: 'problem',
  /** A multipart declared no boundary; it was split by its first delimiter line or read as one text. */
  missingBoundary: 'problem',
  /** A charset label named no known charset and the 8-bit text in it was decoded by a guess. */
  charsetUnknown: 'problem',
  charsetGuessed: 'notice',
  /** A damaged or unknown charset label was read from its first word, a byte-order mark or the HTML's <meta>. */
  charsetRepaired: 'notice',
  /**
   * A text part's label named a charset its bytes are not in (GBK labelled ISO-8859-1, Big5
   * labelled GB2312, GBK labelled Big5) and it was read in the one they fit
   * (electron/services/mail/store/charset-mislabel-detection.ts, mislabelledCharset()).
   */
  charsetMislabelled: 'notice',
} as const;
export type ParseWarning = keyof typeof PARSE_WARNINGS;

export function parseStatusOf(warnings: readonly ParseWarning[]): ParseStatus {
  if (warnings.some((w) => PARSE_WARNINGS[w] === 'fatal')) return 'failed';
  if (warnings.some((w) => PARSE_WARNINGS[w] === 'problem')) return 'warning';
  return 'ok';
}
