/**
 * Limits of the reading pane's content calls, here rather than in the contract so the renderer
 * can use them without bundling zod.
 */

/** Larger attachments are too big to pass through the contract in one piece. */
export const MAX_ATTACHMENT_FETCH_BYTES = 40 * 1024 * 1024;
/** Remote images asked for in one `mail.fetchRemoteImages` call. */
export const MAX_REMOTE_IMAGES_PER_CALL = 50;

/**
 * Why a remote image has no bytes; `mail.remote.<reason>` is its message. blockedAddress: it
 * would reach this computer or its local network; the rest are the server's or the image's.
 */
export const REMOTE_IMAGE_ERRORS = [
  'invalidUrl',
  'notInMessage',
  'blockedAddress',
  'tooManyRedirects',
  'httpError',
  'notAnImage',
  'tooLarge',
  'timedOut',
  'unreachable',
] as const;
export type RemoteImageError = (typeof REMOTE_IMAGE_ERRORS)[number];

/**
 * What a reply quotes of its original: the reading pane's first view lays out about as much
 * (renderer mail-body-limits.ts); a longer original is quoted cut, a huge HTML one as text.
 */
export const MAX_QUOTED_CHARS = 100_000;
export const MAX_QUOTED_HTML_CHARS = 300_000;
