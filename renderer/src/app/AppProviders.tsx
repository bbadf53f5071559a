import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import { useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { CallError, onEvent } from '../api/client.ts';
import { dayjsLocale } from '../ui/time-format.ts';
import { FeedbackSlot } from './FeedbackSlot.tsx';
import { createI18n, resolveLanguage, systemLanguage } from './i18n.ts';
import { prefetchFirstScreen } from './prefetch.ts';
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

/**
 * The class antd scopes its theme variables to (otherwise derived from React's useId), so the
 * app's root can carry it: the app's own CSS draws with antd's variables too.
 */
const THEME_CLASS = 'css-var-tradefolio';

/** Follows settings.language ('system' = the OS language) and switches i18next, antd and dayjs with it. */
function LocalizedApp({ children }: { children: ReactNode }) {
  const settings = useCall('settings.get', {});
  const system = useSyncExternalStore(subscribeToSystemLanguage, systemLanguage);
  const language = resolveLanguage(settings.data?.language, system);
  // Usually the settings are in the cache already (prefetch.ts), so this is the final language
  // and the first render need not be redone in another one.
  const [i18n] = useState(() => createI18n(language));

  useEffect(() => {
    if (i18n.language !== language) void i18n.changeLanguage(language);
    dayjs.locale(dayjsLocale(language));
    document.documentElement.lang = language;
  }, [i18n, language]);

  return (
    <I18nextProvider i18n={i18n}>
      <ConfigProvider
        locale={language === 'zh-CN' ? zhCN : enUS}
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
