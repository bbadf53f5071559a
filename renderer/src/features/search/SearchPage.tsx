import { Card, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../app/useCall.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ListPageHeader } from '../../ui/ListPageHeader.tsx';
import { MessageDrawer } from '../mail/MessageDrawer.tsx';
import { ActivityHits, ContactHits, CustomerHits, MessageHits } from './SearchHits.tsx';
import { QuoteHits, ShipmentHits } from './DealHits.tsx';
import './search.css';

const PER_GROUP = 20;

/** Results of the global search, grouped: customers, quotes, sample shipments, contacts, notes and calls, mail (newest first). */
export function SearchPage({ query }: { query: string }) {
  const { t } = useTranslation();
  const [openMessage, setOpenMessage] = useState<string | null>(null);
  const trimmed = query.trim();
  const result = useCall('search.all', { query: trimmed, limit: PER_GROUP }, { enabled: trimmed.length > 0, placeholderData: (previous) => previous });
  const data = result.data;
  const empty = data && data.customers.total + data.contacts.rows.length + data.activities.rows.length + data.messages.total + data.quotes.rows.length + data.samples.rows.length === 0;

  return (
    <div className="page search-results" data-testid="search-page">
      <ListPageHeader
        title={trimmed ? t('search.resultsFor', { query: trimmed }) : t('search.title')}
        count={result.isFetching ? <Spin size="small" /> : null}
        countTestId="search-busy"
      />
      {!trimmed && <EmptyState title={t('search.prompt')} testId="search-prompt" />}
      {trimmed && result.isLoading && <Spin />}
      {trimmed && empty && <EmptyState title={t('search.nothing', { query: trimmed })} testId="search-empty" />}
      {trimmed && data && !empty && (
        <>
          {data.customers.total > 0 && (
            <Card size="small" title={<span className="search-section-title">{t('search.customers')} <span className="muted">{t('search.customersCount', { count: data.customers.total })}</span></span>} data-testid="search-customers">
              <CustomerHits rows={data.customers.rows} query={trimmed} />
            </Card>
          )}
          {data.quotes.rows.length > 0 && (
            <Card size="small" title={t('search.quotes')} data-testid="search-quotes">
              <QuoteHits rows={data.quotes.rows} query={trimmed} more={data.quotes.more} />
            </Card>
          )}
          {data.samples.rows.length > 0 && (
            <Card size="small" title={t('search.samples')} data-testid="search-samples">
              <ShipmentHits rows={data.samples.rows} query={trimmed} more={data.samples.more} />
            </Card>
          )}
          {data.contacts.rows.length > 0 && (
            <Card size="small" title={t('search.contacts')} data-testid="search-contacts">
              <ContactHits rows={data.contacts.rows} query={trimmed} more={data.contacts.more} />
            </Card>
          )}
          {data.activities.rows.length > 0 && (
            <Card size="small" title={t('search.activities')} data-testid="search-activities">
              <ActivityHits rows={data.activities.rows} more={data.activities.more} />
            </Card>
          )}
          {data.messages.total > 0 && (
            <Card
              size="small"
              title={
                <span className="search-section-title">
                  {t('search.mail')}{' '}
                  <span className="muted" data-testid="search-mail-total" data-total={data.messages.total}>
                    {t('search.mailCount', { count: data.messages.total })}
                    {data.messages.total > data.messages.rows.length ? ` · ${t('search.showingFirst', { count: data.messages.rows.length })}` : ''}
                  </span>
                </span>
              }
              data-testid="search-mail"
            >
              <MessageHits rows={data.messages.rows} query={trimmed} onOpen={setOpenMessage} />
            </Card>
          )}
        </>
      )}
      {openMessage && <MessageDrawer messageId={openMessage} onClose={() => setOpenMessage(null)} />}
    </div>
  );
}
