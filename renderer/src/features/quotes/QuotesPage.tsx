import { Button, Input, Select, Space, Table } from 'antd';
import { useEffect, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../../shared/contract/contract.ts';
import { QUOTE_STATUSES, type QuoteStatus } from '../../../../shared/domain/quote-terms.ts';
import { hrefFor, navigate } from '../../app/router.ts';
import { useCall } from '../../app/useCall.ts';
import { CustomerPicker, type PickedCustomer } from '../../ui/CustomerPicker.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ListPageHeader } from '../../ui/ListPageHeader.tsx';
import { useDebouncedValue } from '../../ui/useDebouncedValue.ts';
import { useTimeFormat } from '../../ui/time-format.ts';
import { newQuoteHref, totalsText } from './quote-form.ts';
import { QuoteStatusTag } from './QuoteStatusTag.tsx';

type Row = CallOutput<'quotes.list'>['rows'][number];
const PAGE_SIZE = 50;

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** The quote table of the Quotes page and a customer's Quotes tab; a click opens the quote. */
export function QuoteTable({ rows, loading, total, page, onPage, showCustomer = true }: { rows: Row[]; loading: boolean; total: number; page: number; onPage(page: number): void; showCustomer?: boolean }) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const columns = [
    { key: 'number', title: t('quotes.col.number'), render: (_: unknown, r: Row) => <a href={hrefFor({ page: 'quote', id: r.id })} data-testid="quote-row-number">{r.number}</a> },
    ...(showCustomer ? [{ key: 'customer', title: t('quotes.col.customer'), render: (_: unknown, r: Row) => r.customerName }] : []),
    { key: 'date', title: t('quotes.col.date'), render: (_: unknown, r: Row) => time.date(r.quotedAt) },
    { key: 'status', title: t('quotes.col.status'), render: (_: unknown, r: Row) => <QuoteStatusTag status={r.status} superseded={r.supersededById !== null} /> },
    { key: 'incoterm', title: t('quotes.col.incoterm'), render: (_: unknown, r: Row) => [r.incoterm, r.incotermPort].filter(Boolean).join(' ') },
    { key: 'total', title: t('quotes.col.total'), align: 'right' as const, render: (_: unknown, r: Row) => totalsText(r.totals) },
    { key: 'valid', title: t('quotes.col.validUntil'), render: (_: unknown, r: Row) => (r.validUntil ? time.date(r.validUntil) : '') },
  ];
  return (
    <Table<Row>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={rows}
      columns={columns}
      onRow={(r) => ({ onClick: () => navigate({ page: 'quote', id: r.id }), style: { cursor: 'pointer' }, 'data-testid': 'quote-row' } as HTMLAttributes<HTMLElement>)}
      pagination={total > PAGE_SIZE ? { current: page, pageSize: PAGE_SIZE, total, showSizeChanger: false, onChange: onPage } : false}
      data-testid="quotes-table"
    />
  );
}

/** All quotes, newest first: filtered by customer, salesperson, status and number; N writes a new one. */
export function QuotesPage() {
  const { t } = useTranslation();
  const [customer, setCustomer] = useState<PickedCustomer | null>(null);
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const [statuses, setStatuses] = useState<QuoteStatus[]>([]);
  const [text, setText] = useState('');
  const [page, setPage] = useState(1);
  const search = useDebouncedValue(text.trim(), 200);
  const owners = useCall('owners.list', {});
  const list = useCall(
    'quotes.list',
    { ...(customer ? { customerId: customer.id } : {}), ...(ownerId ? { ownerId } : {}), statuses, text: search, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE },
    { placeholderData: (previous) => previous },
  );

  useEffect(() => {
    function onKeyDown(e: KeyboardEvent): void {
      if (e.key.toLowerCase() === 'n' && !e.ctrlKey && !e.metaKey && !e.altKey && !isTyping(e.target) && !document.querySelector('.ant-drawer-open, .ant-modal-wrap')) {
        e.preventDefault();
        window.location.hash = newQuoteHref();
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  const filtered = Boolean(customer || ownerId || statuses.length || search);
  return (
    <div className="list-page" data-testid="quotes-page">
      <ListPageHeader title={t('quotes.title')} count={list.data ? list.data.total : null} countTestId="quotes-count">
        <Button type="primary" href={newQuoteHref()} data-testid="quotes-new" title="N">{t('quotes.newQuote')}</Button>
      </ListPageHeader>
      <Space style={{ margin: '12px 0' }} wrap>
        <Input.Search allowClear value={text} onChange={(e) => { setText(e.target.value); setPage(1); }} placeholder={t('quotes.searchNumber')} style={{ width: 200 }} data-testid="quotes-search" />
        <div style={{ width: 260 }}>
          <CustomerPicker value={customer} onChange={(c) => { setCustomer(c); setPage(1); }} placeholder={t('quotes.allCustomers')} testId="quotes-customer-filter" />
        </div>
        <Select allowClear value={ownerId} onChange={(v: string | undefined) => { setOwnerId(v ?? null); setPage(1); }} placeholder={t('quotes.allOwners')} style={{ width: 180 }}
          options={(owners.data ?? []).map((o) => ({ value: o.id, label: o.name }))} data-testid="quotes-owner-filter" />
        <Select mode="multiple" allowClear value={statuses} onChange={(v: QuoteStatus[]) => { setStatuses(v); setPage(1); }} placeholder={t('quotes.allStatuses')} style={{ minWidth: 200 }}
          options={QUOTE_STATUSES.map((s) => ({ value: s, label: t(`quotes.status.${s}`) }))} data-testid="quotes-status-filter" />
      </Space>
      {list.data?.total === 0 ? (
        <EmptyState testId="quotes-empty" title={filtered ? t('quotes.emptyFiltered') : t('quotes.empty')}
          action={filtered ? undefined : <Button type="primary" href={newQuoteHref()}>{t('quotes.newQuote')}</Button>} />
      ) : (
        <QuoteTable rows={list.data?.rows ?? []} loading={list.isLoading} total={list.data?.total ?? 0} page={page} onPage={setPage} />
      )}
    </div>
  );
}
