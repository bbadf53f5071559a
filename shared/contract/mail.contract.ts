import { z } from 'zod';
import { COURIERS, QUOTE_STATUSES, SAMPLE_SHIPMENT_STATUSES } from '../domain/quote-terms.ts';
import {
  ADDRESS_ROLES,
  DEFAULT_SYNC_WINDOW_DAYS,
  FILING_MATCHES,
  MAIL_ACCOUNT_KINDS,
  MAIL_DIRECTIONS,
  MAIL_SECURITY,
  PARSE_STATUSES,
  SENDER_AUTHS,
  SPECIAL_USES,
} from '../domain/mail-enums.ts';
import { isLoopbackHost } from '../domain/mail-providers.ts';
import { MAX_REMOTE_IMAGES_PER_CALL } from '../domain/mail-content-limits.ts';
import { Activity } from './customers.contract.ts';
import { EpochMs, Id, optionalText, Page, requiredText } from './primitives.ts';

/**
 * Mail calls (issue 4), to be merged into `contract` by spreading `mailCalls`, and the mail
 * event into `events`. Passwords only ever travel renderer → main (input); no output carries one.
 */

export const MailSecurity = z.enum(MAIL_SECURITY);
export const SpecialUse = z.enum(SPECIAL_USES);
export const MailDirection = z.enum(MAIL_DIRECTIONS);
export const ParseStatus = z.enum(PARSE_STATUSES);
export const AddressRole = z.enum(ADDRESS_ROLES);
export const FilingMatch = z.enum(FILING_MATCHES);
export const SenderAuth = z.enum(SENDER_AUTHS);
/**
 * Why a message's remote images may load: `sender` = its sender (or the sender's domain) is on
 * the allowlist and the receiving server verified the From address; `message` = allowed for
 * this one message.
 */
export const RemoteContentScope = z.enum(['sender', 'message']);

const Host = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(253)
  .regex(/^(?:[a-z0-9-]+\.)*[a-z0-9-]+$|^\[?[0-9a-f:.]+\]?$/, 'validation.invalidHost');
const Port = z.number().int().min(1).max(65535);

export const MailServerInput = z.object({
  host: Host,
  port: Port,
  security: MailSecurity,
  /** Login name; usually the address itself. */
  user: requiredText(320),
});
export const MailServer = z.object({ host: z.string(), port: z.number(), security: MailSecurity, user: z.string() });

const noCleartextOverNetwork = (server: z.infer<typeof MailServerInput>, ctx: z.RefinementCtx, path: string) => {
  if (server.security === 'none' && !isLoopbackHost(server.host)) {
    ctx.addIssue({ code: 'custom', path: [path, 'security'], message: 'validation.cleartextMailServer' });
  }
};

/**
 * A POP3 account's server-side settings (issue 14 point 7). Leave on server is on by default:
 * another program (a phone, webmail) may still read the mailbox. `deleteAfterDays`, with leave
 * on server: delete from the server this many days after the download; null = never.
 */
export const Pop3Settings = z.object({
  leaveOnServer: z.boolean().default(true),
  deleteAfterDays: z.number().int().min(1).max(3650).nullable().default(null),
});
export const DEFAULT_POP3_SETTINGS = { leaveOnServer: true, deleteAfterDays: null } as const;
/** How mail is fetched: IMAP, or POP3 for mailboxes without IMAP. */
export const IncomingKind = z.enum(['imap', 'pop3']);

const AccountFields = z.object({
  /** 'pop3': the incoming server in `imap` speaks POP3. A saved account's kind never changes. */
  kind: IncomingKind.default('imap'),
  pop3: Pop3Settings.default(DEFAULT_POP3_SETTINGS),
  name: requiredText(100),
  email: z.email().max(320).transform((e) => e.toLowerCase()),
  displayName: optionalText(200),
  aliases: z.array(z.email().max(320).transform((e) => e.toLowerCase())).max(50).default([]),
  provider: z.string().max(40).nullish().transform((v) => v ?? null),
  imap: MailServerInput,
  smtp: MailServerInput,
  ownerId: Id.nullish().transform((v) => v ?? null),
  signatureText: optionalText(10_000),
  signatureHtml: optionalText(100_000),
  /** First-pass window; null = all mail at once. */
  syncWindowDays: z.number().int().min(1).max(36_500).nullable().default(DEFAULT_SYNC_WINDOW_DAYS),
  syncEnabled: z.boolean().default(true),
});

/** Adding an account: the password (or authorization code) is required and goes to the SecretStore. */
export const MailAccountInput = AccountFields.extend({
  password: z.string().min(1).max(1000),
  /** Only when SMTP takes a different password than IMAP. */
  smtpPassword: z.string().min(1).max(1000).nullish().transform((v) => v ?? null),
}).superRefine((a, ctx) => {
  noCleartextOverNetwork(a.imap, ctx, 'imap');
  noCleartextOverNetwork(a.smtp, ctx, 'smtp');
});

/** Editing: a missing password keeps the stored one. */
export const MailAccountEdit = AccountFields.extend({
  id: Id,
  password: z.string().min(1).max(1000).nullish().transform((v) => v ?? null),
  smtpPassword: z.string().min(1).max(1000).nullish().transform((v) => v ?? null),
}).superRefine((a, ctx) => {
  noCleartextOverNetwork(a.imap, ctx, 'imap');
  noCleartextOverNetwork(a.smtp, ctx, 'smtp');
});

export const SyncError = z.object({
  step: z.string(),
  /** The server's or the network's own words; shown under a translated headline. */
  message: z.string(),
});

export const MailAccount = z.object({
  id: Id,
  kind: z.enum(MAIL_ACCOUNT_KINDS),
  name: z.string(),
  email: z.string(),
  displayName: z.string().nullable(),
  aliases: z.array(z.string()),
  provider: z.string().nullable(),
  /** The incoming server: IMAP, or POP3 when `kind` is 'pop3'. */
  imap: MailServer.nullable(),
  smtp: MailServer.nullable(),
  /** A POP3 account's settings; null for the other kinds. */
  pop3: z.object({ leaveOnServer: z.boolean(), deleteAfterDays: z.number().nullable() }).nullable(),
  ownerId: Id.nullable(),
  signatureText: z.string().nullable(),
  signatureHtml: z.string().nullable(),
  syncWindowDays: z.number().nullable(),
  syncEnabled: z.boolean(),
  /**
   * True only when the password is sealed in the secrets store and so outlives this process
   * (or the account needs none: archives). False when none is stored, it was sealed by another
   * host, or it is held only in this process's memory (`passwordKept: 'session'`).
   */
  hasPassword: z.boolean(),
  /**
   * Where this process holds the IMAP password: `keychain` sealed in the store (survives a
   * restart), `session` in memory only, for machines without an OS keychain (enter it again
   * after a restart), `none` not at all (enter it to sync; archives need none).
   */
  passwordKept: z.enum(['keychain', 'session', 'none']),
  lastSyncAt: EpochMs.nullable(),
  lastSyncError: SyncError.nullable(),
  createdAt: EpochMs,
  updatedAt: EpochMs,
});
export type MailAccount = z.infer<typeof MailAccount>;

export const MailProviderPreset = z.object({
  key: z.string(),
  name: z.string(),
  imap: z.object({ host: z.string(), port: z.number(), security: MailSecurity }),
  smtp: z.object({ host: z.string(), port: z.number(), security: MailSecurity }),
  passwordKind: z.enum(['password', 'authCode', 'appPassword']),
  domains: z.array(z.string()),
});

/** The steps of "test connection", in order; the first failing one is what the user is told. */
export const CONNECTION_STEPS = ['dns', 'connect', 'tls', 'login', 'folders', 'smtpConnect', 'smtpLogin'] as const;
export const ConnectionStep = z.enum(CONNECTION_STEPS);
export const ConnectionTestResult = z.object({
  ok: z.boolean(),
  steps: z.array(
    z.object({
      step: ConnectionStep,
      ok: z.boolean(),
      /** i18n key for a failed step, e.g. `mail.test.loginRejected`. */
      message: z.string().nullable(),
      /** What the server said, verbatim. */
      detail: z.string().nullable(),
      ms: z.number(),
    }),
  ),
  /** Folders found, with their roles, when the folder step was reached. */
  folders: z.array(z.object({ path: z.string(), specialUse: SpecialUse.nullable() })),
});

export const MailFolder = z.object({
  id: Id,
  accountId: Id,
  path: z.string(),
  name: z.string(),
  specialUse: SpecialUse.nullable(),
  syncEnabled: z.boolean(),
  unread: z.number(),
  localCount: z.number(),
  /** STATUS MESSAGES at the last sync. */
  serverCount: z.number().nullable(),
  /** Server messages inside the synced range; "synced" = equal to localCount. */
  serverRangeCount: z.number().nullable(),
  /** Older mail than the sync window is still to come. */
  windowComplete: z.boolean(),
  verifiedAt: EpochMs.nullable(),
});

export const SyncState = z.enum(['idle', 'syncing', 'error', 'offline', 'disabled']);
export const AccountSyncStatus = z.object({
  accountId: Id,
  state: SyncState,
  lastSyncAt: EpochMs.nullable(),
  lastSyncError: SyncError.nullable(),
  /** After failures, when the background sync tries again (null when connected or not scheduled). */
  retryAt: EpochMs.nullable(),
  folders: z.array(MailFolder),
});

export const MailAddress = z.object({ name: z.string().nullable(), address: z.string() });
export const MessageCustomer = z.object({ id: Id, name: z.string(), code: z.string(), match: FilingMatch });

export const MessageRow = z.object({
  id: Id,
  accountId: Id,
  folderId: Id,
  threadId: Id.nullable(),
  subject: z.string().nullable(),
  from: MailAddress.nullable(),
  snippet: z.string().nullable(),
  dateAt: EpochMs,
  direction: MailDirection,
  seen: z.boolean(),
  flagged: z.boolean(),
  hasAttachments: z.boolean(),
  parseStatus: ParseStatus,
  customers: z.array(MessageCustomer),
});
export type MessageRow = z.infer<typeof MessageRow>;

export const MessageQuery = Page.extend({
  folderId: Id.nullish(),
  customerId: Id.nullish(),
  threadId: Id.nullish(),
  /** Only mail filed under no customer (the raw material of "New leads"). */
  unfiledOnly: z.boolean().default(false),
});

export const Attachment = z.object({
  id: Id,
  filename: z.string().nullable(),
  contentType: z.string(),
  size: z.number(),
  inline: z.boolean(),
  contentId: z.string().nullable(),
});

export const MessageDetail = MessageRow.extend({
  to: z.array(MailAddress),
  cc: z.array(MailAddress),
  bcc: z.array(MailAddress),
  replyTo: z.array(MailAddress),
  messageId: z.string().nullable(),
  inReplyTo: z.string().nullable(),
  references: z.array(z.string()),
  text: z.string().nullable(),
  /** As received; the renderer sanitizes it and shows it in a sandboxed frame without scripts. */
  html: z.string().nullable(),
  attachments: z.array(Attachment),
  parseWarnings: z.array(z.string()),
  /**
   * What the receiving mail server's checks (DMARC, DKIM, SPF) said of the From address; only
   * `pass` is a verified sender, whose images can be allowed for all its mail.
   */
  senderAuth: SenderAuth,
  /**
   * Why remote images may load (see RemoteContentScope), or null while they stay blocked. An
   * allowed sender counts only when `senderAuth` is `pass`: a forged From gets nothing from it.
   */
  remoteContent: RemoteContentScope.nullable(),
  receivedAt: EpochMs,
});

export const AttachmentContent = z.object({
  id: Id,
  filename: z.string().nullable(),
  contentType: z.string(),
  size: z.number(),
  base64: z.string(),
});

/** One remote image: its bytes, or why there are none (an i18n key under mail.remote.*). */
export const RemoteImage = z.object({
  url: z.string(),
  contentType: z.string().nullable(),
  base64: z.string().nullable(),
  error: z.string().nullable(),
});

/** A quote as its customer's timeline shows it (issue 13 point 6). */
export const TimelineQuote = z.object({
  id: Id,
  number: z.string(),
  revision: z.number(),
  status: z.enum(QUOTE_STATUSES),
  incoterm: z.string().nullable(),
  incotermPort: z.string().nullable(),
  lines: z.number(),
  /** Per currency, in the order the lines use them. */
  totals: z.array(z.object({ currency: z.string(), amountE4: z.number() })),
});
export type TimelineQuote = z.infer<typeof TimelineQuote>;

/** A sample shipment as its customer's timeline shows it. */
export const TimelineShipment = z.object({
  id: Id,
  courier: z.enum(COURIERS),
  courierName: z.string().nullable(),
  trackingNumber: z.string().nullable(),
  status: z.enum(SAMPLE_SHIPMENT_STATUSES),
  /** The items' descriptions with quantities ("LP-600 × 2"). */
  items: z.array(z.string()),
  feedback: z.string().nullable(),
});
export type TimelineShipment = z.infer<typeof TimelineShipment>;

/**
 * One entry of a customer's timeline, newest first: an activity, a filed message, a quote (at its
 * date) or a sample shipment (when it was sent, or created while still being prepared).
 */
export const TimelineItem = z.discriminatedUnion('type', [
  z.object({ type: z.literal('activity'), at: EpochMs, activity: Activity }),
  z.object({ type: z.literal('mail'), at: EpochMs, message: MessageRow }),
  z.object({ type: z.literal('quote'), at: EpochMs, quote: TimelineQuote }),
  z.object({ type: z.literal('sample'), at: EpochMs, shipment: TimelineShipment }),
]);
export type TimelineItem = z.infer<typeof TimelineItem>;

/** Most messages one `mail.setFlags` call changes (a page of the list, "mark these read"). */
export const MAX_FLAG_IDS = 500;

/**
 * Read / unread and star for stored messages. At least one of `seen` and `flagged`; a missing
 * one is left as it is.
 */
export const SetFlagsInput = z
  .object({
    ids: z.array(Id).min(1).max(MAX_FLAG_IDS),
    seen: z.boolean().optional(),
    flagged: z.boolean().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.seen === undefined && v.flagged === undefined) ctx.addIssue({ code: 'custom', path: ['seen'], message: 'validation.required' });
  });

/** The mail calls; shaped like `contract`'s entries so they can be spread into it. */
export const mailCalls = {
  'mail.listProviders': { input: z.object({}).default({}), output: z.array(MailProviderPreset) },
  'mail.listAccounts': { input: z.object({}).default({}), output: z.array(MailAccount) },
  'mail.addAccount': { input: MailAccountInput, output: MailAccount },
  'mail.editAccount': { input: MailAccountEdit, output: MailAccount },
  'mail.removeAccount': { input: z.object({ id: Id }), output: z.object({ count: z.number() }) },
  /** Tests unsaved settings (an add form) or a saved account (`id`), step by step. */
  'mail.testAccount': {
    input: z.union([z.object({ id: Id }), MailAccountInput]),
    output: ConnectionTestResult,
  },
  'mail.syncNow': { input: z.object({ accountId: Id.nullish() }), output: z.object({ started: z.array(Id) }) },
  'mail.syncStatus': { input: z.object({}).default({}), output: z.array(AccountSyncStatus) },
  'mail.listMessages': { input: MessageQuery, output: z.object({ total: z.number(), rows: z.array(MessageRow) }) },
  'mail.getMessage': { input: z.object({ id: Id }), output: MessageDetail },
  /**
   * Allows a message's remote images: `sender` (its From address) or `domain` (everyone at a
   * company domain, not a free-mail one) for all their mail, refused unless the receiving
   * server verified the sender (`senderAuth: 'pass'`); `message` for this message alone, always
   * possible. `sender`: the allowlist entry written (`a@b.com` or `@b.com`), null for `message`.
   */
  'mail.allowRemoteContent': {
    input: z.object({ messageId: Id, scope: z.enum(['sender', 'domain', 'message']) }),
    output: z.object({ scope: z.enum(['sender', 'domain', 'message']), sender: z.string().nullable() }),
  },
  /** An attachment's bytes (downloads, and `cid:` images of the reading pane), up to MAX_ATTACHMENT_FETCH_BYTES. */
  'mail.getAttachment': { input: z.object({ id: Id }), output: AttachmentContent },
  /**
   * Remote images of a message whose remote content is allowed (`remoteContent` not null),
   * fetched by the service and returned as bytes: the reading pane's frame may load nothing but
   * data: URLs, whatever the sender. Only public internet addresses are fetched, redirects
   * included; an image refused or failed carries its reason (`mail.remote.*`).
   */
  'mail.fetchRemoteImages': {
    input: z.object({ messageId: Id, urls: z.array(z.string().trim().min(1).max(4000)).min(1).max(MAX_REMOTE_IMAGES_PER_CALL) }),
    output: z.object({ images: z.array(RemoteImage) }),
  },
  /**
   * Marks messages read or unread and starred or not. The local rows change at once (unread
   * counts drop before the call returns); the mail server is told in the background, and a
   * change made offline waits for the next sync, which never flips it back. `count`: messages
   * found.
   */
  'mail.setFlags': { input: SetFlagsInput, output: z.object({ count: z.number() }) },
} as const;

export const mailEvents = {
  /** Drives the sync indicator: one per batch and per phase. */
  'mail.syncProgress': z.object({
    accountId: Id,
    folderPath: z.string().nullable(),
    phase: z.enum(['connect', 'folders', 'new', 'backfill', 'flags', 'deletions', 'verify', 'done']),
    done: z.number(),
    total: z.number(),
  }),
} as const;

/** Entities the renderer's query cache refetches on `data.changed` from mail services. */
export const MAIL_DATA_ENTITIES = ['mailAccounts', 'mailFolders', 'mailMessages', 'mailOutbox', 'mailTemplates'] as const;
