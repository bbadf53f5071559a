import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export function QuotePage({ id }: { id: string }) {
  const { t } = useTranslation();
  return <Typography.Title level={3} data-quote-id={id}>{t('nav.quotes')}</Typography.Title>;
}
