import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatMoneyE4 } from '../../../../shared/domain/money.ts';
import { hrefFor } from '../../app/router.ts';
import { useCall } from '../../app/useCall.ts';
import { useTimeFormat } from '../../ui/time-format.ts';

/** The quotes this mail names (linked by number or by hand): one click to the quote. */
export function MessageQuotes({ messageId }: { messageId: string }) {
  const { t } = useTranslation();
  const quotes = useCall('quotes.ofMessage', { messageId });
  if (!quotes.data?.length) return null;
  return (
    <div className="mail-customer-card" data-testid="mail-linked-quotes">
      <span className="muted">{t('mail.reader.linkedQuotes')}</span>{' '}
      {quotes.data.map((q) => (
        <a key={q.id} href={hrefFor({ page: 'quote', id: q.id })} data-testid="mail-linked-quote">
          <Tag color="gold">{q.number}</Tag>
        </a>
      ))}
    </div>
  );
}

/** A customer's last quote and the sample shipments still waiting for feedback, under its facts. */
export function CustomerDeals({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const summary = useCall('customers.dealSummary', { customerId });
  const data = summary.data;
  if (!data || (!data.lastQuote && data.openShipments.length === 0)) return null;
  const quote = data.lastQuote;
  return (
    <div className="folder-meta" data-testid="mail-customer-deals">
      {quote && (
        <span data-testid="mail-last-quote">
          {t('mail.reader.lastQuote')} <a href={hrefFor({ page: 'quote', id: quote.id })}>{quote.number}</a> · {time.date(quote.quotedAt)} ·{' '}
          {quote.totals.map((total) => `${total.currency} ${formatMoneyE4(total.amountE4)}`).join(' + ')} · {t(`search.quoteStatus.${quote.status}`)}
        </span>
      )}
      {data.openShipments.length > 0 && (
        <span data-testid="mail-open-samples">
          {t('mail.reader.openSamples', { count: data.openShipments.length })}{' '}
          {data.openShipments
            .map((s) => [s.courier === 'other' && s.courierName ? s.courierName : t(`search.courier.${s.courier}`), s.trackingNumber, t(`search.shipmentStatus.${s.status}`)].filter(Boolean).join(' '))
            .join(' · ')}
        </span>
      )}
    </div>
  );
}
