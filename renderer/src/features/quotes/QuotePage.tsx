import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Col, Result, Row, Skeleton, Space, Tabs, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../../shared/contract/contract.ts';
import { hrefFor, navigate, useHash } from '../../app/router.ts';
import { useCall } from '../../app/useCall.ts';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { useTimeFormat } from '../../ui/time-format.ts';
import { QuoteActions } from './QuoteActions.tsx';
import { QuoteEditor } from './QuoteEditor.tsx';
import { QuoteMailPanel } from './QuoteMailPanel.tsx';
import { QuoteStatusTag } from './QuoteStatusTag.tsx';
import { QuoteView } from './QuoteView.tsx';
import { QuotePaymentsPanel } from '../payments/QuotePaymentsPanel.tsx';

type Quote = CallOutput<'quotes.get'>;

function Revisions({ quote }: { quote: Quote }) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  return (
    <div data-testid="quote-revisions">
      <Typography.Title level={5}>{t('quotes.revisions')}</Typography.Title>
      <Timeline
        items={quote.revisions.map((r) => ({
          key: r.id,
          children: (
            <Space>
              {r.id === quote.id ? <strong>{r.number}</strong> : <a href={hrefFor({ page: 'quote', id: r.id })}>{r.number}</a>}
              <span className="muted">{time.date(r.quotedAt)}</span>
              <QuoteStatusTag status={r.status} />
            </Space>
          ),
        }))}
      />
    </div>
  );
}

/** `#/quotes/<id>`: a draft opens in the editor, any other quote reads as sent; `#/quotes/new?customer=<id>` writes one. */
export function QuotePage({ id }: { id: string }) {
  const { t } = useTranslation();
  const hash = useHash();
  const isNew = id === 'new';
  const quote = useCall('quotes.get', { id }, { enabled: !isNew });
  const back = <Button type="text" icon={<ArrowLeftOutlined />} href={hrefFor({ page: 'quotes' })} aria-label={t('quotes.actions.back')} />;
  if (isNew) {
    const customerId = new URLSearchParams(hash.split('?')[1] ?? '').get('customer');
    return (
      <div className="page" data-testid="quote-page" style={{ overflow: 'auto' }}>
        <Space>{back}<PageTitle>{t('quotes.newQuote')}</PageTitle></Space>
        <QuoteEditor key={customerId ?? 'new'} quote={null} customerId={customerId} onSaved={(saved) => navigate({ page: 'quote', id: saved })} />
      </div>
    );
  }
  if (quote.isError) return <Result status="404" title={t('quotes.notFound')} extra={<Button href={hrefFor({ page: 'quotes' })}>{t('quotes.actions.back')}</Button>} />;
  if (!quote.data) return <Skeleton active />;
  const q = quote.data;
  return (
    <div className="page" data-testid="quote-page" data-quote-id={q.id} style={{ overflow: 'auto' }}>
      <Space align="center" wrap>
        {back}
        <PageTitle><span data-testid="quote-number">{q.number}</span></PageTitle>
        <QuoteStatusTag status={q.status} superseded={q.supersededById !== null} />
      </Space>
      <div style={{ margin: '12px 0' }}><QuoteActions quote={q} /></div>
      <Row gutter={24}>
        <Col flex="auto">
          {q.status === 'draft' ? <QuoteEditor key={`${q.id}-${q.updatedAt}`} quote={q} customerId={q.customerId} onSaved={() => void quote.refetch()} /> : <QuoteView quote={q} />}
        </Col>
        {q.revisions.length > 1 && <Col flex="260px"><Revisions quote={q} /></Col>}
      </Row>
      <Tabs
        items={[
          { key: 'mail', label: t('mail.title'), children: <QuoteMailPanel quoteId={q.id} /> },
          // Payment terms belong to an order: the tab shows once the quote is accepted.
          ...(q.status === 'accepted' ? [{ key: 'payments', label: <span data-testid="quote-tab-payments">{t('payments.tab')}</span>, children: <QuotePaymentsPanel quoteId={q.id} /> }] : []),
        ]}
      />
    </div>
  );
}
