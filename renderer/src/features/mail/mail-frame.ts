/**
 * The document a received HTML mail is shown in: pure string building, no DOM.
 *
 * The frame is `<iframe sandbox="">` (no scripts, no same-origin, no forms, no popups, no top
 * navigation) and its document starts with its own CSP that allows nothing but inline styles
 * and data: images. A srcdoc document also inherits the app's CSP (images only from the app or
 * data:), so remote images, when the user allows them, come in as data: URLs fetched by the
 * main process (`mail.fetchRemoteImages`) — the frame itself never reaches the network.
 */
export const MAIL_FRAME_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; form-action 'none'; base-uri 'none'";

/**
 * The element a huge run of text is split into by the sanitizer (splitLongText). A mail cannot
 * bring its own: DOMPurify drops unknown tags.
 */
export const TEXT_PIECE_TAG = 'tf-piece';

/** The frame's own look: readable defaults that the mail's styles may override. */
const FRAME_CSS = [
  'html{color-scheme:light}',
  "body{margin:0;padding:12px 16px;font-family:-apple-system,BlinkMacSystemFont,'Segoe UI','PingFang SC','Microsoft YaHei','Noto Sans CJK SC',Arial,sans-serif;font-size:14px;line-height:1.5;color:#1f1f1f;overflow-wrap:anywhere}",
  'img{max-width:100%}',
  'img[data-tf-blocked]{outline:1px dashed #bfbfbf;background:#fafafa}',
  'a[data-tf-link]{color:#1d6fb8;text-decoration:underline;cursor:help}',
  'pre{white-space:pre-wrap}',
  'blockquote{margin:0 0 0 8px;padding-left:8px;border-left:2px solid #d9d9d9;color:#595959}',
  // The pieces of a huge run of text (sanitize-mail-html.ts): laid out only when scrolled near,
  // `auto` keeping the height a piece had once laid out.
  `${TEXT_PIECE_TAG}{display:block;content-visibility:auto;contain-intrinsic-size:auto 2000px}`,
].join('');

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** The whole srcdoc around an already sanitized body; the CSP meta comes before any content. */
export function buildMailSrcdoc(sanitizedBody: string): string {
  return (
    '<!doctype html><html><head><meta charset="utf-8">' +
    // The policy is a constant without quotes or markup, so it goes into the attribute as is.
    `<meta http-equiv="Content-Security-Policy" content="${MAIL_FRAME_CSP}">` +
    '<meta name="referrer" content="no-referrer">' +
    `<style>${FRAME_CSS}</style></head><body>${sanitizedBody}</body></html>`
  );
}

/** What a reference in a mail points at, which decides whether and how it may be shown. */
export type MailUrlKind = 'remote' | 'cid' | 'dataImage' | 'other';

export function classifyMailUrl(raw: string): MailUrlKind {
  const url = raw.trim();
  if (/^cid:/i.test(url)) return 'cid';
  if (/^data:image\/(?:png|gif|jpe?g|webp|bmp|avif|svg\+xml)[;,]/i.test(url)) return 'dataImage';
  // Protocol-relative URLs (//host/x.png) are remote too.
  if (/^(?:https?:)?\/\//i.test(url)) return 'remote';
  return 'other';
}

/** `cid:<Part1.ABC@host>` and `cid:part1.abc%40host` both name the Content-ID `part1.abc@host`. */
export function normalizeContentId(raw: string): string {
  let id = raw.trim().replace(/^cid:/i, '');
  try {
    id = decodeURIComponent(id);
  } catch {
    // Keep it as written.
  }
  return id.replace(/^<|>$/g, '').trim().toLowerCase();
}

/**
 * The first candidate of a srcset ("a.png 1x, b.png 2x" → "a.png"). As in the HTML parser, a
 * URL is a run of non-spaces with trailing commas removed, so commas inside it are kept.
 */
export function firstSrcsetUrl(srcset: string | null | undefined): string | null {
  const first = /^\S+/.exec((srcset ?? '').trim())?.[0].replace(/,+$/, '');
  return first ? first : null;
}

/** Only plain web and mail links are worth showing on hover; anything else is dropped. */
export function shownLinkUrl(raw: string | null | undefined): string | null {
  const url = (raw ?? '').trim();
  return /^(?:https?:\/\/|mailto:)/i.test(url) ? url : null;
}

/** Shown where a remote image was: a small framed picture icon. */
export const BLOCKED_IMAGE_PLACEHOLDER =
  'data:image/svg+xml;base64,' +
  btoa(
    '<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24">' +
      '<rect width="24" height="24" fill="#f0f0f0"/>' +
      '<path d="M5 17l4-5 3 3 2-2 5 4z" fill="#bfbfbf"/><circle cx="9" cy="8" r="2" fill="#bfbfbf"/></svg>',
  );
