import { Empty, Space, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../app/useCall.ts';
import { LetterOfCreditCard, PaymentTable } from './PaymentLists.tsx';

/**
 * A customer folder's Payments tab: the open payments of its accepted quotes (soonest due first)
 * and its open letters of credit, with their state colours; received and closed ones on request.
 */
export function CustomerPaymentsTab({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const [includeSettled, setIncludeSettled] = useState(false);
  const data = useCall('payments.forCustomer', { customerId, includeSettled }, { placeholderData: (previous) => previous });
  const payments = data.data?.payments ?? [];
  const lcs = data.data?.lettersOfCredit ?? [];
  return (
    <div data-testid="customer-payments">
      <Space style={{ marginBottom: 8 }}>
        <Switch size="small" checked={includeSettled} onChange={setIncludeSettled} data-testid="payments-show-settled" />
        <span>{t('payments.panel.showSettled')}</span>
      </Space>
      {data.data && payments.length === 0 && lcs.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('payments.panel.empty')} data-testid="customer-payments-empty" />}
      {payments.length > 0 && <PaymentTable payments={payments} showQuote />}
      {lcs.map((lc) => (
        <LetterOfCreditCard key={lc.id} lc={lc} showQuote />
      ))}
    </div>
  );
}
