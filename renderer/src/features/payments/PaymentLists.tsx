import { Button, Card, Descriptions, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LetterOfCredit, Payment } from '../../../../shared/contract/payments.contract.ts';
import { useShowError } from '../../app/app-errors.ts';
import { useFeedback } from '../../app/feedback.ts';
import { hrefFor } from '../../app/router.ts';
import { useMutationCall } from '../../app/useCall.ts';
import { useTimeFormat } from '../../ui/time-format.ts';
import { LcStateTag, moneyText, PaymentStateTag, usePaymentName } from './PaymentBits.tsx';

/** Payments with their state colours, "Mark received" in one click and delete after a confirmation. */
export function PaymentTable({ payments, showQuote }: { payments: Payment[]; showQuote: boolean }) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const { message, modal } = useFeedback();
  const showError = useShowError();
  const receive = useMutationCall('payments.markReceived');
  const remove = useMutationCall('payments.remove');
  const nameOf = usePaymentName();

  const markReceived = async (p: Payment) => {
    try {
      await receive.mutateAsync({ id: p.id });
      void message.success(t('payments.panel.markedReceived'));
    } catch (err) {
      showError(err);
    }
  };
  const confirmDelete = (p: Payment) =>
    modal.confirm({
      title: t('payments.confirm.paymentTitle', { label: nameOf(p), amount: moneyText(p.amountE4, p.currency) }),
      content: t('payments.confirm.body'),
      okText: t('payments.actions.delete'),
      okButtonProps: { danger: true, 'data-testid': 'payment-delete-confirm' },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await remove.mutateAsync({ kind: 'payment', id: p.id });
          void message.success(t('payments.panel.deleted'));
        } catch (err) {
          showError(err);
        }
      },
    });
  const when = (p: Payment) => {
    if (p.receivedAt !== null) {
      const short = p.receivedAmountE4 !== null && p.receivedAmountE4 !== p.amountE4;
      return short ? t('payments.panel.receivedShort', { date: time.date(p.receivedAt), amount: moneyText(p.receivedAmountE4!, p.currency) }) : t('payments.panel.received', { date: time.date(p.receivedAt) });
    }
    return p.dueAt === null ? t('payments.states.noDate') : t('payments.panel.due', { date: time.date(p.dueAt) });
  };

  return (
    <Table<Payment>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={payments}
      data-testid="payment-table"
      onRow={(p) => ({ 'data-testid': `payment-${p.id}`, 'data-label': p.label } as React.HTMLAttributes<HTMLElement>)}
      columns={[
        ...(showQuote ? [{ key: 'quote', title: t('payments.fields.quote'), render: (_: unknown, p: Payment) => <a href={hrefFor({ page: 'quote', id: p.quoteId })}>{p.quoteNumber}</a> }] : []),
        { key: 'label', title: t('payments.fields.label'), render: (_: unknown, p: Payment) => nameOf(p) },
        { key: 'amount', title: t('payments.fields.amountE4'), align: 'right' as const, render: (_: unknown, p: Payment) => <span data-testid="payment-amount">{moneyText(p.amountE4, p.currency)}</span> },
        { key: 'when', title: t('payments.fields.dueAt'), render: (_: unknown, p: Payment) => when(p) },
        { key: 'state', render: (_: unknown, p: Payment) => <PaymentStateTag state={p.state} /> },
        {
          key: 'actions',
          align: 'right' as const,
          render: (_: unknown, p: Payment) => (
            <Space>
              {p.receivedAt === null && <Button size="small" onClick={() => void markReceived(p)} data-testid="payment-mark-received">{t('payments.actions.markReceived')}</Button>}
              <Button size="small" type="text" danger onClick={() => confirmDelete(p)} data-testid="payment-delete">{t('payments.actions.delete')}</Button>
            </Space>
          ),
        },
      ]}
    />
  );
}

/** One L/C: its numbers and deadlines, "Goods shipped", "Close L/C", delete after a confirmation. */
export function LetterOfCreditCard({ lc, showQuote }: { lc: LetterOfCredit; showQuote: boolean }) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const { message, modal } = useFeedback();
  const showError = useShowError();
  const update = useMutationCall('payments.updateLetterOfCredit');
  const remove = useMutationCall('payments.remove');
  const run = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      void message.success(t(done));
    } catch (err) {
      showError(err);
    }
  };
  const confirmDelete = () =>
    modal.confirm({
      title: t('payments.confirm.lcTitle', { number: lc.number }),
      content: t('payments.confirm.body'),
      okText: t('payments.actions.delete'),
      okButtonProps: { danger: true, 'data-testid': 'lc-delete-confirm' },
      cancelText: t('common.cancel'),
      onOk: () => run(() => remove.mutateAsync({ kind: 'letterOfCredit', id: lc.id }), 'payments.panel.deleted'),
    });
  const items = [
    ...(showQuote ? [{ key: 'quote', label: t('payments.fields.quote'), children: <a href={hrefFor({ page: 'quote', id: lc.quoteId })}>{lc.quoteNumber}</a> }] : []),
    { key: 'bank', label: t('payments.fields.issuingBank'), children: lc.issuingBank },
    { key: 'amount', label: t('payments.fields.lcAmountE4'), children: moneyText(lc.amountE4, lc.currency) },
    { key: 'expiry', label: t('payments.fields.expiresAt'), children: time.date(lc.expiresAt) },
    { key: 'shipment', label: t('payments.fields.latestShipmentAt'), children: lc.shippedAt !== null ? t('payments.panel.shipped', { date: time.date(lc.shippedAt) }) : lc.latestShipmentAt !== null ? time.date(lc.latestShipmentAt) : '—' },
    ...(lc.presentationDays ? [{ key: 'presentation', label: t('payments.fields.presentationDays'), children: t('payments.panel.presentation', { count: lc.presentationDays }) }] : []),
  ];
  const open = lc.closedAt === null;
  return (
    <Card
      size="small"
      data-testid={`lc-${lc.id}`}
      title={<Space><span>{t('payments.dialog.lc')} <Typography.Text strong>{lc.number}</Typography.Text></span><LcStateTag state={lc.state} /></Space>}
      extra={
        <Space>
          {open && lc.shippedAt === null && lc.latestShipmentAt !== null && <Button size="small" onClick={() => void run(() => update.mutateAsync({ id: lc.id, shippedAt: Date.now() }), 'payments.panel.markedShipped')} data-testid="lc-mark-shipped">{t('payments.actions.markShipped')}</Button>}
          {open ? (
            <Button size="small" onClick={() => void run(() => update.mutateAsync({ id: lc.id, closedAt: Date.now() }), 'payments.panel.closed')} data-testid="lc-close">{t('payments.actions.close')}</Button>
          ) : (
            <Button size="small" onClick={() => void run(() => update.mutateAsync({ id: lc.id, closedAt: null }), 'payments.panel.reopened')} data-testid="lc-reopen">{t('payments.actions.reopen')}</Button>
          )}
          <Button size="small" type="text" danger onClick={confirmDelete} data-testid="lc-delete">{t('payments.actions.delete')}</Button>
        </Space>
      }
      style={{ marginTop: 12 }}
    >
      <Descriptions size="small" column={3} items={items} />
      {lc.notes && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 8 }}>{lc.notes}</Typography.Paragraph>}
    </Card>
  );
}
