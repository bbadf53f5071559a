import type { Language } from '../../../shared/i18n/catalogs.ts';

/** The language the operating system (or browser) asks for, narrowed to the two we ship. */
export function systemLanguage(): Language {
  const preferred = navigator.languages?.length ? navigator.languages : [navigator.language];
  return preferred[0]?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** `settings.language` is 'system' (or not loaded yet) until the user picks one in Settings. */
export function resolveLanguage(setting: 'system' | Language | undefined, system: Language): Language {
  return setting === 'zh-CN' || setting === 'en' ? setting : system;
}
