/**
 * Limits of the reading pane's content calls, here rather than in the contract so the renderer
 * can use them without bundling zod.
 */

/** Larger attachments are too big to pass through the contract in one piece. */
export const MAX_ATTACHMENT_FETCH_BYTES = 40 * 1024 * 1024;
/** Remote images asked for in one `mail.fetchRemoteImages` call. */
export const MAX_REMOTE_IMAGES_PER_CALL = 50;
