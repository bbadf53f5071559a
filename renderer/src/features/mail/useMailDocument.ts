import { useQueries, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { CallOutput } from '../../../../shared/contract/contract.ts';
import { MAX_REMOTE_IMAGES_PER_CALL } from '../../../../shared/domain/mail-content-limits.ts';
import { call } from '../../api/client.ts';
import { imageDataUrl } from './attachment-data.ts';
import { buildMailSrcdoc, normalizeContentId } from './mail-frame.ts';
import { FIRST_VIEW, sanitizeMailHtml, type MailLink } from './sanitize-mail-html.ts';

type MessageDetail = CallOutput<'mail.getMessage'>;

/** Inline images above this stay placeholders: a mail body is not a photo viewer. */
const MAX_INLINE_IMAGE_BYTES = 5 * 1024 * 1024;
/** A newsletter with more remote images shows the rest as placeholders. */
const MAX_REMOTE_IMAGES = MAX_REMOTE_IMAGES_PER_CALL * 3;

export interface MailDocument {
  /** The frame's document; null when the message has no HTML (the plain text is shown). */
  srcdoc: string | null;
  /** Remote references held back because the message's remote content is not allowed. */
  blockedRemote: number;
  /** Remote images asked for, the message's remote content being allowed. */
  remoteImages: number;
  /** While allowed remote images are being fetched. */
  loadingRemote: boolean;
  /** Allowed remote images that could not be fetched (gone, too large, not images). */
  failedRemote: number;
  /** Why they could not: the distinct `mail.remote.*` keys the service gave. */
  remoteErrors: string[];
  links: MailLink[];
  /** Only the beginning of a huge mail is in the frame; the whole message has more. */
  truncated: boolean;
}

// Query keys outside the `mail.*` area: attachment bytes and fetched images never change, and
// a sync's data.changed must not fetch them again (nor ping a sender's server again).
const attachmentKey = (id: string) => ['content', 'attachment', id] as const;
const remoteKey = (messageId: string, urls: readonly string[]) => ['content', 'remoteImages', messageId, urls] as const;

async function fetchRemote(messageId: string, urls: readonly string[]): Promise<CallOutput<'mail.fetchRemoteImages'>['images']> {
  const chunks: string[][] = [];
  for (let i = 0; i < urls.length; i += MAX_REMOTE_IMAGES_PER_CALL) chunks.push(urls.slice(i, i + MAX_REMOTE_IMAGES_PER_CALL));
  const answers = await Promise.all(chunks.map((chunk) => call('mail.fetchRemoteImages', { messageId, urls: chunk })));
  return answers.flatMap((a) => a.images);
}

/**
 * Sanitizes a message for the reading frame in two passes: the first finds which inline parts
 * and remote images the mail refers to; once those bytes are here, the second puts them in as
 * data: URLs. Remote images are asked for only when the message's remote content is allowed.
 */
export function useMailDocument(message: MessageDetail | undefined, whole = false): MailDocument {
  const html = message?.html ?? null;
  const allowed = (message?.remoteContent ?? null) !== null;
  // The first view of a huge mail holds only its beginning, which lays out fast (mail-body-limits.ts).
  const limit = whole ? null : FIRST_VIEW;
  const discovered = useMemo(() => (html === null ? null : sanitizeMailHtml(html, { inline: new Map(), remote: allowed ? new Map() : null }, limit)), [html, allowed, limit]);

  const inlineParts = useMemo(() => {
    const wanted = new Set(discovered?.contentIds ?? []);
    return (message?.attachments ?? []).filter(
      (a) => a.contentId !== null && wanted.has(normalizeContentId(a.contentId)) && a.contentType.toLowerCase().startsWith('image/') && a.size <= MAX_INLINE_IMAGE_BYTES,
    );
  }, [discovered, message?.attachments]);

  const inlineResults = useQueries({
    queries: inlineParts.map((a) => ({ queryKey: attachmentKey(a.id), queryFn: () => call('mail.getAttachment', { id: a.id }), staleTime: Infinity })),
  });
  const inlineStamp = inlineResults.map((r) => r.dataUpdatedAt).join(',');
  const inline = useMemo(() => {
    const map = new Map<string, string>();
    inlineResults.forEach((r, i) => {
      const part = inlineParts[i];
      const url = r.data ? imageDataUrl(part?.contentType ?? null, r.data.base64) : null;
      if (part?.contentId && url) map.set(normalizeContentId(part.contentId), url);
    });
    return map;
    // inlineStamp stands for the results, which are a new array on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [inlineStamp, inlineParts]);

  const remoteUrls = useMemo(() => (allowed ? (discovered?.remoteUrls ?? []).slice(0, MAX_REMOTE_IMAGES) : []), [allowed, discovered]);
  const remote = useQuery({
    queryKey: remoteKey(message?.id ?? '', remoteUrls),
    queryFn: () => fetchRemote(message!.id, remoteUrls),
    enabled: message !== undefined && remoteUrls.length > 0,
    staleTime: Infinity,
    retry: false,
  });
  const remoteMap = useMemo(() => {
    const map = new Map<string, string>();
    for (const image of remote.data ?? []) {
      const url = imageDataUrl(image.contentType, image.base64);
      if (url) map.set(image.url, url);
    }
    return map;
  }, [remote.data]);

  const remoteErrors = useMemo(() => [...new Set((remote.data ?? []).flatMap((image) => (image.error === null ? [] : [image.error])))], [remote.data]);

  const final = useMemo(() => {
    if (html === null || discovered === null) return null;
    if (inline.size === 0 && remoteMap.size === 0) return discovered;
    return sanitizeMailHtml(html, { inline, remote: allowed ? remoteMap : null }, limit);
  }, [html, discovered, inline, remoteMap, allowed, limit]);

  const srcdoc = useMemo(() => (final ? buildMailSrcdoc(final.html) : null), [final]);
  return {
    srcdoc,
    blockedRemote: allowed ? 0 : (discovered?.blockedRemote ?? 0),
    remoteImages: remoteUrls.length,
    loadingRemote: remote.isFetching,
    failedRemote: remote.data ? remoteUrls.length - remoteMap.size : remote.isError ? remoteUrls.length : 0,
    remoteErrors,
    links: final?.links ?? [],
    truncated: final?.truncated ?? false,
  };
}
