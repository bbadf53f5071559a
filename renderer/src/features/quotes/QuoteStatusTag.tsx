import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { QuoteStatus } from '../../../../shared/domain/quote-terms.ts';

const COLORS: Record<QuoteStatus, string> = { draft: 'default', sent: 'blue', accepted: 'green', rejected: 'red', expired: 'orange' };

/** A quote's status as a coloured tag; a revised (superseded) quote says so beside it. */
export function QuoteStatusTag({ status, superseded = false }: { status: QuoteStatus; superseded?: boolean }) {
  const { t } = useTranslation();
  return (
    <span data-testid="quote-status" data-status={status}>
      <Tag color={COLORS[status]}>{t(`quotes.status.${status}`)}</Tag>
      {superseded && <Tag>{t('quotes.superseded')}</Tag>}
    </span>
  );
}

