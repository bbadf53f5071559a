import type { Language } from '../../../shared/i18n/catalogs.ts';

/** The language the operating system (or browser) asks for, narrowed to the two we ship. */
export function systemLanguage(): Language {
  const preferred = navigator.languages?.length ? navigator.languages : [navigator.language];
  return preferred[0]?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** The same from a request's Accept-Language (the host rendering the first screen): the first preference decides. */
export function languageOfAcceptLanguage(header: string): Language {
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('zh') ? 'zh-CN' : 'en';
}

/** `settings.language` is 'system' (or not loaded yet) until the user picks one in Settings. */
export function resolveLanguage(setting: 'system' | Language | undefined, system: Language): Language {
  return setting === 'zh-CN' || setting === 'en' ? setting : system;
}

/**
 * Sets the document's language (before the first screen is laid out, and on every switch): it
 * picks the Chinese face (SC rather than JP) and how text breaks, and a change means loading
 * another face (~100–200 ms at a browser's start on Linux) and laying everything out again.
 * Also shows index.html's hidden text to the layout, which loads the fonts while the scripts
 * are still arriving.
 */
export function setDocumentLanguage(language: Language): void {
  document.documentElement.lang = language;
  document.documentElement.classList.add('language-known');
  try {
    localStorage.setItem(LAST_LANGUAGE_KEY, language);
  } catch {
    // Storage may be off (a private window); the next start then waits for the settings.
  }
}

const LAST_LANGUAGE_KEY = 'tradefolio.language';

/**
 * The language this page was last shown in, for a start before the settings have answered:
 * a reload of the web host gets the plain page (its token is never in a cookie), and loading
 * the system language's pack first would load both packs for everyone who chose the other.
 */
export function lastLanguage(): Language | null {
  try {
    const stored = localStorage.getItem(LAST_LANGUAGE_KEY);
    return stored === 'zh-CN' || stored === 'en' ? stored : null;
  } catch {
    return null;
  }
}
