import type { Db } from '../../../../db/database.ts';
import type { Emit } from '../../core/events.ts';
import type { RemoteContentScope } from '../../../../shared/contract/mail.contract.ts';
import { MAX_ATTACHMENT_FETCH_BYTES, MAX_REMOTE_IMAGES_PER_CALL, type RemoteImageError } from '../../../../shared/domain/mail-content-limits.ts';
import type { SenderAuth } from '../../../../shared/domain/mail-enums.ts';
import { isFreeMailDomain } from '../../../../shared/domain/free-mail-domains.ts';
import { fail } from '../../../../shared/contract/result.ts';
import type { z } from 'zod';
import type { Clock } from '../../core/clock.ts';
import type { Logger } from '../../core/logger.ts';
import type { MailStores } from '../store/mail-stores.ts';
import type { MailHandlers } from '../mail.service.ts';
import { publicAddressesOnly, type RemoteAddressPolicy } from './remote-address-policy.ts';
import { allowMessage, allowSender, attachmentRow, messageHtml, remoteContentFacts, senderAllowed } from './remote-content.queries.ts';
import { fetchRemote, webUrl } from './remote-fetch.ts';

type RemoteImage = Awaited<ReturnType<MailHandlers['mail.fetchRemoteImages']>>['images'][number];

export interface MailContentDeps {
  db: Db;
  clock: Clock;
  stores: MailStores;
  log: Logger;
  emit: Emit;
  /**
   * Which addresses remote images may come from; public internet addresses only unless a test
   * allows one more (a loopback test server). Never read from the environment.
   */
  remoteAddressPolicy?: RemoteAddressPolicy;
}

/** One image bigger than this is a photo album, not a mail image: it stays a placeholder. */
export const MAX_REMOTE_IMAGE_BYTES = 3 * 1024 * 1024;
/** All images of one call together; a newsletter with more shows the rest as placeholders. */
export const MAX_REMOTE_TOTAL_BYTES = 20 * 1024 * 1024;
/** One image, redirects included: a slow server does not hold a socket for long. */
const REMOTE_TIMEOUT_MS = 10_000;
/** One call in all: the reading pane waits for the answer, and a sender's fifty slow images must not keep it waiting for minutes. */
export const REMOTE_CALL_TIMEOUT_MS = 30_000;
/** A mail image that moves more often than this is playing games (or looping). */
export const MAX_REMOTE_REDIRECTS = 5;
const REMOTE_CONCURRENCY = 6;
const IMAGE_TYPE = /^image\/[a-z0-9.+-]{1,60}$/;

/** The message columns that decide whether its remote images may load. */
export interface RemoteContentFacts {
  from_address: string | null;
  sender_auth: SenderAuth;
  remote_content_allowed_at: number | null;
}

/**
 * Why a message's remote images may load, or null. The allowlist of senders and domains counts
 * only for a message whose receiving server verified the From address: anyone can write
 * someone else's address in From. Any message can be allowed on its own.
 */
export async function remoteContentScope(db: Db, m: RemoteContentFacts): Promise<z.infer<typeof RemoteContentScope> | null> {
  const from = m.from_address;
  if (from && m.sender_auth === 'pass') {
    if (await senderAllowed(db, { address: from })) return 'sender';
  }
  return m.remote_content_allowed_at !== null ? 'message' : null;
}

/**
 * Whether the URL is written in the message as a whole reference (not just a prefix of a
 * longer one): followed by a quote, bracket, space, comma or the end. `&` may be written
 * `&amp;` in HTML attributes; both spellings count.
 */
export function occursIn(html: string, url: string): boolean {
  for (const spelling of new Set([url, url.replaceAll('&', '&amp;')])) {
    for (let at = html.indexOf(spelling); at !== -1; at = html.indexOf(spelling, at + 1)) {
      const next = html.charAt(at + spelling.length);
      if (next === '' || /["'()\s,<>]/.test(next)) return true;
    }
  }
  return false;
}

/**
 * The content side of the reading pane: attachment bytes, and remote images fetched here
 * rather than by the renderer. The renderer's sandboxed mail frame inherits the app's CSP
 * (images only from the app itself or data:), so remote images reach it as bytes, and only
 * for messages the user allowed (one by one, or all of a verified sender), URLs that occur in
 * the message, and public internet addresses (remote-fetch.ts): this is not a general fetch
 * proxy for whatever asks, and mail cannot make this computer reach its own network.
 */
export function createMailContentHandlers(
  deps: MailContentDeps,
): Pick<MailHandlers, 'mail.getAttachment' | 'mail.fetchRemoteImages' | 'mail.allowRemoteContent'> {
  const { db, log, clock } = deps;
  const policy = deps.remoteAddressPolicy ?? publicAddressesOnly;
  const { stores } = deps;

  async function fetchImage(raw: string, budget: { left: number }, callSignal: AbortSignal): Promise<RemoteImage> {
    const failed = (error: RemoteImageError): RemoteImage => ({ url: raw, contentType: null, base64: null, error: `mail.remote.${error}` });
    const url = webUrl(raw);
    if (!url) return failed('invalidUrl');
    if (budget.left <= 0) return failed('tooLarge');
    if (callSignal.aborted) return failed('timedOut');
    const result = await fetchRemote(url, {
      policy,
      signal: AbortSignal.any([callSignal, AbortSignal.timeout(REMOTE_TIMEOUT_MS)]),
      maxBytes: Math.min(MAX_REMOTE_IMAGE_BYTES, budget.left),
      maxRedirects: MAX_REMOTE_REDIRECTS,
      acceptType: IMAGE_TYPE,
    });
    if (!result.ok) {
      if (result.error === 'blockedAddress' || result.error === 'unreachable') log.info('mail.remoteImage.failed', { host: url.host, error: result.error, detail: result.detail ?? null });
      return failed(result.error);
    }
    budget.left -= result.body.length;
    return { url: raw, contentType: result.contentType, base64: result.body.toString('base64'), error: null };
  }

  async function messageFacts(messageId: string) {
    const m = await remoteContentFacts(db, messageId);
    if (!m) fail('notFound', 'errors.mailMessageNotFound', { id: messageId });
    return m;
  }

  return {
    'mail.getAttachment': async ({ id }) => {
      const row = await attachmentRow(db, id);
      if (!row) fail('notFound', 'mail.errors.attachmentNotFound', { id });
      if (row.size > MAX_ATTACHMENT_FETCH_BYTES) fail('validation', 'mail.errors.attachmentTooLarge', { mb: Math.ceil(MAX_ATTACHMENT_FETCH_BYTES / 1024 / 1024) });
      if (!stores.attachments.has(row.sha256)) fail('notFound', 'mail.errors.attachmentMissing', { name: row.filename ?? '' });
      const content = stores.attachments.read(row.sha256);
      return { id: row.id, filename: row.filename, contentType: row.content_type, size: content.length, base64: content.toString('base64') };
    },

    'mail.fetchRemoteImages': async ({ messageId, urls }) => {
      const message = await messageFacts(messageId);
      if ((await remoteContentScope(db, message)) === null) fail('validation', 'mail.errors.remoteContentNotAllowed');
      const html = await messageHtml(db, messageId);
      // The contract caps a call's URLs too; this holds for any caller of the handler.
      const unique = [...new Set(urls)].slice(0, MAX_REMOTE_IMAGES_PER_CALL);
      const budget = { left: MAX_REMOTE_TOTAL_BYTES };
      const callSignal = AbortSignal.timeout(REMOTE_CALL_TIMEOUT_MS);
      const images: RemoteImage[] = new Array<RemoteImage>(unique.length);
      let next = 0;
      // A few at a time, as a browser would: a newsletter's fifty images must not open fifty sockets.
      const worker = async () => {
        while (next < unique.length) {
          const index = next++;
          const url = unique[index]!;
          images[index] = occursIn(html, url) ? await fetchImage(url, budget, callSignal) : { url, contentType: null, base64: null, error: 'mail.remote.notInMessage' };
        }
      };
      await Promise.all(Array.from({ length: Math.min(REMOTE_CONCURRENCY, unique.length) }, worker));
      return { images };
    },

    'mail.allowRemoteContent': async ({ messageId, scope }) => {
      const message = await messageFacts(messageId);
      if (scope === 'message') {
        await allowMessage(db, messageId, clock.now());
        deps.emit('data.changed', { entities: ['mailMessages'] });
        return { scope, sender: null };
      }
      // A sender-wide allowance trusts the From address; only the receiving server's verdict makes that safe.
      const from = message.from_address;
      if (!from || message.sender_auth !== 'pass') fail('validation', 'mail.errors.senderNotVerified');
      const domain = from.slice(from.lastIndexOf('@') + 1);
      if (scope === 'domain' && isFreeMailDomain(domain)) fail('validation', 'mail.errors.freeMailDomain', { domain });
      const sender = scope === 'domain' ? `@${domain}` : from;
      await allowSender(db, sender, clock.now());
      deps.emit('data.changed', { entities: ['mailMessages'] });
      return { scope, sender };
    },
  };
}
