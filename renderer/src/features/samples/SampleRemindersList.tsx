import { Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../../shared/contract/contract.ts';
import { hrefFor } from '../../app/router.ts';
import { useCall } from '../../app/useCall.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ListPageHeader } from '../../ui/ListPageHeader.tsx';
import { useTimeFormat } from '../../ui/time-format.ts';
import { OwnerFilter } from '../reminders/OwnerFilter.tsx';
import { TrackingLink, useCourierLabel } from './SampleBits.tsx';
import { SampleShipmentDrawer } from './SampleShipmentDrawer.tsx';

type Row = CallOutput<'samples.reminders'>['rows'][number];
const PAGE_SIZE = 50;

/** The reminders view's sample section: delivered samples whose feedback is due, each opening its shipment. */
export function SampleRemindersList() {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const courierLabel = useCourierLabel();
  const [page, setPage] = useState(1);
  const [ownerId, setOwnerId] = useState<string | undefined>(undefined);
  const [open, setOpen] = useState<string | null>(null);
  const list = useCall('samples.reminders', { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE, ownerId: ownerId ?? null }, { placeholderData: (previous) => previous });

  const columns: TableColumnsType<Row> = [
    {
      key: 'customer',
      title: t('samples.columns.customer'),
      render: (_, r) => (
        <a href={hrefFor({ page: 'customer', id: r.customerId })} onClick={(e) => e.stopPropagation()}>
          {r.customerName}
        </a>
      ),
    },
    { key: 'items', title: t('samples.columns.items'), render: (_, r) => <span data-testid="sample-reminder-items">{r.itemsSummary}</span> },
    { key: 'courier', title: t('samples.columns.courier'), width: 110, render: (_, r) => courierLabel(r.courier, r.courierName) },
    { key: 'tracking', title: t('samples.columns.tracking'), width: 190, render: (_, r) => <TrackingLink courier={r.courier} trackingNumber={r.trackingNumber} /> },
    { key: 'owner', title: t('samples.columns.owner'), width: 140, render: (_, r) => r.ownerName ?? '' },
    {
      key: 'overdue',
      title: t('reminders.columns.overdue'),
      width: 120,
      render: (_, r) => (
        <Tooltip title={r.deliveredAt !== null ? t('samples.reminders.deliveredOn', { date: time.date(r.deliveredAt) }) : undefined}>
          <Tag color={r.daysOverdue >= 14 ? 'red' : 'orange'} data-testid="sample-reminder-overdue">
            {t('samples.reminders.daysOverdue', { count: r.daysOverdue })}
          </Tag>
        </Tooltip>
      ),
    },
  ];

  return (
    <div className="reminders-tab" data-testid="sample-reminders">
      <ListPageHeader title={t('samples.reminders.title')} count={list.data ? t('samples.total', { count: list.data.total }) : null} countTestId="sample-reminders-total">
        <OwnerFilter testId="sample-reminders-owner-filter" value={ownerId} onChange={(v) => { setOwnerId(v); setPage(1); }} />
      </ListPageHeader>
      <Table<Row>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        columns={columns}
        dataSource={list.data?.rows ?? []}
        onRow={(r) => ({ 'data-testid': 'sample-reminder-row', 'data-id': r.id, style: { cursor: 'pointer' }, onClick: () => setOpen(r.id) })}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, showSizeChanger: false, hideOnSinglePage: true, onChange: setPage }}
        locale={{ emptyText: list.isLoading ? ' ' : <EmptyState title={t('samples.reminders.empty')} testId="sample-reminders-empty" /> }}
      />
      {open && <SampleShipmentDrawer key={open} shipmentId={open} onClose={() => setOpen(null)} />}
    </div>
  );
}

/** How many sample feedbacks are due (the reminders tab's badge). */
export function useSampleReminderCount(): number {
  const list = useCall('samples.reminders', { offset: 0, limit: 1, ownerId: null });
  return list.data?.total ?? 0;
}
