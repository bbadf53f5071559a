import DOMPurify, { type Config } from 'dompurify';
import { FIRST_VIEW_HTML_CHARS, FIRST_VIEW_TEXT_CHARS, pieceEnd, safeCut, TEXT_PIECE_CHARS } from './mail-body-limits.ts';
import { cleanMailCss } from './mail-css.ts';
import { BLOCKED_IMAGE_PLACEHOLDER, classifyMailUrl, firstSrcsetUrl, normalizeContentId, shownLinkUrl, TEXT_PIECE_TAG } from './mail-frame.ts';

/** Where the images of a mail may come from; everything else becomes a placeholder or goes. */
export interface MailImageSources {
  /** data: URLs of the message's own inline parts, by normalized Content-ID. */
  inline: ReadonlyMap<string, string>;
  /** data: URLs of remote images the main process fetched; null while remote content is blocked. */
  remote: ReadonlyMap<string, string> | null;
}

export interface MailLink {
  url: string;
  text: string;
}

export interface SanitizedMail {
  /** A body fragment for buildMailSrcdoc(). */
  html: string;
  /** Remote image URLs the mail refers to (img, srcset, background, CSS), without duplicates. */
  remoteUrls: string[];
  /** Remote references that are not shown (blocked, or not fetched). */
  blockedRemote: number;
  /** Content-IDs the mail refers to with cid: URLs. */
  contentIds: string[];
  /** Web and mail links, which are inert inside the frame and listed beside it instead. */
  links: MailLink[];
  /** Only the beginning is here (the first view of a huge mail); the whole message has more. */
  truncated: boolean;
}

/** How much of a mail to keep: the whole, or a first view that lays out fast. */
export interface MailBodyLimit {
  /** Characters of raw HTML parsed. */
  html: number;
  /** Characters of text kept (style sheets do not count). */
  text: number;
}

export const FIRST_VIEW: MailBodyLimit = { html: FIRST_VIEW_HTML_CHARS, text: FIRST_VIEW_TEXT_CHARS };

// Through the prototype: a mail's markup can shadow an element's own methods by name
// (DOM clobbering), the prototype's cannot be.
const getAttr = (el: Element, name: string): string | null => Element.prototype.getAttribute.call(el, name);
const setAttr = (el: Element, name: string, value: string): void => Element.prototype.setAttribute.call(el, name, value);
const removeAttr = (el: Element, name: string): void => Element.prototype.removeAttribute.call(el, name);
// By node type, not instanceof: the nodes come from the parser frame's window (below), whose
// Element is not this window's.
const isElement = (node: Node): node is Element => node.nodeType === Node.ELEMENT_NODE;

/**
 * The window DOMPurify parses mail in: a hidden frame sandboxed without scripts (about:blank,
 * same origin so this page can reach into it). Any document parsed in the app's own window —
 * a DOMParser document too — compiles the mail's `on…` attributes there: Chromium checks each
 * against the app page's CSP, which blocks it and fires a securitypolicyviolation, so the CSP
 * would be what stands between the mail and the app. In a frame where scripts are off nothing is
 * compiled at all, and no markup of the mail is ever put into a live element of the app.
 */
let parserFrame: HTMLIFrameElement | null = null;

/** A frame's window carries the same globals (DOMParser, Element…) as this one, of its own realm. */
type FrameWindow = Window & typeof globalThis;

function parserWindow(): FrameWindow {
  const current = parserFrame?.isConnected ? parserFrame.contentWindow : null;
  if (current) return current as FrameWindow;
  const frame = document.createElement('iframe');
  // allow-same-origin without allow-scripts: this page may read it, nothing in it may run.
  frame.setAttribute('sandbox', 'allow-same-origin');
  frame.setAttribute('aria-hidden', 'true');
  frame.setAttribute('data-tf-mail-parser', '');
  frame.tabIndex = -1;
  frame.style.display = 'none';
  document.body.appendChild(frame);
  parserFrame = frame;
  const parser = frame.contentWindow;
  if (!parser) throw new Error('The mail parser frame has no window.');
  return parser as FrameWindow;
}

/**
 * Splits every text longer than a piece into TEXT_PIECE_TAG blocks, which the frame lays out
 * only when they are scrolled near (content-visibility in the frame's CSS): a megabyte on one line
 * then costs what the screenful shown costs. Pieces end at a line break or space where one is
 * near (pieceEnd), so a piece's end shows as an early line end only inside an overlong word.
 */
function splitLongText(root: Element): void {
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const long: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentNode?.nodeName !== 'STYLE' && (node as Text).data.length > TEXT_PIECE_CHARS) long.push(node as Text);
  }
  for (const text of long) {
    const doc = text.ownerDocument;
    const pieces = doc.createDocumentFragment();
    for (let from = 0; from < text.data.length; ) {
      const end = pieceEnd(text.data, from);
      const piece = doc.createElement(TEXT_PIECE_TAG);
      piece.textContent = text.data.slice(from, end);
      pieces.appendChild(piece);
      from = end;
    }
    text.parentNode?.replaceChild(pieces, text);
  }
}

/**
 * Keeps the first `max` characters of text below `root` and removes everything after them, so a
 * huge body lays out fast. Style sheets neither count nor get cut. True when something went.
 */
function keepText(root: Element, max: number): boolean {
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let kept = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentNode?.nodeName === 'STYLE') continue;
    const text = node as Text;
    if (kept + text.data.length <= max) {
      kept += text.data.length;
      continue;
    }
    text.data = text.data.slice(0, safeCut(text.data, max - kept));
    // Everything after this text, at every level up to the root.
    for (let at: Node | null = text; at && at !== root; at = at.parentNode) {
      while (at.nextSibling) at.parentNode?.removeChild(at.nextSibling);
    }
    return true;
  }
  return false;
}

/** Text as the body of a double-quoted CSS string. */
function cssString(text: string): string {
  return text.replace(/["\\\n\r\f]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `);
}

export const NO_IMAGES: MailImageSources = { inline: new Map(), remote: null };

/**
 * Elements that run code, load or embed other documents, submit data, change the document's
 * address or base, or play media from the network. Their content is dropped with them where it
 * is code (DOMPurify's FORBID_CONTENTS), kept as text otherwise (a form's labels).
 */
const FORBIDDEN_TAGS = [
  'script', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal', 'fencedframe',
  'form', 'input', 'button', 'select', 'option', 'optgroup', 'textarea', 'datalist', 'output', 'keygen', 'fieldset', 'label',
  'meta', 'link', 'base', 'title', 'svg', 'math', 'audio', 'video', 'source', 'track', 'picture', 'map', 'area', 'dialog', 'slot',
];

/** Attributes that fetch, navigate or submit; URL attributes this sanitizer handles itself are read before they go. */
const FORBIDDEN_ATTRIBUTES = [
  'srcset', 'background', 'poster', 'ping', 'action', 'formaction', 'lowsrc', 'dynsrc', 'longdesc', 'cite', 'usemap',
  'srcdoc', 'target', 'download', 'xmlns', 'href', 'xlink:href', 'http-equiv', 'autofocus', 'contenteditable', 'popover',
];

const CONFIG: Config = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: FORBIDDEN_TAGS,
  FORBID_ATTR: FORBIDDEN_ATTRIBUTES,
  ALLOW_DATA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  // Mail puts its <style> in <head>; parsed as a body, it is kept (and cleaned) with the rest.
  FORCE_BODY: true,
  WHOLE_DOCUMENT: false,
};

/**
 * Sanitizes a received HTML mail for the sandboxed reading frame. Scripts, event handlers,
 * forms, frames, embeds, meta/link/base, SVG and MathML go; styles stay but lose imports and
 * any url() that `images` cannot answer with a data: URL; remote images become a placeholder
 * unless `images.remote` has them; links keep their text and show their address on hover but
 * lead nowhere (the frame can open nothing). With a `limit`, only the beginning of a huge mail
 * is parsed and kept (`truncated` says so). Needs a DOM (the renderer's); the parsing itself
 * happens in a frame where nothing can run (see parserWindow).
 */
export function sanitizeMailHtml(html: string, images: MailImageSources = NO_IMAGES, limit: MailBodyLimit | null = null): SanitizedMail {
  const remoteUrls = new Set<string>();
  const contentIds = new Set<string>();
  const links: MailLink[] = [];
  const linked = new WeakSet<Element>();
  const blockedImages = new WeakSet<Element>();
  let blockedRemote = 0;

  /** A data: URL to show for this reference, or null. Counts what remote content is held back. */
  const resolve = (raw: string): string | null => {
    const url = raw.trim();
    switch (classifyMailUrl(url)) {
      case 'dataImage':
        return url;
      case 'cid': {
        const id = normalizeContentId(url);
        contentIds.add(id);
        return images.inline.get(id) ?? null;
      }
      case 'remote': {
        remoteUrls.add(url);
        const fetched = images.remote?.get(url) ?? null;
        if (!fetched) blockedRemote++;
        return fetched;
      }
      case 'other':
        return null;
    }
  };
  const css = (text: string) => cleanMailCss(text, resolve).css;

  // A fresh instance per call: hooks are per instance, and these close over this call's state.
  const purify = DOMPurify(parserWindow());
  // Unsupported, DOMPurify would hand the mail back as it came.
  if (!purify.isSupported) throw new Error('DOMPurify cannot run in the mail parser frame.');

  // Before DOMPurify's own checks: a sheet wrapped in `<!-- -->`, as Outlook writes them,
  // would otherwise look like markup inside <style> and be dropped whole.
  purify.addHook('beforeSanitizeElements', (node) => {
    if (isElement(node) && node.localName === 'style' && node.textContent) node.textContent = css(node.textContent);
  });

  purify.addHook('beforeSanitizeAttributes', (el) => {
    // DOMPurify runs this hook for text nodes too.
    if (!isElement(el)) return;
    // A table's `background` becomes CSS first, so one cleaning pass decides every URL of
    // the element; the value is escaped as a CSS string and cleaned like the rest.
    let style = getAttr(el, 'style');
    const background = getAttr(el, 'background');
    if (background !== null) style = `${style ?? ''};background-image:url("${cssString(background)}")`;
    if (style !== null) setAttr(el, 'style', css(style));

    const tag = el.localName;
    if (tag === 'img') {
      const wanted = getAttr(el, 'src')?.trim() || firstSrcsetUrl(getAttr(el, 'srcset'));
      const shown = wanted ? resolve(wanted) : null;
      if (shown) {
        setAttr(el, 'src', shown);
      } else if (wanted && classifyMailUrl(wanted) === 'remote') {
        setAttr(el, 'src', BLOCKED_IMAGE_PLACEHOLDER);
        blockedImages.add(el);
      } else {
        removeAttr(el, 'src');
      }
    }

    if (tag === 'a') {
      const url = shownLinkUrl(getAttr(el, 'href'));
      if (url) {
        links.push({ url, text: (el.textContent ?? '').replace(/\s+/g, ' ').trim() });
        // The address on hover is all a link does here; a click in the sandbox would only
        // replace the mail with an error page.
        setAttr(el, 'title', url);
        linked.add(el);
      }
    }
  });

  purify.addHook('afterSanitizeAttributes', (el) => {
    // Markers for the frame's stylesheet, added after DOMPurify dropped the mail's own data-*.
    if (linked.has(el)) setAttr(el, 'data-tf-link', '');
    if (blockedImages.has(el)) setAttr(el, 'data-tf-blocked', '');
  });

  // Cut before parsing: the cut may fall inside a tag, which the parser then drops or shows as
  // text, and what it makes of it is sanitized like the rest.
  const input = limit && html.length > limit.html ? html.slice(0, safeCut(html, limit.html)) : html;
  // The body of the parser frame's inert document, serialized here as DOMPurify would.
  const body = purify.sanitize(input, { ...CONFIG, RETURN_DOM: true });
  if (!isElement(body)) throw new Error('DOMPurify returned no body.');
  const cut = limit ? keepText(body, limit.text) : false;
  splitLongText(body);
  return { html: body.innerHTML, remoteUrls: [...remoteUrls], blockedRemote, contentIds: [...contentIds], links, truncated: input !== html || cut };
}
