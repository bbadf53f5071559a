import { Tabs} from 'antd';
import { useSyncExternalStore, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { MailAccountsPanel } from '../mail/accounts/MailAccountsPanel.tsx';
import { BackupSettings } from './BackupSettings.tsx';
import { CustomFieldSettings } from './CustomFieldSettings.tsx';
import { GeneralSettings } from './GeneralSettings.tsx';
import { LetterheadSettings } from './LetterheadSettings.tsx';
import { OwnerSettings } from './OwnerSettings.tsx';
import { RegionSettings } from './RegionSettings.tsx';
import { ReminderSettings } from './ReminderSettings.tsx';
import { PaymentReminderSettings } from '../payments/PaymentReminderSettings.tsx';
import { ScoreWeightSettings } from './ScoreWeightSettings.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { QuoteSettings } from '../quotes/QuoteSettings.tsx';
import { NotificationSettings } from '../today/NotificationSettings.tsx';

const TABS = ['general', 'reminders', 'regions', 'customFields', 'owners', 'mailAccounts', 'letterhead', 'backups'] as const;
type SettingsTab = (typeof TABS)[number];

/** `#/settings?tab=reminders` opens a tab directly (the "Not contacted" page links there). */
export function tabFromHash(hash: string): SettingsTab {
  const query = hash.split('?')[1] ?? '';
  const tab = new URLSearchParams(query).get('tab');
  return TABS.find((t) => t === tab) ?? 'general';
}

function subscribeToHash(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function SettingsPage() {
  const { t } = useTranslation();
  const tab = tabFromHash(useSyncExternalStore(subscribeToHash, () => window.location.hash));

  function select(key: string): void {
    // replace: switching tabs should not fill the back button's history.
    window.location.replace(`#/settings?tab=${tabFromHash(`?tab=${key}`)}`);
  }

  const content: Record<SettingsTab, () => ReactNode> = {
    general: () => (
      <>
        <GeneralSettings />
        <QuoteSettings />
        <ScoreWeightSettings />
      </>
    ),
    reminders: () => (
      <>
        <ReminderSettings />
        <PaymentReminderSettings />
        <NotificationSettings />
      </>
    ),
    regions: () => <RegionSettings />,
    customFields: () => <CustomFieldSettings />,
    owners: () => <OwnerSettings />,
    mailAccounts: () => (
      <div style={{ maxWidth: 960 }}>
        <MailAccountsPanel />
      </div>
    ),
    letterhead: () => <LetterheadSettings />,
    backups: () => <BackupSettings />,
  };

  return (
    <div className="page" data-testid="settings-page" style={{ overflow: 'auto' }}>
      <PageTitle>
        {t('settings.title')}
      </PageTitle>
      <Tabs
        activeKey={tab}
        onChange={select}
        destroyOnHidden
        items={TABS.map((key) => ({
          key,
          label: <span data-testid={`settings-tab-${key}`}>{t(`settings.tabs.${key}`)}</span>,
          children: content[key](),
        }))}
      />
    </div>
  );
}
