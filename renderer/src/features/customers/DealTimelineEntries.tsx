import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TimelineQuote, TimelineShipment } from '../../../../shared/contract/mail.contract.ts';
import { formatMoneyE4 } from '../../../../shared/domain/money.ts';
import { navigate } from '../../app/router.ts';
import type { TimeFormat } from '../../ui/time-format.ts';

/** A quote on its customer's timeline: number, status, terms and totals; a click opens it. */
export function QuoteEntry({ quote, at, time }: { quote: TimelineQuote; at: number; time: TimeFormat }) {
  const { t } = useTranslation();
  const open = () => navigate({ page: 'quote', id: quote.id });
  return (
    <div
      className="timeline-mail"
      role="link"
      tabIndex={0}
      onClick={open}
      onKeyDown={(e) => {
        if (e.key === 'Enter') open();
      }}
      data-testid="timeline-quote"
      data-quote-id={quote.id}
    >
      <div className="timeline-entry-head">
        <Tag color="gold">{t('timeline.quote')}</Tag>
        <Typography.Text strong data-testid="timeline-quote-number">
          {quote.number}
        </Typography.Text>
        <Tag>{t(`search.quoteStatus.${quote.status}`)}</Tag>
        <span className="muted" title={time.dateTime(at)}>
          {time.date(at)}
        </span>
      </div>
      <div className="timeline-body muted">
        {[
          t('timeline.quoteLines', { count: quote.lines }),
          ...quote.totals.map((total) => `${total.currency} ${formatMoneyE4(total.amountE4)}`),
          quote.incoterm ? [quote.incoterm, quote.incotermPort].filter(Boolean).join(' ') : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </div>
    </div>
  );
}

/** A sample shipment on its customer's timeline: courier, tracking number, items, status, feedback; a click opens it. */
export function ShipmentEntry({ shipment, at, time }: { shipment: TimelineShipment; at: number; time: TimeFormat }) {
  const { t } = useTranslation();
  const open = () => navigate({ page: 'samples', open: shipment.id });
  return (
    <div
      className="timeline-mail"
      role="link"
      tabIndex={0}
      onClick={(e) => {
        // The tracking number's copy button does its own thing.
        if (!(e.target as HTMLElement).closest('.ant-typography-copy')) open();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') open();
      }}
      data-testid="timeline-sample"
      data-shipment-id={shipment.id}
    >
      <div className="timeline-entry-head">
        <Tag color="magenta">{t('timeline.sample')}</Tag>
        <span>{shipment.courier === 'other' && shipment.courierName ? shipment.courierName : t(`search.courier.${shipment.courier}`)}</span>
        {shipment.trackingNumber && <Typography.Text copyable>{shipment.trackingNumber}</Typography.Text>}
        <Tag>{t(`search.shipmentStatus.${shipment.status}`)}</Tag>
        <span className="muted" title={time.dateTime(at)}>
          {time.date(at)}
        </span>
      </div>
      {shipment.items.length > 0 && <div className="timeline-body muted">{shipment.items.join(', ')}</div>}
      {shipment.feedback && <div className="timeline-body">{shipment.feedback}</div>}
    </div>
  );
}
