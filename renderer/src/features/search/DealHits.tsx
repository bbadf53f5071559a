import { Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { QuoteHit, ShipmentHit } from '../../../../shared/contract/search.contract.ts';
import { hrefFor, navigate } from '../../app/router.ts';
import { useTimeFormat } from '../../ui/time-format.ts';
import { Highlighted } from './HighlightedText.tsx';
import { Hit } from './SearchHits.tsx';

const QUOTE_COLORS: Record<QuoteHit['status'], string> = { draft: 'default', sent: 'processing', accepted: 'success', rejected: 'error', expired: 'warning' };

/** Quotes found by number, PI number or a product on their lines; a click opens the quote. */
export function QuoteHits({ rows, query, more }: { rows: QuoteHit[]; query: string; more: boolean }) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  return (
    <div className="search-hits">
      {rows.map((q) => (
        <Hit key={q.id} id={q.id} testId="search-quote" onOpen={() => navigate({ page: 'quote', id: q.id })}>
          <div className="search-hit-line">
            <Typography.Text strong data-testid="search-quote-number">
              <Highlighted text={q.number} query={query} />
            </Typography.Text>
            {q.piNumber && (
              <span className="muted">
                PI <Highlighted text={q.piNumber} query={query} />
              </span>
            )}
            <Tag color={QUOTE_COLORS[q.status]}>{t(`search.quoteStatus.${q.status}`)}</Tag>
            {q.product && (
              <span className="muted" data-testid="search-quote-product">
                {t('search.byProduct', { model: q.product.model })}
                {q.product.name ? ` · ${q.product.name}` : ''}
              </span>
            )}
            <a href={hrefFor({ page: 'customer', id: q.customerId })}>
              {q.customerCode} · {q.customerName}
            </a>
            <Tooltip title={time.dateTime(q.quotedAt)}>
              <span className="muted">{time.date(q.quotedAt)}</span>
            </Tooltip>
          </div>
        </Hit>
      ))}
      {more && <div className="muted">{t('search.moreQuotes')}</div>}
    </div>
  );
}

/** Sample shipments found by tracking number; a click opens the shipment. */
export function ShipmentHits({ rows, query, more }: { rows: ShipmentHit[]; query: string; more: boolean }) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  return (
    <div className="search-hits">
      {rows.map((s) => (
        <Hit key={s.id} id={s.id} testId="search-shipment" onOpen={() => navigate({ page: 'samples', open: s.id })}>
          <div className="search-hit-line">
            <Tag>{s.courier === 'other' && s.courierName ? s.courierName : t(`search.courier.${s.courier}`)}</Tag>
            <Typography.Text strong data-testid="search-shipment-tracking">
              <Highlighted text={s.trackingNumber} query={query} />
            </Typography.Text>
            <Tag>{t(`search.shipmentStatus.${s.status}`)}</Tag>
            <a href={hrefFor({ page: 'customer', id: s.customerId })}>
              {s.customerCode} · {s.customerName}
            </a>
            <Tooltip title={time.dateTime(s.sentAt ?? s.createdAt)}>
              <span className="muted">{time.date(s.sentAt ?? s.createdAt)}</span>
            </Tooltip>
          </div>
        </Hit>
      ))}
      {more && <div className="muted">{t('search.moreSamples')}</div>}
    </div>
  );
}
