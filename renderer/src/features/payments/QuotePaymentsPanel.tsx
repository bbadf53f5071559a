import { Button, Empty, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../app/useCall.ts';
import { LetterOfCreditCard, PaymentTable } from './PaymentLists.tsx';
import { usePaymentTerms } from './usePaymentTerms.tsx';

/** The quote page's Payments tab: the order's payments and L/C with their states, and the terms dialog. */
export function QuotePaymentsPanel({ quoteId }: { quoteId: string }) {
  const { t } = useTranslation();
  const terms = useCall('payments.forQuote', { quoteId });
  const dialog = usePaymentTerms();
  if (!terms.data) return null;
  const { payments, letterOfCredit, recordable } = terms.data;
  const recorded = payments.length > 0 || letterOfCredit !== null;
  return (
    <div data-testid="quote-payments">
      {recordable ? (
        <Space style={{ marginBottom: 8 }}>
          <Button type={recorded ? 'default' : 'primary'} onClick={() => dialog.open(quoteId)} data-testid="quote-payment-terms">
            {recorded ? t('payments.actions.edit') : t('payments.actions.record')}
          </Button>
        </Space>
      ) : (
        !recorded && <Typography.Paragraph type="secondary" data-testid="quote-payments-not-accepted">{t('payments.panel.notAccepted')}</Typography.Paragraph>
      )}
      {recorded ? (
        <>
          {payments.length > 0 && <PaymentTable payments={payments} showQuote={false} />}
          {letterOfCredit && <LetterOfCreditCard lc={letterOfCredit} showQuote={false} />}
        </>
      ) : (
        recordable && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('payments.panel.noneOnQuote')} />
      )}
      {dialog.element}
    </div>
  );
}
