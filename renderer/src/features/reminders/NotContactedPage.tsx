import { PhoneOutlined, SwapOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Table, Tabs, Tag, Tooltip, type TableColumnsType } from 'antd';
import { useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../../shared/contract/contract.ts';
import { GRADES } from '../../../../shared/domain/customer-enums.ts';
import { hrefFor, navigate } from '../../app/router.ts';
import { useCall } from '../../app/useCall.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { GradeTag } from '../../ui/GradeTag.tsx';
import { ListPageHeader } from '../../ui/ListPageHeader.tsx';
import { useTimeFormat } from '../../ui/time-format.ts';
import { TransferOwnerDialog } from '../owners/TransferOwnerDialog.tsx';
import { useReminderCounts } from './useNotContactedCount.ts';
import { WaitingForReplyList } from './WaitingForReplyList.tsx';
import './reminders.css';
import { OwnerFilter } from './OwnerFilter.tsx';
import { LogCallModal } from './LogCallModal.tsx';
import { SampleRemindersList, useSampleReminderCount } from '../samples/SampleRemindersList.tsx';
import { QuoteRemindersList, useQuoteReminderCount } from '../quotes/QuoteRemindersList.tsx';

type OverdueRow = CallOutput<'reminders.notContacted'>['rows'][number];

const PAGE_SIZE = 50;

/** Clicks on checkboxes, buttons and links inside a row do their own thing, not "open the folder". */
export function isRowControl(e: MouseEvent<HTMLElement>): boolean {
  const target = e.target as HTMLElement;
  return Boolean(target.closest('button, a, input, label, .ant-table-selection-column, .ant-checkbox-wrapper'));
}

function IntervalsNote() {
  const { t } = useTranslation();
  const settings = useCall('settings.get', {});
  const intervals = settings.data?.contactIntervals;
  if (!intervals) return null;
  const parts = GRADES.map((grade) => {
    const days = intervals[grade];
    return days === null ? t('reminders.intervalNever', { grade }) : t('reminders.intervalDays', { grade, count: days });
  });
  return (
    <Alert
      type="info"
      showIcon
      data-testid="intervals-note"
      title={
        <span>
          {t('reminders.intervalsIntro')} <strong>{parts.join(' · ')}</strong>{' '}
          <a href="#/settings?tab=reminders" data-testid="intervals-settings-link">
            {t('reminders.changeIntervals')}
          </a>
        </span>
      }
    />
  );
}

/** Customers whose last contact is older than their grade's interval, most overdue first. */
function NotContactedList() {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const [page, setPage] = useState(1);
  const [ownerId, setOwnerId] = useState<string | undefined>(undefined);
  const [selected, setSelected] = useState<string[]>([]);
  const [transferOpen, setTransferOpen] = useState(false);
  const [callFor, setCallFor] = useState<{ id: string; name: string } | null>(null);
  const list = useCall(
    'reminders.notContacted',
    { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE, ownerId: ownerId ?? null },
    { placeholderData: (previous) => previous },
  );
  const total = list.data?.total ?? 0;

  const columns: TableColumnsType<OverdueRow> = [
    { key: 'code', title: t('reminders.columns.code'), dataIndex: 'code', width: 130 },
    {
      key: 'name',
      title: t('reminders.columns.name'),
      render: (_, row) => (
        <a href={hrefFor({ page: 'customer', id: row.id })} data-testid="overdue-name">
          {row.name}
          {row.localName ? <span className="muted"> · {row.localName}</span> : null}
        </a>
      ),
    },
    { key: 'grade', title: t('reminders.columns.grade'), width: 80, render: (_, row) => <GradeTag grade={row.grade} /> },
    {
      key: 'owner',
      title: t('reminders.columns.owner'),
      width: 160,
      render: (_, row) => <span data-testid="overdue-owner">{row.ownerName ?? <span className="muted">{t('reminders.noOwner')}</span>}</span>,
    },
    {
      key: 'lastContact',
      title: t('reminders.columns.lastContact'),
      width: 150,
      render: (_, row) =>
        row.lastContactedAt === null ? (
          <span className="muted">{t('reminders.never')}</span>
        ) : (
          <Tooltip title={time.dateTime(row.lastContactedAt)}>{time.relative(row.lastContactedAt)}</Tooltip>
        ),
    },
    {
      key: 'overdue',
      title: t('reminders.columns.overdue'),
      width: 110,
      render: (_, row) => (
        <Tooltip title={t('reminders.dueSince', { date: time.date(row.dueAt) })}>
          <Tag color={row.daysOverdue >= 30 ? 'red' : 'orange'} data-testid="overdue-days">
            {t('reminders.daysOverdue', { count: row.daysOverdue })}
          </Tag>
        </Tooltip>
      ),
    },
    {
      key: 'actions',
      title: t('reminders.columns.actions'),
      width: 130,
      render: (_, row) => (
        <Button size="small" icon={<PhoneOutlined />} onClick={() => setCallFor({ id: row.id, name: row.name })} data-testid="overdue-log-call">
          {t('reminders.logCall')}
        </Button>
      ),
    },
  ];

  return (
    <div className="reminders-tab" data-testid="not-contacted-page">
      <ListPageHeader title={t('reminders.title')} count={list.data ? t('reminders.total', { count: total }) : null} countTestId="not-contacted-total">
        <OwnerFilter
          testId="not-contacted-owner-filter"
          value={ownerId}
          onChange={(v) => {
            setOwnerId(v);
            setPage(1);
            setSelected([]);
          }}
        />
      </ListPageHeader>
      <IntervalsNote />
      {selected.length > 0 && (
        <div className="bulk-bar" data-testid="not-contacted-bulk">
          <span>{t('reminders.selected', { count: selected.length })}</span>
          <Button icon={<SwapOutlined />} onClick={() => setTransferOpen(true)} data-testid="not-contacted-transfer">
            {t('reminders.transferSelected')}
          </Button>
        </div>
      )}
      <Table<OverdueRow>
        rowKey="id"
        size="middle"
        data-testid="not-contacted-table"
        loading={list.isLoading}
        columns={columns}
        dataSource={list.data?.rows ?? []}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)), preserveSelectedRowKeys: true }}
        onRow={(row) => ({
          'data-testid': 'overdue-row',
          'data-id': row.id,
          style: { cursor: 'pointer' },
          onClick: (e: MouseEvent<HTMLElement>) => {
            if (!isRowControl(e)) navigate({ page: 'customer', id: row.id });
          },
        })}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total,
          showSizeChanger: false,
          hideOnSinglePage: true,
          onChange: (p) => setPage(p),
        }}
        locale={{ emptyText: list.isLoading ? ' ' : <EmptyState title={t('reminders.empty')} testId="not-contacted-empty" /> }}
      />
      <TransferOwnerDialog
        customerIds={selected}
        open={transferOpen}
        onClose={(done) => {
          setTransferOpen(false);
          if (done) setSelected([]);
        }}
      />
      {callFor && <LogCallModal key={callFor.id} customer={callFor} onClose={() => setCallFor(null)} />}
    </div>
  );
}

type ReminderTab = 'notContacted' | 'waiting' | 'samples' | 'quotes';

/** `#/not-contacted?tab=waiting` opens the second tab (the nav badge of waiting mail links there). */
function initialTab(): ReminderTab {
  const tab = new URLSearchParams(window.location.hash.split('?')[1] ?? '').get('tab');
  return tab === 'waiting' || tab === 'samples' || tab === 'quotes' ? tab : 'notContacted';
}

/** The reminders: customers not contacted in time, and customers waiting for our reply to their mail. */
export function NotContactedPage() {
  const { t } = useTranslation();
  const counts = useReminderCounts();
  const sampleCount = useSampleReminderCount();
  const quoteCount = useQuoteReminderCount();
  const [tab, setTab] = useState<ReminderTab>(initialTab);
  const label = (text: string, count: number, title: string, testId: string) => (
    <span className="nav-with-badge" data-testid={testId}>
      {text}
      <Badge count={count} overflowCount={99} size="small" title={title} />
    </span>
  );
  return (
    <div className="page reminders-page">
      <Tabs
        activeKey={tab}
        onChange={(key) => setTab(key as ReminderTab)}
        items={[
          { key: 'notContacted', label: label(t('waiting.tabNotContacted'), counts.notContacted, t('nav.badges.notContacted', { count: counts.notContacted }), 'tab-not-contacted'), children: <NotContactedList /> },
          { key: 'waiting', label: label(t('waiting.tabWaiting'), counts.waitingForReply, t('nav.badges.waitingForReply', { count: counts.waitingForReply }), 'tab-waiting'), children: <WaitingForReplyList /> },
          { key: 'quotes', label: label(t('quotes.reminders.title'), quoteCount, t('quotes.reminders.title'), 'tab-quote-reminders'), children: <QuoteRemindersList /> },
          { key: 'samples', label: label(t('samples.reminders.tab'), sampleCount, t('samples.reminders.title'), 'tab-sample-reminders'), children: <SampleRemindersList /> },
        ]}
      />
    </div>
  );
}
