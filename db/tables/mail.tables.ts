import type { Generated } from 'kysely';
import type {
  AddressRole,
  ComposeKind,
  FilingMatch,
  MailAccountKind,
  MailDirection,
  MailSecurity,
  OutboxStatus,
  ParseStatus,
  SenderAuth,
  SpecialUse,
} from '../../shared/domain/mail-enums.ts';
import type { AutomatedKind } from '../../shared/domain/automated-mail.ts';
import type { Flag } from './tables.ts';

/** A mailbox the user reads here. Passwords live in the SecretStore, never in this table. */
export interface MailAccountsTable {
  id: string;
  kind: MailAccountKind;
  /** What the account is called in the UI. */
  name: string;
  /** The primary own address (lower-cased); decides the direction of a message. */
  email: string;
  /** The From name on outgoing mail. */
  display_name: string | null;
  /** JSON array of further own addresses (lower-cased): aliases, old addresses. */
  aliases: string;
  /** Preset key (exmail, qq, netease163, …) or null for a hand-entered server. */
  provider: string | null;
  imap_host: string | null;
  imap_port: number | null;
  imap_security: MailSecurity | null;
  imap_user: string | null;
  smtp_host: string | null;
  smtp_port: number | null;
  smtp_security: MailSecurity | null;
  smtp_user: string | null;
  /** The salesperson whose mail this is; their customers' timelines show it. */
  owner_id: string | null;
  signature_text: string | null;
  signature_html: string | null;
  /** First-pass window in days (older mail follows in the background); null = everything at once. */
  sync_window_days: number | null;
  sync_enabled: Flag;
  last_sync_at: number | null;
  /** JSON AppError of the last failed sync, null when the last one succeeded. */
  last_sync_error: string | null;
  created_at: number;
  updated_at: number;
  /**
   * POP3 (migration 0019): keep messages on the server after downloading them. NOT NULL DEFAULT 1
   * in the table; typed nullable only so that inserts of other kinds may leave it out (read null as 1).
   */
  pop3_leave_on_server: Flag | null;
  /** POP3, with leave on server: delete from the server this many days after the download; null = never. */
  pop3_delete_after_days: number | null;
}

/**
 * The UIDLs a POP3 account has downloaded (migration 0019): the whole POP3 sync state, written
 * in the same transaction as the message it names.
 */
export interface MailPop3UidlsTable {
  account_id: string;
  /** The server's unique-id listing (RFC 1939 UIDL) of the message. */
  uidl: string;
  /** The stored message; null once it was deleted here (the UIDL still stops a new download). */
  message_id: string | null;
  first_seen_at: number;
  /** When our DELE was committed by the server's QUIT. */
  deleted_from_server_at: number | null;
  /** When the server's list last lacked it (deleted by us or another client); null while listed. */
  gone_at: number | null;
}

export interface MailFoldersTable {
  id: string;
  account_id: string;
  /** Full server path, e.g. `INBOX` or `Archive/2025`. */
  path: string;
  name: string;
  delimiter: string | null;
  special_use: SpecialUse | null;
  subscribed: Flag;
  sync_enabled: Flag;
  created_at: number;
  updated_at: number;
}

/**
 * The sync checkpoint of one folder, written in the same transaction as each batch of
 * messages. Every server message with `low_uid <= uid <= high_uid` is stored locally (an empty
 * range has low_uid = high_uid + 1). Backfill walks low_uid down to floor_uid; new mail moves
 * high_uid up. A crash between batches loses at most the uncommitted batch, never the range.
 */
export interface MailFolderCheckpointsTable {
  folder_id: string;
  /** IMAP UIDVALIDITY as a decimal string (it is a 32-bit unsigned value, read as a BigInt). */
  uidvalidity: string;
  low_uid: number;
  high_uid: number;
  /** Lowest UID the sync window asks for; lowered when older mail is fetched later. */
  floor_uid: number;
  /** CONDSTORE HIGHESTMODSEQ as a decimal string when flags were last reconciled; null without CONDSTORE. */
  highest_modseq: string | null;
  uid_next: number | null;
  /** STATUS MESSAGES at the last verification. */
  server_count: number | null;
  /** Server messages inside [low_uid, high_uid] at the last verification; equal to local_count when synced. */
  server_range_count: number | null;
  local_count: number | null;
  /** When local and server counts last agreed. */
  verified_at: number | null;
  /** Repairs made because counts disagreed, since the folder was first synced. */
  repairs: number;
  updated_at: number;
}

export interface MailThreadsTable {
  id: string;
  account_id: string;
  /** Normalized subject (no Re:/Fwd:/回复:), for the subject fallback. */
  subject_key: string;
  created_at: number;
}

/** Every Message-ID seen in an account (own or referenced) and the thread it belongs to. */
export interface MailThreadKeysTable {
  account_id: string;
  message_key: string;
  thread_id: string;
}

export interface MailMessagesTable {
  /** Integer key for the FTS index (an alias of rowid). */
  rid: Generated<number>;
  id: string;
  account_id: string;
  folder_id: string;
  /** IMAP UID in the folder; null for imported or POP3 messages. */
  uid: number | null;
  /** Message-ID header without angle brackets. */
  message_id: string | null;
  in_reply_to: string | null;
  /** References header: Message-IDs separated by spaces. */
  refs: string | null;
  thread_id: string | null;
  subject: string | null;
  from_name: string | null;
  from_address: string | null;
  snippet: string | null;
  /** The Date header, clamped to at most a day after arrival; arrival time when missing. */
  date_at: number;
  /** IMAP INTERNALDATE (arrival). */
  received_at: number;
  direction: MailDirection;
  seen: Flag;
  flagged: Flag;
  answered: Flag;
  draft: Flag;
  /** JSON array of every IMAP flag and keyword as the server has them. */
  flags: string;
  size: number;
  has_attachments: Flag;
  /** The original RFC 5322 source in the content store (<dataDir>/mail-raw). */
  raw_sha256: string | null;
  parse_status: ParseStatus;
  /** JSON array of warning codes (e.g. `charsetGuessed`, `unparseable`). */
  parse_warnings: string;
  created_at: number;
  updated_at: number;
  /** How many customers it is filed under; kept by triggers (migration 0003). 0 = a lead's mail. */
  filed: Generated<number>;
  /** What the receiving server's checks said of the From address (migration 0005); only `pass` is verified. */
  sender_auth: Generated<SenderAuth>;
  /** When the user allowed remote images for this message alone (migration 0005); null = not. */
  remote_content_allowed_at: number | null;
  /**
   * Newsletter, list, bulk, auto-generated or no-reply mail (migration 0006,
   * shared/domain/automated-mail.ts), never a lead; null = mail a person wrote.
   */
  automated: Generated<AutomatedKind | null>;
}

export interface MailBodiesTable {
  message_id: string;
  text: string | null;
  /** The HTML as received: sanitized when shown, never stored sanitized. */
  html: string | null;
}

export interface MailMessageAddressesTable {
  message_id: string;
  role: AddressRole;
  position: number;
  name: string | null;
  /** Lower-cased. */
  address: string;
  domain: string;
}

export interface MailAttachmentsTable {
  id: string;
  message_id: string;
  position: number;
  filename: string | null;
  content_type: string;
  size: number;
  /** Content hash: the file `<dataDir>/attachments/<sha256[0..2]>/<sha256>`, stored once. */
  sha256: string;
  content_id: string | null;
  inline: Flag;
}

/** Filing: a message shown in a customer's folder; feeds customers.last_contacted_at by trigger. */
export interface MailMessageCustomersTable {
  message_id: string;
  customer_id: string;
  contact_id: string | null;
  match: FilingMatch;
  /** The correspondent address that matched. */
  address: string;
  /** Copies of the message's date_at and direction, so the timeline and the trigger need no join. */
  date_at: number;
  direction: MailDirection;
}

/**
 * Senders (lower-cased address, or `@domain`) whose remote images and CSS may load — in the
 * messages whose From address the receiving server verified (`sender_auth = 'pass'`) only.
 */
export interface MailRemoteContentAllowTable {
  sender: string;
  created_at: number;
}

export interface MailTemplatesTable {
  id: string;
  name: string;
  subject: string;
  body_text: string | null;
  body_html: string | null;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
}

/** A personalised send to a list of contacts, paced at a polite rate. */
export interface MailSendBatchesTable {
  id: string;
  account_id: string;
  template_id: string | null;
  rate_per_minute: number;
  created_at: number;
  canceled_at: number | null;
}

/** Outgoing mail: written here first, then sent when the network is there (the outbox pattern). */
export interface MailOutboxTable {
  id: string;
  account_id: string;
  status: OutboxStatus;
  kind: ComposeKind;
  /** The Message-ID header, fixed at compose time so a retry is recognisably the same mail. */
  message_id: string;
  /** The local message being replied to or forwarded. */
  source_message_id: string | null;
  in_reply_to: string | null;
  refs: string | null;
  from_address: string;
  /** JSON arrays of { name, address }. */
  to_json: string;
  cc_json: string;
  bcc_json: string;
  subject: string;
  text_body: string | null;
  html_body: string | null;
  /** JSON array of { sha256, filename, contentType, size } in the attachment store. */
  attachments_json: string;
  customer_id: string | null;
  template_id: string | null;
  batch_id: string | null;
  /** The quote this mail sends (migration 0015): sending it marks the quote sent. */
  quote_id: string | null;
  /** The exact MIME built at the first attempt, so every retry sends the same bytes. */
  raw_sha256: string | null;
  attempts: number;
  /**
   * JSON of the last failure: `{ reason, detail, responseCode, recipients, at }`, the reason in
   * our terms (OutboxErrorReason) and the server's words verbatim in `detail` (mail/send/outbox-rows.ts).
   */
  last_error: string | null;
  last_attempt_at: number | null;
  /** Not before this time (retry backoff, batch pacing). */
  next_attempt_at: number;
  sent_at: number | null;
  /** When the copy was appended to the server's Sent folder. */
  sent_copy_at: number | null;
  created_at: number;
  updated_at: number;
}

/**
 * A read / star change made here that the server has not been told yet (migration 0004).
 * seen / flagged: the wanted value; null = not changed here. See message-flags.ts.
 */
export interface MailFlagChangesTable {
  message_id: string;
  folder_id: string;
  seen: Flag | null;
  flagged: Flag | null;
  created_at: number;
  updated_at: number;
}

/** FTS5 over mail (contentless): rowid = mail_messages.rid; text already in toSearchText() form. */
export interface MailSearchTable {
  rowid: number;
  subject: string;
  addresses: string;
  body: string;
  attachments: string;
}

export interface MailTables {
  mail_accounts: MailAccountsTable;
  mail_folders: MailFoldersTable;
  mail_folder_checkpoints: MailFolderCheckpointsTable;
  mail_threads: MailThreadsTable;
  mail_thread_keys: MailThreadKeysTable;
  mail_messages: MailMessagesTable;
  mail_bodies: MailBodiesTable;
  mail_message_addresses: MailMessageAddressesTable;
  mail_attachments: MailAttachmentsTable;
  mail_message_customers: MailMessageCustomersTable;
  mail_remote_content_allow: MailRemoteContentAllowTable;
  mail_templates: MailTemplatesTable;
  mail_send_batches: MailSendBatchesTable;
  mail_outbox: MailOutboxTable;
  mail_flag_changes: MailFlagChangesTable;
  mail_search: MailSearchTable;
  mail_pop3_uidls: MailPop3UidlsTable;
}

