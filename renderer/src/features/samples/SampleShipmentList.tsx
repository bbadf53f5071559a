import { Input, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../../shared/contract/contract.ts';
import { formatMoneyE4 } from '../../../../shared/domain/money.ts';
import { SAMPLE_SHIPMENT_STATUSES, type SampleShipmentStatus } from '../../../../shared/domain/quote-terms.ts';
import { hrefFor } from '../../app/router.ts';
import { useCall } from '../../app/useCall.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { useTimeFormat } from '../../ui/time-format.ts';
import { useDebouncedValue } from '../../ui/useDebouncedValue.ts';
import { OwnerFilter } from '../reminders/OwnerFilter.tsx';
import { SampleStatusTag, TrackingLink, useCourierLabel } from './SampleBits.tsx';

type Row = CallOutput<'samples.list'>['rows'][number];
const PAGE_SIZE = 50;

function costs(row: Row): string {
  const parts = [row.sampleCostE4, row.freightCostE4].filter((v): v is number => v !== null);
  return parts.length ? `${row.currency ?? ''} ${formatMoneyE4(parts.reduce((a, b) => a + b, 0))}` : '';
}

interface Props {
  /** Only this customer's shipments (the customer folder's tab); the customer column is then left out. */
  customerId?: string;
  onOpen(id: string): void;
  /** What the empty list offers (a "New shipment" button). */
  emptyAction: ReactNode;
  /** Where the count goes (the page's header). */
  renderHeader?(count: ReactNode, filters: ReactNode): ReactNode;
}

/** Shipments with their filters: status, owner, and part of a tracking number or customer name. */
export function SampleShipmentList({ customerId, onOpen, emptyAction, renderHeader }: Props) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const courierLabel = useCourierLabel();
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<SampleShipmentStatus | null>(null);
  const [ownerId, setOwnerId] = useState<string | undefined>(undefined);
  const [page, setPage] = useState(1);
  const search = useDebouncedValue(query.trim(), 200);
  const list = useCall(
    'samples.list',
    { customerId: customerId ?? null, status, ownerId: ownerId ?? null, query: search, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE },
    { placeholderData: (previous) => previous },
  );
  const filtered = Boolean(search || status || ownerId);

  const columns: TableColumnsType<Row> = [
    ...(customerId
      ? []
      : [
          {
            key: 'customer',
            title: t('samples.columns.customer'),
            render: (_: unknown, r: Row) => (
              <a href={hrefFor({ page: 'customer', id: r.customerId })} onClick={(e) => e.stopPropagation()} data-testid="sample-row-customer">
                {r.customerName}
              </a>
            ),
          },
        ]),
    { key: 'items', title: t('samples.columns.items'), render: (_, r) => <span data-testid="sample-row-items">{r.itemsSummary}</span> },
    { key: 'courier', title: t('samples.columns.courier'), width: 110, render: (_, r) => courierLabel(r.courier, r.courierName) },
    { key: 'tracking', title: t('samples.columns.tracking'), width: 190, render: (_, r) => <TrackingLink courier={r.courier} trackingNumber={r.trackingNumber} /> },
    { key: 'status', title: t('samples.columns.status'), width: 130, render: (_, r) => <SampleStatusTag status={r.status} /> },
    {
      key: 'dates',
      title: t('samples.columns.dates'),
      width: 170,
      render: (_, r) => (
        <Typography.Text type="secondary">
          {r.feedbackAt !== null
            ? t('samples.dates.feedback', { date: time.date(r.feedbackAt) })
            : r.deliveredAt !== null
            ? t('samples.dates.delivered', { date: time.date(r.deliveredAt) })
            : r.sentAt !== null
              ? t('samples.dates.sent', { date: time.date(r.sentAt) })
              : t('samples.dates.created', { date: time.date(r.createdAt) })}
        </Typography.Text>
      ),
    },
    { key: 'costs', title: t('samples.columns.costs'), width: 130, align: 'right', render: (_, r) => costs(r) },
  ];

  const filters = (
    <Space wrap>
      <Input.Search allowClear style={{ width: 240 }} placeholder={t('samples.searchPlaceholder')} value={query} onChange={(e) => { setQuery(e.target.value); setPage(1); }} data-testid="samples-search" />
      <Select<SampleShipmentStatus>
        allowClear
        style={{ minWidth: 160 }}
        placeholder={t('samples.allStatuses')}
        value={status ?? undefined}
        onChange={(v) => { setStatus(v ?? null); setPage(1); }}
        options={SAMPLE_SHIPMENT_STATUSES.map((s) => ({ value: s, label: t(`samples.status.${s}`) }))}
        data-testid="samples-status-filter"
      />
      {!customerId && <OwnerFilter testId="samples-owner-filter" value={ownerId} onChange={(v) => { setOwnerId(v); setPage(1); }} />}
    </Space>
  );
  const count = list.data ? t('samples.total', { count: list.data.total }) : null;

  return (
    <div data-testid="sample-list">
      {renderHeader ? renderHeader(count, filters) : <div style={{ marginBottom: 12 }}>{filters}</div>}
      <Table<Row>
        rowKey="id"
        size="middle"
        data-testid="samples-table"
        loading={list.isLoading}
        columns={columns}
        dataSource={list.data?.rows ?? []}
        onRow={(r) => ({ 'data-testid': 'sample-row', 'data-id': r.id, style: { cursor: 'pointer' }, onClick: () => onOpen(r.id) })}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, showSizeChanger: false, hideOnSinglePage: true, onChange: setPage }}
        locale={{
          emptyText: list.isLoading ? ' ' : filtered ? <EmptyState title={t('samples.empty')} testId="samples-empty" /> : <EmptyState title={<><div>{t('samples.empty')}</div><div className="muted">{t('samples.emptyHint')}</div></>} action={emptyAction} testId="samples-empty" />,
        }}
      />
    </div>
  );
}
