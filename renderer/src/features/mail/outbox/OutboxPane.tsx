import { SendOutlined } from '@ant-design/icons';
import { Alert, Pagination, Segmented, Select, Skeleton} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toAppError, translateError } from '../../../app/app-errors.ts';
import { useCall } from '../../../app/useCall.ts';
import { EmptyState } from '../../../ui/EmptyState.tsx';
import { useTimeFormat } from '../../../ui/time-format.ts';
import { mailViewHref, type OutboxFilters } from '../mail-route.ts';
import { CustomerPicker, type PickedCustomer } from '../../../ui/CustomerPicker.tsx';
import { BatchBar } from './BatchBar.tsx';
import { filterCount, OUTBOX_FILTERS, type OutboxFilter } from './outbox-format.ts';
import { OutboxItem } from './OutboxItem.tsx';
import { PageTitle } from '../../../ui/PageTitle.tsx';

const PAGE_SIZE = 50;
const FILTERS = Object.keys(OUTBOX_FILTERS) as OutboxFilter[];

/** Mail going out: what waits, what was refused and why, what went; optionally one personalised send, or mail to one customer. */
export function OutboxPane({ batchId, customerId }: { batchId: string | null; customerId: string | null }) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const [filter, setFilter] = useState<OutboxFilter>('all');
  const [page, setPage] = useState(1);
  const statuses = OUTBOX_FILTERS[filter];
  const list = useCall(
    'mail.listOutbox',
    { statuses: statuses ? [...statuses] : null, batchId, customerId, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE },
    // The old page stays while the next loads: no flash of an empty list.
    { placeholderData: (previous) => previous },
  );
  const batches = useCall('mail.listBatches', { limit: 50 });
  // The filter's label (the address has only the id, e.g. from a customer's folder).
  const customer = useCall('customers.get', { id: customerId ?? '' }, { enabled: customerId !== null });
  const picked: PickedCustomer | null = customerId && customer.data ? { id: customerId, name: customer.data.name, code: customer.data.code } : null;
  const batch = batchId ? batches.data?.rows.find((b) => b.id === batchId) : undefined;
  const counts = list.data?.counts;
  const rows = list.data?.rows ?? [];
  const total = list.data?.total ?? 0;

  const choose = (filters: OutboxFilters) => {
    setPage(1);
    window.location.replace(mailViewHref('outbox', { batchId, customerId, ...filters }));
  };

  return (
    <section className="mail-view-pane" data-testid="outbox-pane">
      <div className="mail-view-head">
        <PageTitle level={4}>
          <SendOutlined /> {t('mail.outbox.title')}
        </PageTitle>
        <Segmented<OutboxFilter>
          value={filter}
          onChange={(value) => {
            setFilter(value);
            setPage(1);
          }}
          options={FILTERS.map((f) => ({
            value: f,
            label: <span data-testid={`outbox-filter-${f}`}>{t(`mail.outbox.filters.${f}`, { count: filterCount(f, counts) })}</span>,
          }))}
        />
        <span style={{ flex: 1 }} />
        <div style={{ minWidth: 240 }}>
          <CustomerPicker
            value={picked}
            onChange={(c) => choose({ customerId: c?.id ?? null })}
            placeholder={t('mail.outbox.customerFilter')}
            testId="outbox-customer-filter"
          />
        </div>
        {(batches.data?.rows.length ?? 0) > 0 && (
          <Select<string>
            allowClear
            style={{ minWidth: 240 }}
            placeholder={t('mail.batch.filter')}
            value={batchId ?? undefined}
            onChange={(id) => choose({ batchId: id ?? null })}
            data-testid="outbox-batch-filter"
            options={(batches.data?.rows ?? []).map((b) => ({
              value: b.id,
              label: `${b.templateName ?? t('mail.batch.deletedTemplate')} · ${time.dateTime(b.createdAt)}`,
            }))}
          />
        )}
      </div>
      {batch && <BatchBar batch={batch} />}
      {list.error && <Alert type="error" showIcon title={translateError(t, toAppError(list.error))} />}
      <div className="mail-view-body" data-testid="outbox-list">
        {list.isLoading ? (
          <Skeleton active paragraph={{ rows: 6 }} />
        ) : rows.length === 0 ? (
          <EmptyState testId="outbox-empty" title={filter === 'all' && !batchId && !customerId ? t('mail.outbox.empty') : t('mail.outbox.emptyFilter')} />
        ) : (
          rows.map((row) => <OutboxItem key={row.id} row={row} />)
        )}
      </div>
      {total > PAGE_SIZE && (
        <Pagination className="mail-view-foot" size="small" current={page} pageSize={PAGE_SIZE} total={total} showSizeChanger={false} onChange={setPage} />
      )}
    </section>
  );
}
