/**
 * Pure rules of the outbox: why a send failed, when to try again, how far apart the mails of
 * a batch go out. The outbox worker (electron/services/mail/send/outbox-worker.ts) applies them.
 */

/**
 * Why the last attempt did not (fully) succeed. Each has a message `mail.outbox.errors.<reason>`;
 * the server's own words travel beside it as `detail`.
 *  - offline: the server could not be reached (no network, refused, timed out): retried.
 *  - temporary: the server answered 4xx ("try again later"): retried, then failed.
 *  - rejected: the server refused the mail for good (5xx): failed.
 *  - partiallyRejected: sent, but the server refused some recipients (the mail stays 'sent').
 *  - authFailed: the SMTP login was refused: failed until the password is fixed.
 *  - noPassword: no password is stored on this computer: failed until one is entered.
 *  - notConfigured: the account has no outgoing (SMTP) server: failed.
 *  - tls: the secure connection could not be set up: failed (a setting is wrong).
 *  - interrupted: the app stopped while sending and the mail is not in the Sent folder, so it
 *    may or may not have gone out; failed, the user decides whether to send it again.
 *  - attachmentMissing: a stored attachment file is gone: failed.
 *  - unknown: anything else; failed.
 */
export const OUTBOX_ERROR_REASONS = [
  'offline',
  'temporary',
  'rejected',
  'partiallyRejected',
  'authFailed',
  'noPassword',
  'notConfigured',
  'tls',
  'interrupted',
  'attachmentMissing',
  'unknown',
] as const;
export type OutboxErrorReason = (typeof OUTBOX_ERROR_REASONS)[number];

/** Reasons after which the sender tries again by itself (the row goes back to 'queued'). */
export const RETRIED_REASONS: ReadonlySet<OutboxErrorReason> = new Set(['offline', 'temporary']);

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/**
 * Network trouble is retried quickly and forever: a mail written offline should leave within
 * a couple of minutes of the connection coming back, and a connection attempt costs nothing.
 */
const OFFLINE_DELAYS = [15 * SECOND, 30 * SECOND, MINUTE, 2 * MINUTE];
/**
 * A 4xx reply is the server asking us to come back later (greylisting, rate limits): back off
 * harder, and give up after TEMPORARY_MAX_ATTEMPTS (about nine hours) with the server's words.
 */
const TEMPORARY_DELAYS = [MINUTE, 5 * MINUTE, 15 * MINUTE, 30 * MINUTE, 60 * MINUTE];
export const TEMPORARY_MAX_ATTEMPTS = 12;

/**
 * How long to wait before the next attempt after `attempts` attempts (1 = the first one
 * failed) ended with `reason`; null when the sender should stop retrying.
 */
export function retryDelay(reason: OutboxErrorReason, attempts: number): number | null {
  if (reason === 'offline') return OFFLINE_DELAYS[Math.min(Math.max(attempts, 1), OFFLINE_DELAYS.length) - 1]!;
  if (reason === 'temporary') {
    if (attempts >= TEMPORARY_MAX_ATTEMPTS) return null;
    return TEMPORARY_DELAYS[Math.min(Math.max(attempts, 1), TEMPORARY_DELAYS.length) - 1]!;
  }
  return null;
}

/** The politest and the fastest pace a personalised send may be given, in mails per minute. */
export const BATCH_RATE_MIN = 1;
export const BATCH_RATE_MAX = 120;
export const BATCH_RATE_DEFAULT = 20;

/** Milliseconds between two mails of a batch sent at `ratePerMinute`. */
export function batchInterval(ratePerMinute: number): number {
  const rate = Math.min(Math.max(Math.floor(ratePerMinute), BATCH_RATE_MIN), BATCH_RATE_MAX);
  return Math.ceil(MINUTE / rate);
}

/** Largest total of attachments on one mail; most providers refuse more than 25–50 MB of MIME. */
export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;
