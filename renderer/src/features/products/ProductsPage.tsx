import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export function ProductsPage() {
  const { t } = useTranslation();
  return <Typography.Title level={3}>{t('nav.products')}</Typography.Title>;
}
