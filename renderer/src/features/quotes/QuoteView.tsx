import { Alert, Descriptions, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../../shared/contract/contract.ts';
import { formatMoneyE4 } from '../../../../shared/domain/money.ts';
import { hrefFor } from '../../app/router.ts';
import { useTimeFormat } from '../../ui/time-format.ts';
import { totalsText } from './quote-form.ts';

type Quote = CallOutput<'quotes.get'>;
type Line = Quote['lines'][number];

/** A sent (or decided) quote as it was sent: terms, lines, totals. */
export function QuoteView({ quote }: { quote: Quote }) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const successor = quote.revisions.find((r) => r.id === quote.supersededById);
  const terms = [
    { key: 'customer', label: t('quotes.field.customerId'), children: <a href={hrefFor({ page: 'customer', id: quote.customerId })}>{quote.customerName}</a> },
    { key: 'contact', label: t('quotes.field.contactId'), children: quote.contactName ?? '' },
    { key: 'incoterm', label: t('quotes.field.incoterm'), children: [quote.incoterm, quote.incotermPort].filter(Boolean).join(' ') },
    { key: 'payment', label: t('quotes.field.paymentTerms'), children: quote.paymentTerms ?? '' },
    { key: 'valid', label: t('quotes.field.validUntil'), children: quote.validUntil ? time.date(quote.validUntil) : '' },
    { key: 'lead', label: t('quotes.field.leadTime'), children: quote.leadTime ?? '' },
    { key: 'moq', label: t('quotes.field.moq'), children: quote.moq ?? '' },
    { key: 'language', label: t('quotes.field.language'), children: t(`quotes.languageName.${quote.language}`) },
    ...(quote.piNumber ? [{ key: 'pi', label: t('quotes.field.piNumber'), children: quote.piNumber }] : []),
  ];
  const columns = [
    { key: 'seq', render: (_: unknown, l: Line) => l.seq + 1, width: 32 },
    { key: 'model', title: t('quotes.field.model'), render: (_: unknown, l: Line) => <>{l.model}{l.productDeleted && <Typography.Text type="warning"> ({t('quotes.productDeleted')})</Typography.Text>}</> },
    { key: 'description', title: t('quotes.field.description'), render: (_: unknown, l: Line) => <>{l.description}{l.spec && <div className="muted">{l.spec}</div>}</> },
    { key: 'quantity', title: t('quotes.field.quantity'), align: 'right' as const, render: (_: unknown, l: Line) => `${l.quantity} ${l.unit}` },
    { key: 'price', title: t('quotes.field.unitPrice'), align: 'right' as const, render: (_: unknown, l: Line) => `${formatMoneyE4(l.unitPriceE4)} ${l.currency}` },
    { key: 'amount', title: t('quotes.field.amount'), align: 'right' as const, render: (_: unknown, l: Line) => `${formatMoneyE4(l.amountE4)} ${l.currency}` },
  ];
  return (
    <div data-testid="quote-view">
      {successor && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={<a href={hrefFor({ page: 'quote', id: successor.id })}>{t('quotes.supersededBy', { number: successor.number })}</a>} />}
      <Descriptions size="small" column={3} items={terms} />
      <Table<Line> rowKey="id" size="small" pagination={false} dataSource={quote.lines} columns={columns} style={{ marginTop: 12 }} data-testid="quote-view-lines" />
      <Typography.Paragraph strong style={{ textAlign: 'right', marginTop: 8 }} data-testid="quote-totals">{`${t('quotes.totals')}: ${totalsText(quote.totals)}`}</Typography.Paragraph>
      {quote.notes && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{quote.notes}</Typography.Paragraph>}
    </div>
  );
}
