import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export function QuotesPage() {
  const { t } = useTranslation();
  return <Typography.Title level={3}>{t('nav.quotes')}</Typography.Title>;
}
