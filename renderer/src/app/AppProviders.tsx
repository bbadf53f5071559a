import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { CallError, onEvent } from '../api/client.ts';
import { dayjsLocale } from '../ui/time-format.ts';
import { FeedbackSlot } from './FeedbackSlot.tsx';
import type { Language } from '../../../shared/i18n/catalogs.ts';
import { createI18n } from './i18n.ts';
import { loadedLanguagePack, loadLanguagePack, type LanguagePack } from './language-packs.ts';
import { resolveLanguage, setDocumentLanguage, systemLanguage } from './language.ts';
import { prefetchFirstScreen, serverRenderedState } from '../first-screen/index.ts';
import { invalidateForChange } from './query-invalidation.ts';
import { useCall } from './useCall.ts';

function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Freshness comes from data.changed events, not from polling.
        staleTime: 60_000,
        refetchOnWindowFocus: false,
        // A contract error (validation, not found) will not change on retry.
        retry: (count, err) => !(err instanceof CallError) && count < 2,
      },
    },
  });
}

function DataChangedListener(): null {
  const client = useQueryClient();
  useEffect(() => onEvent('data.changed', (payload) => void invalidateForChange(client, payload)), [client]);
  return null;
}

function subscribeToSystemLanguage(onChange: () => void): () => void {
  window.addEventListener('languagechange', onChange);
  return () => window.removeEventListener('languagechange', onChange);
}

/** On the host, and while the browser adopts its HTML: the system language the host read from the request. */
const systemLanguageAsRendered = () => serverRenderedState()?.systemLanguage ?? systemLanguage();

/** The wanted language if its pack is in (usually: main.tsx loaded it), else the one that is. */
function firstShown(wanted: Language): { language: Language; pack: LanguagePack } {
  for (const language of [wanted, wanted === 'en' ? 'zh-CN' : 'en'] as const) {
    const pack = loadedLanguagePack(language);
    if (pack) return { language, pack };
  }
  throw new Error('No language pack has loaded (main.tsx loads one before the first render).');
}

/**
 * The class antd scopes its theme variables to (otherwise derived from React's useId), so the
 * app's root can carry it: the app's own CSS draws with antd's variables too.
 */
const THEME_CLASS = 'css-var-tradefolio';

/**
 * Follows settings.language ('system' = the OS language) and switches i18next, antd and dayjs
 * with it. The first language's pack was loaded before the first render (main.tsx); another one
 * loads when the user switches, and the current language stays on screen until it is in.
 */
function LocalizedApp({ children }: { children: ReactNode }) {
  const settings = useCall('settings.get', {});
  const system = useSyncExternalStore(subscribeToSystemLanguage, systemLanguage, systemLanguageAsRendered);
  const wanted = resolveLanguage(settings.data?.language, system);
  const [shown, setShown] = useState(() => firstShown(wanted));
  const [i18n] = useState(() => createI18n(shown.language, shown.pack));

  useEffect(() => {
    if (wanted === shown.language) return;
    let active = true;
    loadLanguagePack(wanted).then(
      (pack) => {
        if (!active) return;
        if (!i18n.hasResourceBundle(wanted, 'translation')) i18n.addResourceBundle(wanted, 'translation', pack.catalog);
        void i18n.changeLanguage(wanted);
        setShown({ language: wanted, pack });
      },
      // Not loaded (the web host went away?): the current language stays.
      () => {},
    );
    return () => {
      active = false;
    };
  }, [i18n, wanted, shown.language]);

  useEffect(() => {
    dayjs.locale(dayjsLocale(shown.language));
    setDocumentLanguage(shown.language);
  }, [shown.language]);

  return (
    <I18nextProvider i18n={i18n}>
      <ConfigProvider
        locale={shown.pack.antdLocale}
        // antd would put a space between the two characters of labels such as 保存.
        button={{ autoInsertSpace: false }}
        theme={{ zeroRuntime: true, cssVar: { key: THEME_CLASS }, token: { colorPrimary: '#1d6fb8', borderRadius: 6 } }}
      >
        {/* What antd's App would render, without its message/modal code on the first screen
            (feedback.ts): the theme's variables and antd's base text style for the whole app. */}
        <div className={`${THEME_CLASS} app-root`}>
          {children}
          <FeedbackSlot />
        </div>
      </ConfigProvider>
    </I18nextProvider>
  );
}

export function AppProviders({ children }: { children: ReactNode }) {
  const [client] = useState(() => {
    const created = createQueryClient();
    prefetchFirstScreen(created);
    return created;
  });
  return (
    <QueryClientProvider client={client}>
      <DataChangedListener />
      <LocalizedApp>{children}</LocalizedApp>
    </QueryClientProvider>
  );
}
