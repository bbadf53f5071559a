import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { catalogs, type Language } from '../../../shared/i18n/catalogs.ts';

/** The language the operating system (or browser) asks for, narrowed to the two we ship. */
export function systemLanguage(): Language {
  const preferred = navigator.languages?.length ? navigator.languages : [navigator.language];
  return preferred[0]?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** `settings.language` is 'system' (or not loaded yet) until the user picks one in Settings. */
export function resolveLanguage(setting: 'system' | Language | undefined, system: Language): Language {
  return setting === 'zh-CN' || setting === 'en' ? setting : system;
}

export function createI18n(language: Language): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: {
      en: { translation: catalogs.en },
      'zh-CN': { translation: catalogs['zh-CN'] },
    },
    lng: language,
    fallbackLng: 'en',
    // React escapes what it renders; escaping here too would show &amp; in company names.
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  return instance;
}
