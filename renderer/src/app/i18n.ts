import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../shared/i18n/catalogs.ts';
import type { LanguagePack } from './language-packs.ts';

/** An i18next instance speaking `language`; the other language is added if the user switches to it. */
export function createI18n(language: Language, pack: LanguagePack): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: { [language]: { translation: pack.catalog } },
    lng: language,
    // Only the language in use is loaded; the Chinese catalog has every English key (typecheck).
    fallbackLng: false,
    // React escapes what it renders; escaping here too would show &amp; in company names.
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  return instance;
}
