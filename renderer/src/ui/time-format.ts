import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/i18n/catalogs.ts';
import { adoptingState } from '../first-screen/index.ts';

dayjs.extend(relativeTime);

export function dayjsLocale(language: Language): string {
  return language === 'zh-CN' ? 'zh-cn' : 'en';
}

/** The UI language as one of ours (i18next may report a variant such as en-US). */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
}

export interface TimeFormat {
  /** "3 days ago" / "3 天前". */
  relative(epochMs: number): string;
  dateTime(epochMs: number): string;
  date(epochMs: number): string;
}

export function useTimeFormat(): TimeFormat {
  const language = useLanguage();
  return useMemo(() => {
    const locale = dayjsLocale(language);
    // Made on first use: the first Intl.DateTimeFormat of a page loads its locale data (~30 ms
    // measured), and the customer list's first paint needs only relative times.
    let dateTimeFormat: Intl.DateTimeFormat | undefined;
    let dateFormat: Intl.DateTimeFormat | undefined;
    return {
      // While the page adopts the host's HTML, as of when the host rendered it.
      relative: (ms: number) => {
        const renderedAt = adoptingState()?.renderedAt;
        return renderedAt === undefined ? dayjs(ms).locale(locale).fromNow() : dayjs(ms).locale(locale).from(renderedAt);
      },
      dateTime: (ms: number) => (dateTimeFormat ??= new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' })).format(ms),
      date: (ms: number) => (dateFormat ??= new Intl.DateTimeFormat(language, { dateStyle: 'medium' })).format(ms),
    };
  }, [language]);
}
