import type { Kysely } from 'kysely';
import type { MailDatabase } from '../../../db/tables/mail.tables.ts';
import { MAX_ATTACHMENT_FETCH_BYTES } from '../../../shared/domain/mail-content-limits.ts';
import { fail } from '../../../shared/contract/result.ts';
import type { Logger } from '../core/logger.ts';
import { mailStores } from './attachment-store.ts';
import type { MailHandlers } from './mail.service.ts';

type RemoteImage = Awaited<ReturnType<MailHandlers['mail.fetchRemoteImages']>>['images'][number];

export interface MailContentDeps {
  db: Kysely<MailDatabase>;
  dataDir: string;
  log: Logger;
  /** The network; tests may pass their own. */
  fetch?: typeof globalThis.fetch;
}

/** One image bigger than this is a photo album, not a mail image: it stays a placeholder. */
export const MAX_REMOTE_IMAGE_BYTES = 3 * 1024 * 1024;
/** All images of one call together; a newsletter with more shows the rest as placeholders. */
export const MAX_REMOTE_TOTAL_BYTES = 20 * 1024 * 1024;
const REMOTE_TIMEOUT_MS = 10_000;
const REMOTE_CONCURRENCY = 6;
const IMAGE_TYPE = /^image\/[a-z0-9.+-]{1,60}$/;

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

function webUrl(raw: string): URL | null {
  try {
    const url = new URL(raw);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.username === '' && url.password === '' ? url : null;
  } catch {
    return null;
  }
}

/**
 * Reads a body up to `limit` bytes; null when it is longer, so a server that lies about (or
 * omits) Content-Length cannot make us buffer a gigabyte.
 */
async function readCapped(res: Response, limit: number): Promise<Buffer | null> {
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) {
    await res.body?.cancel();
    return null;
  }
  if (!res.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * The content side of the reading pane: attachment bytes, and remote images fetched here
 * rather than by the renderer. The renderer's sandboxed mail frame inherits the app's CSP
 * (images only from the app itself or data:), so remote images reach it as bytes, and only
 * for senders the user allowed and URLs that occur in the message: this is not a general
 * fetch proxy for whatever asks.
 */
export function createMailContentHandlers(deps: MailContentDeps): Pick<MailHandlers, 'mail.getAttachment' | 'mail.fetchRemoteImages'> {
  const { db, log } = deps;
  const fetchImpl = deps.fetch ?? globalThis.fetch;
  const stores = mailStores(deps.dataDir);

  async function fetchImage(raw: string, budget: { left: number }): Promise<RemoteImage> {
    const failed = (error: string): RemoteImage => ({ url: raw, contentType: null, base64: null, error });
    const url = webUrl(raw);
    if (!url) return failed('mail.remote.invalidUrl');
    if (budget.left <= 0) return failed('mail.remote.tooLarge');
    try {
      const res = await fetchImpl(url, {
        signal: AbortSignal.timeout(REMOTE_TIMEOUT_MS),
        redirect: 'follow',
        headers: { accept: 'image/*' },
      });
      if (!res.ok) {
        await res.body?.cancel();
        return failed('mail.remote.httpError');
      }
      const type = (res.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      if (!IMAGE_TYPE.test(type)) {
        await res.body?.cancel();
        return failed('mail.remote.notAnImage');
      }
      const body = await readCapped(res, Math.min(MAX_REMOTE_IMAGE_BYTES, budget.left));
      if (!body) return failed('mail.remote.tooLarge');
      budget.left -= body.length;
      return { url: raw, contentType: type, base64: body.toString('base64'), error: null };
    } catch (err) {
      log.info('mail.remoteImage.failed', { host: url.host, error: err instanceof Error ? err.message : String(err) });
      return failed('mail.remote.unreachable');
    }
  }

  return {
    'mail.getAttachment': async ({ id }) => {
      const row = await db.selectFrom('mail_attachments').select(['id', 'filename', 'content_type', 'size', 'sha256']).where('id', '=', id).executeTakeFirst();
      if (!row) fail('notFound', 'mail.errors.attachmentNotFound', { id });
      if (row.size > MAX_ATTACHMENT_FETCH_BYTES) fail('validation', 'mail.errors.attachmentTooLarge', { mb: Math.ceil(MAX_ATTACHMENT_FETCH_BYTES / 1024 / 1024) });
      if (!stores.attachments.has(row.sha256)) fail('notFound', 'mail.errors.attachmentMissing', { name: row.filename ?? '' });
      const content = stores.attachments.read(row.sha256);
      return { id: row.id, filename: row.filename, contentType: row.content_type, size: content.length, base64: content.toString('base64') };
    },

    'mail.fetchRemoteImages': async ({ messageId, urls }) => {
      const message = await db
        .selectFrom('mail_messages as m')
        .leftJoin('mail_bodies as b', 'b.message_id', 'm.id')
        .select(['m.from_address', 'b.html'])
        .where('m.id', '=', messageId)
        .executeTakeFirst();
      if (!message) fail('notFound', 'errors.mailMessageNotFound', { id: messageId });
      const from = message.from_address;
      const allowed = from
        ? await db.selectFrom('mail_remote_content_allow').select('sender').where('sender', 'in', [from, from.slice(from.lastIndexOf('@'))]).executeTakeFirst()
        : undefined;
      if (!allowed) fail('validation', 'mail.errors.remoteContentNotAllowed');
      const html = message.html ?? '';
      const unique = [...new Set(urls)];
      const budget = { left: MAX_REMOTE_TOTAL_BYTES };
      const images: RemoteImage[] = new Array<RemoteImage>(unique.length);
      let next = 0;
      // A few at a time, as a browser would: a newsletter's fifty images must not open fifty sockets.
      const worker = async () => {
        while (next < unique.length) {
          const index = next++;
          const url = unique[index]!;
          images[index] = occursIn(html, url) ? await fetchImage(url, budget) : { url, contentType: null, base64: null, error: 'mail.remote.notInMessage' };
        }
      };
      await Promise.all(Array.from({ length: Math.min(REMOTE_CONCURRENCY, unique.length) }, worker));
      return { images };
    },
  };
}
