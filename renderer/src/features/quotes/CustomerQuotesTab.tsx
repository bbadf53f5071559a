import { PlusOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../app/useCall.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { newQuoteHref } from './quote-form.ts';
import { QuoteTable } from './QuotesPage.tsx';

const PAGE_SIZE = 50;

/** A customer folder's Quotes tab: that customer's quotes, newest first, and "New quote" for them. */
export function CustomerQuotesTab({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const list = useCall('quotes.list', { customerId, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE }, { placeholderData: (previous) => previous });
  const newButton = <Button type="primary" icon={<PlusOutlined />} href={newQuoteHref(customerId)} data-testid="customer-new-quote">{t('quotes.newQuote')}</Button>;
  if (list.data?.total === 0) return <EmptyState testId="customer-quotes-empty" title={t('quotes.empty')} action={newButton} />;
  return (
    <div data-testid="customer-quotes">
      <Space style={{ marginBottom: 8 }}>{newButton}</Space>
      <QuoteTable rows={list.data?.rows ?? []} loading={list.isLoading} total={list.data?.total ?? 0} page={page} onPage={setPage} showCustomer={false} />
    </div>
  );
}
