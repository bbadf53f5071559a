/**
 * Mail templates with placeholders: `{{contact.firstName}}`, with an optional fallback for an
 * empty value, `{{contact.firstName | there}}`. Pure, so the compose screen can preview as the
 * user types and the sender renders exactly the same way.
 */

/**
 * Every placeholder a template may use. Names are matched case-insensitively
 * (`{{Contact.Name}}` works); anything else between `{{ }}` is an error naming it, so a typo
 * is caught when the template is saved, not after a hundred customers got "{{contact.nmae}}".
 *  - contact.firstName / lastName: the first and last word of the contact's name; a name
 *    written without spaces (王伟, most CJK names) is all firstName, lastName empty.
 *  - customer.country: the country's English name (the code when it has none).
 *  - account.name: the name the recipient sees as sender (the account's display name, else
 *    its label); account.email: its address.
 */
export const TEMPLATE_PLACEHOLDERS = [
  'contact.name',
  'contact.firstName',
  'contact.lastName',
  'contact.title',
  'contact.email',
  'customer.name',
  'customer.localName',
  'customer.code',
  'customer.country',
  'customer.website',
  'account.name',
  'account.email',
] as const;
export type TemplatePlaceholder = (typeof TEMPLATE_PLACEHOLDERS)[number];
export type TemplateValues = Record<TemplatePlaceholder, string>;

/** The parts of a template (or of a mail rendered from one). */
export interface TemplateParts {
  subject: string;
  text: string | null;
  html: string | null;
}
export type TemplateField = keyof TemplateParts;

/** Where a placeholder's value goes decides how it is escaped. */
export type RenderMode = 'header' | 'text' | 'html';

const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;
const CANONICAL = new Map<string, TemplatePlaceholder>(TEMPLATE_PLACEHOLDERS.map((p) => [p.toLowerCase(), p]));

interface Occurrence {
  raw: string;
  key: TemplatePlaceholder | null;
  /** What the user wrote as the name, trimmed (for error messages). */
  name: string;
  fallback: string | null;
}

function occurrences(text: string): Occurrence[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => {
    const inner = m[1]!;
    const bar = inner.indexOf('|');
    const name = (bar < 0 ? inner : inner.slice(0, bar)).trim();
    const fallback = bar < 0 ? null : inner.slice(bar + 1).trim();
    return { raw: m[0], key: CANONICAL.get(name.toLowerCase()) ?? null, name, fallback };
  });
}

/** Placeholder names in these parts that are not in TEMPLATE_PLACEHOLDERS, with the part they are in. */
export function unknownPlaceholders(parts: Partial<TemplateParts>): Array<{ field: TemplateField; placeholder: string }> {
  const out: Array<{ field: TemplateField; placeholder: string }> = [];
  for (const field of ['subject', 'text', 'html'] as const) {
    const text = parts[field];
    if (!text) continue;
    for (const o of occurrences(text)) {
      if (!o.key && !out.some((u) => u.field === field && u.placeholder === o.name)) out.push({ field, placeholder: o.name });
    }
  }
  return out;
}

/** The known placeholders used in these parts, in order of first use. */
export function usedPlaceholders(parts: Partial<TemplateParts>): TemplatePlaceholder[] {
  const out: TemplatePlaceholder[] = [];
  for (const text of [parts.subject, parts.text, parts.html]) {
    for (const o of text ? occurrences(text) : []) if (o.key && !out.includes(o.key)) out.push(o.key);
  }
  return out;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * Fills the placeholders of one text. Values are escaped for HTML bodies (a customer called
 * "A&B <Ltd>" must not break the markup) and kept on one line in headers. Unknown
 * placeholders are left as written: callers validate with unknownPlaceholders() first.
 * Returns the placeholders that had no value and no fallback, so the UI can warn.
 */
export function renderText(text: string, values: TemplateValues, mode: RenderMode): { text: string; empty: TemplatePlaceholder[] } {
  const empty: TemplatePlaceholder[] = [];
  const out = text.replace(PLACEHOLDER, (raw: string, inner: string) => {
    const [o] = occurrences(`{{${inner}}}`);
    if (!o?.key) return raw;
    let value = values[o.key].trim();
    if (!value) {
      // A fallback, even an empty one (`{{contact.title|}}`), says "empty is fine here".
      if (o.fallback !== null) value = o.fallback;
      else if (!empty.includes(o.key)) empty.push(o.key);
    }
    if (mode === 'header') return value.replace(/\s+/g, ' ');
    return mode === 'html' ? escapeHtml(value) : value;
  });
  return { text: out, empty };
}

/** Renders a whole template for one recipient. */
export function renderTemplate(parts: TemplateParts, values: TemplateValues): TemplateParts & { empty: TemplatePlaceholder[] } {
  const subject = renderText(parts.subject, values, 'header');
  const text = parts.text === null ? null : renderText(parts.text, values, 'text');
  const html = parts.html === null ? null : renderText(parts.html, values, 'html');
  const empty = [...new Set([...subject.empty, ...(text?.empty ?? []), ...(html?.empty ?? [])])];
  return { subject: subject.text, text: text?.text ?? null, html: html?.text ?? null, empty };
}

export interface TemplateRecipient {
  contact: { name: string; title: string | null; email: string | null } | null;
  customer: { name: string; localName: string | null; code: string; country: string | null; website: string | null } | null;
  account: { name: string; displayName: string | null; email: string };
}

/** English name of an ISO 3166 country code; the code itself when Intl does not know it. */
export function countryName(code: string | null): string {
  if (!code) return '';
  try {
    return new Intl.DisplayNames(['en'], { type: 'region' }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** First and last word of a name; a name without spaces (most CJK names) is all first name. */
export function splitName(name: string): { first: string; last: string } {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length <= 1) return { first: words[0] ?? '', last: '' };
  return { first: words[0]!, last: words.at(-1)! };
}

/** The values of every placeholder for one recipient; missing data gives empty strings. */
export function templateValues(r: TemplateRecipient): TemplateValues {
  const names = splitName(r.contact?.name ?? '');
  return {
    'contact.name': r.contact?.name ?? '',
    'contact.firstName': names.first,
    'contact.lastName': names.last,
    'contact.title': r.contact?.title ?? '',
    'contact.email': r.contact?.email ?? '',
    'customer.name': r.customer?.name ?? '',
    'customer.localName': r.customer?.localName ?? '',
    'customer.code': r.customer?.code ?? '',
    'customer.country': countryName(r.customer?.country ?? null),
    'customer.website': r.customer?.website ?? '',
    'account.name': r.account.displayName || r.account.name,
    'account.email': r.account.email,
  };
}
