/** Closed vocabularies of mail; the database stores these strings as they are. */

/** What an account is: a live IMAP mailbox, a POP3 one (receive-only fallback), or an imported archive. */
export const MAIL_ACCOUNT_KINDS = ['imap', 'pop3', 'archive'] as const;
export type MailAccountKind = (typeof MAIL_ACCOUNT_KINDS)[number];

/** tls = implicit TLS (993/465); starttls = upgrade after connect (143/587); none = loopback or tests only. */
export const MAIL_SECURITY = ['tls', 'starttls', 'none'] as const;
export type MailSecurity = (typeof MAIL_SECURITY)[number];

/** RFC 6154 special-use roles we act on, lower-cased without the backslash; plus the Inbox. */
export const SPECIAL_USES = ['inbox', 'sent', 'drafts', 'trash', 'junk', 'archive', 'all', 'flagged'] as const;
export type SpecialUse = (typeof SPECIAL_USES)[number];

export const MAIL_DIRECTIONS = ['inbound', 'outbound'] as const;
export type MailDirection = (typeof MAIL_DIRECTIONS)[number];

export const ADDRESS_ROLES = ['from', 'sender', 'replyTo', 'to', 'cc', 'bcc'] as const;
export type AddressRole = (typeof ADDRESS_ROLES)[number];

/** How a message came to be filed under a customer. */
export const FILING_MATCHES = ['contact', 'domain', 'manual'] as const;
export type FilingMatch = (typeof FILING_MATCHES)[number];

/** ok; warning = stored and readable but something was repaired or guessed; failed = stored raw only. */
export const PARSE_STATUSES = ['ok', 'warning', 'failed'] as const;
export type ParseStatus = (typeof PARSE_STATUSES)[number];

/**
 * What the receiving mail server's checks (DMARC, DKIM, SPF in its Authentication-Results)
 * said of a message's From address: pass = verified; fail = checked and not verified (a
 * forged From, typically); none = no trusted result; unknown = stored before this was read.
 * Only `pass` lets a sender-wide allowance (remote images) apply.
 */
export const SENDER_AUTHS = ['pass', 'fail', 'none', 'unknown'] as const;
export type SenderAuth = (typeof SENDER_AUTHS)[number];

export const OUTBOX_STATUSES = ['queued', 'sending', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export const COMPOSE_KINDS = ['new', 'reply', 'replyAll', 'forward'] as const;
export type ComposeKind = (typeof COMPOSE_KINDS)[number];

/** Default sync window for the first pass: newest mail of the last 12 months, older mail later. */
export const DEFAULT_SYNC_WINDOW_DAYS = 365;

/** Folders whose messages never count as contact with a customer and are never filed. */
export const UNFILED_SPECIAL_USES: ReadonlySet<SpecialUse> = new Set(['drafts', 'junk']);
