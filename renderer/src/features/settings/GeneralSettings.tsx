import { Card, Descriptions, Radio, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../../shared/contract/contract.ts';
import { useShowError } from '../../app/app-errors.ts';
import { systemLanguage } from '../../app/language.ts';
import { useCall, useMutationCall } from '../../app/useCall.ts';
import { useFeedback } from '../../app/feedback.ts';

type LanguageSetting = CallOutput<'settings.get'>['language'];

/** Language (the shell follows settings.language) and where this installation keeps its data. */
export function GeneralSettings() {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const showError = useShowError();
  const settings = useCall('settings.get', {});
  const info = useCall('app.getInfo', {});
  const update = useMutationCall('settings.update');
  // Language names are written in their own language, as every OS language picker does.
  const names: Record<'zh-CN' | 'en', string> = { 'zh-CN': t('settings.general.languageZh'), en: t('settings.general.languageEn') };

  async function setLanguage(language: LanguageSetting): Promise<void> {
    try {
      await update.mutateAsync({ language });
      void message.success(t('settings.saved'));
    } catch (err) {
      showError(err);
    }
  }

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16, maxWidth: 760 }}>
      <Card size="small" title={t('settings.general.language')}>
        {settings.data ? (
          <Radio.Group
            value={settings.data.language}
            disabled={update.isPending}
            onChange={(e) => void setLanguage(e.target.value as LanguageSetting)}
            data-testid="settings-language"
            options={[
              { value: 'system', label: t('settings.general.languageSystem', { language: names[systemLanguage()] }) },
              { value: 'zh-CN', label: names['zh-CN'] },
              { value: 'en', label: names.en },
            ]}
            style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
          />
        ) : (
          <Spin />
        )}
      </Card>
      <Card size="small" title={t('settings.general.about')}>
        {info.data && (
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('settings.general.version')}>{info.data.version}</Descriptions.Item>
            <Descriptions.Item label={t('settings.general.dataFolder')}>
              <code data-testid="settings-data-dir">{info.data.dataDir}</code>
            </Descriptions.Item>
            <Descriptions.Item label={t('settings.general.databaseFile')}>
              <code>{info.data.databaseFile}</code>
            </Descriptions.Item>
            <Descriptions.Item label={t('settings.general.schemaVersion')}>{info.data.schemaVersion}</Descriptions.Item>
          </Descriptions>
        )}
      </Card>
    </div>
  );
}
