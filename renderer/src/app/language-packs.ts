import type { Locale } from 'antd/es/locale';
import type { Language } from '../../../shared/i18n/catalogs.ts';

/** What the UI needs to speak one language: our messages and antd's (dayjs's register themselves). */
export interface LanguagePack {
  catalog: Record<string, unknown>;
  antdLocale: Locale;
}

/**
 * One chunk per language, and only the one in use is loaded: the catalogs grow with every
 * screen, and both of them were parsed before the customer list's first paint. The first screen
 * starts loading its pack as soon as the settings have answered (first-screen-calls.ts).
 */
const loaders: Record<Language, () => Promise<LanguagePack>> = {
  en: () => import('./language-pack-en.ts').then((m) => m.pack),
  'zh-CN': () => import('./language-pack-zh-CN.ts').then((m) => m.pack),
};

const loaded = new Map<Language, LanguagePack>();
const loading = new Map<Language, Promise<LanguagePack>>();

export function loadLanguagePack(language: Language): Promise<LanguagePack> {
  let pending = loading.get(language);
  if (!pending) {
    pending = loaders[language]().then((pack) => {
      loaded.set(language, pack);
      return pack;
    });
    // A failed load (say, the app was updated under a running web page) may be retried.
    pending.catch(() => loading.delete(language));
    loading.set(language, pending);
  }
  return pending;
}

/** The pack, if it has loaded: renders need it synchronously. */
export function loadedLanguagePack(language: Language): LanguagePack | undefined {
  return loaded.get(language);
}
