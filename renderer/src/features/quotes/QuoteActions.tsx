import { Button, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../../shared/contract/contract.ts';
import { useShowError } from '../../app/app-errors.ts';
import { useFeedback } from '../../app/feedback.ts';
import { navigate } from '../../app/router.ts';
import { useMutationCall } from '../../app/useCall.ts';
import { CustomerPicker, type PickedCustomer } from '../../ui/CustomerPicker.tsx';
import { QuoteExportButton } from './documents/QuoteExportButton.tsx';
import { useMailQuote } from './useMailQuote.tsx';
import { usePaymentTerms } from '../payments/usePaymentTerms.tsx';

type Quote = CallOutput<'quotes.get'>;

/** Mark sent, accept (with a PI number) or reject, revise, duplicate for another customer, delete. */
export function QuoteActions({ quote }: { quote: Quote }) {
  const { t } = useTranslation();
  const { message, modal } = useFeedback();
  const showError = useShowError();
  const setStatus = useMutationCall('quotes.setStatus');
  const revise = useMutationCall('quotes.revise');
  const duplicate = useMutationCall('quotes.duplicate');
  const remove = useMutationCall('quotes.remove');
  const mailQuote = useMailQuote();
  const paymentTerms = usePaymentTerms();
  const [accepting, setAccepting] = useState(false);
  const [piNumber, setPiNumber] = useState('');
  const [duplicating, setDuplicating] = useState(false);
  const [target, setTarget] = useState<PickedCustomer | null>(null);
  const live = quote.supersededById === null;
  const decidable = live && (quote.status === 'sent' || quote.status === 'expired');

  const run = async (work: () => Promise<{ id: string } | unknown>, open = false) => {
    try {
      const result = await work();
      if (open && result && typeof result === 'object' && 'id' in result) navigate({ page: 'quote', id: String(result.id) });
    } catch (err) {
      showError(err);
    }
  };
  const confirmDelete = () =>
    modal.confirm({
      title: t('quotes.confirmDelete', { number: quote.number }),
      okButtonProps: { danger: true, 'data-testid': 'quote-delete-confirm' },
      onOk: () =>
        run(async () => {
          await remove.mutateAsync({ id: quote.id });
          void message.success(t('quotes.deleted', { number: quote.number }));
          navigate({ page: 'quotes' });
        }),
    });

  return (
    <Space wrap data-testid="quote-actions">
      {live && quote.status === 'draft' && <Button type="primary" onClick={() => void run(() => setStatus.mutateAsync({ id: quote.id, status: 'sent' }))} data-testid="quote-mark-sent">{t('quotes.actions.markSent')}</Button>}
      {decidable && <Button onClick={() => setAccepting(true)} data-testid="quote-accept">{t('quotes.actions.accept')}</Button>}
      {decidable && <Button onClick={() => void run(() => setStatus.mutateAsync({ id: quote.id, status: 'rejected' }))} data-testid="quote-reject">{t('quotes.actions.reject')}</Button>}
      {live && quote.status !== 'draft' && <Button onClick={() => void run(() => revise.mutateAsync({ id: quote.id }), true)} data-testid="quote-revise">{t('quotes.actions.revise')}</Button>}
      <Button onClick={() => setDuplicating(true)} data-testid="quote-duplicate">{t('quotes.actions.duplicate')}</Button>
      <QuoteExportButton quoteId={quote.id} number={quote.number} />
      {live && <Button loading={mailQuote.busy} onClick={() => void mailQuote.open(quote.id)} data-testid="quote-mail">{t('quoteMail.panel.mailToCustomer')}</Button>}
      {mailQuote.element}
      {paymentTerms.element}
      <Button danger onClick={confirmDelete} data-testid="quote-delete">{t('quotes.actions.delete')}</Button>
      <Modal open={accepting} title={t('quotes.acceptTitle', { number: quote.number })} onCancel={() => setAccepting(false)} destroyOnHidden
        onOk={() => void run(async () => { await setStatus.mutateAsync({ id: quote.id, status: 'accepted', piNumber: piNumber || null }); setAccepting(false); paymentTerms.offer(quote); })}>
        <Input value={piNumber} onChange={(e) => setPiNumber(e.target.value)} placeholder={t('quotes.field.piNumber')} data-testid="quote-pi-number" />
      </Modal>
      <Modal open={duplicating} title={t('quotes.duplicateTitle', { number: quote.number })} onCancel={() => setDuplicating(false)} destroyOnHidden okButtonProps={{ disabled: !target }}
        onOk={() => void run(async () => { const copy = await duplicate.mutateAsync({ id: quote.id, customerId: target!.id }); setDuplicating(false); return copy; }, true)}>
        <CustomerPicker value={target} onChange={setTarget} placeholder={t('quotes.field.customerId')} testId="quote-duplicate-customer" />
      </Modal>
    </Space>
  );
}
