import DOMPurify, { type Config } from 'dompurify';
import { cleanMailCss } from './mail-css.ts';
import { BLOCKED_IMAGE_PLACEHOLDER, classifyMailUrl, firstSrcsetUrl, normalizeContentId, shownLinkUrl } from './mail-frame.ts';

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
}

// Through the prototype: a mail's markup can shadow an element's own methods by name
// (DOM clobbering), the prototype's cannot be.
const getAttr = (el: Element, name: string): string | null => Element.prototype.getAttribute.call(el, name);
const setAttr = (el: Element, name: string, value: string): void => Element.prototype.setAttribute.call(el, name, value);
const removeAttr = (el: Element, name: string): void => Element.prototype.removeAttribute.call(el, name);

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
 * lead nowhere (the frame can open nothing). Needs a DOM (the renderer's).
 */
export function sanitizeMailHtml(html: string, images: MailImageSources = NO_IMAGES): SanitizedMail {
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
  const purify = DOMPurify(window);

  // Before DOMPurify's own checks: a sheet wrapped in `<!-- -->`, as Outlook writes them,
  // would otherwise look like markup inside <style> and be dropped whole.
  purify.addHook('beforeSanitizeElements', (node) => {
    if (node instanceof Element && node.localName === 'style' && node.textContent) node.textContent = css(node.textContent);
  });

  purify.addHook('beforeSanitizeAttributes', (el) => {
    // DOMPurify runs this hook for text nodes too.
    if (!(el instanceof Element)) return;
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

  const clean = purify.sanitize(html, CONFIG);
  return { html: clean, remoteUrls: [...remoteUrls], blockedRemote, contentIds: [...contentIds], links };
}
