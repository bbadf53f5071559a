import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../app/feedback.ts';
import { PaymentTermsDialog } from './PaymentTermsDialog.tsx';

/**
 * The payment terms dialog of a quote: `open` shows it, `offer` asks first (right after a quote is
 * accepted: recording terms then is offered, never forced).
 */
export function usePaymentTerms(): { open(quoteId: string): void; offer(quote: { id: string; number: string }): void; element: ReactNode } {
  const { t } = useTranslation();
  const { modal } = useFeedback();
  const [quoteId, setQuoteId] = useState<string | null>(null);
  return {
    open: setQuoteId,
    offer: (quote) =>
      modal.confirm({
        title: t('payments.acceptOffer.title', { number: quote.number }),
        content: t('payments.acceptOffer.body'),
        okText: t('payments.acceptOffer.now'),
        cancelText: t('payments.acceptOffer.later'),
        okButtonProps: { 'data-testid': 'payment-offer-record' },
        cancelButtonProps: { 'data-testid': 'payment-offer-later' },
        onOk: () => setQuoteId(quote.id),
      }),
    element: quoteId ? <PaymentTermsDialog quoteId={quoteId} onClose={() => setQuoteId(null)} /> : null,
  };
}
