import type { Language } from '../i18n/catalogs.ts';

/**
 * The languages a mail can be framed in: the app's own languages, since the quote and forward
 * headers come from its catalogs. A contact's preferred mail language is one of these
 * (contacts.preferred_language; null = follow each mail).
 */
export const MAIL_LANGUAGES = ['en', 'zh-CN'] as const satisfies readonly Language[];
export type MailLanguage = (typeof MAIL_LANGUAGES)[number];

/** How much of a message is looked at: its opening says which language it is written in. */
const SAMPLE_CHARS = 4000;

/**
 * The language a reply to this message should be framed in (its "On … wrote:" line, the
 * forward header and the date format): Chinese when the message is written in Chinese, English
 * otherwise — a Chinese salesperson answering a German buyer writes English. A Han character
 * carries about as much as a three-letter English word, so Chinese wins when it has at least
 * a third as many Han characters as Latin letters. `fallback` (the UI's language) decides when
 * the message has no words at all.
 */
export function messageLanguage(parts: ReadonlyArray<string | null | undefined>, fallback: Language): Language {
  const sample = parts
    .filter((p): p is string => typeof p === 'string')
    .join('\n')
    .slice(0, SAMPLE_CHARS);
  const han = sample.match(/\p{Script=Han}/gu)?.length ?? 0;
  const latin = sample.match(/\p{Script=Latin}/gu)?.length ?? 0;
  if (han === 0 && latin === 0) return fallback;
  return han * 3 >= latin ? 'zh-CN' : 'en';
}
